"""The rounds loop of `foedus.engine.fast.rounds` on packed sides, for the escalatory reading at home.

Each row keeps its sides, exclusions and obligations as 64-bit words (`foedus.engine.fast.packed`); a round is a
few word operations per row, and only the new joiners' packed rows are added to the obligations. A row with a
late conflict resumes as in `solve_rounds`, and the round it resumes from is not run again: with the same sides
the obligations are the same, so that round admits the joiners it admitted before, less the states now excluded.
Equal to `solve_rounds` with the escalatory reading's obligations on every row (tests/test_packed_rounds.py).
Where numba is installed the same steps run compiled, one row at a time (`foedus.engine.fast.packed_jit`).
"""

from __future__ import annotations

import functools
import importlib.util
from typing import Any

import numpy as np

from foedus.engine.fast.matrices import BatchRules
from foedus.engine.fast.packed import (
    U64,
    Opening,
    PackedRules,
    add_joiners,
    add_limited,
    obligations,
    pack,
    packed_rules,
    set_bits,
    unpack,
)
from foedus.engine.fast.rounds import ATTACK, DEFENSE
from foedus.engine.rules import conflict
from foedus.settings import setting

__all__ = ["JIT_ENV", "packed_rounds", "packed_summaries"]

JIT_ENV = "FOEDUS_JIT"  # 0: the numpy loop even where numba is installed



