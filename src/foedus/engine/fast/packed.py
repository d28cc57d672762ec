"""The escalatory obligations on packed bitsets: each side of a row is a few 64-bit words.

In the escalatory reading at home, after round 1 who is bound to join each side (or to stay out of it) depends
on the sides alone (`foedus.engine.fast.escalatory`) and grows with them: a row's obligations are the OR of the
packed rows of its belligerents, plus the legs whose adversary clause limits their counterparts. States take
their bit in the order the single engine visits them (by id), so the first state of a row in that order is its
lowest set bit. Used by the packed rounds (`foedus.engine.fast.packed_rounds`).
"""

from __future__ import annotations

import numpy as np

from foedus.datarecord import dataclass
from foedus.engine.fast.escalatory import escalatory_rules
from foedus.engine.fast.matrices import BatchRules

__all__ = ["U64", "Opening", "PackedRules", "add_joiners", "add_limited", "obligations", "pack", "pack_wants",
           "packed_rules", "set_bits", "unpack"]

U64 = np.dtype("<u8")
# the blocks of `escalatory_rules`' `binds` (join attack, join defence, stay out against attack, against defence)
# in the layout of `PackedRules.table_t`
_BLOCK = np.array([0, 2, 3, 1])


def pack(bits: np.ndarray, words: int) -> np.ndarray:
    """(rows, k) booleans as (rows, words) 64-bit words: bit j in word j // 64 at place j % 64."""
    out = np.zeros((len(bits), 8 * words), dtype=np.uint8)
    packed = np.packbits(bits, axis=1, bitorder="little")
    out[:, :packed.shape[1]] = packed
    return out.view(U64)


def unpack(words: np.ndarray, k: int) -> np.ndarray:
    """The first `k` bits of each row of packed words, as booleans (the inverse of `pack`)."""
    raw = np.ascontiguousarray(words, dtype=U64).view(np.uint8)
    return np.unpackbits(raw, axis=1, count=k, bitorder="little").view(bool)


@dataclass
class PackedRules:
    """`escalatory_rules` in packed form over a row's two sides (attack words, then defence words), states in
    `order` (bit p of a side is state `order[p]`; `rank` is its inverse).

    `table_t[:, p]` for bit p of the sides: the obligations it adds as [join attack | stay out against the defence
    | join defence | stay out against the attack], one block of `words` each; `columns_a`, `columns_d`: the words
    the attack side's bits, and the defence side's, ever set.
    The limited legs: the distinct side bits that must be on (`owed_word`, `owed_shift`) and each leg's
    (`owed_of`), the distinct counterpart masks over both sides (`counters`) and each leg's (`group`), and the
    word and bit each sets (`add_col`, `add_bit`)."""

    n: int
    words: int
    order: np.ndarray
    rank: np.ndarray
    table_t: np.ndarray
    columns_a: list[int]
    columns_d: list[int]
    owed_word: np.ndarray
    owed_shift: np.ndarray
    owed_of: np.ndarray
    counters: np.ndarray
    group: np.ndarray
    add_col: np.ndarray
    add_bit: np.ndarray


@dataclass(frozen=True)
class Opening:
    """Round 1's obligations in the layout of `pack_wants`, by state index: those of each state striking alone
    (`alone_a`) and struck alone (`alone_t`), and those of the legs whose adversary clause limits their
    counterparts, [target, attacker] for the legs owed to the target and [attacker, target] for those owed to the
    attacker (empty arrays where there are none). A row's are the OR of its four (`rows`)."""

    alone_a: np.ndarray
    alone_t: np.ndarray
    to_target: np.ndarray
    to_attacker: np.ndarray

    def rows(self, attackers: np.ndarray, targets: np.ndarray) -> np.ndarray:
        """Round 1's obligations of 'attackers[i] strikes targets[i] at home', one packed row each."""
        out: np.ndarray = self.alone_a[attackers] | self.alone_t[targets]
        if len(self.to_target):
            out |= self.to_target[targets, attackers]
        if len(self.to_attacker):
            out |= self.to_attacker[attackers, targets]
        return out


def packed_rules(rules: BatchRules) -> PackedRules:
    """The packed form of the escalatory obligations of `rules` (built once per rules, kept in `rules.derived`)."""
    return rules.derive("packed", _packed_rules)


