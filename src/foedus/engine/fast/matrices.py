"""The batched engine's rules: the compiled legs of one date as boolean matrices over a state index.

Built from `foedus.engine.table` with the functions of `foedus.engine.rules` (scope, counterparts,
gates); nothing here re-derives a rule. `defend[v, o]`: o is bound to defend v against anyone;
`defend_np`: the same for legs with a non-provocation clause; `offend[a, o]`: o joins a's attack on
anyone; `neutral[v, o]`: o must stay out against v's attackers; `neutral_att[a, o]`: o must stay out
when a attacks. Legs whose adversary clause limits their counterparts, and neutrality legs with a non-provocation
clause (the lists carry it), are lists with a mask of the counterparts they cover (`Conditional`). Request-gated
legs bind only for states that ask (`asks`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from foedus.datarecord import dataclass, field, replace
from foedus.engine.fast.backend import Backend, get_backend
from foedus.engine.leg import Leg
from foedus.engine.rules import covers, gates_per_provision, is_war, severe_enough, withheld_by_switches
from foedus.engine.scenario import Attack, Scenario
from foedus.engine.table import leg_table
from foedus.model.vocab import Kind
from foedus.model.world import World

if TYPE_CHECKING:
    from foedus.model.places import Place

T = TypeVar("T")
__all__ = ["BatchRules", "Conditional", "Reach", "compile_rules"]
_PLAIN, _CONDS = ("d", "dnp", "o", "nt", "nta"), ("d", "o", "nt", "nta")


@dataclass
class Conditional:
    """Legs that bind only for some counterparts, or with a victim gate the matrices lack: rows (owed-to state,
    obligor, allowed counterpart mask, whether a non-provocation clause voids it for a state that started the war)."""

    owed: np.ndarray
    obligor: np.ndarray
    allowed: np.ndarray  # (k, n) bool: which counterparts (attackers, or victims for offence) satisfy it
    nonprov: np.ndarray


@dataclass
class Reach:
    """A 0/1 matrix for 'which columns does any selected row reach', kept also as its nonzero block.

    Alliance matrices are sparse (in 2016, 150 of 196 states are owed a defence leg, 33 a neutrality
    leg), so the products run on the nonzero rows and columns only.
    """

    full: np.ndarray  # (n, k) bool
    rows: np.ndarray
    cols: np.ndarray
    block: np.ndarray  # float32 (len(rows), len(cols))

    @classmethod
    def of(cls, matrix: np.ndarray) -> Reach:
        """The reach of a 0/1 matrix."""
        full = matrix > 0
        rows, cols = np.flatnonzero(full.any(axis=1)), np.flatnonzero(full.any(axis=0))
        return cls(full, rows, cols, np.ascontiguousarray(full[np.ix_(rows, cols)], dtype=np.float32))

    def reach(self, on: np.ndarray, backend: Backend) -> np.ndarray:
        """(on @ matrix) > 0 for a 0/1 float32 `on` of shape (rows, n)."""
        out = np.zeros((len(on), self.full.shape[1]), dtype=bool)
        if len(self.rows) and len(on):
            out[:, self.cols] = backend.any_product(on[:, self.rows], self.block)
        return out


@dataclass
class BatchRules:
    """The legs in force on one date, as matrices over the state index (see the module docstring).

    `first` holds the rules of the opening attacks when they are not all on home territory (a place,
    or forces): the legal reading uses them in every round, the escalatory reading in round 1 only.
    """

    states: list[str]
    defend: np.ndarray
    defend_np: np.ndarray
    offend: np.ndarray
    neutral: np.ndarray
    neutral_att: np.ndarray
    cond_defend: Conditional
    cond_offend: Conditional
    cond_neutral: Conditional
    cond_neutral_att: Conditional
    majors: np.ndarray
    backend: Backend = field(default_factory=Backend)
    legs: LegArrays | None = None
    first: BatchRules | None = None
    war: bool = True  # False when the opening incident is below an armed attack: nobody strikes after round 1
    derived: dict[str, object] = field(default_factory=dict, repr=False, compare=False)  # what engines build once

    def derive(self, key: str, build: Callable[[BatchRules], T]) -> T:
        """What an engine derives from these rules (`key` names it), built once and kept in `derived`."""
        if key not in self.derived:
            self.derived[key] = build(self)
        return self.derived[key]  # type: ignore[return-value]

    def __post_init__(self) -> None:
        # the products the rounds need, side by side so that one matrix product serves two rules
        self.defend_all_nt = Reach.of(np.hstack([self.defend + self.defend_np, self.neutral]))
        self.defend_nt = Reach.of(np.hstack([self.defend, self.neutral]))
        self.offend_nta = Reach.of(np.hstack([self.offend, self.neutral_att]))

    @property
    def opening(self) -> BatchRules:
        """The rules of the opening attacks (the same rules when they are all on home territory)."""
        return self.first or self

    def commitments(self) -> list[int]:
        """Per commitment of `for_draw`'s `live`: its index in the date's `LegTable.commitments`."""
        return self.legs.commitments if self.legs is not None else []

    def for_draw(self, live: np.ndarray, asks: np.ndarray) -> BatchRules:
        """The rules of one Monte Carlo draw: only honoured commitments (`live`, per `commitments()`),
        request-gated legs only for states that ask (`asks`, per state). Neutrality always binds."""
        if self.legs is None:
            raise ValueError("these rules were built without their leg table")
        out = self.legs.assemble(self.states, self.majors, self.backend, live, asks)
        out.war = self.war
        if self.first is not None:
            out.first = self.first.for_draw(live, asks)
        return out


@dataclass
class LegArrays:
    """Every leg the matrices were built from, with its commitment and gates, so that a Monte Carlo draw
    can rebuild the matrices from the legs it honours. Plain legs are arrays per matrix; conditional
    legs are lists (owed, obligor, allowed mask, non-provocation, commitment, request-gated)."""

    n: int
    commitments: list[int]  # table commitment index per local commitment
    plain: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]  # v, o, commit (-1: none), gated
    conds: dict[str, list[tuple[int, int, np.ndarray, bool, int, bool]]]

    def assemble(self, states: list[str], majors: np.ndarray, backend: Backend,
                 live: np.ndarray | None = None, asks: np.ndarray | None = None) -> BatchRules:
        """The matrices of the legs that bind: those a draw honours (`live` per commitment; all when
        None) and whose request gate the state they are owed to opens (`asks` per state; all when None)."""
        n = self.n
        mats = {name: np.zeros((n, n), dtype=np.float32) for name in _PLAIN}
        for name, (v, o, commit, gated) in self.plain.items():
            ok = _live(commit, live)
            if asks is not None:
                ok &= ~gated | asks[v]
            mats[name][v[ok], o[ok]] = 1
        conds: dict[str, list[tuple[int, int, np.ndarray, bool]]] = {name: [] for name in _CONDS}
        for name, rows in self.conds.items():
            for v_, o_, allowed, nonprov, commit_, gated_ in rows:
                if live is not None and commit_ >= 0 and not live[commit_]:
                    continue
                if asks is not None and gated_ and not asks[v_]:
                    continue
                conds[name].append((v_, o_, allowed, nonprov))
        return BatchRules(states, mats["d"], mats["dnp"], mats["o"], mats["nt"], mats["nta"], _pack(conds["d"], n),
                          _pack(conds["o"], n), _pack(conds["nt"], n), _pack(conds["nta"], n), majors, backend, self)


def _live(commit: np.ndarray, live: np.ndarray | None) -> np.ndarray:
    """Legs whose commitment is honoured (neutrality legs, commit -1, always are)."""
    if live is None:
        return np.ones(len(commit), dtype=bool)
    return np.asarray((commit < 0) | live[np.maximum(commit, 0)])


def compile_rules(world: World, switches: Scenario, states: list[str], backend: str | None = None,
                  opening: Scenario | None = None) -> BatchRules:
    """Each leg of `switches.date` in matrix form, for attacks on its beneficiary's home territory.

    The state index is `states` (the candidates for attacker and target) followed by every other
    state that owes or is owed an obligation on that date, since any of them may be drawn in. With
    `opening`, the legs owed to its targets are also compiled for the opening attacks (`BatchRules.first`).
    """
    table = leg_table(world, switches.date, switches.basis)
    states = list(dict.fromkeys([*states, *table.states()]))
    pos = {s: i for i, s in enumerate(states)}
    majors = np.array([world.states.is_major(s, switches.date) for s in states], dtype=bool)
    asks = np.full(len(states), switches.requested)
    chosen = get_backend(backend)
    homes = {s: Attack("", s, world.places.home(s, switches.date).id, "territory") for s in states}

    def build(attacks: dict[str, Attack]) -> BatchRules:
        builder = _Builder(world, switches, pos, table.commitments)
        for kind in (Kind.DEFENSE, Kind.OFFENSE, Kind.NEUTRALITY):
            for owed, legs in table.by_beneficiary.get(kind, {}).items():
                if owed in pos:
                    builder.add(owed, legs, attacks[owed])
        return builder.arrays().assemble(states, majors, chosen, None, asks)

    rules = build(homes)
    # round 1: every attack at the opening's severity (the legs owed to attackers, offence, read it too),
    # and the targets struck where the opening attacks strike them
    severity = opening.severity if opening is not None else switches.severity
    firsts = {s: replace(a, severity=severity) for s, a in homes.items()}
    firsts |= {a.victim: Attack("", a.victim, a.place, a.kind, severity=a.severity) for a in
               (opening.attacks if opening is not None else ())}
    if firsts != homes:
        rules.first = build(firsts)
    rules.war = is_war(list(firsts.values()))
    return rules


class _Builder:
    """Sorts the legs owed to one state into the matrices and conditional lists."""

    def __init__(self, world: World, switches: Scenario, pos: dict[str, int], commitments: list[tuple[str, str]]
                 ) -> None:
        self.world, self.switches, self.pos = world, switches, pos
        self.plain: dict[str, list[tuple[int, int, int, bool]]] = {name: [] for name in _PLAIN}
        self.conds: dict[str, list[tuple[int, int, np.ndarray, bool, int, bool]]] = {name: [] for name in _CONDS}
        self.local: dict[int, int] = {}  # table commitment -> local index
        self.per_provision = gates_per_provision()
        self.masks: dict[int, np.ndarray | None] = {}  # id(counterparts) -> `_allowed`

    def _commit(self, leg: Leg) -> int:
        return -1 if leg.commitment < 0 else self.local.setdefault(leg.commitment, len(self.local))

    def add(self, owed: str, legs: list[Leg], attack: Attack) -> None:
        """Sort the legs owed to `owed` for `attack` on it. What the rules decide of a leg here (switches,
        severity, scope) reads its treaty, provision and gates and the attack, never its obligor when every gate
        is decided per provision (`rules.gates_per_provision`), so it is decided once for the legs that share
        them (the members of one treaty owe one provision)."""
        v = self.pos[owed]
        places = self.world.places.on(self.switches.date)
        decided: dict[object, tuple[tuple[str, ...], np.ndarray | None, bool, bool] | None] = {}
        for leg in legs:
            o = self.pos.get(leg.obligor)
            if o is None:
                continue
            key: object = ((id(leg.treaty), id(leg.provision), id(leg.counterparts), leg.gates) if self.per_provision
                           else id(leg))
            if key not in decided:
                decided[key] = self._decide(leg, attack, places)
            how = decided[key]
            if how is None:
                continue
            targets, mask, nonprov, gated = how
            commit = self._commit(leg)  # numbered as soon as the leg is set off, in scope or not
            for name in targets:
                if mask is None:
                    self.plain[name].append((v, o, commit, gated))
                else:
                    self.conds[name].append((v, o, mask, nonprov, commit, gated))

    def _decide(self, leg: Leg, attack: Attack, places: Mapping[str, Place]
                ) -> tuple[tuple[str, ...], np.ndarray | None, bool, bool] | None:
        """The lists a leg goes in for `attack` (those whose scope covers it), its counterpart mask, and whether
        it carries the non-provocation and request gates; None when the switches withhold the leg or the attack
        does not set it off."""
        if withheld_by_switches(leg, self.switches) is not None or not severe_enough(leg, attack):
            return None
        cp = id(leg.counterparts)
        if cp not in self.masks:
            self.masks[cp] = _allowed(leg, self.pos)
        mask = self.masks[cp]
        nonprov, gated = leg.gated_by("non_provocation"), leg.gated_by("request")
        if leg.provision.kind is Kind.NEUTRALITY:
            mask = np.ones(len(self.pos), dtype=bool) if nonprov and mask is None else mask  # kept with the gate
            partner = Attack(leg.beneficiary, "", attack.place, attack.kind)  # the beneficiary attacks
            targets = [("nt", covers(leg, attack, places)),
                       ("nta", leg.provision.when_partner_attacks and covers(leg, partner, places))]
        else:
            name = "d" if leg.provision.kind is Kind.DEFENSE else "o"
            targets = [("dnp" if nonprov and mask is None else name, covers(leg, attack, places))]
        return tuple(name for name, on in targets if on), mask, nonprov, gated

    def arrays(self) -> LegArrays:
        plain = {}
        for name, rows in self.plain.items():
            arr = np.array(rows, dtype=np.int64).reshape(-1, 4)
            plain[name] = (arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3].astype(bool))
        order = sorted(self.local, key=self.local.__getitem__)
        return LegArrays(len(self.pos), order, plain, self.conds)


def _allowed(leg: Leg, pos: dict[str, int]) -> np.ndarray | None:
    """The counterparts a leg covers as a mask over the state index (None: anyone)."""
    who = leg.counterparts
    if who.anyone:
        return None
    mask = np.zeros(len(pos), dtype=bool) if who.allow is not None else np.ones(len(pos), dtype=bool)
    if who.allow is not None:
        mask[[pos[s] for s in who.allow if s in pos]] = True
    mask[[pos[s] for s in who.deny if s in pos]] = False
    return mask


def _pack(rows: list[tuple[int, int, np.ndarray, bool]], n: int) -> Conditional:
    if not rows:
        return Conditional(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros((0, n), bool), np.zeros(0, bool))
    return Conditional(np.array([r[0] for r in rows]), np.array([r[1] for r in rows]),
                       np.stack([r[2] for r in rows]), np.array([r[3] for r in rows]))
