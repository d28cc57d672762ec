"""The escalatory reading's obligations after round 1, for many rows of sides at once.

After round 1 every state on each side strikes every state on the other at home, so who is bound to join
each side, and who must stay out of each, depends on the sides alone. The compiled matrices of
`foedus.engine.fast.matrices` are combined once per rules (`EscalatoryRules`): the plain legs into one
product per side, run once per distinct attack (or defence) side, and every leg whose adversary clause limits
its counterparts, in both directions, into one product for their counterparts and a scatter onto the states
they bind. Equal to the per-matrix form it replaced (tests/legacy/batch.py; tests/test_escalatory_equality.py).
"""

from __future__ import annotations

import numpy as np

from foedus.datarecord import dataclass
from foedus.engine.fast.backend import Backend
from foedus.engine.fast.matrices import BatchRules, Conditional, Reach
from foedus.engine.fast.rounds import ATTACK, DEFENSE

__all__ = ["EscalatoryRules", "distinct_rows", "escalatory_rules", "wants_distinct", "wants_escalatory"]

Wants4 = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
_A, _D = 0, 1  # the planes of `on`: states on the attack side, then on the defence side
_WANT_A, _WANT_D, _STAY_A, _STAY_D = 0, 1, 2, 3  # the column blocks of the conditional legs' output


@dataclass
class EscalatoryRules:
    """The products of `wants_escalatory`: `from_a[s]` (join the attack side | stay out against the defence
    side) for s on the attack side, `from_d[s]` (join the defence | stay out against the attack) for s on the
    defence side; the limited legs as columns (`owed`: the column of `on` that must be in play,
    `counter`: (2n, k) the counterparts other than the obligor that qualify, `obligor` and `binds`: whom they
    bind, to what (0 join the attack, 1 join the defence, 2 stay out against the attack, 3 against the defence))."""

    from_a: Reach
    from_d: Reach
    owed: np.ndarray
    counter: np.ndarray
    obligor: np.ndarray
    binds: np.ndarray


def escalatory_rules(rules: BatchRules) -> EscalatoryRules:
    """The combined products of `rules` (built once per rules, kept in `rules.derived`)."""
    return rules.derive("escalatory", _escalatory_rules)


def _escalatory_rules(rules: BatchRules) -> EscalatoryRules:
    stay = rules.neutral + rules.neutral_att
    # the attack side started the war: no leg void for it binds for its states (`rules.void_for_starters`)
    from_a = Reach.of(np.hstack([rules.defend + rules.offend, stay]))
    from_d = Reach.of(np.hstack([rules.defend + rules.defend_np + rules.offend, stay + rules.neutral_np]))
    n = len(rules.states)
    uses: list[tuple[Conditional, np.ndarray, int, int, int]] = []  # legs, kept, owed plane, counter plane, binds
    for victims, strikers in ((_D, _A), (_A, _D)):  # the attack side striking the defence side, then back
        flip = victims == _A  # the victims are the side that started the war, else the strikers are
        uses += [(rules.cond_defend, _kept(rules.cond_defend, flip), victims, strikers, _WANT_A if flip else _WANT_D),
                 (rules.cond_offend, _kept(rules.cond_offend, not flip), strikers, victims,
                  _WANT_D if flip else _WANT_A),
                 (rules.cond_neutral, _kept(rules.cond_neutral, flip), victims, strikers,
                  _STAY_D if flip else _STAY_A),
                 (rules.cond_neutral_att, _kept(rules.cond_neutral_att, not flip), strikers, victims,
                  _STAY_A if flip else _STAY_D)]
    owed, counter, obligor, binds = [], [], [], []
    for cond, keep, owed_plane, counter_plane, block in uses:
        for k in np.flatnonzero(keep):
            o = int(cond.obligor[k])
            allowed = cond.allowed[k]  # never the obligor itself where the rule spares it (`compiler._counterparts`)
            column = np.zeros(2 * n, dtype=np.float32)
            column[counter_plane * n:(counter_plane + 1) * n] = allowed
            owed.append(owed_plane * n + int(cond.owed[k]))
            counter.append(column)
            obligor.append(o)
            binds.append(block)
    return EscalatoryRules(from_a, from_d, np.array(owed, dtype=np.int64),
                           np.array(counter, dtype=np.float32).reshape(-1, 2 * n).T.copy(),
                           np.array(obligor, dtype=np.int64), np.array(binds, dtype=np.int64))


