"""The batched engine: the cascades of many opening attacks at one date, at once, with numpy.

Each row is one scenario "attacker a strikes the home territory of target b". The rules are those of
`foedus.engine.rules`, applied once per victim (home-territory scope is fixed per victim) and stored as
boolean matrices: `plain[v, o]` (o defends v against anyone), non-provocation legs, and the few legs
whose adversary condition names states or excludes members (kept as lists). The rounds of the
fixed-point loop then run over all rows together; a row whose state becomes bound to both sides
restarts without it, as in the single-scenario engine. Results equal the single-scenario engine's
sides, rounds and conflicts (a property test checks random dates, dyads and both readings).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from foedus.engine.cascade import leg_index
from foedus.engine.fast.backend import Backend, get_backend
from foedus.engine.fast.rounds import ATTACK, DEFENSE, NONE, solve_rounds
from foedus.engine.index import Leg, LegIndex
from foedus.engine.rules import in_scope
from foedus.engine.scenario import Attack, Basis, Reading
from foedus.model.treaty import Kind
from foedus.model.world import World

__all__ = ["BatchResult", "BatchRules", "batch_cascades", "compile_rules"]



@dataclass
class _Conditional:
    """Legs that bind only for some counterparts: rows (owed-to state, obligor, allowed counterpart mask)."""

    owed: np.ndarray
    obligor: np.ndarray
    allowed: np.ndarray  # (k, n) bool: which counterparts (attackers, or victims for offence) satisfy it
    nonprov: np.ndarray  # bool per leg


@dataclass
class BatchRules:
    """The legs in force on one date, as matrices over the state index."""

    states: list[str]
    defend: np.ndarray  # (n, n) float32: defend[v, o] = o bound to defend v against anyone
    defend_np: np.ndarray  # same, for legs with a non-provocation clause
    offend: np.ndarray  # offend[a, o] = o bound to join a's attack on anyone
    neutral: np.ndarray  # neutral[v, o] = o bound to stay out against v when v is attacked
    neutral_att: np.ndarray  # neutral_att[a, o] = o bound to stay out against a when a attacks
    cond_defend: _Conditional
    cond_offend: _Conditional
    cond_neutral: _Conditional
    cond_neutral_att: _Conditional
    majors: np.ndarray
    backend: Backend = field(default_factory=Backend)
    legs: _LegTable | None = None

    def commit_keys(self) -> list[tuple[str, str]]:
        """The (obligor, treaty) commitments, in the order `for_draw` takes them."""
        return self.legs.commit_keys if self.legs is not None else []

    def for_draw(self, live: np.ndarray, asks: np.ndarray) -> BatchRules:
        """The rules of one Monte Carlo draw: only honoured commitments (`live`, per `legs.commit_keys`),
        request-gated help only for victims that ask (`asks`, per state). Neutrality always binds."""
        if self.legs is None:
            raise ValueError("these rules were built without their leg table")
        return self.legs.assemble(self.states, self.majors, self.backend, live, asks)

    def __post_init__(self) -> None:
        # the products the rounds need, side by side so that one matrix product serves two rules
        self.defend_all_nt = _Reach.of(np.hstack([self.defend + self.defend_np, self.neutral]))
        self.defend_nt = _Reach.of(np.hstack([self.defend, self.neutral]))
        self.offend_nta = _Reach.of(np.hstack([self.offend, self.neutral_att]))


@dataclass
class _Reach:
    """A 0/1 matrix for 'which columns does any selected row reach', kept also as its nonzero block.

    Alliance matrices are sparse (in 2016, 150 of 196 states are owed a defence leg, 33 a neutrality
    leg), so the products run on the nonzero rows and columns only.
    """

    full: np.ndarray  # (n, k) bool
    rows: np.ndarray
    cols: np.ndarray
    block: np.ndarray  # float32 (len(rows), len(cols))

    @classmethod
    def of(cls, matrix: np.ndarray) -> _Reach:
        full = matrix > 0
        rows, cols = np.flatnonzero(full.any(axis=1)), np.flatnonzero(full.any(axis=0))
        return cls(full, rows, cols, np.ascontiguousarray(full[np.ix_(rows, cols)], dtype=np.float32))

    def reach(self, on: np.ndarray, backend: Backend) -> np.ndarray:
        """(on @ matrix) > 0 for a 0/1 float32 `on` of shape (rows, n)."""
        out = np.zeros((len(on), self.full.shape[1]), dtype=bool)
        if len(self.rows) and len(on):
            out[:, self.cols] = backend.any_product(on[:, self.rows], self.block)
        return out


def _empty_cond(n: int) -> _Conditional:
    return _Conditional(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros((0, n), bool), np.zeros(0, bool))


def compile_rules(world: World, day: dt.date, states: list[str], basis: Basis = "in-force",
                  requested: bool = True, unresolved_met: bool = True, backend: str | None = None) -> BatchRules:
    """Evaluate every leg once against an attack on its beneficiary's home territory.

    The state index is `states` (the candidates for attacker and target) followed by every other
    state that owes or is owed an obligation on that date, since any of them may be drawn in.
    """
    index = leg_index(world, day, basis)
    states = list(dict.fromkeys([*states, *sorted({m for ms in index.members.values() for m in ms})]))
    builder = _Builder(world, index, {s: i for i, s in enumerate(states)}, requested, unresolved_met)
    for kind in (Kind.DEFENSE, Kind.OFFENSE, Kind.NEUTRALITY):
        for owed, legs in index.by_beneficiary.get(kind, {}).items():
            if owed in builder.pos:
                builder.add(kind, owed, legs)
    majors = np.array([world.states.is_major(s, day) for s in states], dtype=bool)
    table = builder.table()
    return table.assemble(states, majors, get_backend(backend))


_PLAIN = ("d", "dnp", "o", "nt", "nta")
_CONDS = ("d", "o", "nt", "nta")


@dataclass
class _LegTable:
    """Every leg the matrices were built from, with its commitment and request gate.

    Kept so that a Monte Carlo draw can rebuild the matrices from the legs it honours
    (`BatchRules.for_draw`). Plain legs are arrays per matrix; conditional legs are lists.
    """

    n: int
    commit_keys: list[tuple[str, str]]  # (obligor, treaty) per commitment index
    plain: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]  # v, o, commit (-1: none), gated
    conds: dict[str, list[tuple[int, int, np.ndarray, bool, int, bool]]]  # v, o, allowed, nonprov, commit, gated

    def assemble(self, states: list[str], majors: np.ndarray, backend: Backend,
                 live: np.ndarray | None = None, asks: np.ndarray | None = None) -> BatchRules:
        """The matrices of the legs that bind: all of them, or those a draw honours (`live` per
        commitment) and whose request gate its victims open (`asks` per state)."""
        n = self.n
        mats = {name: np.zeros((n, n), dtype=np.float32) for name in _PLAIN}
        for name, (v, o, commit, gated) in self.plain.items():
            ok = _live(commit, live)
            if asks is not None and name in ("d", "dnp"):
                ok &= ~gated | asks[v]  # defence legs: the victim is the state they are owed to
            elif asks is not None and name == "o":
                ok &= ~gated  # gated offence legs depend on the victim: conditional on this draw
            mats[name][v[ok], o[ok]] = 1
        conds: dict[str, list[tuple[int, int, np.ndarray, bool]]] = {name: [] for name in _CONDS}
        for name, rows in self.conds.items():
            for v_, o_, allowed, nonprov, commit_, gated_ in rows:
                if live is not None and commit_ >= 0 and not live[commit_]:
                    continue
                if asks is not None and gated_ and name == "d" and not asks[v_]:
                    continue
                conds[name].append((v_, o_, allowed & asks if asks is not None and gated_ and name == "o"
                                    else allowed, nonprov))
        if asks is not None:
            v, o, commit, gated = self.plain["o"]
            for k in np.flatnonzero(gated & _live(commit, live)):
                conds["o"].append((int(v[k]), int(o[k]), asks.copy(), False))
        return BatchRules(states, mats["d"], mats["dnp"], mats["o"], mats["nt"], mats["nta"], _pack(conds["d"], n),
                          _pack(conds["o"], n), _pack(conds["nt"], n), _pack(conds["nta"], n), majors, backend, self)


def _live(commit: np.ndarray, live: np.ndarray | None) -> np.ndarray:
    """Legs whose commitment is honoured (neutrality legs, commit -1, always are)."""
    if live is None:
        return np.ones(len(commit), dtype=bool)
    return np.asarray((commit < 0) | live[np.maximum(commit, 0)])


class _Builder:
    """Sorts the legs owed to one state into the matrices and conditional lists."""

    def __init__(self, world: World, index: LegIndex, pos: dict[str, int], requested: bool,
                 unresolved_met: bool) -> None:
        self.world, self.index, self.pos = world, index, pos
        self.requested, self.unresolved_met = requested, unresolved_met
        self.plain: dict[str, list[tuple[int, int, int, bool]]] = {name: [] for name in _PLAIN}
        self.conds: dict[str, list[tuple[int, int, np.ndarray, bool, int, bool]]] = {name: [] for name in _CONDS}
        self.commits: dict[tuple[str, str], int] = {}

    def _gated(self, leg: Leg) -> bool:
        p = leg.provision
        return (p.request_gated and not self.requested) or bool(p.unresolved and not self.unresolved_met)

    def add(self, kind: Kind, owed: str, legs: list[Leg]) -> None:
        home = self.world.places.home(owed, self.index.date)
        attack = Attack("", owed, home.id, "territory")
        v = self.pos[owed]
        for leg in legs:
            if leg.obligor not in self.pos or self._gated(leg):
                continue
            p, o = leg.provision, self.pos[leg.obligor]
            members = self.index.members.get(leg.treaty.id, frozenset())
            mask = _allowed(p.adversary.type, p.adversary.states, members, self.pos, len(self.pos))
            scoped = kind is Kind.OFFENSE or in_scope(p, attack, home)
            commit = -1
            if kind is Kind.NEUTRALITY:
                targets = [("nt", scoped), ("nta", p.when_partner_attacks)]
            else:
                nonprov = kind is Kind.DEFENSE and p.non_provocation
                name = "d" if kind is Kind.DEFENSE else "o"
                targets = [("dnp" if nonprov and mask.all() else name, scoped)]
                commit = self.commits.setdefault((leg.obligor, leg.treaty.id), len(self.commits))
            for name, on in targets:
                if not on:
                    continue
                if mask.all():
                    self.plain[name].append((v, o, commit, p.request_gated))
                else:
                    self.conds[name].append((v, o, mask, kind is Kind.DEFENSE and p.non_provocation, commit,
                                             p.request_gated))

    def table(self) -> _LegTable:
        plain = {}
        for name, rows in self.plain.items():
            arr = np.array(rows, dtype=np.int64).reshape(-1, 4)
            plain[name] = (arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3].astype(bool))
        return _LegTable(len(self.pos), list(self.commits), plain, self.conds)


def _allowed(kind: str, named: list[str], members: frozenset[str], pos: dict[str, int], n: int) -> np.ndarray:
    mask = np.ones(n, dtype=bool)
    if kind == "named":
        mask[:] = False
        mask[[pos[s] for s in named if s in pos]] = True
    elif kind == "non_members":
        mask[[pos[s] for s in members if s in pos]] = False
    return mask


def _pack(rows: list[tuple[int, int, np.ndarray, bool]], n: int) -> _Conditional:
    if not rows:
        return _empty_cond(n)
    return _Conditional(np.array([r[0] for r in rows]), np.array([r[1] for r in rows]),
                        np.stack([r[2] for r in rows]), np.array([r[3] for r in rows]))


@dataclass
class BatchResult:
    """Sides (0 none, 1 attack, 2 defense), join rounds and conflicts for every row."""

    states: list[str]
    attackers: np.ndarray
    targets: np.ndarray
    sides: np.ndarray
    rounds: np.ndarray
    conflicts: np.ndarray
    majors: np.ndarray

    def war_size(self) -> np.ndarray:
        """Belligerents per row, original parties included."""
        return np.asarray((self.sides != NONE).sum(axis=1))

    def majors_opposite(self) -> np.ndarray:
        """Rows where major powers fight on both sides."""
        a = ((self.sides == ATTACK) & self.majors).any(axis=1)
        d = ((self.sides == DEFENSE) & self.majors).any(axis=1)
        return np.asarray(a & d)


def batch_cascades(rules: BatchRules, attackers: np.ndarray, targets: np.ndarray, reading: Reading,
                   block: int = 4096) -> BatchResult:
    """Cascades of 'attackers[i] strikes targets[i]'s home territory', all rows at once."""
    n = len(rules.states)
    rank = np.argsort(np.argsort(np.array(rules.states)))
    sides = np.zeros((len(attackers), n), dtype=np.int8)
    rounds = np.zeros((len(attackers), n), dtype=np.int16)
    conflicts = np.zeros((len(attackers), n), dtype=bool)
    for lo in range(0, len(attackers), block):
        sl = slice(lo, lo + block)
        s, r, c = _solve(rules, attackers[sl], targets[sl], reading, rank)
        sides[sl], rounds[sl], conflicts[sl] = s, r, c
    return BatchResult(rules.states, attackers, targets, sides, rounds, conflicts, rules.majors)


