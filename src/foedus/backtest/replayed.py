"""Replay one COW war in each reading and say, for every candidate state, when the engine first bound it.

A state's forecast may only use what happened before it entered the war itself: the replay's dates before
its entry, plus one evaluation on its entry date with its own events (its entry, its attacks and the
attacks on it) left out. The probabilistic mode runs the Monte Carlo (`foedus.engine.fast.montecarlo`) on
each distinct state of the war (the same deterministic finding, attacks, sides and era give the same
forecast), and a state's forecast up to a horizon is the evaluation, among those before it entered and up
to the horizon, that gives it the highest chance of joining: a commitment is honoured or not once, when
its casus foederis arises, not afresh every day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from foedus.backtest.warbuild import CowWar
from foedus.engine.reliability import ERA_CUTOFF, HonourModel
from foedus.model.world import World
from foedus.war.evaluate import Evaluation, Settings
from foedus.war.events import War, WarSide
from foedus.war.replay import evaluate_at, replay
from foedus.war.result import WarReplay

__all__ = ["HORIZONS", "Bound", "ReplayedWar", "Variant", "replay_war_variants"]

Variant = str  # legal | escalatory | legal-unmet
HORIZONS: tuple[int | None, ...] = (30, 365, None)  # days after the war's start; None: the whole war
_SETTINGS: dict[Variant, Settings] = {"legal": Settings(), "escalatory": Settings(reading="escalatory"),
                                      "legal-unmet": Settings(unresolved="unmet")}


@dataclass(frozen=True, slots=True)
class Bound:
    """The engine first bound a state, before it entered the war: on `date`, to `side`, under `treaty`."""

    date: dt.date
    side: WarSide
    treaty: str
    article: str
    kind: str
    unresolved: bool  # every obligation behind it rests on conditions ATOP flags without specifying


@dataclass
class ReplayedWar:
    """One COW war replayed: per variant, each candidate's first binding; the legal Monte Carlo forecasts."""

    cow: CowWar
    candidates: list[str]
    bound: dict[Variant, dict[str, Bound]] = field(default_factory=dict)
    evaluations: list[Evaluation] = field(default_factory=list)  # the legal replay's (for reliability)
    probabilities: dict[int | None, dict[str, tuple[float, float]]] = field(default_factory=dict)
    legal: WarReplay | None = None


def without(war: War, state: str) -> War:
    """The war with every event of `state` left out (its entries and exits, and the attacks by it or on it)."""
    events = []
    for e in war.events:
        if state in e.states and e.kind in ("entry", "exit"):
            continue
        attacks = tuple(a for a in e.attacks if state not in (a.attacker, a.victim))
        if e.kind == "attack" and not attacks:
            continue
        events.append(type(e)(e.index, e.kind, e.date, attacks, e.until, e.states, e.side, e.note))
    return War(war.id, war.name, tuple(events), war.end, war.source)


def _bound_of(ev: Evaluation, state: str) -> Bound | None:
    j = ev.bound.get(state)
    if j is None:
        return None
    p = j.primary
    flagged = all(o.unresolved for o in (p, *j.also))
    return Bound(ev.date, p.side, p.treaty, p.article, p.kind, flagged)


def _first_bound(rep: WarReplay, state: str, entry: dt.date | None) -> Bound | None:
    for ev in rep.evaluations:
        if entry is not None and ev.date >= entry:
            return None
        b = _bound_of(ev, state)
        if b is not None:
            return b
    return None


def _mc_key(ev: Evaluation) -> Any:
    r = ev.result
    if r is None:
        return None
    obligations = frozenset((o.state, o.treaty, o.article, o.side) for j in r.joiners for o in (j.primary, *j.also))
    conflicts = frozenset((c.state, o.treaty, o.side) for c in r.conflicts for o in c.obligations)
    return (ev.attacks, tuple(sorted(ev.sides.items())), obligations, conflicts, ev.date < ERA_CUTOFF)


def _montecarlo(world: World, ev: Evaluation, draws: int, seed: int,
                model: HonourModel) -> dict[str, tuple[float, float]]:
    from foedus.engine.fast.montecarlo import simulate

    if ev.result is None or (not ev.result.joiners and not ev.result.conflicts):
        return {}
    mc = simulate(world, ev.result.scenario, draws, seed, model)
    return {s: (p["attack"], p["defense"]) for s, p in mc.probabilities().items() if s not in ev.sides}


class _Probabilities:
    """The Monte Carlo forecasts of one war, per horizon: the highest chance of joining before entry."""

    def __init__(self, world: World, cow: CowWar, draws: int, seed: int) -> None:
        from foedus.engine.reliability import load_honour_model

        self.world, self.cow, self.draws, self.seed = world, cow, draws, seed
        self.model = load_honour_model(None)
        self.cache: dict[Any, dict[str, tuple[float, float]]] = {}

    def of(self, ev: Evaluation) -> dict[str, tuple[float, float]]:
        key = _mc_key(ev)
        if key not in self.cache:
            self.cache[key] = _montecarlo(self.world, ev, self.draws, self.seed, self.model)
        return self.cache[key]

    def forecasts(self, rep: WarReplay, hidden: dict[str, Evaluation], candidates: list[str]
                  ) -> dict[int | None, dict[str, tuple[float, float]]]:
        start = self.cow.start
        out: dict[int | None, dict[str, tuple[float, float]]] = {h: {} for h in HORIZONS}
        for state in candidates:
            p = self.cow.participants.get(state)
            entry = p.entry if p is not None and p.role != "original" else None
            seen: list[tuple[dt.date, tuple[float, float]]] = [
                (ev.date, self.of(ev).get(state, (0.0, 0.0))) for ev in rep.evaluations
                if entry is None or ev.date < entry]
            if state in hidden:
                seen.append((hidden[state].date, self.of(hidden[state]).get(state, (0.0, 0.0))))
            for h in HORIZONS:
                cut = start + dt.timedelta(days=h) if h is not None else dt.date.max
                chances = [pr for day, pr in seen if day <= cut]
                best = max(chances, key=lambda pr: pr[0] + pr[1], default=(0.0, 0.0))
                if best != (0.0, 0.0):
                    out[h][state] = best
        return out


def replay_war_variants(world: World, cow: CowWar, candidates: list[str], *, draws: int | None, seed: int,
                        variants: tuple[Variant, ...] = ("legal", "escalatory", "legal-unmet")) -> ReplayedWar:
    """Replay `cow` in each variant; with `draws`, also the legal reading's Monte Carlo forecasts."""
    out = ReplayedWar(cow=cow, candidates=candidates)
    for variant in variants:
        settings = _SETTINGS[variant]
        rep = replay(cow.war, world, settings=settings, doubts=False)  # no frame's doubts read: not found
        found: dict[str, Bound] = {}
        hidden: dict[str, Evaluation] = {}
        for state in candidates:
            p = cow.participants.get(state)
            if p is not None and p.role == "original":
                continue
            entry = p.entry if p is not None else None
            b = _first_bound(rep, state, entry)
            if b is None and entry is not None:
                hidden[state] = evaluate_at(without(cow.war, state), world, entry, settings)
                b = _bound_of(hidden[state], state)
            if b is not None:
                found[state] = b
        out.bound[variant] = found
        if variant == "legal":
            out.legal = rep
            out.evaluations = rep.evaluations
            if draws:
                probs = _Probabilities(world, cow, draws, seed)
                out.probabilities = probs.forecasts(rep, hidden, candidates)
    return out
