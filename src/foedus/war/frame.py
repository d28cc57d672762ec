"""One evaluated date of a replayed war (`WarReplay.frames`): its changes, the sides, the bound states, who moved
(with the cause), the doubts a cascade on the date gives, and what a state's line says of a pause in its fighting or
of a binding that ended (`paused`, `released`: docs/war.md, "What a frame says of pauses and ended duties")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Frame"]


@dataclass
class Frame:
    """One evaluated date: its changes, the sides, the bound states, who moved (with the cause), and the doubts a
    cascade on the date gives (`foedus.war.evaluate.day_doubts`)."""

    date: dt.date
    changes: list[dict[str, Any]]
    sides: dict[str, list[str]]
    # {side, kind, because, treaty, article, instrument, certainty, doubted, conditions, unresolved, also}
    bound: dict[str, dict[str, Any]]
    conflicts: list[str]
    moved: list[dict[str, Any]]
    doubts: list[dict[str, Any]] = field(default_factory=list)  # each as a cascade's JSON `doubts` gives it
    # each conflict's `reason` and `treaties`, as the cascade's conflict gives them: "bound to both sides", or "bound
    # both to join and not to join the war against Ukraine (UKR)" (a neutrality duty), which "Why?" says, and its
    # `instruments` (each treaty's kind: `conflict_words.conflict_instruments`), which it says beside each treaty
    conflicted: dict[str, dict[str, Any]] = field(default_factory=dict)
    # each state fighting with no attack by or on it going on, having been in one: {since, cause, sources}, the first
    # day none went on, the change that ended its last (a ceasefire, an attack's end, an exit), the pages the war
    # file cites for that change's event; a ceasefire takes no state out of the war, so "Why?" says the pause
    paused: dict[str, dict[str, Any]] = field(default_factory=dict)
    # each state neither fighting, bound nor bound both ways that was bound to join earlier in the war: its last
    # binding (`bound_spans`' entry: side, from, to, treaty, article, instrument, certainty, doubted), the change that
    # released it on `to` (`cause`) and the pages cited for that change's event (`sources`)
    released: dict[str, dict[str, Any]] = field(default_factory=dict)
    # each state attacked that day → the states whose attacks on it go on, oldest first, then in the war file's order
    # (`foedus.war.attackers.attacked_by`): whom "Why?" says a state an attack drew in is fighting against that day
    attacked_by: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"date": self.date.isoformat(), "changes": self.changes, "sides": self.sides,
                "attacked_by": self.attacked_by, "bound": self.bound,
                "conflicts": self.conflicts, "conflicted": self.conflicted, "moved": self.moved,
                "doubts": self.doubts, "paused": self.paused, "released": self.released}
