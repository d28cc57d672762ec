"""The `foedus war FILE.yaml` command: replay a war file and print who was bound when, and by what.

Imports only typer and the bundled wars' listing at module level (the CLI's start-up budget); the replay loads on
use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from foedus.cli.helpers import emit_json
from foedus.cli.options import JsonOpt, TreatyFiles
from foedus.cli.params import with_inputs
from foedus.cli.writing import Force
from foedus.file_words import escaped
from foedus.inputs import WAR
from foedus.war.bundled import known_wars  # the help lists the bundled wars (a folder's listing, no import)

__all__ = ["war"]


@with_inputs(WAR)
def war(
    inputs: dict[str, Any],
    file: Annotated[str, typer.Argument(help="War file (YAML; see `foedus schema --war`), or a bundled war: "
                                             f"{known_wars()}.", metavar="FILE|WAR")],
    until: Annotated[str | None, typer.Option(help="Last day to replay (default: the war's end, or the data's "
                                                   "end for an ongoing war, to which a later day is cut, with a "
                                                   "warning on stderr; a day after 2025-12-31, the day the "
                                                   "treaty set was reviewed to, is replayed on the treaties as "
                                                   "known, later changes encoded only where found, "
                                                   "said among the table's notes on stdout, or with --state or "
                                                   "--json as a warning on stderr (the JSON says it too)), "
                                                   "YYYY-MM-DD.")] = None,
    timeline: Annotated[bool, typer.Option("--timeline/--no-timeline", help="Also print each date's moves.")]
    = True,
    state: Annotated[str | None, typer.Option(help="Only say why this state (a name, ISO3 code or COW number) is "
                                                   "fighting, bound or neither on --until's day (default: the "
                                                   "replay's last day), in the web map's words; with --json, "
                                                   "as an object with the treaty and article it rests on.")] = None,
    treaties: TreatyFiles = None,
    as_json: JsonOpt = False,
    out: Annotated[Path | None, typer.Option(help="Write the replay's table, one row per state (as "
                                                  "`WarReplay.to_frame`), to a .parquet, .csv or .dta (Stata) "
                                                  "file instead of printing it; refuses an existing file unless "
                                                  "--force.")] = None,
    force: Force = False,
) -> None:
    """Replay a war: re-evaluate the obligations on every event date and every treaty change, and say who was
    bound, from when, by which event or treaty change."""
    from foedus.api import replay_war
    from foedus.cli.helpers import refuse_unused, world_for
    from foedus.engine.scenario import parse_date

    refuse_unused("--no-timeline", as_json and not timeline, "with --json (its frames hold every date's moves)")
    refuse_unused("--no-timeline", state is not None and not timeline, "with --state (it prints one line)")
    refuse_unused("--force", force and out is None, "without --out")
    if out is not None:
        _check_out(out, force, [file, *(treaties or ())], as_json, state, timeline)
    day = parse_date(until) if until is not None else None  # an empty --until is malformed, not "no date"
    world = world_for(treaties)
    result = replay_war(file, world=world, until=day, **inputs)
    said: Any = None
    if state is not None:  # a --state that names no state is refused alone, before any warning is said
        from foedus.war.why import why_on, why_record

        said = why_record(result, world, state, day).to_dict() if as_json else why_on(result, world, state, day)
    listed = result.notes if state is None and not as_json else ()  # the replay's table ends with its notes
    for warning in result.warnings:  # asked past the war's data, or replayed past the treaties': said once
        if warning not in listed:
            typer.echo(f"warning: {escaped(warning)}", err=True)
    if state is not None:
        if as_json:
            emit_json(said)
        else:
            typer.echo(said)
        return
    if as_json:
        emit_json(result.to_dict())
        return
    if out is not None:
        from foedus.cli.writing import save_table
        from foedus.sources.coverage import history_read
        from foedus.war.columns import WAR_COLUMNS
        from foedus.war.render import settings_tail

        # the table cites what the replay read: ATOP's alliances and COW's state system, where loaded; its title
        # names the switches the replay ran under, as the header does
        save_table(result.to_frame(), out, force=force, datasets=history_read(world),
                   title=f"foedus war {result.war.id}{settings_tail(result.settings)}", notes=result.notes,
                   codebook=WAR_COLUMNS)
        return
    from foedus.cited_names import titles_of
    from foedus.war.render import print_replay

    print_replay(result, timeline, world.states, titles_of(world.treaties.values()))


def _check_out(out: Path, force: bool, read: list[str | Path], as_json: bool, state: str | None,
               timeline: bool) -> None:
    """Refuse `--out` with an option it would leave unread, a taken file, or a file it would replace that the replay
    reads (`read`: the war file, or a bundled war's name, then the treaty files): `foedus war w.csv --out w.csv
    --force` replaced the war file it had read with the table."""
    from foedus.cli.helpers import refuse_unused
    from foedus.cli.writing import check_table
    from foedus.outputs.own_inputs import refuse_input

    refuse_unused("--out", as_json, "with --json (it prints the whole replay)")
    refuse_unused("--out", state is not None, "with --state (it prints one line)")
    refuse_unused("--no-timeline", not timeline, "with --out (the table holds no timeline)")
    check_table(out, force)
    war_file, *treaties = read
    refuse_input("the war file", Path(war_file), out, "the table would replace the war it replays")
    for path in treaties:
        refuse_input("--treaties", Path(path), out, "the table would replace the treaty file it reads")
