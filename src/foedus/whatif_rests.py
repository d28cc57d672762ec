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


def rests_on_changes(result: CascadeResult, changes: Sequence[Change], said: Sequence[str], world: World
                     ) -> tuple[CascadeResult, list[str]]:
    """`result` with a `what-if` certainty reason (`change_reason`) on each duty of a joiner that rests on a change
    (`said`: each change in `CascadeResult.what_if`'s words), its `certainty` left the encoded facts' tag, and one
    note per change a joiner's duty rests on: "resting on add_member usa_phl_1951:TWN: Philippines (PHL) and United
    States (USA), bound under usa_phl_1951 art. IV (hypothetical)"."""
    from foedus.datarecord import replace
    from foedus.whatif_words import change_reason

    found = [(change, words, treaty) for change, words in zip(changes, said, strict=True)
             if (treaty := change_treaty(change, world)) is not None]
    by_change: dict[str, dict[str, list[str]]] = {words: {} for _, words, _ in found}
    joiners = []
    for j in result.joiners:
        duties = []
        for o in (j.primary, *j.also):
            rests = [words for change, words, treaty in found if _rests(o, change, treaty, world, result.scenario.date)]
            duties.append(replace(o, certainty_reasons=(*o.certainty_reasons, *map(change_reason, rests)))
                          if rests else o)
            for words in rests:
                states = by_change[words].setdefault(cited(o.treaty, o.article), [])
                if not any(named_state(j.state, result.names) in v for v in by_change[words].values()):
                    states.append(named_state(j.state, result.names))
        joiners.append(replace(j, primary=duties[0], also=tuple(duties[1:])))
    notes = []
    for words, by_cite in by_change.items():
        bound = "; ".join(f"{and_listed(states)}, bound under {where}" for where, states in by_cite.items() if states)
        if bound:
            notes.append(f"resting on {words}: {bound} (hypothetical)")
    return (replace(result, joiners=tuple(joiners)) if notes else result), notes
