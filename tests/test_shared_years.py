"""The one rule of when two states share an alliance in a year (`atop_flags.member_spans` and `shared_years`), read
by the ATOP flags, `atopally` and `foedus dyads --depth`: both are members at a common moment of the year, a member
until the day before it left, the treaty until the day before it terminated."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from foedus.model.treaty import Treaty
from foedus.model.treatymap import TreatyMap
from foedus.model.world import World
from foedus.research.atop_flags import FLAG_COLUMNS, YEAR_SPAN, atop_keys, member_spans
from foedus.research.dyad_depth import shared_depth_keys

pytestmark = pytest.mark.needs_data

USA, CAN, MEX = 2, 20, 70


def _terminated_pact() -> Treaty:
    """Three members from 1950; Mexico leaves on 1951-01-01 (its last day 1950-12-31) and the pact terminates on
    1953-01-01 with no member recorded as leaving: no coverage end, so only the termination ends it."""
    return Treaty.model_validate({
        "id": "atop_9999", "name": "ATOP alliance 9999 (test)", "signed": "1950-01-01", "in_force": "1950-01-01",
        "terminated": "1953-01-01", "type": "multilateral", "origin": "atop", "atop_ids": [9999],
        "sources": [{"url": "https://example.org/pact"}],
        "members": [{"state": "USA"}, {"state": "CAN"}, {"state": "MEX", "left": "1951-01-01"}],
        "provisions": [{"kind": "defense", "article": "1", "strength": "S2", "obligors": ["USA", "CAN", "MEX"]}]})


def _keys(*pairs: tuple[int, int, range]) -> list[int]:
    return sorted((a * 1000 + b) * YEAR_SPAN + year for a, b, years in pairs for year in years)


EXPECTED = _keys((USA, CAN, range(1950, 1953)), (CAN, USA, range(1950, 1953)),
                 (USA, MEX, range(1950, 1951)), (MEX, USA, range(1950, 1951)),
                 (CAN, MEX, range(1950, 1951)), (MEX, CAN, range(1950, 1951)))


def test_a_member_ends_the_day_before_it_left_or_the_pact_terminated(world: World) -> None:
    ccode = {s.id: s.ccode for s in world.states if s.ccode is not None}
    assert member_spans(_terminated_pact(), ccode) == {
        USA: [(dt.date(1950, 1, 1), dt.date(1952, 12, 31))], CAN: [(dt.date(1950, 1, 1), dt.date(1952, 12, 31))],
        MEX: [(dt.date(1950, 1, 1), dt.date(1950, 12, 31))]}


def test_the_flags_atopally_and_the_depth_share_the_years_of_a_terminated_pact(world: World) -> None:
    """The flags' copy of the rule left out the termination (an ATOP alliance with no member's exit ran to 2100),
    the depth's copy did not; with one rule the two agree."""
    ccode = {s.id: s.ccode for s in world.states if s.ccode is not None}
    pact = _terminated_pact()
    found = atop_keys([pact], ccode)
    assert found.ally.tolist() == EXPECTED
    assert found.flags["defense"].tolist() == EXPECTED
    assert all(not len(found.flags[kind]) for kind in FLAG_COLUMNS if kind != "defense")
    keys, _, ids = shared_depth_keys(World(TreatyMap({pact.id: pact}), world.states, world.places))
    assert keys.tolist() == EXPECTED and set(ids) == {pact.id}


def test_the_depth_of_atops_alliances_covers_exactly_atopally(world: World) -> None:
    """Over the world's ATOP phases (those curated treaties do not replace; some carried past 2018, some with a
    termination and no coverage end), the dyad-years with a shared depth are exactly those where `atopally` would
    be 1 (the flags' former copy of the rule, which read no termination, found 864 more here)."""
    atop = {tid: t for tid, t in world.treaties.items() if t.origin == "atop"}
    ccode = {s.id: s.ccode for s in world.states if s.ccode is not None}
    keys, _, _ = shared_depth_keys(World(TreatyMap(atop), world.states, world.places))
    assert len(keys) > 100_000
    assert np.array_equal(keys, atop_keys(atop.values(), ccode).ally)
