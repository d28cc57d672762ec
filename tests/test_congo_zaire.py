"""From 1971-10-27 to 1997-05-17 the Democratic Republic of the Congo (COD) was Zaire, and the one state called Congo
was the Republic of the Congo (COG): "Congo" on such a day means COG, where it was refused as naming two states, and a
refusal names each state it lists as called on its day ("Zaire (COD", not "Democratic Republic of the Congo (COD")."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.errors import AmbiguousNameError
from foedus.model.states import Among

D = dt.date
pytestmark = pytest.mark.needs_data  # the states' COW dates tell which Congo a date means


@pytest.mark.parametrize("day", [D(1971, 10, 27), D(1980, 1, 1), D(1997, 5, 16)])
def test_congo_in_the_years_of_zaire_is_the_republic_of_the_congo(world, day: dt.date) -> None:  # type: ignore[no-untyped-def]
    assert world.states.resolve("Congo", day).id == "COG"
    assert world.states.resolve("Zaire", day).id == "COD"


@pytest.mark.parametrize("day", [D(1971, 10, 26), D(1997, 5, 17), D(2025, 6, 1)])
def test_congo_before_and_after_zaire_names_both(world, day: dt.date) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AmbiguousNameError) as err:
        world.states.resolve("Congo", day)
    assert {c["id"] for c in err.value.candidates} == {"COG", "COD"}


def test_a_state_called_otherwise_still_carries_a_name_no_other_state_has_then(world) -> None:  # type: ignore[no-untyped-def]
    """Prussia (DEU in 1860) is the one state of the name "Germany" then: its other name does not leave none."""
    assert world.states.resolve("Germany", D(1860, 1, 1)).id == "DEU"


def test_a_refusal_names_the_states_it_lists_as_on_its_day(world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AmbiguousNameError) as err:
        world.states.resolve("Congo", D(1980, 1, 1), among=Among(frozenset({"IRQ", "IRN"}), "the war's states"))
    assert "Zaire (COD, COW 490" in str(err.value) and "Democratic Republic of the Congo" not in str(err.value)
    assert {c["id"]: c["name"] for c in err.value.candidates} == {"COG": "Republic of the Congo", "COD": "Zaire"}
