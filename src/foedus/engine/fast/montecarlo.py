"""Probabilistic cascades: Monte Carlo over whether each triggered obligation is honoured.

The deterministic rules (`foedus.engine.rules`) are applied once, permissively, to every attack that
could happen in any draw; this gives a small graph of potential obligations. Each draw then decides,
per (state, treaty), whether that commitment is honoured (probabilities from `HonourModel`) and, per
attacked state, whether it asks for request-gated help, and replays the rounds of the cascade with
numpy over all draws at once. With every probability 1 the draws reproduce the deterministic
cascade exactly (tested), conflicts and their restarts included. Neutrality clauses act as in the
deterministic engine (they are restraints, not commitments that can be dropped).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from foedus.engine.cascade import leg_index
from foedus.engine.fast.rounds import ATTACK, DEFENSE, NONE, solve_rounds
from foedus.engine.index import LegIndex
from foedus.engine.reliability import HonourModel
from foedus.engine.rules import RuleContext, evaluate
from foedus.engine.scenario import Attack, Scenario
from foedus.model.treaty import Kind
from foedus.model.world import World

__all__ = ["MonteCarloResult", "PotentialGraph", "potential_graph", "simulate"]

_CELLS = 20_000_000  # draws x (obligations + attacks) per block: bounds memory to a few hundred MB


@dataclass
class PotentialGraph:
    """Everything that can bind in some draw, indexed for vectorised replay."""

    states: list[str]
    attacks: list[Attack]
    initial: np.ndarray  # bool per attack: an opening attack (always present)
    offense_attack_by: np.ndarray  # per attack: index of the offence joiner that makes it (-1 if none)
    # obligations: obligor, anchor (whose side it joins), attack, commitment (state, treaty), gates
    ob_state: np.ndarray
    ob_anchor: np.ndarray
    ob_attack: np.ndarray
    ob_commit: np.ndarray
    ob_request_victim: np.ndarray  # victim index if request-gated, else -1
    ob_nonprov_victim: np.ndarray  # victim index if non-provocation applies, else -1
    # neutrality: (obligor, toward, attack) — binding whenever the attack is present
    nt_state: np.ndarray
    nt_toward: np.ndarray
    nt_attack: np.ndarray
    commits: list[tuple[str, str]] = field(default_factory=list)
    commit_prob: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def __post_init__(self) -> None:
        # Obligations that differ only by the attack that triggers them bind alike once any of those
        # attacks happens: group them, so each round works on groups rather than on every obligation.
        keys = np.stack([self.ob_state, self.ob_anchor, self.ob_commit, self.ob_request_victim,
                         self.ob_nonprov_victim], axis=1) if len(self.ob_state) else np.zeros((0, 5), np.int64)
        uniq, group = np.unique(keys, axis=0, return_inverse=True) if len(keys) else (keys, np.zeros(0, np.int64))
        order = np.argsort(group.ravel(), kind="stable")
        self.g_attack = self.ob_attack[order]
        sorted_groups = group.ravel()[order]
        self.g_starts = np.flatnonzero(np.r_[True, sorted_groups[1:] != sorted_groups[:-1]]) if len(order) else order
        self.g_state, self.g_anchor, self.g_commit, self.g_request, self.g_nonprov = (uniq[:, i] for i in range(5))


def _index_of(items: dict[Any, int], key: Any) -> int:
    if key not in items:
        items[key] = len(items)
    return items[key]


def potential_graph(world: World, scenario: Scenario, model: HonourModel) -> PotentialGraph:
    """Apply the rules permissively to every attack that could occur in some draw."""
    index = leg_index(world, scenario.date, scenario.basis)
    states: dict[str, int] = {}
    for s in (*scenario.attackers, *scenario.targets):
        _index_of(states, s)
    attacks: dict[Attack, int] = {}
    maker: dict[int, int] = {}
    for a in scenario.attacks:
        _index_of(attacks, a)
    may_attack = set(scenario.attackers)
    may_defend = set(scenario.targets)
    obligations: dict[tuple[int, int, int, int], tuple[int, int]] = {}
    neutral: set[tuple[int, int, int]] = set()
    commits: dict[tuple[str, str], int] = {}
    strengths: dict[int, list[tuple[str, bool]]] = defaultdict(list)
    done = 0
    while done < len(attacks):
        todo = list(attacks)[done:]
        done = len(attacks)
        for attack in todo:
            ai = attacks[attack]
            _potential_for(world, scenario, index, attack, ai, states, obligations, neutral, commits, strengths,
                           may_attack, may_defend)
        for a in _new_attacks(world, scenario, obligations, states, attacks, may_attack, may_defend, maker):
            _index_of(attacks, a)
    names = list(states)
    attack_list = list(attacks)
    ob = sorted(obligations.items())
    probs = np.array([max(model.probability(t, s, bil, scenario.date) for s, bil in strengths[ci])
                      for (_, t), ci in sorted(commits.items(), key=lambda kv: kv[1])])
    return PotentialGraph(
        states=names, attacks=attack_list,
        initial=np.array([i < len(scenario.attacks) for i in range(len(attack_list))]),
        offense_attack_by=np.array([maker.get(i, -1) for i in range(len(attack_list))], dtype=np.int64),
        ob_state=np.array([k[0] for k, _ in ob], dtype=np.int64),
        ob_anchor=np.array([k[1] for k, _ in ob], dtype=np.int64),
        ob_attack=np.array([k[2] for k, _ in ob], dtype=np.int64),
        ob_commit=np.array([k[3] for k, _ in ob], dtype=np.int64),
        ob_request_victim=np.array([v[0] for _, v in ob], dtype=np.int64),
        ob_nonprov_victim=np.array([v[1] for _, v in ob], dtype=np.int64),
        nt_state=np.array([n[0] for n in sorted(neutral)], dtype=np.int64),
        nt_toward=np.array([n[1] for n in sorted(neutral)], dtype=np.int64),
        nt_attack=np.array([n[2] for n in sorted(neutral)], dtype=np.int64),
        commits=[c for c, _ in sorted(commits.items(), key=lambda kv: kv[1])],
        commit_prob=probs,
    )


def _potential_for(  # noqa: PLR0913
    world: World, scenario: Scenario, index: LegIndex, attack: Attack, ai: int, states: dict[str, int],
    obligations: dict[tuple[int, int, int, int], tuple[int, int]], neutral: set[tuple[int, int, int]],
    commits: dict[tuple[str, str], int], strengths: dict[int, list[tuple[str, bool]]],
    may_attack: set[str], may_defend: set[str],
) -> None:
    """Record the obligations and neutrality restraints one attack can set off."""
    ctx = RuleContext(places=world.places.on(index.date), index=index, requested=True,
                      unresolved_met=scenario.unresolved == "met", starters=frozenset())
    originals = set(scenario.attackers) | set(scenario.targets)
    legs = [(leg, attack.victim) for leg in index.owed_to(Kind.DEFENSE, attack.victim)]
    legs += [(leg, attack.attacker) for leg in index.owed_to(Kind.OFFENSE, attack.attacker)]
    for leg, anchor in legs:
        if leg.obligor in originals or leg.obligor == attack.attacker or not evaluate(leg, attack, ctx).binds:
            continue
        p = leg.provision
        si, ni = _index_of(states, leg.obligor), _index_of(states, anchor)
        ci = _index_of(commits, (leg.obligor, leg.treaty.id))
        strengths[ci].append((p.strength.value, leg.treaty.type == "bilateral"))
        victim = _index_of(states, attack.victim)
        gates = (victim if p.request_gated else -1, victim if p.kind is Kind.DEFENSE and p.non_provocation else -1)
        obligations.setdefault((si, ni, ai, ci), gates)
        if anchor in may_attack:
            may_attack.add(leg.obligor)
        if anchor in may_defend:
            may_defend.add(leg.obligor)
    partner = [leg for leg in index.owed_to(Kind.NEUTRALITY, attack.attacker) if leg.provision.when_partner_attacks]
    for leg in [*index.owed_to(Kind.NEUTRALITY, attack.victim), *partner]:
        if leg.obligor != attack.attacker and evaluate(leg, attack, ctx).binds:
            neutral.add((_index_of(states, leg.obligor), _index_of(states, leg.beneficiary), ai))


def _new_attacks(
    world: World, scenario: Scenario, obligations: dict[tuple[int, int, int, int], tuple[int, int]],
    states: dict[str, int], attacks: dict[Attack, int], may_attack: set[str], may_defend: set[str],
    maker: dict[int, int],
) -> list[Attack]:
    """Attacks that some draw could add: offence joiners' attacks (legal) or every cross-side strike."""
    names = list(states)
    out: list[Attack] = []
    if scenario.reading == "legal":
        attack_list = list(attacks)
        for (si, ni, ai, _), _gates in obligations.items():
            base = attack_list[ai]
            if names[ni] == base.attacker:  # an offence obligation: the joiner attacks the same victim
                a = Attack(names[si], base.victim, base.place, base.kind)
                if a not in attacks:
                    maker[len(attacks) + len(out)] = si
                    out.append(a)
        return list(dict.fromkeys(out))
    home = world.places.home
    for x in sorted(may_attack):
        for y in sorted(may_defend):
            if x != y:
                out += [Attack(x, y, home(y).id, "territory"), Attack(y, x, home(x).id, "territory")]
    return [a for a in dict.fromkeys(out) if a not in attacks]