def _solve(rules: BatchRules, att: np.ndarray, tgt: np.ndarray, reading: Reading,
           rank: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sides, join rounds and conflicts of 'att[i] strikes tgt[i]' for every row (`foedus.engine.fast.rounds`)."""
    rows, n = len(att), len(rules.states)
    ix = np.arange(rows)
    side = np.zeros((rows, n), dtype=np.int8)
    side[ix, att], side[ix, tgt] = ATTACK, DEFENSE

    def wants(idx: np.ndarray, sa: np.ndarray, ex: np.ndarray, r: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        return _wants_by_round(rules, sa, tgt[idx], r, reading)

    return solve_rounds(side, wants, rank, reading == "escalatory")


def _wants_by_round(rules: BatchRules, side: np.ndarray, tgt: np.ndarray, rnd: np.ndarray,
                    reading: Reading) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """`_wants` with round 1 read legally (only the opening attack exists yet) and later rounds by `reading`."""
    if reading == "legal" or (rnd == 1).all():
        return _wants(rules, side, tgt, "legal")
    if (rnd > 1).all():
        return _wants_distinct(rules, side)
    out = [np.zeros(side.shape, dtype=bool) for _ in range(4)]
    first = rnd == 1
    for mask, part4 in ((first, _wants(rules, side[first], tgt[first], "legal")),
                        (~first, _wants_distinct(rules, side[~first]))):
        for o, part in zip(out, part4, strict=True):
            o[mask] = part
    return out[0], out[1], out[2], out[3]


def _wants_distinct(rules: BatchRules, side: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Escalatory `_wants`, computed once per distinct row of sides.

    In the escalatory reading the obligations depend on the sides alone (every belligerent strikes
    every enemy, whoever the target was), and many dyads' wars reach the same sides: a third to a
    tenth of the rows are distinct, so the matrix products run on those only.
    """
    first, inverse = _distinct_rows(side)
    if len(first) > 0.8 * len(side):  # nearly all distinct: the gather back would cost more than it saves
        return _wants(rules, side, np.zeros(len(side), np.int64), "escalatory")
    parts = _wants(rules, side[first], np.zeros(len(first), np.int64), "escalatory")
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


def _wants(rules: BatchRules, side: np.ndarray, tgt: np.ndarray,
           reading: Reading) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Who is bound to join each side given the current sides, and who must stay out of each.

    Legal reading: only the target is attacked, by every state on the attacking side. Escalatory:
    every state on each side strikes every state on the other.
    """
    n = side.shape[1]
    on_a = (side == ATTACK).astype(np.float32)
    on_d = (side == DEFENSE).astype(np.float32)
    at_war = on_d.any(axis=1)
    attacking = on_a if at_war.all() else on_a * at_war[:, None]  # states on the attack side, once it has a victim
    if reading == "legal":
        victims_d = np.zeros_like(on_d)
        victims_d[np.arange(len(tgt)), tgt] = 1
        by_t = rules.defend_all_nt.full[tgt]  # a gather: the target is the only victim
        want_d, stay_a = by_t[:, :n], by_t[:, n:]
        to_a = _or_rows(attacking, rules.offend_nta, rules.backend)  # offence and partner-attacks neutrality together
        want_a, stay_d = to_a[:, :n], to_a[:, n:]
        victims_a = strikers_on_d = None
    else:
        victims_d, victims_a, strikers_on_d = on_d, on_a, on_d
        be = rules.backend
        by_d = rules.defend_all_nt.reach(on_d, be)  # defenders of, and neutrals toward, defence-side victims
        by_a = rules.defend_nt.reach(on_a, be)  # attack-side victims started the war: no non-provocation legs
        off_a = _or_rows(attacking, rules.offend_nta, be)
        off_d = rules.offend_nta.reach(on_d, be)
        want_d = by_d[:, :n] | off_d[:, :n]
        stay_a = by_d[:, n:] | off_d[:, n:]
        want_a = by_a[:, :n] | off_a[:, :n]
        stay_d = by_a[:, n:] | off_a[:, n:]
    be = rules.backend
    _conditional(rules.cond_defend, victims_d, on_a, want_d, be, skip_nonprov=False)
    _conditional(rules.cond_offend, attacking, victims_d, want_a, be, skip_nonprov=False)
    _conditional(rules.cond_neutral, victims_d, on_a, stay_a, be, skip_nonprov=False)
    _conditional(rules.cond_neutral_att, attacking, victims_d, stay_d, be, skip_nonprov=False)
    if victims_a is not None and strikers_on_d is not None:
        _conditional(rules.cond_defend, victims_a, strikers_on_d, want_a, be, skip_nonprov=True)
        _conditional(rules.cond_offend, strikers_on_d, victims_a, want_d, be, skip_nonprov=False)
        _conditional(rules.cond_neutral, victims_a, strikers_on_d, stay_d, be, skip_nonprov=False)
        _conditional(rules.cond_neutral_att, strikers_on_d, victims_a, stay_a, be, skip_nonprov=False)
    return want_a, want_d, stay_a, stay_d


def _or_rows(on: np.ndarray, matrix: _Reach, backend: Backend) -> np.ndarray:
    """(on @ matrix) > 0, with a gather for the rows where a single state is on (most rows)."""
    count = on.sum(axis=1)
    if (count <= 1).all():
        gathered: np.ndarray = matrix.full[on.argmax(axis=1)] & (count == 1)[:, None]
        return gathered
    out = np.zeros((len(on), matrix.full.shape[1]), dtype=bool)
    single = count == 1
    if single.any():
        out[single] = matrix.full[on[single].argmax(axis=1)]
    many = count > 1
    out[many] = matrix.reach(on[many], backend)
    return out


def _conditional(cond: _Conditional, owed_on: np.ndarray, counter_on: np.ndarray, want: np.ndarray,
                 backend: Backend, skip_nonprov: bool) -> None:
    """Legs that bind when the owed-to state is in play and some counterpart other than the obligor qualifies."""
    if len(cond.owed) == 0:
        return
    keep = ~cond.nonprov if skip_nonprov else np.ones(len(cond.owed), dtype=bool)
    owed, obligor, allowed = cond.owed[keep], cond.obligor[keep], cond.allowed[keep]
    in_play = owed_on[:, owed] > 0
    rows = np.nonzero(in_play.any(axis=1))[0]  # only rows where some owed-to state is in play
    if len(rows) == 0:
        return
    counter = counter_on[rows]
    counts = backend.matmul(counter, allowed.T.astype(np.float32))  # qualifying counterparts per row and leg
    counts -= counter[:, obligor] * allowed[np.arange(len(obligor)), obligor]  # never the obligor itself
    hit = (in_play[rows] & (counts > 0)).astype(np.float32)
    onehot = np.zeros((len(obligor), want.shape[1]), dtype=np.float32)
    onehot[np.arange(len(obligor)), obligor] = 1
    want[rows] |= backend.any_product(hit, onehot)
