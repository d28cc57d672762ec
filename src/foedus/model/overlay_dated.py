"""What-if changes dated after a scenario's date: a member added from a later day (`joined`), or one leaving on a
later day (`left`), is no party then, or still one, so the change does not touch the scenario. A cascade ran such a
what-if as the world unchanged and said nothing; its notes now say which change, and from when it applies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from foedus.model.overlay_changes import AddMember, Change, RemoveMember

if TYPE_CHECKING:
    from foedus.model.world import World

__all__ = ["later_notes"]


def later_notes(changes: Iterable[Change], day: dt.date, before: World) -> list[str]:
    """A note for each change that takes effect only after `day` (a membership runs from its `joined` to the day
    before its `left`: `foedus.engine.certainty.party_on`), naming it as it was given (`overlay_set.named`).
    `before` is the world the changes were applied to: a `left` that moves an exit already past on `day` to a later
    one makes the state a party again on `day`, which touches the scenario, and is not said to be later."""
    from foedus.model.overlay_set import named

    notes = []
    for number, change in enumerate(changes, 1):
        when = change.joined if isinstance(change, AddMember) else change.left if isinstance(
            change, RemoveMember) else None
        if when is None or when <= day or (isinstance(change, RemoveMember) and _left_by(change, day, before)):
            continue
        notes.append(f"{named(change, number)} takes effect only from {when}, after the scenario's date ({day}): "
                     "this what-if change does not touch the scenario")
    return notes


def _left_by(change: RemoveMember, day: dt.date, before: World) -> bool:
    """Whether the state had left the treaty by `day` in `before` (or the treaty is not there to tell: one the
    changes add), so that the later `left` the change gives it lengthens a membership over `day`."""
    if change.treaty not in before.treaties:
        return True
    state = before.states.resolve_id(change.state)
    return any(m.left is not None and m.left <= day for m in before.treaties[change.treaty].members if m.state == state)
