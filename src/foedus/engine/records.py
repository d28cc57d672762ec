"""The parts of a cascade result: obligations, joiners, consultations, neutrality, violations, conflicts.

Each is a frozen record with a `to_dict()` JSON form; `foedus.engine.result.CascadeResult` holds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = [
    "Because",
    "CertaintyReason",
    "Conflict",
    "Consultation",
    "Joiner",
    "Neutral",
    "Obligation",
    "Side",
    "Violation",
    "Withheld",
]

Side = Literal["attack", "defense"]


@dataclass(frozen=True, slots=True)
class Because:
    """The attack that set an obligation off: who was attacked, by whom, where, and how."""

    attacked: str
    by: str
    place: str
    kind: str = "territory"

    def to_dict(self) -> dict[str, str]:
        """JSON form: attacked, by, place, target_kind."""
        return {"attacked": self.attacked, "by": self.by, "place": self.place, "target_kind": self.kind}


@dataclass(frozen=True, slots=True)
class CertaintyReason:
    """A fact an obligation rests on that is not verified: what it is, its tag, and where it comes from.

    `kind`: treaty, article, membership, date, freeze, place or scope; the last three are also
    conditions the obligation assumes.
    """

    kind: str
    fact: str
    certainty: str
    source: str

    def to_dict(self) -> dict[str, str]:
        """JSON form: kind, fact, certainty, source."""
        return {"kind": self.kind, "fact": self.fact, "certainty": self.certainty, "source": self.source}


@dataclass(frozen=True, slots=True)
class Obligation:
    """One binding provision: `state` must join `side` under `treaty` art. `article`."""

    state: str
    side: Side
    round: int
    treaty: str
    article: str
    strength: str
    kind: str
    because: Because
    certainty: str = "verified"
    conditions: tuple[str, ...] = ()
    bilateral: bool = False
    unresolved: tuple[str, ...] = ()
    certainty_reasons: tuple[CertaintyReason, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the obligation."""
        return {
            "state": self.state,
            "side": self.side,
            "round": self.round,
            "treaty": self.treaty,
            "article": self.article,
            "strength": self.strength,
            "kind": self.kind,
            "because": self.because.to_dict(),
            "certainty": self.certainty,
            "certainty_reasons": [r.to_dict() for r in self.certainty_reasons],
            "conditions": list(self.conditions),
            "unresolved": list(self.unresolved),
        }


@dataclass(frozen=True, slots=True)
class Joiner:
    """A state drawn in: its primary obligation (strongest) plus any others that also bind."""

    primary: Obligation
    also: tuple[Obligation, ...] = ()

    @property
    def state(self) -> str:
        """The joining state."""
        return self.primary.state

    @property
    def side(self) -> Side:
        """The side it joins."""
        return self.primary.side

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the primary obligation's fields plus `also`."""
        out = self.primary.to_dict()
        out["also"] = [{k: v for k, v in o.to_dict().items() if k != "state"} for o in self.also]
        return out


@dataclass(frozen=True, slots=True)
class Consultation:
    """`state` must consult `with_` (consultation clause), without a duty to fight."""

    state: str
    with_: str
    treaty: str
    article: str
    because: Because

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"state": self.state, "with": self.with_, "treaty": self.treaty,
                "article": self.article, "because": self.because.to_dict()}


@dataclass(frozen=True, slots=True)
class Neutral:
    """`state` is bound to stay out of the war against `toward`."""

    state: str
    toward: str
    treaty: str
    article: str
    because: Because

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"state": self.state, "toward": self.toward, "treaty": self.treaty,
                "article": self.article, "because": self.because.to_dict()}


@dataclass(frozen=True, slots=True)
class Violation:
    """`state` attacks `against` although a non-aggression or neutrality clause forbids it."""

    state: str
    against: str
    treaty: str
    article: str
    kind: str
    because: Because

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"state": self.state, "against": self.against, "treaty": self.treaty,
                "article": self.article, "kind": self.kind, "because": self.because.to_dict()}


@dataclass(frozen=True, slots=True)
class Conflict:
    """`state` is bound to both sides, or to join and to stay neutral; it picks no side."""

    state: str
    round: int
    reason: str
    obligations: tuple[Obligation, ...]
    neutral: tuple[Neutral, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "state": self.state,
            "round": self.round,
            "reason": self.reason,
            "treaties": sorted({o.treaty for o in self.obligations} | {n.treaty for n in self.neutral}),
            "obligations": [o.to_dict() for o in self.obligations],
            "neutral": [n.to_dict() for n in self.neutral],
        }


@dataclass(frozen=True, slots=True)
class Withheld:
    """An obligation that would have bound but for a gate (request, non-provocation)."""

    state: str
    treaty: str
    article: str
    reason: str
    unresolved: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"state": self.state, "treaty": self.treaty, "article": self.article, "reason": self.reason,
                "unresolved": list(self.unresolved)}
