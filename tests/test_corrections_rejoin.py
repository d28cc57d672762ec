"""The correction layer's `rejoin`: a state ATOP codes as having left an alliance is a member again from a dated,
sourced day (Syria back in the Arab League Pact, ATOP 3015, from 7 May 2023). Reads ATOP from the data folder."""

from __future__ import annotations

import pytest

import foedus
from foedus.errors import TreatyDataError
from foedus.model.world import World
from foedus.sources.correction_apply import apply_corrections
from foedus.sources.corrections import load_corrections

pytestmark = pytest.mark.needs_data

SOURCE = "sources: [{url: 'https://x.org/a'}], note: n"


@pytest.mark.parametrize(("day", "bound"), [("2010-06-01", True), ("2015-06-01", False), ("2023-05-06", False),
                                            ("2023-05-07", True), ("2025-06-01", True)])
def test_syria_is_back_in_the_arab_league_pact_from_its_readmission(world: World, day: str, bound: bool) -> None:
    """ATOP codes Syria's 2011 suspension as its exit from the Pact and carries the Pact past 2018 without it: Syria
    attacking Lebanon broke the Pact's non-aggression clause before 2011 and again from the readmission, not between."""
    broken = {v.treaty for v in foedus.cascade("SYR", "LBN", day, world=world).violations if v.state == "SYR"}
    assert ("atop_3015" in broken) is bound


def test_a_rejoined_state_has_a_second_row_that_names_its_source(world: World) -> None:
    rows = [m for m in world.treaties["atop_3015"].members if m.state == "SYR"]
    assert [(str(m.joined), str(m.left) if m.left else None) for m in rows] == [
        ("1945-03-22", "2011-11-13"), ("2023-05-07", None)]
    assert rows[1].source is not None and "khaleejtimes" in str(rows[1].source)
    assert "correction (rejoin SYR from 2023-05-07)" in (world.treaties["atop_3015"].note or "")


def test_a_rejoin_needs_a_day_and_the_states() -> None:
    with pytest.raises(TreatyDataError, match=r"\[0\]\.date: action 'rejoin' needs a date"):
        load_corrections(f"- {{atopid: 3015, action: rejoin, states: [SYR], {SOURCE}}}")
    with pytest.raises(TreatyDataError, match=r"\[0\]\.states: action 'rejoin' needs the states"):
        load_corrections(f"- {{atopid: 3015, action: rejoin, date: 2023-05-07, {SOURCE}}}")


@pytest.mark.parametrize("state", ["SYR", "FRA"])
def test_only_a_state_out_of_the_alliance_can_rejoin(world: World, state: str) -> None:
    """Syria, a member again on the day (as corrected), and France, never a member, cannot rejoin: one line."""
    fix = load_corrections(f"- {{atopid: 3015, action: rejoin, states: [{state}], date: 2024-01-01, {SOURCE}}}")
    with pytest.raises(TreatyDataError, match=rf"\[0\]\.states: {state} is not out of atop_3015 on 2024-01-01"):
        apply_corrections([world.treaties["atop_3015"]], fix, world.states)
