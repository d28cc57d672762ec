"""The web's summary first line, compare view and war replay say what the CLI says: the summary's first line is
`foedus cascade`'s header (date, attackers → attacked, where, then target kind, reading and the settings not the
defaults; web/src/summaryhead.ts), where it read "legal reading, 2025-01-15, at Kursk Oblast (territory, armed
attack)"; the compare view's line where no state moved is `foedus compare`'s (web/src/comparesaid.ts
`unchangedSaid`), where it said "No state changes side or treaty."; and a replay opens at the shown scenario's date
(web/src/waropen.ts). Each runs in node on the web's TypeScript (tests/ts_said.py; FOEDUS_REQUIRE_NODE=1)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from rich.text import Text

from foedus.code_words import settings_said
from foedus.engine.scenario import Scenario
from foedus.inputs import SWITCH
from foedus.render import rich_tree
from foedus.sweeps.compare_words import unchanged_said
from ts_said import run_ts

# the switches the header says in its own words, each with every value it takes (a new one is enumerated too)
_SAID = [name for name in SWITCH if name not in ("place", "target_kind", "reading", "ongoing_since")]


def _values(name: str) -> list[Any]:
    default = SWITCH[name].default
    return [True, False] if isinstance(default, bool) else list(SWITCH[name].choices)


def test_the_settings_said_are_the_clis_for_every_switch_value() -> None:
    """Every combination of the switches' values: the web's words (settingsSaid, on the result's fields) are
    `settings_said`'s, in its order."""
    combos = [dict(zip(_SAID, vs, strict=True)) for vs in itertools.product(*map(_values, _SAID))]
    scenarios = [Scenario(date=dt.date(2025, 6, 1), attackers=("RUS",), targets=("EST",), place="estonia", **c)
                 for c in combos]
    fields = [{("unresolved_read_as" if k == "unresolved" else k): v for k, v in c.items()} for c in combos]
    said = run_ts([("summaryhead", "settingsSaid", [f]) for f in fields])
    assert said == [settings_said(s) for s in scenarios]
    assert len({tuple(x) for x in said}) == len(combos)  # each combination said differently


@pytest.mark.parametrize(("attackers", "targets", "day", "kw"), [
    (["UKR"], ["RUS"], "2025-01-15", {"place": "kursk-oblast"}),
    (["RUS"], ["EST"], "2025-06-01", {"severity": "incursion"}),
    (["RUS"], ["EST"], "2026-12-07", {"requested": False, "non_military": "bound", "reading": "escalatory"}),
    (["DEU", "ITA"], ["FRA", "GBR"], "1940-06-10", {"target_kind": "forces"})])
def test_the_summarys_head_is_the_clis_header(attackers: list[str], targets: list[str], day: str,
                                             kw: dict[str, Any]) -> None:
    """headSaid on the result's JSON, its names and places, is the plain text of `foedus cascade`'s header."""
    import foedus

    result = foedus.cascade(attackers, targets, day, **kw)
    cli = Text.from_markup(str(rich_tree(result).label)).plain
    ids = {*attackers, *targets}
    names = {"$lookup": {i: result.names[i] for i in ids if i in result.names}}
    homes = {place: state for state, place in result.homes.items()}  # the page's: whose home each place is
    places = {"$names": {"state": {}, "place": dict(result.place_names), "home": homes}}
    [said] = run_ts([("summaryhead", "headSaid", [result.to_dict(), names, places])])
    assert said == cli


def test_the_unchanged_line_is_the_clis() -> None:
    """`foedus compare`'s line where no state gains, loses or switches a side and no conflict begins ("no other
    change ..." where one ended), and none where one moved, over every mix of empty and non-empty kinds."""
    kinds = ["gained", "lost", "switched", "rebased", "new_conflicts", "resolved_conflicts"]
    diffs = [{k: (["X"] if on else []) for k, on in zip(kinds, ons, strict=True)}
             for ons in itertools.product([False, True], repeat=len(kinds))]
    said = run_ts([("comparesaid", "unchangedSaid", [d]) for d in diffs])
    assert said == [unchanged_said(d) for d in diffs]
    assert {"no change in who is bound to join", "no other change in who is bound to join", None} == set(said)


_FRAMES = [{"date": d} for d in ("2022-02-24", "2022-03-01", "2024-12-04", "2025-02-01")]


_HERE = {"here": True, "others": []}


@pytest.mark.parametrize(("end", "day", "involved", "at", "why"), [
    (None, None, None, 0, "its first."),
    (None, "2022-03-01", _HERE, 1, "the scenario's date."),
    (None, "2025-01-15", _HERE, 2, "the last of them on or before the scenario's date, 2025-01-15."),
    # an ongoing war holds a day after its data's end: its last date
    (None, "2030-01-01", _HERE, 3, "the last of them on or before the scenario's date, 2030-01-01."),
    (None, "1979-12-24", _HERE, 0, "its first: the scenario's date, 1979-12-24, is before this war."),
    ("2025-03-01", "2025-06-01", {"here": False, "others": []}, 0,
     "its first: the scenario's date, 2025-06-01, is after this war."),
    # in the war's span, but none of the scenario's states fights in it then (USA attacking Canada on 2025-06-01)
    (None, "2025-01-15", {"here": False, "others": []}, 0, "its first: none of the scenario's states (its attackers, "
     "targets and joiners) fights in this war or another bundled war on 2025-01-15."),
    (None, "2025-01-15", {"here": False, "others": ["The Iran war"]}, 0, "its first: none of the scenario's states "
     "(its attackers, targets and joiners) fights in this war on 2025-01-15; one fights in The Iran war then."),
    (None, "2025-01-15", None, 0, "its first: whether the scenario's states fight in it could not be asked.")])
def test_a_replay_opens_at_the_scenarios_date_where_the_war_holds_it(end: str | None, day: str | None,
                                                                     involved: dict[str, object] | None, at: int,
                                                                     why: str) -> None:
    """The last date on or before the shown scenario's, where the war's span holds it and one of the scenario's states
    fights in it then (/api/wars/at's `involved`); else the first, saying why."""
    index, said = run_ts([("waropen", "openingFrame", [_FRAMES, end, day, involved]),
                          ("waropen", "openedSaid", [_FRAMES, "2022-02-24", end, day, involved])])
    assert index == at
    assert said == f"4 dates from 2022-02-24; opened at {_FRAMES[at]['date']}, {why}"
