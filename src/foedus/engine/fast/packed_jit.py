"""The packed rounds (`foedus.engine.fast.packed_rounds`) compiled with numba: one row at a time, word by word,
the rows split into chunks that run on every core (numba's threads; one such call at a time per process).

Optional (`pip install 'foedus[jit]'`, also in the test extra): used wherever numba is installed and $FOEDUS_JIT
is not 0, else the numpy loop runs; tests/test_packed_rounds.py checks both against the former engine on every
row. The same steps as the numpy loop: round 1's obligations ORed from the opening's parts as each row starts
(never gathered for every row at once), later rounds' grown by each new joiner's packed row, a late conflict
resumes the row at the earliest round a late-conflicted state joined in, without every state conflicted in the
round (`rules.conflict.SIMULTANEOUS`), that round replayed at once. What bars a state
from each side is the conflict rule's table (`rules.conflict.bars`), passed in as masks (`rules.conflict.masks`):
the loop ORs the obligations the table names, and restates no rule (calling the rule module's own function would
tie this cached code to a file numba does not watch: a change there would leave the cache stale). Compiled code is
cached on disk (numba's `cache=True`), so only the first run on a machine pays for compiling.
"""

from __future__ import annotations

import threading

import numpy as np
from numba import get_num_threads, njit, prange

from foedus.engine.fast.packed import U64, Opening, PackedRules, pack
from foedus.engine.rules import conflict

__all__ = ["run", "run_dense"]

_ONE, _ZERO = np.uint64(1), np.uint64(0)
_MAGIC = 0x03F79D71B4CB0A89  # a de Bruijn sequence: (2**i * _MAGIC mod 2**64) >> 58 differs for every i < 64
_DEBRUIJN = np.uint64(_MAGIC)
_ROWS_PER_CHUNK = 256  # fewer rows than this run in one thread: a thread's start costs more than they take
_ONE_CALL = threading.Lock()
_LOWEST = np.zeros(64, dtype=np.int64)  # the index of a power of two from its de Bruijn product
for _i in range(64):
    _LOWEST[((_MAGIC << _i) & 0xFFFFFFFFFFFFFFFF) >> 58] = _i


@njit(cache=True)
def _add_rows(words, lo, hi, base, table, columns, acc):  # type: ignore[no-untyped-def]
    """acc |= table[base + p] for each bit p of words[lo:hi], over the table's `columns`."""
    for k in range(lo, hi):
        x = words[k]
        while x != _ZERO:
            low = x & (~x + _ONE)
            p = base + (k - lo) * 64 + _LOWEST[(low * _DEBRUIJN) >> np.uint64(58)]
            for c in columns:
                acc[c] |= table[p, c]
            x ^= low


@njit(cache=True)
def _add_limited(both, acc, owed_word, owed_shift, owed_of, counters, group, add_col, add_bit, meets):  # type: ignore[no-untyped-def]
    """acc |= the legs with limited counterparts that bind for the sides `both` (each counterpart mask read once,
    and only for a leg that is owed to a state on a side and has not bound yet; `meets`: scratch)."""
    meets[:] = -1  # not read yet
    for j in range(owed_of.shape[0]):
        d = owed_of[j]
        if acc[add_col[j]] & add_bit[j] or not (both[owed_word[d]] >> owed_shift[d]) & _ONE:
            continue
        g = group[j]
        if meets[g] < 0:
            meets[g] = 0
            for c in range(both.shape[0]):
                if both[c] & counters[g, c]:
                    meets[g] = 1
                    break
        if meets[g]:
            acc[add_col[j]] |= add_bit[j]


@njit(cache=True)
def _obligations(both, acc, w, table, cols_a, cols_d, owed_word, owed_shift, owed_of, counters, group, add_col,  # type: ignore[no-untyped-def]  # noqa: PLR0913
                 add_bit, meets):
    acc[:] = _ZERO
    _add_rows(both, 0, w, 0, table, cols_a, acc)
    _add_rows(both, w, 2 * w, 64 * w, table, cols_d, acc)
    _add_limited(both, acc, owed_word, owed_shift, owed_of, counters, group, add_col, add_bit, meets)


