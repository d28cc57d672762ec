"""`foedus batch`'s table: each scenario's parties and findings as `foedus cascade --format csv` rows
(`foedus.engine.finding_rows`), after the scenario's own columns and before its notes, one table for every scenario."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from foedus.batch.chances import LIKELY_COLUMNS, RATED
from foedus.batch.draws import DRAWN, DRAWN_ROLES, DRAWS_COLUMNS
from foedus.engine.finding_rows import CASCADE_COLUMNS

if TYPE_CHECKING:
    from foedus.engine.result import CascadeResult

__all__ = ["BAD_COLUMNS", "BATCH_COLUMNS", "DRAWN_ROLES", "batch_columns", "batch_rows"]

_SCENARIO_COLUMNS: Mapping[str, str] = {
    "scenario": "the scenario's number in the batch file (1: its first row)",
    "scenario_attacker": "the scenario's attackers (foedus ids, space-separated)",
    "scenario_target": "the scenario's targets (foedus ids, space-separated)",
    "scenario_date": "the scenario's date",
    "scenario_place": "the place of the scenario's attack (place id)",
    "scenario_reading": "the scenario's reading: legal or escalatory",
    "scenario_ongoing_since": "the day its attacks are ongoing since (empty: not asked)",
}
_FINDING_COLUMNS: Mapping[str, str] = {  # CASCADE_COLUMNS' meanings, each within a Stata label (DESCRIPTION_MAX)
    "state": "the state (foedus id, ISO3)",
    "ccode": "its COW code (empty where it has none)",
    "name": "its name on the date",
    "role": "cascade's (attacker, joiner, ...); lapsed; drawn (draws); rated (likelihood)",
    "side": "the side it is on or bound to join: attack or defense",
    "round": "the round it joined or its conflict arose in (0: the original parties)",
    "treaty": "the treaty (foedus id) that binds it; a conflict's, space-separated",
    "instrument": "treaty, executive_order, statute, political_statement or forum",
    "article": "the article that binds it",
    "strength": "the obligation's strength, S1 to S5 (joiners only)",
    "kind": "the duty: defense, offense, neutrality, consultation, or what is violated",
    "attacked": "the state whose attack set the finding off",
    "by": "the state that attacked it",
    "place": "where (place id)",
    "target_kind": "territory or forces",
    "certainty": "how sure its facts are: verified, secondary, unverified, ...",
    "conditions": "a joiner's conditions; the state a duty is toward; a conflict's reason",
    "what_if": "the scenario's what-if changes (empty: the treaties as encoded)",
    "rests_on_what_if": "those of the changes the row's finding rests on",
}
_NOTE_COLUMNS: Mapping[str, str] = {
    "bound_since": "with ongoing_since: the day since which a joiner (or a lapsed state) was bound",
    "lapsed_on": "a lapsed row: the day its state ceased to be bound (ongoing_since)",
    "war_note": "cascade's note of a bundled war the pair fights in that day (several: ' | ')",
    "past_review_day": "whether the date is after the day the treaty data was reviewed to",
    "notes": "every note foedus cascade prints for the scenario, joined with ' | '",
}
BATCH_COLUMNS: Mapping[str, str] = {**_SCENARIO_COLUMNS, **_FINDING_COLUMNS, **DRAWS_COLUMNS, **LIKELY_COLUMNS,
                                      **_NOTE_COLUMNS}
"""The batch table's columns, in order, and what each means (the table's codebook; docs/outputs.md): a batch that
asks for no draws writes them without the `mc_` ones, one that asks for no likelihood without the `lk_` ones
(`batch_columns`)."""
BAD_COLUMNS: Mapping[str, str] = {
    "scenario": "the bad row's number in the batch file (1: its first row)",
    "error": "why it was skipped, as foedus batch without --skip-bad refuses it",
}
"""`foedus batch --skip-bad`'s table of the rows skipped, and what each column means."""


