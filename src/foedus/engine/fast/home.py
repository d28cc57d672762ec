"""The escalatory Monte Carlo's home strikes, per leg rather than per attack.

In the escalatory reading every belligerent strikes every enemy at home after round 1, so a leg owed to a
belligerent binds, in a draw, as soon as that state is on a side and some enemy its adversary clause admits
(other than the leg's own obligor, where the rule spares it: `rules.verdict.spares_own_attack`) is on the
other: the rules read the attack's other party only through the adversary clause (`rules.attacker_role`). The
potential graph therefore keeps one `HomeLegs` row per leg that binds on home strikes (evaluated once, with the
victim gates left open), instead of one obligation per potential attack, and each round of the replay tests those
rows against the draws' sides.
The opening attacks keep their explicit obligations (`foedus.engine.fast.potential`).

`HomeFinder` visits the potential attacks in the order the per-attack finder did, so that the states, the
commitments and hence the draws come out in the same order, but looks at each leg owed to a state once per
set of sides that state is on, not once per attack.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from foedus.datarecord import dataclass, field
from foedus.engine.leg import Leg
from foedus.engine.rules import Situation, Verdict, evaluate, precedence, verdict, void_for_starters, where
from foedus.engine.scenario import Attack
from foedus.engine.table import LegTable
from foedus.model.vocab import Kind

__all__ = ["HomeFinder", "HomeLegs", "home_wants"]

NONE, ATTACK, DEFENSE = 0, 1, 2


@dataclass
class HomeLegs:
    """Legs that bind on home strikes: obligations (`join`) and neutrality duties (`duty`), each with the state
    it is owed to (`anchor`), its adversary clause (`allowed`: a row of `masks`, -1 for anyone) and whether its
    own obligor is never the counterpart (`not_self`: the rule spares its obligor's own attack, for a leg owed to the
    victim, and an attack on its obligor, for one owed to the attacker: `rules.verdict.spares_own_attack`)."""

    j_state: np.ndarray
    j_anchor: np.ndarray
    j_commit: np.ndarray
    j_request: np.ndarray
    j_nonprov: np.ndarray
    j_allowed: np.ndarray
    j_not_self: np.ndarray
    d_state: np.ndarray
    d_anchor: np.ndarray
    d_allowed: np.ndarray
    d_not_self: np.ndarray
    d_nonprov: np.ndarray  # the state whose side starting the war voids the duty (`void_for_starters`), -1 for none
    masks: np.ndarray  # (k, states) bool
    d_prevails: np.ndarray  # bool per duty: one that prevails (`rules.precedence.prevails`)


def _enemies(side: np.ndarray, anchor: np.ndarray, state: np.ndarray, allowed: np.ndarray, not_self: np.ndarray,
             masks: np.ndarray) -> np.ndarray:
    """(draws, rows): the row's anchor is on a side and an admitted enemy (not its obligor, where so) is on the
    other."""
    sa = side[:, anchor]
    enemy = np.where(sa == ATTACK, DEFENSE, ATTACK)
    on_a = (side == ATTACK).sum(axis=1)
    on_d = (side == DEFENSE).sum(axis=1)
    count = np.where(enemy == ATTACK, on_a[:, None], on_d[:, None])
    limited = allowed >= 0
    if limited.any():
        fa = (side == ATTACK).astype(np.float32) @ masks.T.astype(np.float32)
        fd = (side == DEFENSE).astype(np.float32) @ masks.T.astype(np.float32)
        rows = allowed[limited]
        count[:, limited] = np.where(enemy[:, limited] == ATTACK, fa[:, rows], fd[:, rows]).astype(count.dtype)
    own = side[:, state] == enemy
    own &= not_self[None, :]
    if limited.any():
        own &= np.where(limited, masks[np.maximum(allowed, 0), state], True)[None, :]
    out: np.ndarray = (sa != NONE) & (count - own > 0)
    return out


def home_wants(legs: HomeLegs, side: np.ndarray, honour: np.ndarray, asks: np.ndarray, excluded: np.ndarray,
               wants: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray], plain: bool = False) -> None:
    """Add to `wants` (join attack, join defence, stay out of the attack side, stay out of the defence side)
    what the home strikes of every draw's sides bind (`plain`: only the duties that do not prevail)."""
    want_a, want_d, stay_a, stay_d = wants
    if len(legs.j_state):
        ok = _enemies(side, legs.j_anchor, legs.j_state, legs.j_allowed, legs.j_not_self, legs.masks)
        ok &= honour[:, legs.j_commit] & ~excluded[:, legs.j_state]
        rv, nv = legs.j_request, legs.j_nonprov
        ok &= np.where(rv >= 0, asks[:, np.maximum(rv, 0)], True)
        ok &= np.where(nv >= 0, side[:, np.maximum(nv, 0)] != ATTACK, True)
        sa = side[:, legs.j_anchor]
        d_idx, k = np.nonzero(ok & (sa == ATTACK))
        want_a[d_idx, legs.j_state[k]] = True
        d_idx, k = np.nonzero(ok & (sa == DEFENSE))
        want_d[d_idx, legs.j_state[k]] = True
    if len(legs.d_state):
        on = _enemies(side, legs.d_anchor, legs.d_state, legs.d_allowed, legs.d_not_self, legs.masks)
        nv = legs.d_nonprov
        on &= np.where(nv >= 0, side[:, np.maximum(nv, 0)] != ATTACK, True)
        if plain:
            on &= ~legs.d_prevails[None, :]
        toward = side[:, legs.d_anchor]
        d_idx, k = np.nonzero(on & (toward == DEFENSE))  # bound not to fight a defender: not to join the attack
        stay_a[d_idx, legs.d_state[k]] = True
        d_idx, k = np.nonzero(on & (toward == ATTACK))
        stay_d[d_idx, legs.d_state[k]] = True


