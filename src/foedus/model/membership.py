"""What the COW state system cannot say about a scenario's states, said once.

`State.member_on` answers None for a day before the system begins (`COW_FIRST_DAY`, 1816-01-01) and for a
state COW does not list (Palestine). A scenario's states are then not checked against the system
(`foedus.engine.scenario`), and the answer says so with these notes (`foedus.engine.outcome`); without COW
dates at all, the note on the missing data says it (`foedus.sources.coverage`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from foedus.model.states import COW_FIRST_DAY
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.model.states import StateRegistry

__all__ = ["unchecked_notes"]


def unchecked_notes(states: StateRegistry, ids: Iterable[str], day: dt.date) -> list[str]:
    """A note for each of the states `ids` whose membership of the state system on `day` (and after) the COW
    dates cannot say; none when the registry has no COW dates at all."""
    if not states.has_system_dates:
        return []
    unknown = [states.get(i) for i in dict.fromkeys(ids) if states.get(i).member_on(day) is None]
    if not unknown:
        return []
    names = states.names_on(day)  # as called on the day (Prussia, 1815)
    if day < COW_FIRST_DAY:
        named = " and ".join(named_state(s.id, names) for s in unknown)
        were = "was a state" if len(unknown) == 1 else "were states"
        return [f"the COW state system begins on {COW_FIRST_DAY}: whether {named} {were} on {day} is not checked"]
    return [f"{named_state(s.id, names)} is not in the COW state system: whether it is a state is not checked"
            for s in unknown]
