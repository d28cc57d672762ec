"""Map COW codes to the engine's state ids on a date, with a reason for every state it cannot place.

The engine can only reason about states it knows (the registry) that are in the state system on the
date of the opening attack; the others are skipped, never guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from foedus.model.states import StateRegistry

__all__ = ["Placer", "Skip"]


@dataclass(frozen=True, slots=True)
class Skip:
    """A state left out of one war's comparison, and why."""

    war: int
    ccode: int
    name: str
    role: str  # attacker | target | participant
    reason: str

    def to_dict(self) -> dict[str, object]:
        """Plain form for the JSON report."""
        return {"war": self.war, "ccode": self.ccode, "name": self.name, "role": self.role, "reason": self.reason}


@dataclass(frozen=True)
class Placer:
    """Resolves COW codes against one state registry."""

    states: StateRegistry

    def place(self, ccode: int, day: dt.date) -> tuple[str | None, str]:
        """The engine id of COW code `ccode` on `day`, or None and the reason it cannot be placed."""
        state_id = self.states.by_ccode.get(ccode)
        if state_id is None:
            return None, f"COW code {ccode} is not in the state registry"
        member = self.states.get(state_id).member_on(day)
        if member is False:
            return None, f"{state_id} is not a member of the state system on {day}"
        return state_id, ""

    def ccode(self, state_id: str) -> int | None:
        """The COW code of an engine id (None for entities without one)."""
        return self.states.get(state_id).ccode if state_id in self.states.states else None
