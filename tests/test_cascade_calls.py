"""The per-volley work of a warm reference cascade (issue 15): what a round's volleys share is found once.

A round's volleys share their attackers (`rules.next_volleys`), so the strikers among them (`owed.indices`) are
found once per attackers, not once per volley; each victim's home and each named state's COW code is a lookup in
a dict kept per table, with no call of ours. Counted with cProfile on the second run of a large 2025 war (the
first fills the table's stores)."""

from __future__ import annotations

import cProfile
import datetime as dt
import pstats

import pytest

from foedus.engine.cascade import run_cascade
from foedus.engine.scenario import build_scenario
from foedus.model.world import World

pytestmark = pytest.mark.needs_data


def _calls(world: World, attacker: str, target: str) -> dict[tuple[str, str], int]:
    scenario = build_scenario(world, attacker=attacker, target=target, date=dt.date(2025, 6, 1),
                              reading="escalatory")
    run_cascade(world, scenario)
    profile = cProfile.Profile()
    profile.runcall(run_cascade, world, scenario)
    out: dict[tuple[str, str], int] = {}
    for (path, _, name), row in pstats.Stats(profile).stats.items():  # type: ignore[attr-defined]
        key = (path.replace("\\", "/").rsplit("/", 1)[-1], name)
        out[key] = out.get(key, 0) + row[1]
    return out


@pytest.mark.parametrize("attacker, target", [("RUS", "EST"), ("TUR", "GRC"), ("USA", "CUB")])
def test_strikers_are_found_once_per_attackers_not_per_volley(world: World, attacker: str, target: str) -> None:
    calls = _calls(world, attacker, target)
    volleys = calls[("bind.py", "volley")]
    assert volleys > 50
    strikers = calls.get(("owed.py", "indices"), 0) - calls.get(("bind.py", "_nonaggression"), 0)
    assert strikers * 4 < volleys, (strikers, volleys)


def test_homes_are_looked_up_without_a_call_per_victim(world: World) -> None:
    calls = _calls(world, "RUS", "EST")
    assert calls[("bind.py", "volley")] > 50
    assert calls.get(("cascade.py", "home"), 0) == 0
    assert calls.get(("gazetteer.py", "home"), 0) == 0  # every home found before, in the first run


def test_cow_codes_are_looked_up_without_a_call_per_state(world: World) -> None:
    """The result's COW codes (one per state it names) come from a dict kept per table."""
    calls = _calls(world, "RUS", "EST")
    assert calls[("bind.py", "volley")] > 50
    assert calls.get(("outcome.py", "code"), 0) == 0


def test_volley_looks_up_its_strikers_without_a_call(world: World) -> None:
    """`Binder.volley` reads the strikers kept per attackers itself: `_striking` runs once per attackers only."""
    calls = _calls(world, "RUS", "EST")
    volleys = calls[("bind.py", "volley")]
    assert volleys > 50
    assert calls.get(("bind.py", "_striking"), 0) * 4 < volleys


@pytest.mark.parametrize("attacker, target", [("RUS", "EST"), ("NOR", "MNE")])
def test_no_generator_is_resumed_per_volley_or_record(world: World, attacker: str, target: str) -> None:
    """What runs once per volley, joiner or record (the strikers' indices, the round's joins, the result's
    consultations and violations, a victim's new strikers) is a list built at once, not a generator resumed per
    item."""
    calls = _calls(world, attacker, target)
    volleys = calls[("bind.py", "volley")]
    assert volleys > 50
    for module in ("bind.py", "cascade.py", "ledger.py", "outcome.py", "owed.py", "strikes.py"):
        assert calls.get((module, "<genexpr>"), 0) * 4 < volleys, (module, calls.get((module, "<genexpr>")), volleys)


def test_obligations_are_made_from_their_parts_without_a_store_of_whole_records(world: World) -> None:
    """Only what does not depend on the attacker, the side and the round is kept per table (`citing.cited`): a
    store of whole obligations, keyed by those too, found 77% of them new over issue 15's 1,000 random 2025 dyads
    and started afresh when full, at about 17 ms on one cascade."""
    from foedus.engine.table import leg_table

    calls = _calls(world, "NOR", "MNE")
    assert calls[("citing.py", "cited")] > 30
    stores = leg_table(world, dt.date(2025, 6, 1))._derived
    assert "citation parts" in stores
    assert "citations" not in stores


def test_result_records_are_interned_per_kind_and_joiners_read_without_property_calls(world: World) -> None:
    """The result's consultations, violations and neutrality duties go through `ledger.intern` in one call per kind
    (and per conflict's duties), not one per record; its joiners' states and sides (`CascadeResult.sides`, the
    supporters' `busy` states) are read without a call of `Joiner.state` or `Joiner.side` per joiner."""
    scenario = build_scenario(world, attacker="RUS", target="EST", date=dt.date(2025, 6, 1), reading="escalatory")
    result = run_cascade(world, scenario)
    records = len(result.consultations) + len(result.violations) + len(result.neutral)
    assert records > 30 and len(result.joiners) > 30
    calls = _calls(world, "RUS", "EST")
    assert calls.get(("ledger.py", "intern"), 0) <= 3 + len(result.conflicts), (calls.get(("ledger.py", "intern")),)
    assert calls.get(("records.py", "state"), 0) == 0
    assert calls.get(("records.py", "side"), 0) == 0
