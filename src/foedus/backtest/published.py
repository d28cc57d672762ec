"""Published alliance-reliability figures, and the shares foedus measures on the same periods.

- Leeds, Long & Mitchell (2000), "Reevaluating Alliance Reliability", JCR 44(5): 686–699: allies
  honoured their specific commitments in 74.5% of cases, 1816–1944.
- Berkemeier & Fuhrmann (2018), "Reassessing the Fulfillment of Alliance Commitments in War",
  Research & Politics 5(2), 1816–2003: 50% overall; 66% before 1945; 22% from 1945; 41% for defence
  pacts (74% for offensive alliances).
- Sabrosky (1980), "Interstate Alliances: Their Reliability and the Expansion of War", in Singer (ed.),
  The Correlates of War II, 1816–1965: of the allies of a war participant, 27% fought alongside it,
  61% stayed out, 12% fought on the other side.

foedus's comparable share is that of *obligated allies* (states the legal reading binds to join)
that fought on the side they were bound to; Sabrosky's split is compared with every state that
shared a treaty in force with a war participant on the war's start date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from foedus.model.world import World

__all__ = ["PUBLISHED", "SABROSKY", "AllyOutcome", "Outcome", "Published", "Split", "allies_of", "split"]

Outcome = Literal["alongside", "stayed_out", "other_side"]
LLM = "Leeds, Long & Mitchell 2000"
BF = "Berkemeier & Fuhrmann 2018"


@dataclass(frozen=True, slots=True)
class Published:
    """One published share of alliance commitments honoured, with the period and pledge type it covers."""

    source: str
    measure: str
    first: int
    last: int
    value: float
    kind: str | None = None  # only obligations of this kind (defense | offense); None for all


PUBLISHED: tuple[Published, ...] = (
    Published(LLM, "commitments honoured", 1816, 1944, 0.745),
    Published(BF, "commitments honoured, overall", 1816, 2003, 0.50),
    Published(BF, "before 1945", 1816, 1944, 0.66),
    Published(BF, "from 1945", 1945, 2003, 0.22),
    Published(BF, "defence pledges", 1816, 2003, 0.41, "defense"),
    Published(BF, "offensive pledges", 1816, 2003, 0.74, "offense"),
)



@dataclass(frozen=True, slots=True)
class Split:
    """A published split of what allies of war participants did, and the period it covers."""

    source: str
    first: int
    last: int
    shares: dict[str, float]


SABROSKY = Split("Sabrosky 1980", 1816, 1965, {"alongside": 0.27, "stayed_out": 0.61, "other_side": 0.12})


@dataclass(frozen=True, slots=True)
class AllyOutcome:
    """An ally of a war participant (a state sharing a treaty in force with it) and what it did."""

    war: int
    year: int
    participant: str
    ally: str
    outcome: Outcome


def allies_of(world: World, state: str, day: dt.date) -> set[str]:
    """States that share a treaty in force on `day` with `state` (system members on that day only)."""
    from foedus.engine.table import leg_table

    index = leg_table(world, day, "in-force")
    out = set().union(*(m for m in index.members.values() if state in m)) - {state}
    return {s for s in out if s in world.states.states and world.states.get(s).member_on(day) is not False}


def split(outcomes: Iterable[str]) -> dict[str, Any]:
    """Counts and shares of alongside / stayed_out / other_side.

    >>> split(["alongside", "stayed_out", "stayed_out", "other_side"])["shares"]
    {'alongside': 0.25, 'stayed_out': 0.5, 'other_side': 0.25}
    """
    counts = Counter(outcomes)
    n = sum(counts.values())
    keys = ("alongside", "stayed_out", "other_side")
    return {"n": n, "counts": {k: counts.get(k, 0) for k in keys},
            "shares": {k: (round(counts.get(k, 0) / n, 6) if n else None) for k in keys}}
