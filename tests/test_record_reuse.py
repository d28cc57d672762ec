"""A cascade on a leg table that earlier runs have filled makes no record that the table's store already holds:
withheld legs and the neutrality duties a conflict cites are shared as the other records are (`ledger.intern`),
and equal what a fresh table makes, whatever switches (which change the gate that withholds a leg) the runs had."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

import pytest

from foedus.engine import ledger
from foedus.engine.cascade import _Run
from foedus.engine.scenario import build_scenario
from foedus.engine.table import compile_table
from foedus.model.world import World

pytestmark = pytest.mark.needs_data

DAY = dt.date(2025, 6, 1)
SWITCHES: list[dict[str, Any]] = [{}, {"requested": False}, {"unresolved": "unmet"}, {"decisions": "not-taken"},
                                  {"territory_view": "claimant"}]


def _counting(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    made: Counter[str] = Counter()
    withheld, neutral = ledger.withheld_record, ledger._make_neutral

    def count_withheld(*args: Any) -> Any:
        made["withheld"] += 1
        return withheld(*args)

    def count_neutral(*args: Any) -> Any:
        made["neutral"] += 1
        return neutral(*args)

    monkeypatch.setattr(ledger, "withheld_record", count_withheld)
    monkeypatch.setattr(ledger, "_make_neutral", count_neutral)
    return made


def test_a_second_run_makes_no_withheld_or_conflict_duty_record(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """China attacks Ukraine (escalatory, 2025): 34 withheld legs and a conflict citing 8 neutrality duties. The
    first run on a table makes their records; the same scenario again on that table makes none."""
    made = _counting(monkeypatch)
    scenario = build_scenario(world, attacker="CHN", target="UKR", date=DAY, reading="escalatory")
    table = compile_table(world, DAY)
    first = _Run(world, scenario, table).execute()
    assert len(first.withheld) >= 30 and sum(len(c.neutral) for c in first.conflicts) >= 8
    assert made["withheld"] >= len(first.withheld) and made["neutral"] >= 8
    made.clear()
    again = _Run(world, scenario, table).execute()
    assert made == Counter()
    assert all(a is b for a, b in zip(again.withheld, first.withheld, strict=True))
    assert json.dumps(again.to_dict()) == json.dumps(first.to_dict())


@pytest.mark.parametrize("attacker, target", [("CHN", "UKR"), ("RUS", "EST"), ("USA", "CUB")])
def test_shared_withheld_records_equal_fresh_ones_under_every_switch(world: World, attacker: str,
                                                                     target: str) -> None:
    """One table for every switch (the gate that withholds a leg, and its reason, change with them): each run
    gives the records a fresh table gives."""
    shared = compile_table(world, DAY)
    for switches in SWITCHES + SWITCHES[::-1]:
        scenario = build_scenario(world, attacker=attacker, target=target, date=DAY, reading="escalatory",
                                  **switches)
        kept = _Run(world, scenario, shared).execute()
        fresh = _Run(world, scenario, compile_table(world, DAY)).execute()
        assert json.dumps(kept.to_dict()) == json.dumps(fresh.to_dict()), switches
