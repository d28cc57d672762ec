"""A what-if overlay as `--save-overlay` writes it: each state a change names given by its id on the scenario's date,
so that the file means the same states on whatever date it is run on ("Congo" is the Republic of the Congo in 1980,
and ambiguous in 2020: saved as typed, it was read again on the later date and refused)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from foedus.model.overlay import AddMember, Overlay, RemoveMember
from foedus.model.states import StateRegistry

__all__ = ["by_state_ids", "by_state_ids_on"]


def by_state_ids(overlay: Overlay, states: StateRegistry, day: dt.date | None) -> Overlay:
    """`overlay` with each member change's state given by its id, read on `day` as `Overlay.apply` read it (ids
    never change); the other changes as they are."""
    changes = [c.model_copy(update={"state": states.resolve_id(c.state, day)})
               if isinstance(c, AddMember | RemoveMember) else c for c in overlay.changes]
    return overlay.model_copy(update={"changes": changes})


def by_state_ids_on(overlay: Overlay, states: StateRegistry, days: Callable[[int], Sequence[dt.date]]) -> Overlay:
    """`overlay` with each member change's state given by its id read on the `days` of its number (a yearly atlas:
    each year's day it applies on), not today's: "Congo" is the Republic of the Congo in 1975-1980, and ambiguous
    today. A name read as several states over those days is refused, naming them and their years.

    Raises:
        FoedusError: the name is ambiguous on one of the days (the day named), or names several states on them.
    """
    from foedus.whatif_words import read_apart

    changes = []
    for number, c in enumerate(overlay.changes):
        if isinstance(c, AddMember | RemoveMember):
            read: dict[str, list[int]] = {}
            for day in days(number):
                read.setdefault(states.resolve_id(c.state, day), []).append(day.year)
            if len(read) > 1:
                from foedus.errors import FoedusError

                raise FoedusError(read_apart(str(c.state), read))
            c = c.model_copy(update={"state": next(iter(read), c.state)})
        changes.append(c)
    return overlay.model_copy(update={"changes": changes})
