"""The correction layer's `end` on an alliance carried past ATOP's coverage: a verified end stops the carry (its
sources say the alliance was in force to that day); one that is not verified, days after the coverage ends, keeps
it carried-forward up to its day, as nothing else says it was in force then. Reads ATOP from the data folder."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.model.world import World
from foedus.sources.atop import ATOP_END
from foedus.sources.correction_apply import apply_corrections
from foedus.sources.corrections import load_corrections

pytestmark = pytest.mark.needs_data

SOURCE = "sources: [{url: 'https://x.org/a'}], note: n"


@pytest.mark.parametrize(("certainty", "day", "carried"), [("verified", "2022-01-01", False),
                                                           ("unverified", "2022-01-01", True),
                                                           ("secondary", "2022-01-01", True),
                                                           ("unverified", "2019-01-01", False)])
def test_an_end_keeps_the_carry_only_when_not_verified(world: World, certainty: str, day: str, carried: bool) -> None:
    """The 1986 Cuba-DPRK treaty (ATOP 3975, carried): ended by a correction, it is carried to an unverified end
    (and its note says to when), not to a verified one, nor to one the day after the coverage (no day carried)."""
    fix = load_corrections(f"- {{atopid: 3975, action: end, date: {day}, certainty: {certainty}, {SOURCE}}}")
    [t] = apply_corrections([world.treaties["atop_3975"]], fix, world.states)
    assert t.terminated == dt.date.fromisoformat(day)
    assert t.carried_from == (ATOP_END if carried else None)
    assert t.carried_on(dt.date(2020, 6, 1)) is (carried and day > "2020-06-01")
    assert (f"until a correction ends it on {day}" in (t.note or "")) is carried
    assert ("carried forward" in (t.note or "")) is carried