def _kept(cond: Conditional, started: bool) -> np.ndarray:
    """The legs that may bind when the states they are owed to are the side that started the war (`started`: not
    those void for it: `rules.void_for_starters`), or the other side (all)."""
    return ~cond.nonprov if started else np.ones(len(cond.owed), dtype=bool)


def wants_escalatory(rules: BatchRules, side: np.ndarray) -> Wants4:
    """Who is bound to join each side, and who must stay out of each, when every state on each side
    strikes every state on the other (the escalatory reading after round 1)."""
    esc, be = escalatory_rules(rules), rules.backend
    n = side.shape[1]
    planes = side == ATTACK, side == DEFENSE
    by_a, by_d = (_plane_reach(reach, plane, be) for reach, plane in zip((esc.from_a, esc.from_d), planes, strict=True))
    want_a, stay_d = by_a[:, :n], by_a[:, n:]
    want_d, stay_a = by_d[:, :n], by_d[:, n:]
    if len(esc.owed):
        on = np.hstack(planes).astype(np.float32)
        in_play = on[:, esc.owed] > 0
        rows = np.flatnonzero(in_play.any(axis=1))  # only rows where some owed-to state is in play
        if len(rows):
            hit = in_play[rows] & (be.matmul(on[rows], esc.counter) > 0)
            row, leg = np.nonzero(hit)
            row = rows[row]
            for block, want in enumerate((want_a, want_d, stay_a, stay_d)):
                mine = esc.binds[leg] == block
                want[row[mine], esc.obligor[leg[mine]]] = True
    return want_a, want_d, stay_a, stay_d


def _plane_reach(reach: Reach, plane: np.ndarray, backend: Backend) -> np.ndarray:
    """`reach` of the states on one side, computed once per distinct row: the plain legs read one side only,
    and far fewer distinct attack (or defence) sides than distinct pairs of sides occur."""
    first, inverse = _distinct_bits(plane)
    if len(first) > 0.8 * len(plane):
        return reach.reach(plane.astype(np.float32), backend)
    out: np.ndarray = reach.reach(plane[first].astype(np.float32), backend)[inverse]
    return out


def wants_distinct(rules: BatchRules, side: np.ndarray) -> Wants4:
    """`wants_escalatory`, computed once per distinct row of sides.

    In the escalatory reading the obligations depend on the sides alone (every belligerent strikes
    every enemy, whoever the target was), and many dyads' wars reach the same sides: a third to a
    tenth of the rows are distinct, so the matrix products run on those only.
    """
    first, inverse = distinct_rows(side)
    if len(first) > 0.8 * len(side):  # nearly all distinct: the gather back would cost more than it saves
        return wants_escalatory(rules, side)
    parts = wants_escalatory(rules, side[first])
    return parts[0][inverse], parts[1][inverse], parts[2][inverse], parts[3][inverse]


def distinct_rows(side: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indices of one row per distinct row of sides, and each row's distinct index (`_distinct_bits`)."""
    return _distinct_bits(np.hstack([side == ATTACK, side == DEFENSE]))


def _distinct_bits(bits: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indices of one row per distinct row of a boolean matrix, and each row's distinct index (rows hashed to
    64 bits). The hash only groups candidates: rows are compared in full afterwards, and a collision (never
    seen) falls back to treating every row as distinct, so the result is exact either way.
    """
    rows = len(bits)
    packed_bits = np.packbits(bits, axis=1)
    width = -(-packed_bits.shape[1] // 8) * 8  # bytes, a whole number of 64-bit words
    packed = np.zeros((rows, width), dtype=np.uint8)
    packed[:, :packed_bits.shape[1]] = packed_bits
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
