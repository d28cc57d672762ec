"""Probabilistic cascades: Monte Carlo over whether each triggered obligation is honoured.

The rules are applied once, permissively, to every attack that could happen in any draw: the potential
graph (`foedus.engine.fast.potential`). Each draw then decides, per (state, treaty), whether that
commitment is honoured (`LegTable.honour_probabilities`, the one formula) and, per state, whether it
asks for request-gated help, and replays the rounds of the cascade with
numpy over all draws at once. With every probability 1 the draws reproduce the deterministic
cascade exactly (tested), conflicts and their restarts included. Neutrality clauses act as in the
deterministic engine (they are restraints, not commitments that can be dropped).
"""

from __future__ import annotations

from statistics import NormalDist
from typing import Any

import numpy as np

from foedus.datarecord import dataclass
from foedus.engine.fast.budget import check_draws
from foedus.engine.fast.home import home_wants
from foedus.engine.fast.potential import PotentialGraph, potential_graph
from foedus.engine.fast.rounds import ATTACK, DEFENSE, NONE, Wants, solve_rounds
from foedus.engine.fast.threads import in_engine_threads
from foedus.engine.mc_records import SHARE_CONFIDENCE, MonteCarloSummary
from foedus.engine.reliability import HonourModel
from foedus.engine.rules import STRIKES, is_war
from foedus.engine.scenario import Scenario
from foedus.model.world import World

__all__ = ["MonteCarloResult", "new_seed", "replay", "simulate", "wilson_interval"]

_CELLS = 20_000_000  # draws x (obligations + attacks) per block: bounds memory to a few hundred MB


@dataclass
class MonteCarloResult:
    """Per-draw sides and the summaries the JSON output carries."""

    states: list[str]
    sides: np.ndarray  # (draws, states) in {0, 1 attack, 2 defense}
    draws: int
    seed: int
    majors: np.ndarray  # bool per state
    model: HonourModel

    def probabilities(self) -> dict[str, dict[str, float]]:
        """P(on the attacking side), P(on the defending side), per state that ever fights."""
        att = (self.sides == ATTACK).mean(axis=0)
        dfn = (self.sides == DEFENSE).mean(axis=0)
        return {s: {"attack": round(float(att[i]), 6), "defense": round(float(dfn[i]), 6)}
                for i, s in sorted(enumerate(self.states), key=lambda t: t[1]) if att[i] or dfn[i]}

    def probability_intervals(self) -> dict[str, dict[str, list[float]]]:
        """Each share of `probabilities` with its Wilson score interval (`wilson_interval`) over the draws: the
        Monte Carlo error of the share, not the uncertainty of the honour rates the draws come from."""
        att, dfn = (self.sides == ATTACK).sum(axis=0), (self.sides == DEFENSE).sum(axis=0)
        (a_lo, a_hi), (d_lo, d_hi) = ([[round(x, 6) for x in end.tolist()] for end in wilson_interval(k, self.draws)]
                                      for k in (att, dfn))
        return {s: {"attack": [a_lo[i], a_hi[i]], "defense": [d_lo[i], d_hi[i]]}
                for i, s in sorted(enumerate(self.states), key=lambda t: t[1]) if att[i] or dfn[i]}

    def war_size(self) -> dict[str, Any]:
        """Distribution of the number of belligerents (original parties included)."""
        sizes = (self.sides != NONE).sum(axis=1)
        values, counts = np.unique(sizes, return_counts=True)
        q = np.percentile(sizes, [5, 50, 95])
        shares = {str(int(v)): round(float(c) / self.draws, 6) for v, c in zip(values, counts, strict=True)}
        return {"mean": round(float(sizes.mean()), 4), "p5": float(q[0]), "p50": float(q[1]), "p95": float(q[2]),
                "distribution": shares}

    def p_majors_opposite(self) -> float:
        """Share of draws with major powers fighting on both sides."""
        a = ((self.sides == ATTACK) & self.majors).any(axis=1)
        d = ((self.sides == DEFENSE) & self.majors).any(axis=1)
        return round(float((a & d).mean()), 6)

    def summary(self, expected_power: dict[str, Any] | None = None) -> MonteCarloSummary:
        """The typed summary a `CascadeResult` carries."""
        return MonteCarloSummary(self.draws, self.seed, self.probabilities(), self.probability_intervals(),
                                 self.war_size(),
                                 self.p_majors_opposite(), self.model.describe(), expected_power)