def _packed_rules(rules: BatchRules) -> PackedRules:
    esc = escalatory_rules(rules)
    n = len(rules.states)
    w, order = -(-n // 64), np.argsort(np.array(rules.states), kind="stable")
    rank = np.argsort(order)
    bits = 64 * w
    table = np.zeros((2 * bits, 4 * w), dtype=U64)
    a, d = esc.from_a.full[order], esc.from_d.full[order]
    a_w, a_s, d_w, d_s = (pack(m[:, order], w) for m in (a[:, :n], a[:, n:], d[:, :n], d[:, n:]))
    table[:n] = np.hstack([a_w, a_s, np.zeros((n, 2 * w), U64)])
    table[bits:bits + n] = np.hstack([np.zeros((n, 2 * w), U64), d_w, d_s])
    position = esc.owed // n * bits + rank[esc.owed % n]  # the owed state's bit over both sides
    distinct, owed_of = np.unique(position, return_inverse=True)
    planes = esc.counter.T > 0  # (legs, 2n)
    masks = np.hstack([pack(planes[:, :n][:, order], w), pack(planes[:, n:][:, order], w)])
    counters, group = np.unique(masks, axis=0, return_inverse=True) if len(masks) else (masks, np.zeros(0, np.int64))
    obligor = rank[esc.obligor]
    return PackedRules(n, w, order, rank, np.ascontiguousarray(table.T),
                         [int(c) for c in np.flatnonzero(table[:bits].any(axis=0))],
                         [int(c) for c in np.flatnonzero(table[bits:].any(axis=0))], (distinct // 64).astype(np.int64),
                         (distinct % 64).astype(np.uint64), np.asarray(owed_of).ravel(), counters.reshape(-1, 2 * w),
                         np.asarray(group).ravel(), (_BLOCK[esc.binds] * w + obligor // 64).astype(np.int64),
                         np.left_shift(np.uint64(1), (obligor % 64).astype(np.uint64)).astype(U64))


def pack_wants(pr: PackedRules, wants: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """Obligations as booleans over the states (join attack, join defence, stay out against attack, against
    defence) in the packed layout: the words of each block, states in bit order."""
    want_a, want_d, stay_a, stay_d = (o[:, pr.order] for o in wants)
    return np.hstack([pack(want_a, pr.words), pack(stay_d, pr.words), pack(want_d, pr.words), pack(stay_a, pr.words)])


def obligations(pr: PackedRules, both: np.ndarray) -> np.ndarray:
    """The escalatory obligations (table layout) of rows whose sides are `both` (attack words, defence words)."""
    out = np.zeros((len(both), 4 * pr.words), dtype=U64)
    rows = np.arange(len(both))
    add_joiners(pr, out, rows, *set_bits(both))
    add_limited(pr, out, rows, both)
    return out


def set_bits(words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(row, bit) of every set bit of packed rows, in row order: only the nonzero words are unpacked."""
    cols = words.shape[1]
    at = np.flatnonzero(words)
    on = np.flatnonzero(unpack(words.reshape(-1)[at][:, None], 64))
    cell = at[on // 64]
    return cell // cols, cell % cols * 64 + on % 64


def add_joiners(pr: PackedRules, acc: np.ndarray, rows: np.ndarray, row: np.ndarray, bit: np.ndarray) -> None:
    """OR into `acc[rows[row]]` the table rows of the side bits `bit` (sorted by `row`), a word at a time over
    the words the table ever sets for that side (a gather and a segmented OR each)."""
    split = bit >= 64 * pr.words  # defence-side bits set only the defence blocks: each side's events apart
    for mine, columns in ((~split, pr.columns_a), (split, pr.columns_d)):
        r, b = row[mine], bit[mine]
        if len(r) == 0:
            continue
        starts = np.flatnonzero(np.r_[True, r[1:] != r[:-1]])
        target = rows[r[starts]]
        for col in columns:
            acc[target, col] |= np.bitwise_or.reduceat(pr.table_t[col][b], starts)


def add_limited(pr: PackedRules, acc: np.ndarray, rows: np.ndarray, both: np.ndarray) -> None:
    """OR into `acc[rows]` the legs whose adversary clause limits their counterparts and that bind for the sides
    `both` (owed-to state on its side, a qualifying counterpart other than the obligor on the other)."""
    if len(pr.group) == 0 or len(rows) == 0:
        return
    owed = ((both[:, pr.owed_word] >> pr.owed_shift) & np.uint64(1)).astype(bool)  # per distinct owed bit
    some = np.flatnonzero(owed.any(axis=1))
    if len(some) == 0:
        return
    meets = ((both[some][:, None, :] & pr.counters[None, :, :]) != 0).any(axis=2)  # per distinct counterpart mask
    bound = (acc[rows[some]][:, pr.add_col] & pr.add_bit) != 0  # most have bound since an earlier round
    row, leg = np.nonzero(owed[some][:, pr.owed_of] & meets[:, pr.group] & ~bound)
    if len(row):
        np.bitwise_or.at(acc.reshape(-1), rows[some[row]] * acc.shape[1] + pr.add_col[leg], pr.add_bit[leg])
