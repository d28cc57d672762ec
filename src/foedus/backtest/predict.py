"""Run the cascade of one opening attack in each reading, deterministic and probabilistic.

Three variants: the legal reading (with a Monte Carlo over whether obligations are honoured, default
honour model), the escalatory reading, and the legal reading with ATOP's unresolved conditions read
as unmet (a sensitivity check). Help is assumed requested, membership by entry into force, the
attack on each target's home territory: the engine's defaults. The escalatory reading runs without
draws: its Monte Carlo enumerates every cross-side strike between two treaty blocs and takes minutes
on some wars (Cenepa Valley 1995: two Rio-treaty parties, about 140 s at 2,000 draws).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from foedus.api import cascade
from foedus.engine.result import CascadeResult, Joiner
from foedus.model.world import World

__all__ = ["VARIANTS", "Predicted", "ReadingPrediction", "Side", "Variant", "predict"]

Side = Literal["attack", "defense"]
Variant = Literal["legal", "escalatory", "legal-unmet"]
VARIANTS: tuple[Variant, ...] = ("legal", "escalatory", "legal-unmet")


@dataclass(frozen=True, slots=True)
class Predicted:
    """A state the engine says is obligated to join, on which side, and under what."""

    state: str
    side: Side
    kind: str  # the primary obligation's kind: defense | offense
    treaty: str
    article: str
    strength: str
    round: int
    unresolved: bool  # every obligation it has rests on a condition ATOP flags but does not specify


@dataclass(frozen=True)
class ReadingPrediction:
    """What one variant predicts: the obligated joiners, the states bound both ways, the probabilities."""

    variant: Variant
    joiners: dict[str, Predicted]
    conflicts: frozenset[str]
    probabilities: dict[str, tuple[float, float]]  # state -> (P attack side, P defense side); originals left out


def _predicted(joiner: Joiner, unresolved: set[tuple[str, str, str]]) -> Predicted:
    p = joiner.primary
    rests = all((o.state, o.treaty, o.article) in unresolved for o in (p, *joiner.also))
    return Predicted(state=p.state, side=p.side, kind=p.kind, treaty=p.treaty, article=p.article,
                     strength=p.strength, round=p.round, unresolved=rests)


def _reading(variant: Variant, result: CascadeResult) -> ReadingPrediction:
    originals = set(result.scenario.attackers) | set(result.scenario.targets)
    flagged = {(u["state"], u["treaty"], u["article"]) for u in result.unresolved_used}
    joiners = {j.state: _predicted(j, flagged) for j in result.joiners}
    probs: dict[str, tuple[float, float]] = {}
    for state, p in (result.montecarlo.probabilities if result.montecarlo else {}).items():
        if state not in originals:
            probs[state] = (float(p["attack"]), float(p["defense"]))
    return ReadingPrediction(variant=variant, joiners=joiners, conflicts=frozenset(c.state for c in result.conflicts),
                             probabilities=probs)


def predict(world: World, attackers: list[str], targets: list[str], day: dt.date, *, draws: int,
            seed: int) -> dict[Variant, ReadingPrediction]:
    """Every variant's prediction for this opening attack.

    Raises:
        FoedusError: the engine rejects the scenario (the caller skips the war and logs why).
    """
    out: dict[Variant, ReadingPrediction] = {}
    legal = cascade(attackers, targets, day, reading="legal", world=world, draws=draws, seed=seed)
    out["legal"] = _reading("legal", legal)
    escalatory = cascade(attackers, targets, day, reading="escalatory", world=world)
    out["escalatory"] = _reading("escalatory", escalatory)
    unmet = cascade(attackers, targets, day, reading="legal", unresolved="unmet", world=world)
    out["legal-unmet"] = _reading("legal-unmet", unmet)
    return out
