"""The Monte Carlo as it was before issue 15 (one obligation per potential attack), kept to check that the
per-leg home strikes give the same draws.

Probabilistic cascades: Monte Carlo over whether each triggered obligation is honoured.

The rules are applied once, permissively, to every attack that could happen in any draw: the potential
graph (`foedus.engine.fast.potential`). Each draw then decides, per (state, treaty), whether that
commitment is honoured (`LegTable.honour_probabilities`, the one formula) and, per state, whether it
asks for request-gated help, and replays the rounds of the cascade with
numpy over all draws at once. With every probability 1 the draws reproduce the deterministic
cascade exactly (tested), conflicts and their restarts included. Neutrality clauses act as in the
deterministic engine (they are restraints, not commitments that can be dropped).
"""

from __future__ import annotations

import numpy as np

from foedus.engine.fast.montecarlo import (  # unchanged by the work the legacy copy stands for
    MonteCarloResult,
    new_seed,
)
from foedus.engine.fast.rounds import ATTACK, DEFENSE, NONE, solve_rounds
from foedus.engine.fast.threads import in_engine_threads
from foedus.engine.reliability import HonourModel
from foedus.engine.rules import STRIKES, is_war
from foedus.engine.scenario import Scenario
from foedus.model.world import World
from legacy.potential import PotentialGraph, potential_graph

__all__ = ["MonteCarloResult", "new_seed", "replay", "simulate"]

_CELLS = 20_000_000  # draws x (obligations + attacks) per block: bounds memory to a few hundred MB


@in_engine_threads
def simulate(world: World, scenario: Scenario, draws: int, seed: int | None, model: HonourModel) -> MonteCarloResult:
    """Run `draws` Monte Carlo cascades of `scenario` (same seed, same numbers; a seed is chosen when None)."""
    seed = new_seed() if seed is None else seed
    graph = potential_graph(world, scenario, model)
    rng = np.random.default_rng(seed)
    honour = rng.random((draws, len(graph.commits))) < graph.commit_prob[None, :]
    ask_p = model.ask_probability if model.ask_probability is not None else (1.0 if scenario.requested else 0.0)
    asks = rng.random((draws, len(graph.states))) < ask_p
    block = max(1, min(draws, _CELLS // max(1, len(graph.ob_state) + len(graph.attacks))))
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

    def wants(idx: np.ndarray, sa: np.ndarray, ex: np.ndarray, r: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        want_a, want_d, stay = _wants_by_round(graph, sa, src, dst, escalatory, r, honour[idx], asks[idx], ex)
        return want_a, want_d, stay[ATTACK], stay[DEFENSE]

    return solve_rounds(side, wants, strikes.defenders_strike, one_round=not is_war(scenario.attacks))


def _wants_by_round(graph: PotentialGraph, side: np.ndarray, src: np.ndarray, dst: np.ndarray,
                    escalatory: bool, rnd: np.ndarray, honour: np.ndarray, asks: np.ndarray, excluded: np.ndarray
                    ) -> tuple[np.ndarray, np.ndarray, dict[int, np.ndarray]]:
    """`_wants` with round 1 limited to the opening attacks and later rounds by the reading."""
    if not escalatory or (rnd == 1).all() or (rnd > 1).all():
        return _wants(graph, side, src, dst, escalatory and bool((rnd > 1).all()), honour, asks, excluded)
    draws, n = side.shape
    want_a, want_d = np.zeros((draws, n), dtype=bool), np.zeros((draws, n), dtype=bool)
    stay = {ATTACK: np.zeros((draws, n), dtype=bool), DEFENSE: np.zeros((draws, n), dtype=bool)}
    for mask, esc in ((rnd == 1, False), (rnd > 1, True)):
        a, d, nv = _wants(graph, side[mask], src, dst, esc, honour[mask], asks[mask], excluded[mask])
        want_a[mask], want_d[mask] = a, d
        stay[ATTACK][mask], stay[DEFENSE][mask] = nv[ATTACK], nv[DEFENSE]
    return want_a, want_d, stay


def _wants(graph: PotentialGraph, side: np.ndarray, src: np.ndarray, dst: np.ndarray, escalatory: bool,
           honour: np.ndarray, asks: np.ndarray, excluded: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray, dict[int, np.ndarray]]:
    """Which states are bound (and honour it) to join each side, and the neutrality restraints."""
    draws, n = side.shape
    present = _present(graph, side, src, dst, escalatory)
    want_a = np.zeros((draws, n), dtype=bool)
    want_d = np.zeros((draws, n), dtype=bool)
    if len(graph.g_starts) == 0:
        return want_a, want_d, _neutral_against(graph, side, present, draws, n)
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
    return want_a, want_d, _neutral_against(graph, side, present, draws, n)


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
                     n: int) -> dict[int, np.ndarray]:
    """For each side, the states bound to stay out of a war against a state on the *other* side."""
    out = {ATTACK: np.zeros((draws, n), dtype=bool), DEFENSE: np.zeros((draws, n), dtype=bool)}
    if len(graph.nt_state) == 0:
        return out
    on = present[:, graph.nt_attack]
    toward_side = side[:, graph.nt_toward]
    on &= (graph.nt_nonprov < 0) | (toward_side != ATTACK)  # void for the side that started it (`void_for_starters`)
    for joining, other in ((ATTACK, DEFENSE), (DEFENSE, ATTACK)):
        hit = on & (toward_side == other)
        d_idx, k = np.nonzero(hit)
        out[joining][d_idx, graph.nt_state[k]] = True
    return out
