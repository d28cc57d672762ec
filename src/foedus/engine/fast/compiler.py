"""`compile_rules`: the legs in force on one date sorted into the matrices and limited-leg lists of
`foedus.engine.fast.matrices.BatchRules`, with what each rule decides of a leg taken from `foedus.engine.rules`
(switches, severity, scope, counterparts, gates); and `LegArrays`, the same legs kept so that a Monte Carlo draw
can rebuild the matrices from the legs it honours.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from foedus.datarecord import dataclass, replace
from foedus.engine.fast.backend import Backend, get_backend
from foedus.engine.fast.matrices import BatchRules, Conditional
from foedus.engine.leg import Leg
from foedus.engine.rules import (
    covers,
    gates_per_provision,
    implemented_gates,
    is_war,
    precedence,
    severe_enough,
    verdict,
    void_for_starters,
    where,
    withheld_by_switches,
)
from foedus.engine.scenario import Attack, Scenario
from foedus.engine.table import leg_table
from foedus.model.vocab import Kind
from foedus.model.world import World

if TYPE_CHECKING:
    from foedus.model.places import Place

__all__ = ["LegArrays", "compile_rules"]
_PLAIN, _CONDS = ("d", "dnp", "o", "nt", "nta", "ntnp"), ("d", "o", "nt", "nta")


@dataclass
class LegArrays:
    """Every leg the matrices were built from, with its commitment and gates, so that a Monte Carlo draw
    can rebuild the matrices from the legs it honours. Plain legs are arrays per matrix; conditional
    legs are lists (owed, obligor, allowed mask, void for starters, commitment, request-gated)."""

    n: int
    commitments: list[int]  # table commitment index per local commitment
    plain: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]  # v, o, commit (-1: none), gated
    conds: dict[str, list[tuple[int, int, np.ndarray, bool, int, bool]]]
    prevailing: dict[str, np.ndarray] | None = None  # per list, which legs are duties that prevail (None: no such leg)

    def prevailing_pairs(self) -> np.ndarray:
        """[obligor, protected]: the obligor owes the protected state a neutrality leg that prevails."""
        out = np.zeros((self.n, self.n), dtype=bool)
        for name, flags in (self.prevailing or {}).items():
            rows = self.conds.get(name, [])
            owed = np.concatenate([self.plain[name][0], [row[0] for row in rows]]).astype(np.int64)
            obligors = np.concatenate([self.plain[name][1], [row[1] for row in rows]]).astype(np.int64)
            out[obligors[flags], owed[flags]] = True
        return out

    def without_prevailing(self) -> LegArrays:
        """The same legs less the neutrality legs that prevail (`rules.precedence.prevails`)."""
        if self.prevailing is None:
            return self
        keep = {name: ~flags for name, flags in self.prevailing.items()}
        plain = {name: tuple(x[keep[name][:len(x)]] for x in cols) if name in keep else cols
                 for name, cols in self.plain.items()}
        conds = {name: [row for row, k in zip(rows, keep[name][len(self.plain[name][0]):], strict=True) if k]
                 if name in keep else rows for name, rows in self.conds.items()}
        return LegArrays(self.n, self.commitments, plain, conds)

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
                          _pack(conds["o"], n), _pack(conds["nt"], n), _pack(conds["nta"], n), majors, backend, self,
                          neutral_np=mats["ntnp"])


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
    implemented_gates(switches)  # the victim gates below are read by name, in the forms the rules check
    table = leg_table(world, switches.date, switches.basis)
    states = list(dict.fromkeys([*states, *table.states()]))
    pos = {s: i for i, s in enumerate(states)}
    majors = np.array([world.states.is_major(s, switches.date) for s in states], dtype=bool)
    asks = np.full(len(states), switches.requested)
    chosen = get_backend(backend)
    homes = {s: Attack("", s, world.places.home(s, switches.date).id, "territory") for s in states}

    def build(attacks: dict[str, Attack]) -> BatchRules:
        builder = _Builder(world, switches, pos, table.commitments, table.bars)
        for kind in (Kind.DEFENSE, Kind.OFFENSE, Kind.NEUTRALITY):
            for owed, legs in table.by_beneficiary.get(kind, {}).items():
                if owed in pos:
                    builder.add(owed, legs, attacks[owed])
        arrays = builder.arrays()
        out = arrays.assemble(states, majors, chosen, None, asks)
        if arrays.prevailing is not None:
            out.plain = arrays.without_prevailing().assemble(states, majors, chosen, None, asks)
        return out

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

    def __init__(self, world: World, switches: Scenario, pos: dict[str, int], commitments: list[tuple[str, str]],
                 bars: precedence.Bars) -> None:
        self.world, self.switches, self.pos, self.bars = world, switches, pos, bars
        self.prevails: dict[str, list[bool]] = {name: [] for name in ("nt", "nta", "ntnp")}  # plain, then conds
        self.cond_prevails: dict[str, list[bool]] = {name: [] for name in ("nt", "nta")}
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
            allowed = None if mask is None or not targets else _counterparts(leg, mask, o)
            prevails = leg.obligor in self.bars and precedence.prevails(self.bars, leg.obligor, owed, leg.treaty.id)
            for name in targets:
                if allowed is None:
                    self.plain[name].append((v, o, commit, gated))
                else:
                    self.conds[name].append((v, o, allowed, nonprov, commit, gated))
                if name in self.prevails:
                    (self.prevails if allowed is None else self.cond_prevails)[name].append(prevails)

    def _decide(self, leg: Leg, attack: Attack, places: Mapping[str, Place]
                ) -> tuple[tuple[str, ...], np.ndarray | None, bool, bool] | None:
        """The lists a leg goes in for `attack` (those whose scope covers it), its counterpart mask, whether it is
        void for a state on the side that started the war (`rules.void_for_starters`) and whether it is
        request-gated; None when the switches withhold the leg or the attack does not set it off."""
        if withheld_by_switches(leg, self.switches) is not None or not severe_enough(leg, attack):
            return None
        cp = id(leg.counterparts)
        if cp not in self.masks:
            self.masks[cp] = _allowed(leg, self.pos)
        mask = self.masks[cp]
        nonprov, gated = void_for_starters(leg), leg.gated_by("request")
        if leg.provision.kind is Kind.NEUTRALITY:
            when_attacks = where.binds_when_partner_attacks(leg.provision)
            if nonprov and mask is None and when_attacks:
                mask = np.ones(len(self.pos), dtype=bool)  # gated both ways: kept with the limited legs
            partner = Attack(leg.beneficiary, "", attack.place, attack.kind)  # the beneficiary attacks
            targets = [("ntnp" if nonprov and mask is None else "nt", covers(leg, attack, places)),
                       ("nta", when_attacks and covers(leg, partner, places))]
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
        flags = {name: np.array(self.prevails[name] + self.cond_prevails.get(name, []), dtype=bool)
                 for name in self.prevails}
        prevailing = flags if any(f.any() for f in flags.values()) else None
        return LegArrays(len(self.pos), order, plain, self.conds, prevailing)


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


def _counterparts(leg: Leg, mask: np.ndarray, o: int) -> np.ndarray:
    """A limited leg's counterpart mask (`_allowed`) less the state it never binds against, its obligor `o`, where the
    rule spares it (`rules.verdict.spares_own_attack`: the obligor's own attack, in the lists of legs owed to the
    victim, "d" and "nt"; an attack on the obligor, in those owed to the attacker, "o" and "nta"), so that the
    engines that read `Conditional.allowed` need not know the rule."""
    if not mask[o] or not verdict.spares_own_attack(leg):
        return mask
    out = mask.copy()
    out[o] = False
    return out


def _pack(rows: list[tuple[int, int, np.ndarray, bool]], n: int) -> Conditional:
    if not rows:
        return Conditional(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros((0, n), bool), np.zeros(0, bool))
    return Conditional(np.array([r[0] for r in rows]), np.array([r[1] for r in rows]),
                       np.stack([r[2] for r in rows]), np.array([r[3] for r in rows]))