def batch_columns(*, draws: bool, likelihood: bool) -> dict[str, str]:
    """The columns a batch writes, in order, with their meanings: BATCH_COLUMNS, less each family no row asks for,
    whose cells would all be empty: the Monte Carlo's (`mc_`) where `draws` is false, the likelihood's (`lk_`) where
    `likelihood` is."""
    left_out = {**({} if draws else DRAWS_COLUMNS), **({} if likelihood else LIKELY_COLUMNS)}
    return {k: v for k, v in BATCH_COLUMNS.items() if k not in left_out}


def batch_rows(number: int, result: CascadeResult, honour: str | None = None) -> list[dict[str, Any]]:
    """Scenario `number`'s rows: one per attacker, target and finding, each with every column of BATCH_COLUMNS (the
    `mc_` ones only with draws, the `lk_` ones only with the likelihood: a table's column without a row's key is
    empty), then
    with `ongoing_since` one per binding that lapsed before the date (`role` lapsed: bound from `bound_since` to
    `lapsed_on`, as `foedus cascade --ongoing-since` lists it; cascade's CSV, which refuses ongoing_since, has none).
    With draws (`result.montecarlo`; `honour`: the row's honour model, None the default), the draws' columns, and
    one row of role `drawn` per state and side the draws put it on where no party's row places it
    (`foedus.batch.draws`). With the likelihood (`result.likelihood`), its columns, and one row of role `rated` per
    state it lists that has no row (`foedus.batch.chances`)."""
    from foedus.batch.chances import chance_cells, rated_only
    from foedus.batch.draws import drawn_only, draws_cells
    from foedus.engine.finding_rows import finding_rows
    from foedus.engine.outcome import DATA_END
    from foedus.war.notes import WAR_NOTE_START
    from foedus.whatif_words import what_if_cell

    s = result.scenario
    own = {"scenario": number, "scenario_attacker": " ".join(s.attackers), "scenario_target": " ".join(s.targets),
           "scenario_date": s.date.isoformat(), "scenario_place": s.place, "scenario_reading": s.reading,
           "scenario_ongoing_since": s.ongoing_since.isoformat() if s.ongoing_since else None}
    wars = [n for n in result.notes if n.startswith(WAR_NOTE_START)]
    notes = {"war_note": " | ".join(wars) or None, "past_review_day": s.date > DATA_END,
             "notes": " | ".join(result.notes) or None}
    since = (result.ongoing or {}).get("bound_since", {})
    drawn, chances, rows = draws_cells(result, honour), chance_cells(result), []
    for row in finding_rows(result, what_if_cell(result.what_if)):
        bound = since.get(row["state"]) if row["role"] == "joiner" else None
        rows.append({**own, **{k: row.get(k) for k in CASCADE_COLUMNS}, **drawn(row["state"], row["role"], row["side"]),
                     **chances(row["state"]), "bound_since": bound["since"] if bound else None, "lapsed_on": None,
                     **notes})
    what = what_if_cell(result.what_if)

    def other(state: str, role: str, found: dict[str, Any], bound: str | None, lapsed: str | None) -> dict[str, Any]:
        """A row the cascade's CSV has not: `found`'s finding columns with the state's, and the what-if changes."""
        found = {"state": state, "ccode": result.ccodes.get(state), "name": result.names.get(state, state),
                 "role": role, **found, **({"what_if": what} if what else {})}
        return {**own, **{k: found.get(k) for k in CASCADE_COLUMNS}, **drawn(state, role, found.get("side")),
                **chances(state), "bound_since": bound, "lapsed_on": lapsed, **notes}

    rows += [other(lapse["state"], "lapsed",  # `foedus cascade --ongoing-since`'s "lapsed" lines; no side drawn
                   {k: lapse[k] for k in ("side", "treaty", "instrument", "article", "certainty")},
                   lapse["from"], lapse["to"]) for lapse in (result.ongoing or {}).get("lapsed", ())]
    rows += [other(state, DRAWN, {"side": side}, None, None) for state, side in drawn_only(result, rows)]
    return rows + [other(lk.state, RATED, {"name": lk.name, "ccode": lk.ccode}, None, None)  # no side: not bound
                   for lk in rated_only(result, rows)]
