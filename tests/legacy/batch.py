"""The batched engine as it was before the escalatory atlas was sped up (issue 15), kept to check the new one.

The batched engine: the cascades of many scenarios at one date, at once, with numpy.

Each row is one scenario: by default "attacker a strikes the home territory of target b" (the atlas),
or any scenario with its own attackers, targets, place and target kind (`batch_scenario`). The rules are
the compiled matrices of `foedus.engine.fast.matrices`; the rounds of the fixed-point loop run over all
rows together (`foedus.engine.fast.rounds`), and a row whose state becomes bound to both sides resumes
without it, as in the reference engine. Results equal the reference engine's sides, rounds and
conflicts: the reference suite runs through this engine too (tests/conftest.py), and a property test
checks random dates, dyads and switches.
"""

from __future__ import annotations

import numpy as np

from foedus.engine.fast.batch import (  # unchanged by the work the legacy copy stands for
    BatchResult,
    _closures,
    _conditionals,
    _or_rows,
    _wants_opening,
)
from foedus.engine.fast.compiler import compile_rules
from foedus.engine.fast.matrices import BatchRules
from foedus.engine.fast.rounds import ATTACK, DEFENSE
from foedus.engine.fast.threads import in_engine_threads
from foedus.engine.rules import STRIKES
from foedus.engine.scenario import Reading, Scenario
from foedus.model.world import World
from legacy.rounds import solve_rounds

__all__ = ["BatchResult", "BatchRules", "batch_cascades", "batch_scenario", "batch_summaries", "compile_rules"]


@in_engine_threads
def batch_cascades(rules: BatchRules, attackers: np.ndarray, targets: np.ndarray, reading: Reading,
                   block: int = 4096, shortcut: bool = True) -> BatchResult:
    """Cascades of 'attackers[i] strikes targets[i]'s home territory', all rows at once (`shortcut`: the
    escalatory reading's conflict-free wars from closures, `foedus.engine.fast.closure`; else every row's rounds)."""
    n, rows = len(rules.states), len(attackers)
    sides = np.zeros((rows, n), dtype=np.int8)
    rounds = np.zeros((rows, n), dtype=np.int16)
    conflicts = np.zeros((rows, n), dtype=bool)
    slow = np.arange(rows)
    closed = _closures(rules, reading) if shortcut else None
    if closed is not None and rows:
        fast, sides[fast], rounds[fast] = closed.rows(attackers, targets)  # conflict-free wars: no rounds to run
        slow = np.flatnonzero(~fast)
    for lo in range(0, len(slow), block):
        part = slow[lo:lo + block]
        ix = np.arange(len(part))
        side = np.zeros((len(ix), n), dtype=np.int8)
        side[ix, attackers[part]], side[ix, targets[part]] = ATTACK, DEFENSE
        sides[part], rounds[part], conflicts[part] = _solve(rules, side, side == DEFENSE, reading)
    return BatchResult(rules.states, attackers, targets, sides, rounds, conflicts, rules.majors)


@in_engine_threads
def batch_summaries(rules: BatchRules, attackers: np.ndarray, targets: np.ndarray, reading: Reading
                    ) -> tuple[np.ndarray, np.ndarray]:
    """War size and whether major powers fight on both sides, per row: `batch_cascades`' `war_size()` and
    `majors_opposite()`, without the sides of the rows the escalatory shortcut answers (the Monte Carlo atlas)."""
    shortcut = _closures(rules, reading)
    if shortcut is None:
        res = batch_cascades(rules, attackers, targets, reading)
        return res.war_size(), res.majors_opposite()
    sizes = np.zeros(len(attackers), dtype=np.int64)
    opposite = np.zeros(len(attackers), dtype=bool)
    fast = shortcut.safe[attackers, targets]
    a, t = attackers[fast], targets[fast]
    sizes[fast] = shortcut.attack.sum(axis=1)[a] + shortcut.defense.sum(axis=1)[t]
    opposite[fast] = (shortcut.attack & rules.majors).any(axis=1)[a] & (shortcut.defense & rules.majors).any(axis=1)[t]
    slow = np.flatnonzero(~fast)
    if len(slow):
        res = batch_cascades(rules, attackers[slow], targets[slow], reading)
        sizes[slow], opposite[slow] = res.war_size(), res.majors_opposite()
    return sizes, opposite


