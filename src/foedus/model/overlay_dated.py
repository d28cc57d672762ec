"""What-if changes dated after a scenario's date: a member added from a later day (`joined`), or one leaving on a
later day (`left`), is no party then, or still one, so the change does not touch the scenario. A cascade ran such a
what-if as the world unchanged and said nothing; its notes now say which change, and from when it applies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from foedus.model.overlay_changes import AddMember, Change, RemoveMember

__all__ = ["later_notes"]


def later_notes(changes: Iterable[Change], day: dt.date) -> list[str]:
    """A note for each change that takes effect only after `day` (a membership runs from its `joined` to the day
    before its `left`: `foedus.engine.certainty.party_on`), naming it as it was given (`overlay_set.named`).
    A `left` ends the membership from that day on and never lengthens one (`overlay_apply._ended`), so a later
    `left` leaves `day` as it was."""
    from foedus.model.overlay_set import named

    notes = []
    for number, change in enumerate(changes, 1):
        when = change.joined if isinstance(change, AddMember) else change.left if isinstance(
            change, RemoveMember) else None
        if when is None or when <= day:
            continue
        notes.append(f"{named(change, number)} takes effect only from {when}, after the scenario's date ({day}): "
                     "this what-if change does not touch the scenario")
    return notes