@dataclass
class HomeFinder:
    """What the home strikes of the potential attacks can bind, found attack by attack in the per-attack
    finder's order, each leg looked at once per set of sides its state is on."""

    table: LegTable
    situation: Situation
    originals: frozenset[str]
    index: dict[str, int]  # the finder's states, in order
    commits: dict[int, int]  # the finder's commitments, in order
    sides: dict[str, set[str]]
    joins: dict[tuple[str, str, int, int, int, int, bool], None] = field(default_factory=dict)
    duties: dict[tuple[str, str, int, bool, int, bool], None] = field(default_factory=dict)
    masks: dict[frozenset[str] | tuple[str, frozenset[str]], int] = field(default_factory=dict)
    _waiting: dict[tuple[str, str, frozenset[str]], list[Leg]] = field(default_factory=dict)
    _verdicts: dict[tuple[int, str, str], Verdict] = field(default_factory=dict)

    def bind(self, attack: Attack) -> None:
        """The per-attack finder's work on one home strike, less what an earlier strike already did."""
        victim, attacker = attack.victim, attack.attacker
        self._joins(attack, "defence", victim, Kind.DEFENSE, attacker)
        self._joins(attack, "offence", attacker, Kind.OFFENSE, victim)
        self._duties(attack, "duty", victim, lambda leg: True, attacker)
        self._duties(attack, "partner", attacker, lambda leg: where.binds_when_partner_attacks(leg.provision), victim)

    def _state(self, state: str) -> int:
        return self.index.setdefault(state, len(self.index))

    def _verdict(self, leg: Leg, attack: Attack, role: str) -> Verdict:
        key = (id(leg), role, attack.victim if role in ("defence", "duty") else attack.attacker)
        found = self._verdicts.get(key)
        if found is None:
            found = self._verdicts[key] = evaluate(leg, attack, self.situation)
        return found

    def _joins(self, attack: Attack, role: str, anchor: str, kind: Kind, counterpart: str) -> None:
        """Obligations owed to `anchor` (the victim, or for offence the attacker) that this strike binds."""
        member_of = frozenset(name for name, states in self.sides.items() if anchor in states)
        key = (role, anchor, member_of)
        waiting = self._waiting.get(key)
        if waiting is None:
            waiting = self._waiting[key] = list(self.table.owed_to(kind, anchor))
        keep = []
        for leg in waiting:
            o = leg.obligor
            if not verdict.binds_against(leg, counterpart):
                keep.append(leg)
                continue
            if o in self.originals or not self._verdict(leg, attack, role).binds:
                continue
            self._state(o)
            self.commits.setdefault(leg.commitment, len(self.commits))
            for states in self.sides.values():
                if anchor in states:
                    states.add(o)
            protected = leg.beneficiary
            self.joins.setdefault((o, anchor, leg.commitment, self._mask(leg),
                                   self.index[protected] if leg.gated_by("request") else -1,
                                   self.index[protected] if void_for_starters(leg) else -1,
                                   verdict.spares_own_attack(leg)), None)
        self._waiting[key] = keep

    def _duties(self, attack: Attack, role: str, anchor: str, applies: Callable[[Leg], bool], counterpart: str
                ) -> None:
        """Neutrality duties toward `anchor` (the victim, or an attacker whose partners must stay out)."""
        key: tuple[str, str, frozenset[str]] = (role, anchor, frozenset())
        waiting = self._waiting.get(key)
        if waiting is None:
            waiting = self._waiting[key] = [leg for leg in self.table.owed_to(Kind.NEUTRALITY, anchor)
                                            if applies(leg)]
        keep = []
        for leg in waiting:
            if not verdict.binds_against(leg, counterpart):
                keep.append(leg)
                continue
            if not self._verdict(leg, attack, role).binds:
                continue
            self._state(leg.obligor)
            protected = self._state(leg.beneficiary)
            spares = verdict.spares_own_attack(leg)
            prevails = precedence.prevails(self.table.bars, leg.obligor, leg.beneficiary, leg.treaty.id)
            self.duties.setdefault((leg.obligor, anchor, self._mask(leg), spares,
                                    protected if void_for_starters(leg) else -1, prevails), None)
        self._waiting[key] = keep

    def _mask(self, leg: Leg) -> int:
        """The row of `masks` for the leg's adversary clause (-1: anyone)."""
        who = leg.counterparts
        if who.anyone:
            return -1
        key: frozenset[str] | tuple[str, frozenset[str]] = who.allow if who.allow is not None else ("deny", who.deny)
        return self.masks.setdefault(key, len(self.masks))

    def legs(self, states: list[str]) -> HomeLegs:
        """The rows found, over the finished state index."""
        pos = {s: i for i, s in enumerate(states)}
        masks = np.zeros((len(self.masks), len(states)), dtype=bool)
        for key, row in self.masks.items():
            if isinstance(key, tuple):
                masks[row] = True
                masks[row, [pos[s] for s in key[1] if s in pos]] = False
            else:
                masks[row, [pos[s] for s in key if s in pos]] = True
        commit_col = {c: i for i, c in enumerate(self.commits)}

        def col(values: list[int], dtype: type = np.int64) -> np.ndarray:
            return np.array(values, dtype=dtype)

        j, d = list(self.joins), list(self.duties)
        return HomeLegs(
            col([pos[k[0]] for k in j]), col([pos[k[1]] for k in j]), col([commit_col[k[2]] for k in j]),
            col([k[4] for k in j]), col([k[5] for k in j]), col([k[3] for k in j]), col([k[6] for k in j], bool),
            col([pos[k[0]] for k in d]), col([pos[k[1]] for k in d]), col([k[2] for k in d]),
            col([k[3] for k in d], bool), col([k[4] for k in d]), masks, col([k[5] for k in d], bool))
