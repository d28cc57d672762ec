"""Wars as they unfold: replay a dated sequence of attacks, entries, exits and ceasefires against the treaties.

Modules, one job each: `schema` (the war-file schema), `loader` (read and resolve a war file), `events`
(resolved events), `course` (sides and ongoing attacks, event by event), `changes` (the treaty timeline),
`evaluate` (one date: the cascade and every casus foederis), `cause` (which change moved a state),
`frames` and `result` (the replay's records and JSON contract), `replay` (the loop), `ongoing` (the
`--ongoing-since` form of `foedus cascade`), `ongoing_changes` (how two such forms differ, for `foedus compare`),
`why` (one state's standing on one date, as the web map's *Why?* says it), `render` (the replay as `foedus war`
prints it; the command itself is `foedus.cli.war_cmd`), `notes` and `note_days` (the note a cascade takes on a day
of a bundled war).
This package's `__init__` imports nothing, so the CLI stays quick to start; use `foedus.api.replay_war`.
"""
