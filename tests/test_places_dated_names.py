"""A place's holder on a date is named as the state was called on that date (`StateRegistry.names_on`): the Donbas
in 1979 is held by the Soviet Union, not by "Russia"; the home of Serbia in 1942 is that of Yugoslavia (SRB)."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.errors import UnknownPlaceError
from foedus.model.place_spans import spanned


def test_an_areas_places_are_held_by_the_state_as_called_on_the_day(world) -> None:  # type: ignore[no-untyped-def]
    day = dt.date(1979, 12, 24)
    holder = world.places.places["donetsk-oblast"].on(day)
    assert (holder.sovereign or holder.administrator) == "RUS"  # the id stays
    said = spanned("donbas", world.places.places, world.states, day)
    assert "donetsk-oblast (Soviet Union)" in said and "(Russia)" not in said, said
    with pytest.raises(UnknownPlaceError, match=r"donetsk-oblast \(Soviet Union\)"):
        world.places.resolve("Donbas", world.states, day)


def test_the_home_of_a_state_that_is_no_state_is_named_as_on_the_day(world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownPlaceError, match=r"^the place 'serbia' is the home territory of Yugoslavia \(SRB\), "
                                                r"which is no state of the system on 1942-01-01 "):
        world.places.resolve("serbia", world.states, dt.date(1942, 1, 1))