@njit(cache=True, parallel=True)
def _rows(table, cols_a, cols_d, owed_word, owed_shift, owed_of, counters, group, add_col, add_bit,  # type: ignore[no-untyped-def]  # noqa: PLR0913
          a_bit, t_bit, a_ix, t_ix, alone_a, alone_t, to_target, to_attacker, w, order, dense, both_out, ex_out,
          sides_out, joined_out, conflicts_out, ever_out, watch, at, bar, chunks):
    """Every row, the rows split into `chunks` run side by side (rows are independent; each chunk has its own
    scratch and writes only its rows; dense, row i goes to row `at[i]` of the outputs, `ever_out` where it has rows)."""
    rows = a_bit.shape[0]
    for c in prange(chunks):
        _rows_of(table, cols_a, cols_d, owed_word, owed_shift, owed_of, counters, group, add_col, add_bit, a_bit,
                 t_bit, a_ix, t_ix, alone_a, alone_t, to_target, to_attacker, w, order, dense, both_out, ex_out,
                 sides_out, joined_out, conflicts_out, ever_out, watch, at, bar, rows * c // chunks,
                 rows * (c + 1) // chunks)


@njit(cache=True)
def _rows_of(table, cols_a, cols_d, owed_word, owed_shift, owed_of, counters, group, add_col, add_bit,  # type: ignore[no-untyped-def]  # noqa: C901, PLR0913
             a_bit, t_bit, a_ix, t_ix, alone_a, alone_t, to_target, to_attacker, w, order, dense, both_out, ex_out,
             sides_out, joined_out, conflicts_out, ever_out, watch, at, bar, lo, hi):
    """The rows lo..hi; `bar`: what bars each side, the conflict rule's table of masks (`rules.conflict.masks`);
    `watch`: the states `ever_out` reports, packed."""
    a_wa, a_wd, a_sa, a_sd = bar[0, 0], bar[0, 1], bar[0, 2], bar[0, 3]  # the obligations barring the attack side
    d_wa, d_wd, d_sa, d_sd = bar[1, 0], bar[1, 1], bar[1, 2], bar[1, 3]  # ... and the defence side
    jr = np.zeros(order.shape[0], dtype=np.int16)  # the round each state joined in, by bit (stale once it left)
    meets = np.zeros(counters.shape[0], dtype=np.int8)
    both = np.zeros(2 * w, dtype=np.uint64)
    orig = np.zeros(2 * w, dtype=np.uint64)
    ex = np.zeros(w, dtype=np.uint64)
    seen = np.zeros(w, dtype=np.uint64)  # every state ever on a side in the row, one that left at a resume included
    acc = np.zeros(4 * w, dtype=np.uint64)
    clash = np.zeros(w, dtype=np.uint64)
    late = np.zeros(w, dtype=np.uint64)
    joins = np.zeros(2 * w, dtype=np.uint64)
    round1 = np.zeros(4 * w, dtype=np.uint64)  # round 1's obligations: the OR of the row's parts of the opening
    for i in range(lo, hi):
        ai, ti = a_ix[i], t_ix[i]
        for k in range(4 * w):
            round1[k] = alone_a[ai, k] | alone_t[ti, k]
        if to_target.shape[0]:
            for k in range(4 * w):
                round1[k] |= to_target[ti, ai, k]
        if to_attacker.shape[0]:
            for k in range(4 * w):
                round1[k] |= to_attacker[ai, ti, k]
        jr[:] = 0
        both[:] = _ZERO
        ex[:] = _ZERO
        both[a_bit[i] // 64] |= _ONE << np.uint64(a_bit[i] % 64)
        both[w + t_bit[i] // 64] |= _ONE << np.uint64(t_bit[i] % 64)
        orig[:] = both
        for k in range(w):
            seen[k] = both[k] | both[w + k]
        _obligations(both, acc, w, table, cols_a, cols_d, owed_word, owed_shift, owed_of, counters, group, add_col,
                     add_bit, meets)
        r = 1
        while True:
            wants = round1 if r == 1 else acc
            any_late, any_join = False, False
            for k in range(w):
                wa, sd, wd, sa = wants[k], wants[w + k], wants[2 * w + k], wants[3 * w + k]
                on_a, on_d = both[k], both[w + k]
                free = ~(on_a | on_d | ex[k])
                bar_a = (wa & a_wa) | (wd & a_wd) | (sa & a_sa) | (sd & a_sd)  # `rules.conflict.bars`' table
                bar_d = (wa & d_wa) | (wd & d_wd) | (sa & d_sa) | (sd & d_sd)
                clash[k] = free & ((wa & bar_a) | (wd & bar_d))
                late[k] = ((on_a & bar_a) | (on_d & bar_d)) & ~(orig[k] | orig[w + k])
                any_late |= late[k] != _ZERO
                free &= ~clash[k]
                joins[k], joins[w + k] = free & wa, free & wd
                any_join |= (joins[k] | joins[w + k]) != _ZERO
            if any_late:  # back to the earliest round a late-conflicted state joined in, without every conflicted one
                resume = r
                for k in range(w):
                    ex[k] |= clash[k] | late[k]
                    x = late[k]
                    while x != _ZERO:
                        bit = x & (~x + _ONE)
                        resume = min(resume, jr[k * 64 + _LOWEST[(bit * _DEBRUIJN) >> np.uint64(58)]])
                        x ^= bit
                again = False  # a state that joined in that round stays: the round is replayed
                for s in range(2):
                    for k in range(w):
                        x = both[s * w + k] & ~orig[s * w + k]
                        while x != _ZERO:
                            bit = x & (~x + _ONE)
                            p = k * 64 + _LOWEST[(bit * _DEBRUIJN) >> np.uint64(58)]
                            if jr[p] > resume or ex[k] & bit:
                                both[s * w + k] &= ~bit
                            elif jr[p] == resume:
                                again = True
                            x ^= bit
                r = resume + 1
                _obligations(both, acc, w, table, cols_a, cols_d, owed_word, owed_shift, owed_of, counters, group,
                             add_col, add_bit, meets)
                if resume != 1 and not again:
                    break
                continue
            for k in range(w):
                ex[k] |= clash[k]
            if not any_join:
                if r > 1:
                    break
                r += 1
                continue
            for s in range(2):
                for k in range(w):
                    x = joins[s * w + k]
                    both[s * w + k] |= x
                    seen[k] |= x
                    while x != _ZERO:
                        bit = x & (~x + _ONE)
                        jr[k * 64 + _LOWEST[(bit * _DEBRUIJN) >> np.uint64(58)]] = r
                        x ^= bit
            _add_rows(joins, 0, w, 0, table, cols_a, acc)
            _add_rows(joins, w, 2 * w, 64 * w, table, cols_d, acc)
            _add_limited(both, acc, owed_word, owed_shift, owed_of, counters, group, add_col, add_bit, meets)
            r += 1
        if not dense:
            both_out[i] = both
            ex_out[i] = ex
            continue
        row = at[i]
        seen_too = False  # `seen` only where the row excludes a state (the only rows `stays_out.solve_again` reads)
        for k in range(w):
            seen_too |= ever_out.shape[0] > 0 and ex[k] != _ZERO
        for s in range(4 if seen_too else 3):  # sides, join rounds, exclusions (and `seen`) by state
            for k in range(w):
                x = seen[k] & watch[k] if s == 3 else ex[k] if s == 2 else both[s * w + k]
                while x != _ZERO:
                    bit = x & (~x + _ONE)
                    p = k * 64 + _LOWEST[(bit * _DEBRUIJN) >> np.uint64(58)]
                    if s == 3:
                        ever_out[row, order[p]] = True
                    elif s == 2:
                        conflicts_out[row, order[p]] = True
                    else:
                        sides_out[row, order[p]] = s + 1
                        joined_out[row, order[p]] = jr[p]
                    x ^= bit


def run(pr: PackedRules, attackers: np.ndarray, targets: np.ndarray, opening: Opening
        ) -> tuple[np.ndarray, np.ndarray]:
    """Every row's sides and exclusions, packed (as the numpy loop's `_run`)."""
    rows, w = len(attackers), pr.words
    both, ex = np.zeros((rows, 2 * w), dtype=U64), np.zeros((rows, w), dtype=U64)
    none = np.zeros((0, pr.n), dtype=np.int8)
    _call(pr, attackers, targets, opening, False, (both, ex, none, none.astype(np.int16), none.astype(bool)),
          np.zeros(0, np.int64))
    return both, ex


def run_dense(pr: PackedRules, attackers: np.ndarray, targets: np.ndarray, opening: Opening,
              into: tuple[np.ndarray, np.ndarray, np.ndarray], at: np.ndarray,
              ever: tuple[np.ndarray, np.ndarray] | None = None) -> None:
    """Every row's sides, join rounds and exclusions by state, in the rules' state order (as `packed_rounds`),
    written to rows `at` of `into` (sides, join rounds, exclusions), which hold zeros there; and, with `ever`, the
    watched states ever on a side in a row that excludes one (`packed_rounds`' `ever`)."""
    none = np.zeros((0, 2 * pr.words), dtype=U64)
    _call(pr, attackers, targets, opening, True, (none, none, *into), np.ascontiguousarray(at, dtype=np.int64), ever)


def _call(pr: PackedRules, attackers: np.ndarray, targets: np.ndarray, opening: Opening, dense: bool,
          out: tuple[np.ndarray, ...], at: np.ndarray, ever: tuple[np.ndarray, np.ndarray] | None = None) -> None:
    c = np.ascontiguousarray
    both, ex, sides, joined, conflicts = out
    seen, watch = (np.zeros((0, pr.n), dtype=bool), np.zeros(pr.n, dtype=bool)) if ever is None else ever
    a_ix, t_ix = c(attackers, dtype=np.int64), c(targets, dtype=np.int64)
    chunks = max(1, min(len(a_ix) // _ROWS_PER_CHUNK, 4 * get_num_threads()))
    with _ONE_CALL:  # numba's default threading layer runs one parallel call at a time
        _rows(c(pr.table_t.T), np.array(pr.columns_a, dtype=np.int64), np.array(pr.columns_d, dtype=np.int64),
              pr.owed_word, pr.owed_shift, c(pr.owed_of, dtype=np.int64), c(pr.counters),
              c(pr.group, dtype=np.int64), pr.add_col, pr.add_bit, c(pr.rank[a_ix], dtype=np.int64),
              c(pr.rank[t_ix], dtype=np.int64), a_ix, t_ix, c(opening.alone_a), c(opening.alone_t),
              c(opening.to_target), c(opening.to_attacker), pr.words, c(pr.order, dtype=np.int64), dense, both, ex,
              sides, joined, conflicts, seen, pack(watch[pr.order][None, :], pr.words)[0], at,
              conflict.masks(conflict.compiled()), chunks)
