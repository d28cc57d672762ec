"""A warm reference cascade hashes no record in Python where identity tells the records apart: the support records
(`rules.supporters`: equal records are one object, kept in the table's store under themselves) and the scenario's
switches (`Judge`'s four stores are kept under one key, one `derived` lookup). A generated `__hash__` of a record
of fifteen fields is a Python call per record (docs/performance.md, session 66)."""

from __future__ import annotations

import collections
import datetime as dt
import sys
from types import FrameType

import pytest

from foedus.engine.cascade import run_cascade
from foedus.engine.scenario import build_scenario
from foedus.model.world import World

pytestmark = pytest.mark.needs_data


def _hashed(world: World, attacker: str, target: str, reading: str) -> collections.Counter[str]:
    """The records' `__hash__` calls by class in the second run of a cascade (the first fills the table's stores)."""
    scenario = build_scenario(world, attacker=attacker, target=target, date=dt.date(2025, 6, 1), reading=reading)
    result = run_cascade(world, scenario)
    assert result.supporters  # the cascade has support records to dedupe
    counts: collections.Counter[str] = collections.Counter()

    def hook(frame: FrameType, event: str, _arg: object) -> None:
        if event == "call" and frame.f_code.co_name == "__hash__":
            counts[type(frame.f_locals.get("self")).__name__] += 1

    sys.setprofile(hook)
    try:
        run_cascade(world, scenario)
    finally:
        sys.setprofile(None)
    return counts


@pytest.mark.parametrize("attacker, target, reading", [("UKR", "RUS", "legal"), ("CHN", "USA", "escalatory")])
def test_a_warm_cascade_hashes_no_support_record(world: World, attacker: str, target: str, reading: str) -> None:
    assert _hashed(world, attacker, target, reading)["Support"] == 0


def test_a_warm_cascade_hashes_its_switches_for_one_lookup_of_the_judges_stores(world: World) -> None:
    hashed = _hashed(world, "RUS", "EST", "legal")
    assert hashed["Scenario"] <= 2, hashed  # `derived`'s `in` and its `[]`: one key, not four
