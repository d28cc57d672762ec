"""An atlas's scenario file (`kind: atlas`, `foedus atlas --save-scenario F`, rerun by `atlas --scenario F`): its
question made from a run's options, and a file's question checked against what an atlas takes (a date or a range of
years, not both; draws on a date only, with one reading; a seed only with draws), each problem one line naming the
file. Reading and writing the file is `foedus.scenario_io`'s, as for a cascade's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from foedus.errors import FileDataError, FoedusError

if TYPE_CHECKING:
    from foedus.model.overlay import Change
    from foedus.model.scenario_file import ScenarioFile

__all__ = ["atlas_file", "check_atlas_question"]


def atlas_file(switched: Mapping[str, Any], when: Mapping[str, Any], readings: Sequence[str],
               monte_carlo: Mapping[str, Any], changes: Sequence[Change], datasets: Sequence[str]) -> ScenarioFile:
    """The scenario file of an atlas run: its checked switches (`switched`), `when` (`date`, the day it read, as
    YYYY-MM-DD, or `first` and `last`), the `readings` it ran, its draws and the seed they used (`monte_carlo`), its
    what-if changes (each state by its id, as `--save-overlay` saves them) and the research datasets it read."""
    from foedus.model.scenario_file import ATLAS_KIND, ATLAS_QUESTION, ScenarioFile

    values = {i.name: switched.get(i.name, monte_carlo.get(i.name, i.default)) for i in ATLAS_QUESTION}
    values |= {"date": when.get("date"), "first": when.get("first"), "last": when.get("last"),
               "readings": list(readings)}
    return ScenarioFile(kind=ATLAS_KIND, inputs=values, what_if=tuple(changes), data={"datasets": list(datasets)})


def check_atlas_question(scenario: ScenarioFile, where: str) -> None:
    """Refuse, naming the file, an atlas question no `foedus atlas` line could ask: neither a date nor a range of
    years, or both; a date that is no date; a bad year range; draws with a range, or with both readings; a seed
    without draws; no reading, or one given twice; a number out of its bounds or a switch outside its choices.

    Raises:
        FileDataError: one line naming the file and the key.
    """
    from foedus.declare import checked_value
    from foedus.engine.scenario import parse_date, switch_values
    from foedus.inputs import ATLAS
    from foedus.model.scenario_file import ATLAS_QUESTION
    from foedus.research.years import check_years

    q = scenario.inputs
    series = q["first"] is not None or q["last"] is not None
    if (q["date"] is None) == (not series) or (series and (q["first"] is None or q["last"] is None)):
        raise FileDataError(where, "", "an atlas's question is a date, or a range of years (first and last): give "
                            "one of them")
    key = ""
    try:
        for inp in ATLAS_QUESTION:
            checked_value(inp, q[inp.name])
        switch_values({i.name: q[i.name] for i in ATLAS})
        key = "date" if q["date"] is not None else "first"
        parse_date(q["date"]) if q["date"] is not None else check_years(q["first"], q["last"])
    except FoedusError as exc:
        raise FileDataError(where, key, str(exc)) from None
    if not q["readings"]:
        raise FileDataError(where, "readings", "no reading: give legal, escalatory or both")
    twice = next((r for i, r in enumerate(q["readings"]) if r in q["readings"][:i]), None)
    if twice is not None:  # read as one reading, the atlas run and saved once: what was written is not what runs
        raise FileDataError(where, "readings", f"{twice} is given twice: give each reading once (legal, escalatory "
                            "or both)")
    if q["draws"] is not None and (series or len(q["readings"]) != 1):
        raise FileDataError(where, "draws", "draws are per dyad at one date, in one reading: give a date and one "
                            "reading, or no draws")
    if q["seed"] is not None and q["draws"] is None:
        raise FileDataError(where, "seed", "a seed only matters with draws: give draws as well, or neither")