@dataclass
class MonteCarloResult:
    """Per-draw sides and the summaries the JSON output carries."""

    states: list[str]
    sides: np.ndarray  # (draws, states) in {0, 1 attack, 2 defense}
    draws: int
    seed: int | None
    majors: np.ndarray  # bool per state
    model: HonourModel

    def probabilities(self) -> dict[str, dict[str, float]]:
        """P(on the attacking side), P(on the defending side), per state that ever fights."""
        att = (self.sides == ATTACK).mean(axis=0)
        dfn = (self.sides == DEFENSE).mean(axis=0)
        return {s: {"attack": round(float(att[i]), 6), "defense": round(float(dfn[i]), 6)}
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

    def to_dict(self) -> dict[str, Any]:
        """The `probabilities`, `war_size` and related keys of the JSON contract."""
        return {"draws": self.draws, "seed": self.seed, "probabilities": self.probabilities(),
                "war_size": self.war_size(), "p_major_powers_opposite": self.p_majors_opposite(),
                "honour_model": self.model.describe()}


def simulate(world: World, scenario: Scenario, draws: int, seed: int | None, model: HonourModel) -> MonteCarloResult:
    """Run `draws` Monte Carlo cascades of `scenario` (same seed, same numbers)."""
    graph = potential_graph(world, scenario, model)
    rng = np.random.default_rng(seed)
    honour = rng.random((draws, len(graph.commits))) < graph.commit_prob[None, :]
    ask_p = model.ask_probability if model.ask_probability is not None else (1.0 if scenario.requested else 0.0)
    asks = rng.random((draws, len(graph.states))) < ask_p
    block = max(1, min(draws, _CELLS // max(1, len(graph.ob_state) + len(graph.attacks))))
    sides = np.concatenate([_replay(graph, scenario, honour[i:i + block], asks[i:i + block])
                            for i in range(0, draws, block)]) if draws else np.zeros((0, len(graph.states)), np.int8)
    majors = np.array([world.states.is_major(s, scenario.date) for s in graph.states], dtype=bool)
    return MonteCarloResult(graph.states, sides, draws, seed, majors, model)


def _replay(graph: PotentialGraph, scenario: Scenario, honour: np.ndarray, asks: np.ndarray) -> np.ndarray:
    """The sides of every draw at its fixed point (`foedus.engine.fast.rounds`, as the batched engine)."""
    draws, n = honour.shape[0], len(graph.states)
    rank = np.argsort(np.argsort(np.array(graph.states)))  # the deterministic engine visits states by id
    side = np.zeros((draws, n), dtype=np.int8)
    for s in scenario.attackers:
        side[:, graph.states.index(s)] = ATTACK
    for s in scenario.targets:
        side[:, graph.states.index(s)] = DEFENSE
    src = np.array([graph.states.index(a.attacker) for a in graph.attacks], dtype=np.int64)
    dst = np.array([graph.states.index(a.victim) for a in graph.attacks], dtype=np.int64)
    escalatory = scenario.reading == "escalatory"

    def wants(idx: np.ndarray, sa: np.ndarray, ex: np.ndarray, r: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        want_a, want_d, stay = _wants_by_round(graph, sa, src, dst, escalatory, r, honour[idx], asks[idx], ex)
        return want_a, want_d, stay[ATTACK], stay[DEFENSE]

    final, _, _ = solve_rounds(side, wants, rank, escalatory)
    return final


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
        by = graph.offense_attack_by
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
    for joining, other in ((ATTACK, DEFENSE), (DEFENSE, ATTACK)):
        hit = on & (toward_side == other)
        d_idx, k = np.nonzero(hit)
        out[joining][d_idx, graph.nt_state[k]] = True
    return out