def packed_rounds(rules: BatchRules, attackers: np.ndarray, targets: np.ndarray, opening: Opening,
                  into: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None, at: np.ndarray | None = None,
                  ever: tuple[np.ndarray, np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sides, join rounds and excluded states of every row 'attackers[i] strikes targets[i] at home' at its fixed
    point (as `solve_rounds` with the escalatory reading's obligations), from round 1's
    obligations `opening` (by parts: the compiled loop ORs each row's own). With `into` (sides, join rounds,
    exclusions, zero in rows `at`), row i is written to row `at[i]` of those arrays, which are returned. With `ever`
    (an output, bool by state, False in rows `at`; the states to watch), where row i excludes a state, its row `at[i]`
    is set True for each watched state ever on a side during its rounds: a party or a joiner, one that left at a
    resume included (`stays_out.solve_again`, which reads no other row)."""
    pr = packed_rules(rules)
    n, w = pr.n, pr.words
    if into is None:
        into = (np.zeros((len(attackers), n), np.int8), np.zeros((len(attackers), n), np.int16),
                np.zeros((len(attackers), n), bool))
    rows = np.arange(len(attackers)) if at is None else at
    compiled = _compiled()
    if compiled is not None:
        compiled.run_dense(pr, attackers, targets, opening, into, rows, ever)
        return into
    final_both, final_ex, joined = _run(pr, attackers, targets, opening.rows(attackers, targets))
    on_a, on_d = unpack(final_both[:, :w], n), unpack(final_both[:, w:], n)
    sides = on_a.astype(np.int8) * ATTACK + on_d.astype(np.int8) * DEFENSE
    rank = pr.rank
    if ever is not None:  # `joined`: nonzero for every state that ever joined (stale where it left at a resume)
        (seen, watch), hit = ever, np.flatnonzero(final_ex.any(axis=1))
        seen[rows[hit]] = (joined[hit][:, rank] > 0) & watch
        seen[rows[hit], attackers[hit]], seen[rows[hit], targets[hit]] = watch[attackers[hit]], watch[targets[hit]]
    joined *= on_a | on_d
    into[0][rows], into[1][rows], into[2][rows] = sides[:, rank], joined[:, rank], unpack(final_ex, n)[:, rank]
    return into


def packed_summaries(rules: BatchRules, attackers: np.ndarray, targets: np.ndarray, opening: Opening
                     ) -> tuple[np.ndarray, np.ndarray]:
    """`packed_rounds`' war size (belligerents) and whether major powers fight on both sides, per row."""
    pr = packed_rules(rules)
    w = pr.words
    compiled = _compiled()
    both = (compiled.run(pr, attackers, targets, opening)[0] if compiled is not None
            else _run(pr, attackers, targets, opening.rows(attackers, targets))[0])
    majors = pack(rules.majors[pr.order][None, :], w)
    opposite = ((both[:, :w] & majors) != 0).any(axis=1) & ((both[:, w:] & majors) != 0).any(axis=1)
    count = getattr(np, "bitwise_count", None)  # numpy 2
    sizes = count(both).sum(axis=1) if count is not None else unpack(both, 128 * w).sum(axis=1)
    return sizes, opposite


def _run(pr: PackedRules, attackers: np.ndarray, targets: np.ndarray, first_wants: np.ndarray
         ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rounds of every row to its fixed point: its sides and exclusions (packed), and the round each state
    joined in (states in bit order; stale where a state left at a resume)."""
    rows, n, w = len(attackers), pr.n, pr.words
    orig = np.zeros((rows, 2 * w), dtype=U64)
    for plane, states in enumerate((attackers, targets)):
        bit = pr.rank[states]
        orig[np.arange(rows), plane * w + bit // 64] |= np.left_shift(np.uint64(1), (bit % 64).astype(np.uint64))
    both, ex = orig.copy(), np.zeros((rows, w), dtype=U64)
    acc = obligations(pr, both)
    joined = np.zeros((rows, n), dtype=np.int16)  # stale where a state left at a resume: masked at the end
    final_both, final_ex = np.zeros_like(both), np.zeros_like(ex)
    ids, r = np.arange(rows), np.ones(rows, dtype=np.int64)
    clash, barred = conflict.compiled(), conflict.barred
    while len(ids):
        first = r == 1
        wants = np.where(first[:, None], first_wants[ids], acc)
        wa, sd, wd, sa = wants[:, :w], wants[:, w:2 * w], wants[:, 2 * w:3 * w], wants[:, 3 * w:]
        on_a, on_d = both[:, :w], both[:, w:]
        free = ~(on_a | on_d | ex)
        bar_a, bar_d = barred(clash, wa, wd, sa, sd)  # `rules.conflict`: what bars each side
        clash_new = free & ((wa & bar_a) | (wd & bar_d))
        late_bits = ((on_a & bar_a) | (on_d & bar_d)) & ~(orig[:, :w] | orig[:, w:])
        late = np.flatnonzero(late_bits.any(axis=1))
        ex_before = ex[late]
        ex |= clash_new
        open_ = free & ~clash_new
        joins = np.hstack([open_ & wa, open_ & wd])
        if len(late):  # these rows resume instead: their joins of this round do not count
            joins[late] = 0
        moved = np.flatnonzero(joins.any(axis=1))
        both |= joins
        row, bit = set_bits(joins[moved])
        add_joiners(pr, acc, moved, row, bit)
        joined[ids[moved[row]], bit % (64 * w)] = r[moved[row]]
        add_limited(pr, acc, moved, both[moved])
        going = first.copy()
        going[moved] = True
        r += 1
        if len(late):
            going[late] = _resume(pr, late, late_bits[late], clash_new[late], ex_before, ids,
                                  (both, ex, acc, r), joined)
        if not going.all():
            done = ~going
            final_both[ids[done]], final_ex[ids[done]] = both[done], ex[done]
            ids, both, ex, acc, orig, r = ids[going], both[going], ex[going], acc[going], orig[going], r[going]
    return final_both, final_ex, joined


def _compiled() -> Any:
    """The numba-compiled rounds (`foedus.engine.fast.packed_jit`) where numba is installed and $FOEDUS_JIT is not
    0, else None (the numpy loop).

    Raises:
        SettingError: $FOEDUS_JIT is neither 0 nor 1.
    """
    raw = setting(JIT_ENV, "0 (numpy) or 1 (numba where installed)", "1").strip()
    if raw not in ("0", "1"):
        from foedus.errors import SettingError

        raise SettingError(f"{JIT_ENV} must be 0 (numpy) or 1 (numba where installed), not {raw!r}")
    if raw == "0" or not _has_numba():
        return None
    from foedus.engine.fast import packed_jit

    return packed_jit


@functools.cache
def _has_numba() -> bool:
    return importlib.util.find_spec("numba") is not None


def _resume(pr: PackedRules, late: np.ndarray, late_bits: np.ndarray, clash_new: np.ndarray, ex_before: np.ndarray,
            ids: np.ndarray, state: tuple[np.ndarray, ...], joined: np.ndarray) -> np.ndarray:
    """Rows with a late conflict go back to the earliest round a late-conflicted state joined in, without every state
    conflicted this round (`foedus.engine.fast.rounds._restart`), and that round is replayed at once: its joiners
    less the excluded ones. Returns whether each row goes on."""
    both, ex, acc, r = state
    w = pr.words
    redo = ex_before | clash_new | late_bits
    rounds = joined[ids[late]]
    resume = np.where(unpack(late_bits, pr.n), rounds, np.iinfo(rounds.dtype).max).min(axis=1)
    kept = pack(rounds <= resume[:, None], w) & ~redo  # joined by the end of that round, and not excluded
    again = pack(rounds == resume[:, None], w) & ~redo
    sides = both[late] & np.hstack([kept, kept])
    both[late], ex[late], r[late] = sides, redo, resume.astype(np.int64) + 1
    acc[late] = obligations(pr, sides)
    going: np.ndarray = (resume == 1) | ((sides & np.hstack([again, again])) != 0).any(axis=1)
    return going