def wilson_interval(successes: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The Wilson score interval (coverage SHARE_CONFIDENCE) of `successes` out of `n` draws, per element: unlike
    p ± z·se it stays inside [0, 1] and is not empty at a share of 0 or 1. No draws: [0, 1]."""
    if n <= 0:
        return np.zeros(np.shape(successes)), np.ones(np.shape(successes))
    z = float(NormalDist().inv_cdf(0.5 + SHARE_CONFIDENCE / 2))
    p = np.asarray(successes, dtype=float) / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return np.clip(centre - half, 0.0, 1.0), np.clip(centre + half, 0.0, 1.0)


def new_seed() -> int:
    """A fresh seed, for runs the user gave none: recorded in the result so that they can be replayed."""
    import secrets

    return secrets.randbelow(2**32)


@in_engine_threads
def simulate(world: World, scenario: Scenario, draws: int, seed: int | None, model: HonourModel) -> MonteCarloResult:
    """Run `draws` Monte Carlo cascades of `scenario` (same seed, same numbers; a seed is chosen when None)."""
    seed = new_seed() if seed is None else seed
    graph = potential_graph(world, scenario, model)
    # per draw: the random numbers (float64) and the honour and asks they give, and the sides, rounds and
    # conflicts kept; the replay's working arrays are bounded by its blocks
    check_draws(draws, 9 * (len(graph.commits) + len(graph.states)) + 4 * len(graph.states),
                f"{'+'.join(scenario.attackers)} against {'+'.join(scenario.targets)}")
    rng = np.random.default_rng(seed)
    honour = rng.random((draws, len(graph.commits))) < graph.commit_prob[None, :]
    ask_p = model.ask_probability if model.ask_probability is not None else (1.0 if scenario.requested else 0.0)
    asks = rng.random((draws, len(graph.states))) < ask_p
    home = len(graph.home.j_state) + len(graph.home.d_state) if graph.home is not None else 0
    block = max(1, min(draws, _CELLS // max(1, len(graph.ob_state) + len(graph.attacks) + 4 * home)))
    sides = np.concatenate([replay(graph, scenario, honour[i:i + block], asks[i:i + block])[0]
                            for i in range(0, draws, block)]) if draws else np.zeros((0, len(graph.states)), np.int8)
    majors = np.array([world.states.is_major(s, scenario.date) for s in graph.states], dtype=bool)
    return MonteCarloResult(graph.states, sides, draws, seed, majors, model)


@in_engine_threads
def replay(graph: PotentialGraph, scenario: Scenario, honour: np.ndarray, asks: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The sides, join rounds and conflicts of every draw at its fixed point (`foedus.engine.fast.rounds`,
    as the batched engine), over `graph.states`."""
    draws, n = honour.shape[0], len(graph.states)
    side = np.zeros((draws, n), dtype=np.int8)
    for s in scenario.attackers:
        side[:, graph.states.index(s)] = ATTACK
    for s in scenario.targets:
        side[:, graph.states.index(s)] = DEFENSE
    src = np.array([graph.states.index(a.attacker) for a in graph.attacks], dtype=np.int64)
    dst = np.array([graph.states.index(a.victim) for a in graph.attacks], dtype=np.int64)
    strikes = STRIKES[scenario.reading]
    escalatory = strikes.at_home

    def wants_of(plain: bool) -> Wants:  # `plain`: only the duties not to fight that do not prevail
        def wants(idx: np.ndarray, sa: np.ndarray, ex: np.ndarray, r: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
            want_a, want_d, stay = _wants_by_round(graph, sa, src, dst, escalatory, r, honour[idx], asks[idx], ex,
                                                   plain)
            return want_a, want_d, stay[ATTACK], stay[DEFENSE]
        return wants

    prevailing = graph.nt_prevails.any() or (graph.home is not None and graph.home.d_prevails.any())
    return solve_rounds(side, wants_of(False), strikes.defenders_strike, one_round=not is_war(scenario.attacks),
                        plain=wants_of(True) if prevailing else None)


def _wants_by_round(graph: PotentialGraph, side: np.ndarray, src: np.ndarray, dst: np.ndarray,
                    escalatory: bool, rnd: np.ndarray, honour: np.ndarray, asks: np.ndarray, excluded: np.ndarray,
                    plain: bool = False) -> tuple[np.ndarray, np.ndarray, dict[int, np.ndarray]]:
    """`_wants` with round 1 limited to the opening attacks and later rounds by the reading."""
    if not escalatory or (rnd == 1).all() or (rnd > 1).all():
        return _wants(graph, side, src, dst, escalatory and bool((rnd > 1).all()), honour, asks, excluded, plain)
    draws, n = side.shape
    want_a, want_d = np.zeros((draws, n), dtype=bool), np.zeros((draws, n), dtype=bool)
    stay = {ATTACK: np.zeros((draws, n), dtype=bool), DEFENSE: np.zeros((draws, n), dtype=bool)}
    for mask, esc in ((rnd == 1, False), (rnd > 1, True)):
        a, d, nv = _wants(graph, side[mask], src, dst, esc, honour[mask], asks[mask], excluded[mask], plain)
        want_a[mask], want_d[mask] = a, d
        stay[ATTACK][mask], stay[DEFENSE][mask] = nv[ATTACK], nv[DEFENSE]
    return want_a, want_d, stay


def _wants(graph: PotentialGraph, side: np.ndarray, src: np.ndarray, dst: np.ndarray, escalatory: bool,
           honour: np.ndarray, asks: np.ndarray, excluded: np.ndarray, plain: bool = False
           ) -> tuple[np.ndarray, np.ndarray, dict[int, np.ndarray]]:
    """Which states are bound (and honour it) to join each side, and the neutrality restraints (`plain`: only those
    that do not prevail)."""
    draws, n = side.shape
    present = _present(graph, side, src, dst, escalatory)
    want_a = np.zeros((draws, n), dtype=bool)
    want_d = np.zeros((draws, n), dtype=bool)
    stay = _neutral_against(graph, side, present, draws, n, plain)
    if escalatory and graph.home is not None:  # after round 1: every belligerent strikes every enemy at home
        home_wants(graph.home, side, honour, asks, excluded, (want_a, want_d, stay[ATTACK], stay[DEFENSE]), plain)
    if len(graph.g_starts) == 0:
        return want_a, want_d, stay
    triggered = np.logical_or.reduceat(present[:, graph.g_attack], graph.g_starts, axis=1)
    ob_side = side[:, graph.g_anchor]
    ok = triggered & honour[:, graph.g_commit] & (ob_side != NONE) & ~excluded[:, graph.g_state]
    rv = graph.g_request
    ok &= np.where(rv >= 0, asks[:, np.maximum(rv, 0)], True)
    nv = graph.g_nonprov
    ok &= np.where(nv >= 0, side[:, np.maximum(nv, 0)] != ATTACK, True)
    d_idx, o_idx = np.nonzero(ok)
    st = graph.g_state[o_idx]
    sd = ob_side[d_idx, o_idx]
    want_a[d_idx[sd == ATTACK], st[sd == ATTACK]] = True
    want_d[d_idx[sd == DEFENSE], st[sd == DEFENSE]] = True
    return want_a, want_d, stay


def _present(graph: PotentialGraph, side: np.ndarray, src: np.ndarray, dst: np.ndarray,
             escalatory: bool) -> np.ndarray:
    """Which potential attacks exist in each draw, given the current sides."""
    if escalatory:
        s, d = side[:, src], side[:, dst]
        present = (s != NONE) & (d != NONE) & (s != d)
    else:
        by = graph.made_by
        present = np.where(by >= 0, side[:, np.maximum(by, 0)] == ATTACK, False)
    out: np.ndarray = present | graph.initial[None, :]
    return out


def _neutral_against(graph: PotentialGraph, side: np.ndarray, present: np.ndarray, draws: int,
                     n: int, plain: bool = False) -> dict[int, np.ndarray]:
    """For each side, the states bound to stay out of a war against a state on the *other* side."""
    out = {ATTACK: np.zeros((draws, n), dtype=bool), DEFENSE: np.zeros((draws, n), dtype=bool)}
    if len(graph.nt_state) == 0:
        return out
    on = present[:, graph.nt_attack]
    toward_side = side[:, graph.nt_toward]
    on &= (graph.nt_nonprov < 0) | (toward_side != ATTACK)  # void for the side that started it (`void_for_starters`)
    if plain:
        on &= ~graph.nt_prevails[None, :]
    for joining, other in ((ATTACK, DEFENSE), (DEFENSE, ATTACK)):
        hit = on & (toward_side == other)
        d_idx, k = np.nonzero(hit)
        out[joining][d_idx, graph.nt_state[k]] = True
    return out
