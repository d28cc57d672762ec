"""The rule that a party that has left the state system by the cascade's day is no party then
(`foedus.engine.rules.system`), through every engine (the reference suite's `engine` fixture): a user's treaty file or a
what-if built in Python with no day that lists the German Democratic Republic in 2025 does not bring it into the war."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.api import cascade
from foedus.engine.held_toward import ALSO_WITHHELD
from foedus.engine.rules import system
from foedus.model.overlay import Overlay
from foedus.model.overlay_changes import AddMember
from foedus.model.world import World
from test_rules import defense, joined, make_world, treaty

pytestmark = pytest.mark.usefixtures("engine")  # the reference suite: every engine must agree

GDR_OUT = ("German Democratic Republic (COW265) is not a member of the state system on {day} (a member "
           "1954-03-25–1990-10-02), so it is no party then")


def _withheld(result: object, state: str) -> list[tuple[str, str]]:
    """The state's withheld legs, each its treaty and the reason its first find's gate gives (the escalatory reading
    holds its legs back toward every ally attacked: the reason names them after, `held_toward.also_withheld`)."""
    return [(w.treaty, w.reason.split(ALSO_WITHHELD)[0])
            for w in result.withheld if w.state == state]  # type: ignore[attr-defined]


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_a_party_out_of_the_state_system_on_the_day_is_not_bound(world: World, reading: str) -> None:
    w = make_world(world, treaty("pact", ["POL", "COW265", "FRA"], defense(), signed="1980-01-01",
                                 in_force="1980-01-01"))
    assert joined(cascade("RUS", "POL", "1985-06-01", world=w, reading=reading)) == {
        "COW265": "defense", "FRA": "defense"}  # a state then: bound
    later = cascade("RUS", "POL", "2025-06-01", world=w, reading=reading)
    assert joined(later) == {"FRA": "defense"}
    assert _withheld(later, "COW265") == [("pact", GDR_OUT.format(day="2025-06-01"))]


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_a_state_added_by_a_what_if_with_no_day_is_not_bound_out_of_the_system(world: World, reading: str) -> None:
    added = Overlay(changes=[AddMember(treaty="nato_1949", state="COW265")]).apply(world)  # no day: not checked
    result = cascade("RUS", "POL", "2025-06-01", world=added, reading=reading)
    assert "COW265" not in joined(result)
    assert ("nato_1949", GDR_OUT.format(day="2025-06-01")) in _withheld(result, "COW265")
    assert joined(result) == joined(cascade("RUS", "POL", "2025-06-01", world=world, reading=reading))
    held = next(w for w in result.withheld if (w.state, w.treaty) == ("COW265", "nato_1949"))
    assert held.toward == "POL" and (len(held.owed_to) > 20) is (reading == "escalatory")  # each ally attacked


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_a_state_before_its_first_system_day_is_bound(world: World, reading: str) -> None:
    """COW admits Montenegro in 2006 only: before that first day, its criteria, not its statehood, keep it out, and
    the 1912 alliance with Serbia binds it in July 1914 (as ATOP 1480 does in `foedus war july_crisis_1914`)."""
    w = make_world(world, treaty("pact", ["SRB", "MNE"], defense(), signed="1912-09-12", in_force="1912-09-12"))
    result = cascade("COW300", "SRB", "1914-07-28", world=w, reading=reading)
    assert joined(result)["MNE"] == "defense" and _withheld(result, "MNE") == []


def test_a_state_with_no_system_dates_may_be_a_party(world: World) -> None:
    day = dt.date(2025, 6, 1)
    assert system.in_system(world.states, "PSE", day)  # Palestine: no COW spells, taken to be one
    assert system.out_of_system(world.states, "DEU", day, {}) is None
    assert system.in_system(world.states, "MNE", dt.date(1914, 7, 28))  # before its first COW day (2006)
    assert not system.in_system(world.states, "DEU", dt.date(1970, 1, 1))  # COW 255: out from 1945 to 1990
    assert system.out_of_system(world.states, "COW265", day, {"COW265": "German Democratic Republic"}) == \
        GDR_OUT.format(day=day)


def test_unified_germany_is_no_party_on_the_signed_basis_while_out_of_the_system(world: World) -> None:
    """NATO's row for unified Germany (COW 255) carries West Germany's signature of 1954: on the signed basis it made
    Germany a party, and a joiner beside West Germany, while COW has it out of the system (1945 to 1990)."""
    result = cascade("RUS", "FRA", "1970-06-01", basis="signed", world=world)
    assert "COW260" in joined(result) and "DEU" not in joined(result)
    assert any(w.treaty == "nato_1949" and "(a member 1816-01-01–1945-05-08; 1990-10-03–(open))" in w.reason
               for w in result.withheld if w.state == "DEU")
