"""The rule that a treaty binds only states: a party that has left the state system by the cascade's day (the German
Democratic Republic in 2025, listed by a user's file or a what-if) is no party that day, neither bound nor owed a duty
(`in_system`). The leg table reads it when it compiles the parties (`foedus.engine.table.compile_table`), so every
engine follows it as it follows a suspended membership (the `suspended` gate: the reference engine reports the legs
that would have bound as withheld, with this reason; the vectorised engines leave them out). A state with no system
dates (none in the data, or a day before 1816), or on a day before its first spell, is taken to be one. A war replay
re-evaluates on the days a state leaves the system or comes back to it (`foedus.war.system_changes`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from foedus.model.state_files import spells_text
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.model.states import StateRegistry

__all__ = ["in_system", "out_of_system", "system_said"]


def in_system(states: StateRegistry, state: str, day: dt.date) -> bool:
    """Whether `state` may be a party on `day`: not once it has left the system (a day after one of its spells and in
    none: the GDR after 2 Oct 1990, Poland under occupation), by the registry's COW dates. A day before its first spell
    is not one: COW admits a state by its criteria (diplomatic recognition, population, UN membership), often years
    after it was one (Montenegro, at war in 1914, is in COW from 2006 only; Tuvalu from 2000)."""
    known = states.states.get(state)
    return known is None or known.member_on(day) is not False or day < min(start for start, _ in known.spells)


def out_of_system(states: StateRegistry, state: str, day: dt.date, names: Mapping[str, str]) -> str | None:
    """Why `state` is no party on `day` (not bound, owed nothing), naming it by `names` and giving its system dates;
    None when it may be one (`in_system`)."""
    if in_system(states, state, day):
        return None
    return system_said(state, day, spells_text(states.states[state].spells), names)


def system_said(state: str, day: dt.date | str, spells: str, names: Mapping[str, str], back: bool = False) -> str:
    """The rule's words for `state` out of the system on `day` (`out_of_system`), or back in it from `day` after a
    time out (`back`), `spells` its system dates (`spells_text`): a war replay's frame on the day says them too."""
    if back:
        return (f"{named_state(state, names)} is a member of the state system again on {day} (a member {spells}), "
                "so it may be a party again")
    return (f"{named_state(state, names)} is not a member of the state system on {day} (a member {spells}), so it "
            "is no party then")
