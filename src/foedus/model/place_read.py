"""A place's name that the state registry reads as a state only by a state's name pattern ("Gaza", "West Bank":
Palestine's countrycode pattern; "North Cyprus": Cyprus's) is refused as the place it names, as "Gaza Strip" is
(`Gazetteer.place_not_state`), not read as that state with no word: a place is not a state. A state's own id,
code, name or alias always names the state."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from foedus.errors import UnknownStateError
    from foedus.model.gazetteer import Gazetteer
    from foedus.model.states import StateRegistry

__all__ = ["place_read_as_state"]


def place_read_as_state(places: Gazetteer, states: StateRegistry, text: str | int, day: dt.date, *,
                        place_option: bool) -> UnknownStateError | None:
    """The refusal of `text`, which the registry reads as a state, where it is no key of the registry (no state's
    id, code, name or alias) but a name of a place of the gazetteer that is no state's home territory; else None.
    `place_option` as `Gazetteer.place_not_state` (a target is told to give the place as --place)."""
    if not isinstance(text, str) or states.named_id(text) is not None:
        return None
    place_id = places.named_id(text)
    if place_id is None or places.places[place_id].kind == "home":
        return None
    return places.place_not_state(text, states, day, place_option=place_option)