@in_engine_threads
def batch_scenario(world: World, scenario: Scenario, backend: str | None = None) -> BatchResult:
    """One scenario (any attackers, targets, place and target kind) through the batched engine."""
    parties = [*scenario.attackers, *scenario.targets]
    rules = compile_rules(world, scenario, parties, backend, opening=scenario)
    side = np.zeros((1, len(rules.states)), dtype=np.int8)
    side[0, :len(scenario.attackers)] = ATTACK
    side[0, len(scenario.attackers):len(parties)] = DEFENSE
    s, r, c = _solve(rules, side, side == DEFENSE, scenario.reading)
    return BatchResult(rules.states, np.array([0]), np.array([len(scenario.attackers)]), s, r, c, rules.majors)


def _solve(rules: BatchRules, side: np.ndarray, victims: np.ndarray, reading: Reading
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sides, join rounds and conflicts of every row from its opening sides (`foedus.engine.fast.rounds`).

    `victims` marks each row's original targets: the states its opening attacks strike.
    """
    strikes = STRIKES[reading]

    def wants(idx: np.ndarray, sa: np.ndarray, ex: np.ndarray, r: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        if not strikes.at_home or (r == 1).all():
            return _wants_opening(rules.opening, sa, victims[idx])
        if (r > 1).all():
            return _wants_distinct(rules, sa)
        out = [np.zeros(sa.shape, dtype=bool) for _ in range(4)]
        first = r == 1
        for mask, part4 in ((first, _wants_opening(rules.opening, sa[first], victims[idx][first])),
                            (~first, _wants_distinct(rules, sa[~first]))):
            for o, part in zip(out, part4, strict=True):
                o[mask] = part
        return out[0], out[1], out[2], out[3]

    return solve_rounds(side, wants, strikes.defenders_strike, one_round=not rules.war)


def _wants_distinct(rules: BatchRules, side: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Escalatory `_wants`, computed once per distinct row of sides.

    In the escalatory reading the obligations depend on the sides alone (every belligerent strikes
    every enemy, whoever the target was), and many dyads' wars reach the same sides: a third to a
    tenth of the rows are distinct, so the matrix products run on those only.
    """
    first, inverse = _distinct_rows(side)
    if len(first) > 0.8 * len(side):  # nearly all distinct: the gather back would cost more than it saves
        return _wants_escalatory(rules, side)
    parts = _wants_escalatory(rules, side[first])
    return parts[0][inverse], parts[1][inverse], parts[2][inverse], parts[3][inverse]


def _distinct_rows(side: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indices of one row per distinct row of `side`, and each row's distinct index (rows hashed to 64 bits).

    The hash only groups candidates: rows are compared in full afterwards, and a collision (never
    seen) falls back to treating every row as distinct, so the result is exact either way.
    """
    rows = len(side)
    bits = np.hstack([np.packbits(side == ATTACK, axis=1), np.packbits(side == DEFENSE, axis=1)])
    width = -(-bits.shape[1] // 8) * 8  # bytes, a whole number of 64-bit words
    packed = np.zeros((rows, width), dtype=np.uint8)
    packed[:, :bits.shape[1]] = bits
    words = packed.view(np.uint64)
    h = np.zeros(rows, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(words.shape[1]):
            h = (h ^ words[:, k]) * np.uint64(0x9E3779B97F4A7C15)
            h ^= h >> np.uint64(29)
    _, first, inverse = np.unique(h, return_index=True, return_inverse=True)
    inverse = inverse.ravel()
    if not np.array_equal(words, words[first][inverse]):
        return np.arange(rows), np.arange(rows)
    return first, inverse


def _wants_escalatory(rules: BatchRules, side: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Who is bound to join each side, and who must stay out of each, when every state on each side
    strikes every state on the other (the escalatory reading after round 1)."""
    n, be = side.shape[1], rules.backend
    on_a = (side == ATTACK).astype(np.float32)
    on_d = (side == DEFENSE).astype(np.float32)
    by_d = rules.defend_all_nt.reach(on_d, be)  # defenders of, and neutrals toward, defence-side victims
    by_a = rules.defend_nt.reach(on_a, be)  # attack-side victims started the war: no non-provocation legs
    off_a = _or_rows(on_a, rules.offend_nta, be)
    off_d = rules.offend_nta.reach(on_d, be)
    wants = (by_a[:, :n] | off_a[:, :n], by_d[:, :n] | off_d[:, :n], by_d[:, n:] | off_d[:, n:],
             by_a[:, n:] | off_a[:, n:])
    _conditionals(rules, on_d, on_a, wants)
    flipped = (wants[1], wants[0], wants[3], wants[2])  # the defence side striking the attack side
    _conditionals(rules, on_a, on_d, flipped, victims_started=True)
    return wants


