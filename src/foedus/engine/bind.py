"""The reference engine's round, volley by volley: which legs the round's attacks set off, each leg evaluated
once per volley rather than once per attack.

A volley (`foedus.engine.rules.Volley`) is the round's attacks on one victim at one place; the rules read the
attacker of such attacks only through a leg's adversary clause, or, for non-aggression, whether it is the leg's
own obligor (`rules.attacker_role`). A leg owed to the victim therefore has one verdict for the attacks it
admits, and only its first admitted attack can change anything: later ones find the obligation bound, the
consultation or the withheld leg already recorded. So each such leg is evaluated with its first admitted
attack, and a leg whose effect is settled leaves the volley's waiting list for the rest of the cascade; the
legs of a state already fighting (for defence: already on the victim's side) leave it as a set, unseen. What
is found goes to the `Ledger`, placed where the attack-by-attack engine would meet it (the attack's order in
its round, then the rule and the leg's rank), so the records are the ones that engine makes, whatever order
the legs are looked at in. `volley` finds what decides the sides (obligations, neutrality duties, withheld
legs); `records` what only the result reports (violations, consultations), once the run's rounds are final.
The verdicts are `foedus.engine.judge`'s, kept per table and scenario switches, since they do not depend on the
parties.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence, Set
from itertools import filterfalse

from foedus.datarecord import dataclass, field
from foedus.engine.judge import Judge, Key
from foedus.engine.ledger import Ledger
from foedus.engine.leg import Leg
from foedus.engine.owed import Owed, ReadByObligor, admitted_by, all_but, first_admitted, indices
from foedus.engine.rules import Situation, Verdict, Volley
from foedus.engine.rules import verdict as verdict_rules

__all__ = ["BindState", "Binder", "Waiting"]

# the legs still waiting, consulting and defending (`Binder.saved`, `Binder.restore`)
Waiting = tuple[dict[Key, ReadByObligor], dict[Key, ReadByObligor]]


@dataclass
class BindState:
    """What the binder reads of the cascade: sides (and each side's states, `camps`), excluded and original
    states."""

    side_of: Mapping[str, str]
    excluded: set[str]
    originals: frozenset[str]
    camps: Mapping[str, frozenset[str]] = field(default_factory=dict)
    settled: Mapping[str, frozenset[str]] = field(default_factory=dict)  # per side: its states, excluded, originals

    def update(self, side_of: Mapping[str, str], camps: Mapping[str, Collection[str]]) -> None:
        """The sides at the start of a round (they and the excluded states change only between rounds), each
        side's states, and the states whose defence legs owed to that side have nothing left to find (`settled`:
        those on the side, the excluded and the original parties)."""
        self.side_of = side_of
        self.camps = {"attack": frozenset(camps["attack"]), "defense": frozenset(camps["defense"])}
        done = self.originals | self.excluded
        self.settled = {side: states | done for side, states in self.camps.items()}


@dataclass
class Binder(Judge):
    """Records what each volley sets off (judged by `Judge`, which keeps the verdicts); keeps, per (victim, place,
    kind, severity), the legs whose effect is not settled yet, by obligor (`consulting`, `defending`: part of the
    cascade's state, saved with each round: `saved`, `restore`)."""

    ledger: Ledger = field(default_factory=Ledger)
    consulting: dict[Key, ReadByObligor] = field(default_factory=dict)
    defending: dict[Key, ReadByObligor] = field(default_factory=dict)
    _struck_by: dict[int, tuple[tuple[str, ...], list[int]]] = field(default_factory=dict, init=False, repr=False)

    def saved(self) -> Waiting:
        """The legs still waiting, to go back to (`restore`); the values are never changed in place."""
        return dict(self.consulting), dict(self.defending)

    def restore(self, saved: Waiting) -> None:
        """Back to the legs waiting when `saved` was taken."""
        self.consulting, self.defending = dict(saved[0]), dict(saved[1])

    def volley(self, vol: Volley, ctx: Situation, state: BindState) -> None:
        """Record the obligations, duties and withheld legs one volley sets off."""
        key = (vol.victim, vol.place, vol.kind, vol.severity)
        owed = self._owed.get(vol.victim) or self.owed(vol.victim)
        known = self._struck_by.get(id(vol.attackers))  # the lookup of `_striking`, without its call
        strikers = known[1] if known is not None and known[0] is vol.attackers else self._striking(vol)
        if owed.neutrality or strikers:
            self._neutrality(vol, key, owed, ctx, strikers)
        if owed.defence and (waiting := self.defending.get(key, owed.defence)):  # `_defence` has legs to look at
            self._defence(vol, key, owed, ctx, state, waiting)
        if strikers:
            self._offence(vol, ctx, state, strikers)

    def _striking(self, vol: Volley) -> list[int]:
        """The volley's attacks made by a state owed legs that bind when it strikes (`indices`), kept for the run
        per attackers (by identity): a round's volleys share their attackers (`rules.next_volleys`), and a volley's
        `members` are its attackers as a set. `volley` looks the kept ones up itself (a call a volley saved)."""
        who = vol.attackers
        known = self._struck_by.get(id(who))
        if known is not None and known[0] is who:
            return known[1]
        found = indices(vol, self._strikers)
        self._struck_by[id(who)] = (who, found)  # `who` kept alive with its id
        return found

    def records(self, vol: Volley, ctx: Situation, fighting: Set[str]) -> None:
        """Record the violations and consultations one volley sets off (they decide no side: found once the
        run's rounds are final); not the consultations of states `fighting` (a result reports none)."""
        key = (vol.victim, vol.place, vol.kind, vol.severity)
        owed = self._owed.get(vol.victim) or self.owed(vol.victim)
        if owed.nonaggression and not vol.members.isdisjoint(owed.aggressors):
            self._nonaggression(vol, key, owed, ctx)
        if owed.consultation and (waiting := self.consulting.get(key, owed.consultation)):  # legs to look at
            self._consultations(vol, key, owed, ctx, fighting, waiting)
        if owed.neutral_by_obligor and not owed.neutral_by_obligor.keys().isdisjoint(vol.members):  # the shorter read
            self._violations(vol, key, owed, ctx)  # (where an obligor of those legs attacks: few volleys)

    def _nonaggression(self, vol: Volley, key: Key, owed: Owed, ctx: Situation) -> None:
        """Rule 0: non-aggression legs owed to the victim whose obligor is the attacker."""
        aggressions = indices(vol, owed.aggressors)
        if not aggressions:
            return
        book, rnd, verdicts = self.ledger, self.ledger.rnd, self._verdicts(key, ctx)
        table, look, keys = book.violations, verdicts.get, self._violation_keys
        for i in aggressions:
            for rank, leg in owed.nonaggression[vol.attackers[i]]:
                lid = id(leg)
                if (look(lid) or self._verdict(leg, vol, i, verdicts, ctx)).binds:
                    vkey = keys.get(lid) or self._violation_key(leg)  # made once per table, at its leg's first find
                    held = table.get(vkey)
                    if held is None:  # `book.first`'s first case, inline (nearly every find)
                        table[vkey] = (rnd, vol, i, 0, rank, leg, "")
                    elif held[1] is not vol or held[2] != i:  # else a leg of lower rank on this attack holds it
                        book.first(table, vkey, (rnd, vol, i, 0, rank, leg, ""))

    def _consultations(self, vol: Volley, key: Key, owed: Owed, ctx: Situation, fighting: Set[str],
                       waiting: ReadByObligor) -> None:
        """Rule 1: consultation legs owed to the victim (recorded once per obligor, victim, treaty and article; not
        those of states `fighting`: a result reports none). `waiting`: the legs still waiting on the volley's key
        (`consulting`, or all of them: `owed.consultation`), never empty (`records`)."""
        todo: Collection[str] = ((self._sets.get(vol.victim) or self._obligors(vol.victim, owed))[1] - fighting
                                 if waiting is owed.consultation else [*filterfalse(fighting.__contains__, waiting)])
        if not todo:  # (the obligors not fighting found as in `_defence`)
            self.consulting[key] = {}
            return
        book, rnd, verdicts = self.ledger, self.ledger.rnd, self._verdicts(key, ctx)
        table, first, look = book.consultations, vol.attackers[0], verdicts.get
        left: ReadByObligor = {}
        for obligor in todo:
            legs = waiting[obligor]
            keep = []
            for entry in legs:
                rank, leg, lid, anyone, ckey, _ = entry  # the consultation's key, made once per table (`owed.read`)
                held = table.get(ckey)
                if held is not None and held[0] != rnd:
                    continue
                # never its obligor's own attack here: an attacker is `fighting`
                i = 0 if anyone and first != obligor else first_admitted(leg, vol)
                if i is None:
                    keep.append(entry)
                elif (look(lid) or self._verdict(leg, vol, i, verdicts, ctx)).binds:
                    if held is None:  # `book.first`'s first case, inline
                        table[ckey] = (rnd, vol, i, 1, rank, leg, "")
                    else:
                        book.first(table, ckey, (rnd, vol, i, 1, rank, leg, ""))
            if keep:
                left[obligor] = legs if len(keep) == len(legs) else tuple(keep)
        if left != waiting:  # some settled: `left` holds each tuple as it was or fewer legs
            self.consulting[key] = left

    def _neutrality(self, vol: Volley, key: Key, owed: Owed, ctx: Situation, strikers: list[int]) -> None:
        """Rule 2: neutrality legs owed to the victim bind on every attack they admit; rule 3: neutrality legs
        owed to an attacker that bind when it attacks. A binding leg is a duty to stay out on the attacks it binds
        against (`rules.verdict.binds_against`: not those of its obligor, which are violations: `_violations`, nor,
        for a leg owed to the attacker, an attack on its obligor: `_owed_to_attacker` leaves those legs out); a leg a
        gate holds back on such an attack is withheld."""
        if owed.neutrality:
            self._neutral_to_victim(vol, key, owed, ctx)
        for i in strikers:
            for rank, leg, known in self._owed_to_attacker(vol, i, ctx, partner=True):
                self._neutral_find(vol, (i,), 3, rank, leg, known or self._attacker_verdict(leg, vol, i, ctx))

    def _neutral_to_victim(self, vol: Volley, key: Key, owed: Owed, ctx: Situation) -> None:
        """Rule 2, on the attacks of the volley each leg admits, less its own obligor's
        (`rules.verdict.spares_own_attack`, read only where the obligor attacks)."""
        attackers, verdicts, duties, rnd = vol.attackers, self._verdicts(key, ctx), self.ledger.duties, self.ledger.rnd
        every = range(len(attackers))  # the attacks a leg that admits anyone binds on, shared (a range is immutable)
        for rank, leg, verdict in self._bound_neutrality(key, owed, verdicts, vol, ctx):
            if verdict is not None:
                admitted: Sequence[int] = every
            else:
                admitted = admitted_by(leg.counterparts, attackers)
                if not admitted:
                    continue
                verdict = self._verdict(leg, vol, admitted[0], verdicts, ctx)
            if leg.obligor in vol.members and verdict_rules.spares_own_attack(leg):
                admitted = all_but(admitted, attackers, leg.obligor)
                if not admitted:
                    continue
            if verdict.binds:  # `_neutral_find`'s duty, inline (most of them)
                duties.append((rnd, vol, admitted, 2, rank, leg))
            else:
                self._neutral_find(vol, admitted, 2, rank, leg, verdict)

    def _neutral_find(self, vol: Volley, admitted: Sequence[int], rule: int, rank: int, leg: Leg,
                      verdict: Verdict) -> None:
        """A neutrality leg's verdict on the `admitted` attacks of the volley: a duty, or a leg withheld (the duty is
        written inline in `_neutral_to_victim` for speed: change both)."""
        book = self.ledger
        if verdict.binds:
            book.duties.append((book.rnd, vol, admitted, rule, rank, leg))
        elif verdict.gate is not None:
            book.withheld.append(((leg.obligor, leg.treaty.id, leg.provision.article),
                                  (book.rnd, vol, admitted[0], rule, rank, leg, verdict.gate)))

    def _violations(self, vol: Volley, key: Key, owed: Owed, ctx: Situation) -> None:
        """Rule 2's violations: neutrality legs owed to the victim whose obligor attacks it, where the leg admits
        that attack and spares it (`rules.verdict.spares_own_attack`: a violation, not a duty; rule 3 has none: a leg
        owed to an attacker has another obligor). A leg has one verdict for the attacks it admits
        (`rules.attacker_role`). Called only where such an obligor attacks (`records` asks first)."""
        common = owed.neutral_by_obligor.keys() & vol.members
        book, attackers, verdicts = self.ledger, vol.attackers, self._verdicts(key, ctx)
        for obligor in common:
            mine = [i for i, a in enumerate(attackers) if a == obligor]
            for rank, leg in owed.neutral_by_obligor[obligor]:
                if (leg.counterparts.admits(obligor) and verdict_rules.spares_own_attack(leg)
                        and self._verdict(leg, vol, mine[0], verdicts, ctx).binds):
                    for i in mine:
                        book.first(book.violations, (obligor, leg.beneficiary, leg.treaty.id),
                                   (book.rnd, vol, i, 2, rank, leg, ""))

    def _defence(self, vol: Volley, key: Key, owed: Owed, ctx: Situation, state: BindState,
                 waiting: ReadByObligor) -> None:
        """Rule 4: defence legs owed to the victim bind their obligor to the victim's side. An
        obligor already on that side (most of them, in a large war) is passed over, its legs unseen;
        what the others find does not depend on the order they are looked at in (the ledger keeps the first
        find per key in the attack-by-attack engine's order; an obligor's finds are ranked when cited). `waiting`:
        the legs still waiting on the volley's key (`defending`, or all of them: `owed.defence`), never empty
        (`volley`)."""
        side = state.side_of[vol.victim]
        # nothing to learn from the others for the rest of the cascade. On the first volley on the key (most of
        # them: the store holds no legs for it yet) every obligor owed a leg waits: the set of them (kept per
        # table) less `settled`, a look in C per obligor; later the few left, one call of `settled.__contains__`
        # each, which costs more than a set difference's look (`keys() - settled` made a set of the waiting, then
        # looked each state of `settled` up in it: docs/performance.md, sessions 26 and 29)
        settled = state.settled[side]
        todo: Collection[str] = ((self._sets.get(vol.victim) or self._obligors(vol.victim, owed))[0] - settled
                                 if waiting is owed.defence else [*filterfalse(settled.__contains__, waiting)])
        if not todo:
            self.defending[key] = {}
            return
        verdicts, book, attackers = self._verdicts(key, ctx), self.ledger, vol.attackers
        rnd, bind, bound, joins, look = book.rnd, book.bind, book.bound, book.joins, verdicts.get
        first, attacking = attackers[0], side == "attack"
        left: ReadByObligor = {}  # the legs still waiting after this volley
        for obligor in todo:
            legs = waiting[obligor]
            keep = []
            for entry in legs:
                rank, leg, lid, anyone, on_attack, on_defense = entry  # `first_admitted`'s first case, inline
                i = 0 if anyone and first != obligor else first_admitted(leg, vol)
                if i is None:
                    keep.append(entry)
                    continue
                verdict = look(lid) or self._verdict(leg, vol, i, verdicts, ctx)
                if verdict.binds:
                    # the obligation's key, made once per table (`owed.read`)
                    bkey, f = on_attack if attacking else on_defense, (rnd, vol, i, 4, rank, leg, side)
                    if bkey in bound:
                        bind(bkey, f)
                    else:  # `Ledger.bind`'s first case (a new key, most binds), inline
                        bound[bkey] = f
                        joins.setdefault(obligor, []).append(f)
                elif verdict.gate is not None:
                    book.withheld.append((on_attack[:3], (rnd, vol, i, 4, rank, leg, verdict.gate)))
            if keep:
                left[obligor] = legs if len(keep) == len(legs) else tuple(keep)
        if left != waiting:  # some legs settled (as in `_consultations`), those of obligors on the victim's side too
            self.defending[key] = left  # the legs of obligors on the victim's side are settled too

    def _offence(self, vol: Volley, ctx: Situation, state: BindState, strikers: list[int]) -> None:
        """Rule 5: offence legs owed to an attacker bind their obligor to its side, never on an attack on the obligor
        itself (`rules.verdict.spares_own_attack`: `_owed_to_attacker` leaves those legs out)."""
        book = self.ledger
        for i in strikers:
            attacker = vol.attackers[i]
            side = state.side_of[attacker]
            for rank, leg, known in self._owed_to_attacker(vol, i, ctx, partner=False):
                obligor = leg.obligor
                if obligor in state.excluded or obligor in state.originals or state.side_of.get(obligor) == side:
                    continue
                verdict = known or self._attacker_verdict(leg, vol, i, ctx)
                if verdict.binds:
                    book.bind((obligor, leg.treaty.id, leg.provision.article, side),
                              (book.rnd, vol, i, 5, rank, leg, side))
                elif verdict.gate is not None:
                    book.withheld.append(((obligor, leg.treaty.id, leg.provision.article),
                                          (book.rnd, vol, i, 5, rank, leg, verdict.gate)))
