"""What the binder keeps per leg table that is the same on every date is made once per process, not once per table:
a backtest keeps hundreds of date tables (`foedus.engine.table.leg_table`'s cache), each held its own copies, and its
peak memory grew with them (README, Backtest; docs/performance.md, session 42). Curated set."""

from __future__ import annotations

import datetime as dt

import foedus
from foedus.engine import doubt_reach
from foedus.engine.assumption import Assumption
from foedus.engine.judge import Judge
from foedus.engine.owed import owed_legs
from foedus.engine.scenario import build_scenario
from foedus.engine.table import compile_table
from foedus.model.vocab import Kind

CURATED = foedus.World.load(history=False)
DAYS = (dt.date(2025, 6, 1), dt.date(2025, 6, 2))


def test_a_hypothesis_read_as_the_dates_table_keeps_no_table() -> None:
    """France-Djibouti 2024 in force reads as the date's table on 1 Jun 2025 (`doubt_reach.alike`): the table read so
    is never read again, so the date's table keeps the answer (alike), not the table."""
    scenario = build_scenario(CURATED, attacker="ERI", target="DJI", date=DAYS[0], reading="escalatory")
    index = compile_table(CURATED, DAYS[0])
    hypothesis = Assumption("fra_dji_2024", "in force")
    assert not doubt_reach.may_reach(CURATED, scenario, index, hypothesis)
    assert index.derived(("assumed", hypothesis), lambda: None) is None
    assert index.derived(("alike", hypothesis), lambda: None) is True


def test_two_dates_tables_share_a_legs_ledger_keys() -> None:
    """Estonia's defence and consultation legs on two days: each leg's keys (`owed.Read`) are one pair."""
    first, second = (owed_legs(compile_table(CURATED, day), "EST") for day in DAYS)
    pairs = 0
    for kind in ("defence", "consultation"):
        one, two = getattr(first, kind), getattr(second, kind)
        assert one.keys() == two.keys()
        for obligor, reads in one.items():
            for a, b in zip(reads, two[obligor], strict=True):
                assert a[4:] == b[4:] and a[4] is b[4] and a[5] is b[5]
                pairs += 1
    assert pairs > 20


def test_two_dates_tables_share_obligor_sets_and_violation_keys() -> None:
    """The judge's obligor sets of a state and a non-aggression leg's violation key, on two days: one object each."""
    judges = [Judge(compile_table(CURATED, day), build_scenario(CURATED, attacker="RUS", target="EST", date=day))
              for day in DAYS]
    one, two = (j._obligors("EST", j.owed("EST")) for j in judges)
    assert one == two and one is two and one[0]
    legs = [next(leg for group in j.table.legs_of(Kind.NONAGGRESSION).values() for leg in group) for j in judges]
    assert legs[0] is not legs[1]
    key = judges[0]._violation_key(legs[0])
    assert key == judges[1]._violation_key(legs[1]) and key is judges[1]._violation_key(legs[1])
