"""A frame's `bound` entry for one joiner (`Frame.bound`), and what it shares with the state's `first_bound` and
`bound_spans` (`Made`), made once per joiner and date: apart from `foedus.war.frames` (its size)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from foedus.engine.doubted_facts import Doubts, doubt_levels
from foedus.engine.result import Joiner
from foedus.war.result import Also
from foedus.war.unbroken import since_entry

__all__ = ["Made", "bound_entry"]


@dataclass(frozen=True, slots=True)
class Made(Doubts):
    """What a frame's `bound` entry, `first_bound` and `bound_spans` say of one joiner on a date, made once for all
    three: its primary obligation's unverified facts (`doubted`, each at its level: `levels`) and its `also`."""

    also: tuple[Also, ...]
    levels: dict[str, str]  # `doubted` is its keys (`Doubts`): each obligation's reasons are read once

    @classmethod
    def of(cls, j: Joiner) -> Made:
        return cls(tuple(Also(o.treaty, o.article, o.certainty, doubt_levels(o.certainty_reasons), o.instrument,
                              o.conditions, o.unresolved) for o in j.also),
                   doubt_levels(j.primary.certainty_reasons))


def bound_entry(j: Joiner, made: Made, spans: list[dict[str, Any]]) -> dict[str, Any]:
    """A frame's `bound` entry: the side, the primary obligation's treaty, article and instrument, its certainty and the
    facts it rests on that are not verified (`doubted`), the conditions it assumes and the ATOP conditions it rests on
    (`conditions`, `unresolved`: the cascade's own record of them, `Obligation`), and the other obligations that bind it
    that day (`also`, each `{treaty, article, instrument, certainty, doubted, conditions, unresolved}`), the duty's
    kind and the attack it answers (`kind`, `because`: whom it defends, `foedus.war.words.bound_duty`), as `Bound`
    records them (`made`: the joiner's `Made`), and since when it has been bound to that side without a break, by
    its `spans` (`since`, with `since_under` where the treaty or article has changed since: `since_entry`)."""
    p = j.primary
    return {"side": j.side, "kind": p.kind, "because": p.because.to_dict(), "treaty": p.treaty, "article": p.article,
            "instrument": p.instrument, "certainty": p.certainty, "doubted": list(made.doubted),
            "levels": dict(made.levels), "conditions": list(p.conditions), "unresolved": list(p.unresolved),
            "also": [o.to_dict() for o in made.also], **since_entry(spans, j.side)}
