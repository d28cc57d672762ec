"""A what-if overlay as `--save-overlay` writes it: each state a change names given by its id on the scenario's date,
so that the file means the same states on whatever date it is run on ("Congo" is the Republic of the Congo in 1980,
and ambiguous in 2020: saved as typed, it was read again on the later date and refused)."""

from __future__ import annotations

import datetime as dt

from foedus.model.overlay import AddMember, Overlay, RemoveMember
from foedus.model.states import StateRegistry

__all__ = ["by_state_ids"]


def by_state_ids(overlay: Overlay, states: StateRegistry, day: dt.date | None) -> Overlay:
    """`overlay` with each member change's state given by its id, read on `day` as `Overlay.apply` read it (ids
    never change); the other changes as they are."""
    changes = [c.model_copy(update={"state": states.resolve_id(c.state, day)})
               if isinstance(c, AddMember | RemoveMember) else c for c in overlay.changes]
    return overlay.model_copy(update={"changes": changes})
