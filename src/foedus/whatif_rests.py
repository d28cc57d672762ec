"""Which findings of a what-if run rest on one of its changes, said beside the run's `what-if world` note: the note said
"a finding that rests on a change is hypothetical" and left the reader to find which, so Philippines and the United
States, bound to defend Taiwan only because `--add-member usa_phl_1951:TWN` made Taiwan a party, read as any duty."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from foedus.cited import cited
from foedus.wording import and_listed, named_state

if TYPE_CHECKING:
    from foedus.engine.records import Obligation
    from foedus.engine.result import CascadeResult
    from foedus.model.overlay import Change
    from foedus.model.world import World

__all__ = ["change_treaty", "rests_on_changes"]


def change_treaty(change: Change, world: World) -> str | None:
    """The id of the treaty `change` touches in `world` (a name such as "NATO" read as the overlay read it; a treaty
    added by its file's id), or None where `world` lacks it."""
    from foedus.errors import FoedusError
    from foedus.model.overlay_changes import AddTreaty
    from foedus.model.overlay_dated import treaty_added

    if isinstance(change, AddTreaty):
        added = treaty_added(change, world)
        return None if added is None else added.id
    try:
        return world.treaty_id(change.treaty)
    except FoedusError:
        return None


def _rests(o: Obligation, change: Change, treaty: str, world: World, day: dt.date) -> bool:
    """Whether obligation `o` rests on `change`: owed under a treaty it adds, under an article whose strength or
    scope it sets, or under a treaty it makes a state a party to, owed by, to or against that state."""
    from foedus.engine.scenario import named_state as state_id
    from foedus.errors import FoedusError
    from foedus.model.overlay_changes import AddMember, AddTreaty, SetScope, SetStrength

    if o.treaty != treaty:
        return False
    if isinstance(change, AddTreaty):
        return True
    if isinstance(change, SetScope | SetStrength):
        return o.article == str(change.article)
    if isinstance(change, AddMember):
        try:  # as `foedus compare` reads the member a change adds
            state = state_id(change.state, day, world.states.names)
        except FoedusError:
            state = str(change.state)
        return state in (o.state, o.because.attacked, o.because.by)
    return False  # a treaty dropped or a member removed: what stands of it is the treaty as encoded


def rests_on_changes(result: CascadeResult, changes: Sequence[Change], said: Sequence[str], world: World) -> list[str]:
    """One note per change (`said`: each change in `CascadeResult.what_if`'s words) that a joiner's duty rests on:
    "resting on add_member usa_phl_1951:TWN: Philippines (PHL) and United States (USA), bound under usa_phl_1951 art.
    IV (hypothetical)"."""
    notes = []
    for change, words in zip(changes, said, strict=True):
        treaty = change_treaty(change, world)
        if treaty is None:
            continue
        by_cite: dict[str, list[str]] = {}
        for j in result.joiners:
            for o in (j.primary, *j.also):
                if _rests(o, change, treaty, world, result.scenario.date):
                    by_cite.setdefault(cited(o.treaty, o.article), []).append(named_state(j.state, result.names))
                    break
        if by_cite:
            bound = "; ".join(f"{and_listed(states)}, bound under {where}" for where, states in by_cite.items())
            notes.append(f"resting on {words}: {bound} (hypothetical)")
    return notes
