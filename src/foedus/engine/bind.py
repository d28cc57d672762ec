"""The reference engine's round, volley by volley: which legs the round's attacks set off, each leg evaluated
once per volley rather than once per attack.

A volley (`foedus.engine.rules.Volley`) is the round's attacks on one victim at one place; the rules read the
attacker of such attacks only through a leg's adversary clause, or, for non-aggression, whether it is the leg's
own obligor (`rules.attacker_role`). A leg owed to the victim therefore has one verdict for the attacks it
admits, and only its first admitted attack can change anything: later ones find the obligation bound, the
consultation or the withheld leg already recorded. So each such leg is evaluated with its first admitted
attack, and a leg whose effect is settled leaves the volley's waiting list for the rest of the cascade. What
is found goes to the `Ledger`, placed where the attack-by-attack engine would meet it (the attack's order in
its round, then the rule and the leg's rank), so the records are the ones that engine makes.

`volley` finds what decides the sides (obligations, neutrality duties, withheld legs); `records` finds what
only the result reports (violations, consultations), once the run's rounds are final. Verdicts are kept per
table and scenario switches (`verdicts`), since they do not depend on the scenario's parties.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from foedus.engine.ledger import Found, Ledger
from foedus.engine.leg import Leg
from foedus.engine.rules import Situation, Verdict, Volley, attacker_role, evaluate, victim_status
from foedus.engine.table import LegTable
from foedus.model.treaty import Kind

__all__ = ["BindState", "Binder"]

Waiting = tuple[tuple[int, Leg], ...]
_Key = tuple[str, str, str, str]


@dataclass
class BindState:
    """What the binder reads of the cascade: sides, excluded and original states."""

    side_of: Mapping[str, str]
    excluded: set[str]
    originals: frozenset[str]


@dataclass
class Binder:
    """Records what each volley sets off; keeps the verdicts and, per (victim, place, kind, severity), the legs
    whose effect is not settled yet (`waiting`: part of the cascade's state, saved with each round)."""

    table: LegTable
    ledger: Ledger
    verdicts: dict[tuple[int, _Key, tuple[bool, bool]], Verdict]
    waiting: dict[tuple[Kind, _Key], Waiting] = field(default_factory=dict)

    def volley(self, vol: Volley, ctx: Situation, state: BindState) -> None:
        """Record the obligations, duties and withheld legs one volley sets off."""
        key = (vol.victim, vol.place, vol.kind, vol.severity)
        status = victim_status(vol.victim, ctx)
        self._neutrality(vol, key, status, ctx, duties=True)
        self._defence(vol, key, status, ctx, state)
        self._offence(vol, ctx, state)

    def records(self, vol: Volley, ctx: Situation) -> None:
        """Record the violations and consultations one volley sets off (rules 0 to 3, in the engine's order)."""
        key = (vol.victim, vol.place, vol.kind, vol.severity)
        status = victim_status(vol.victim, ctx)
        self._nonaggression(vol, ctx)
        self._consultations(vol, key, status, ctx)
        self._neutrality(vol, key, status, ctx, duties=False)

    def _verdict(self, leg: Leg, vol: Volley, i: int, key: _Key, status: tuple[bool, bool], ctx: Situation
                 ) -> Verdict:
        """The verdict on attack i of the volley, which the leg admits: the same for every attack it admits."""
        ckey = (id(leg), key, status)
        verdict = self.verdicts.get(ckey)
        if verdict is None:
            verdict = self.verdicts[ckey] = evaluate(leg, vol.attack(i), ctx)
        return verdict

    def _nonaggression(self, vol: Volley, ctx: Situation) -> None:
        """Rule 0: non-aggression legs owed to the victim whose obligor is the attacker."""
        by_obligor = self._by_obligor(vol.victim)
        book, rnd = self.ledger, self.ledger.rnd
        for i in _indices(vol, by_obligor):
            for rank, leg in by_obligor[vol.attackers[i]]:
                if evaluate(leg, vol.attack(i), ctx).binds:
                    book.first(book.violations, (leg.obligor, leg.beneficiary, leg.treaty.id),
                               (rnd, vol, i, 0, rank, leg, ""))

    def _consultations(self, vol: Volley, key: _Key, status: tuple[bool, bool], ctx: Situation) -> None:
        """Rule 1: consultation legs owed to the victim (recorded once per obligor, victim and treaty)."""
        waiting = self._waiting(Kind.CONSULTATION, key)
        book, rnd, victim = self.ledger, self.ledger.rnd, vol.victim
        keep = []
        for rank, leg in waiting:
            ckey = (leg.obligor, victim, leg.treaty.id)
            held = book.consultations.get(ckey)
            if held is not None and held[0] != rnd:
                continue
            i = _first(leg, vol, None)
            if i is None:
                keep.append((rank, leg))
            elif self._verdict(leg, vol, i, key, status, ctx).binds:
                book.first(book.consultations, ckey, (rnd, vol, i, 1, rank, leg, ""))
        if len(keep) != len(waiting):
            self.waiting[(Kind.CONSULTATION, key)] = tuple(keep)

    def _neutrality(self, vol: Volley, key: _Key, status: tuple[bool, bool], ctx: Situation, duties: bool
                    ) -> None:
        """Rule 2: neutrality legs owed to the victim bind on every attack they admit; rule 3: neutrality legs
        owed to an attacker that bind when it attacks. A binding leg is a violation when its obligor attacks
        (`duties=False` records those), else a duty to stay out (`duties=True`)."""
        book = self.ledger
        for rank, leg in enumerate(self.table.owed_to(Kind.NEUTRALITY, vol.victim)):
            admitted = [i for i, a in enumerate(vol.attackers) if leg.counterparts.admits(a)]
            if admitted and self._verdict(leg, vol, admitted[0], key, status, ctx).binds:
                for i in admitted:
                    self._duty(book, (book.rnd, vol, i, 2, rank, leg, ""), duties)
        for i in _indices(vol, self.table.owed(Kind.NEUTRALITY)):
            for rank, leg in self._partner_legs(vol.attackers[i]):
                if evaluate(leg, vol.attack(i), ctx).binds:
                    self._duty(book, (book.rnd, vol, i, 3, rank, leg, ""), duties)

    @staticmethod
    def _duty(book: Ledger, found: Found, duties: bool) -> None:
        leg = found[5]
        if (leg.obligor == found[1].attackers[found[2]]) != duties:
            if duties:
                book.duties.append(found)
            else:
                book.first(book.violations, (leg.obligor, leg.beneficiary, leg.treaty.id), found)

    def _defence(self, vol: Volley, key: _Key, status: tuple[bool, bool], ctx: Situation, state: BindState
                 ) -> None:
        """Rule 4: defence legs owed to the victim bind their obligor to the victim's side."""
        waiting = self._waiting(Kind.DEFENSE, key)
        side = state.side_of[vol.victim]
        keep = []
        for rank, leg in waiting:
            obligor = leg.obligor
            if obligor in state.excluded or obligor in state.originals or state.side_of.get(obligor) == side:
                continue  # nothing to learn from it for the rest of the cascade
            i = _first(leg, vol, obligor)
            if i is None:
                keep.append((rank, leg))
            else:
                self._join(leg, vol, i, 4, rank, side, self._verdict(leg, vol, i, key, status, ctx))
        if len(keep) != len(waiting):
            self.waiting[(Kind.DEFENSE, key)] = tuple(keep)

    def _offence(self, vol: Volley, ctx: Situation, state: BindState) -> None:
        """Rule 5: offence legs owed to an attacker bind their obligor to its side (few: evaluated per attack)."""
        for i in _indices(vol, self.table.owed(Kind.OFFENSE)):
            attacker = vol.attackers[i]
            side = state.side_of[attacker]
            for rank, leg in enumerate(self.table.owed_to(Kind.OFFENSE, attacker)):
                obligor = leg.obligor
                if not (obligor in state.excluded or obligor in state.originals or obligor == attacker
                        or state.side_of.get(obligor) == side):
                    self._join(leg, vol, i, 5, rank, side, evaluate(leg, vol.attack(i), ctx))

    def _join(self, leg: Leg, vol: Volley, i: int, rule: int, rank: int, side: str, verdict: Verdict) -> None:
        book = self.ledger
        if verdict.binds:
            book.bind((leg.obligor, leg.treaty.id, leg.provision.article, side), (book.rnd, vol, i, rule, rank, leg,
                                                                                  side))
        elif verdict.withheld:
            found: Found = (book.rnd, vol, i, rule, rank, leg, verdict.withheld)
            book.first(book.withheld, (leg.obligor, leg.treaty.id, leg.provision.article), found)

    def _waiting(self, kind: Kind, key: _Key) -> Waiting:
        waiting = self.waiting.get((kind, key))
        if waiting is None:
            waiting = self.waiting[(kind, key)] = tuple(enumerate(self.table.owed_to(kind, key[0])))
        return waiting

    def _by_obligor(self, victim: str) -> dict[str, list[tuple[int, Leg]]]:
        """The victim's non-aggression legs by obligor (they bind only on their obligor's attacks)."""
        def build() -> dict[str, list[tuple[int, Leg]]]:
            out: dict[str, list[tuple[int, Leg]]] = {}
            for rank, leg in enumerate(self.table.owed_to(Kind.NONAGGRESSION, victim)):
                if attacker_role(leg) == "obligor":
                    out.setdefault(leg.obligor, []).append((rank, leg))
            return out

        return self.table.derived(("nonaggression-by-obligor", victim), build)

    def _partner_legs(self, state: str) -> list[tuple[int, Leg]]:
        """The neutrality legs owed to `state` that bind when it attacks, with their ranks among its legs."""
        return self.table.derived(("partner-neutrality", state), lambda: [
            (rank, leg) for rank, leg in enumerate(self.table.owed_to(Kind.NEUTRALITY, state))
            if leg.provision.when_partner_attacks])


def _first(leg: Leg, vol: Volley, obligor: str | None) -> int | None:
    """The first attack of the volley that the leg admits (made by another state than `obligor`)."""
    who = leg.counterparts
    if who.anyone:
        if vol.attackers[0] != obligor:
            return 0
        return 1 if len(vol.attackers) > 1 and vol.attackers[1] != obligor else _scan(vol, obligor, who.admits)
    return _scan(vol, obligor, who.admits)


def _scan(vol: Volley, obligor: str | None, admits: Callable[[str], bool]) -> int | None:
    for i, attacker in enumerate(vol.attackers):
        if attacker != obligor and admits(attacker):
            return i
    return None


def _indices(vol: Volley, states: Collection[str]) -> list[int]:
    """The attacks of the volley made by a state in `states`, in order."""
    if not states:
        return []
    if vol.block >= 0 and len(states) < len(vol.attackers):  # home strikes: sorted, never repeated attackers
        return sorted(bisect_left(vol.attackers, s) for s in states if s in vol.members)
    return [i for i, a in enumerate(vol.attackers) if a in states]
