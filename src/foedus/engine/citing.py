"""How the reference engine cites a binding leg: the obligation record, with the certainty of the facts it
rests on (`foedus.engine.certainty`), the conditions it assumes (`foedus.engine.rules.conditions`) and what
its duty entails (`foedus.model.help.duty_of`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from foedus.datarecord import dataclass
from foedus.engine.certainty import (
    ASSUMED,
    Assessment,
    Memo,
    assess,
    party_facts,
    place_facts,
    place_free,
    with_facts,
)
from foedus.engine.ledger import Found, RankKey, Sureness, because, obligation_key
from foedus.engine.leg import Leg
from foedus.engine.maker import maker
from foedus.engine.records import Because, CertaintyReason, Obligation, Side
from foedus.engine.rules import Volley, conditions, switches_of
from foedus.engine.scenario import Attack, Scenario
from foedus.model.help import duty_of

if TYPE_CHECKING:
    from foedus.engine.table import LegTable
    from foedus.model.gazetteer import Held
    from foedus.model.places import Place

__all__ = ["Certifier", "Parts", "assumed_conditions", "citations", "cited", "obligation", "ranking", "sureness"]

_MOST = 50_000  # obligations' parts (and legs' facts) kept per leg table before a store starts afresh (tables cached)
_obligation = maker(Obligation)
# what an obligation reads of its leg (treaty, article, strength, kind), then `_cited`'s parts
Parts = tuple[tuple[str, str, str, str], tuple[Any, ...]]


def cited(leg: Leg, vol: Volley, i: int, side: Side, rnd: int, certify: Certifier,
          parts: dict[tuple[object, ...], Parts]) -> Obligation:
    """`obligation` for attack i of the volley. What does not depend on the attacker, the side or the round is
    kept in `parts` (one store per leg table: the table fixes the date and basis; about 3,400 keys over issue
    15's 1,000 random 2025 dyads); its certainty comes from the run's `certify`, which keeps the leg's facts as
    for every other finding. The record itself is made each time (0.85 us, `foedus.engine.maker`): kept whole
    per table, under its attacker, side and round too, 77% of 104,176 were new over those dyads, and the store
    filled and started afresh, at about 17 ms on the cascade that filled it."""
    victim, attacker = vol.victim, vol.attackers[i]
    pkey = (id(leg), victim, vol.place, vol.kind, vol.severity, certify.view)
    part = parts.get(pkey)
    if part is None:
        if len(parts) >= _MOST:
            parts.clear()
        p = leg.provision
        head = (leg.treaty.id, p.article, p.strength.value, p.kind.value)
        part = parts[pkey] = (head, _cited(leg, vol.attack(i), certify.leg(leg, victim, vol.place, vol.kind),
                                           certify.names, certify.called(vol.place)))
    return _obligation(leg.obligor, side, rnd, *part[0], because(victim, attacker, vol.place, vol.kind), *part[1])


def obligation(leg: Leg, attack: Attack, side: Side, rnd: int, scenario: Scenario, places: Held,
               names: Mapping[str, str], cache: dict[tuple[object, ...], tuple[Any, ...]] | None = None
               ) -> Obligation:
    """The record of `leg` binding its obligor to join `side` in round `rnd` because of `attack` (`places`: as held
    on the scenario's date, which name the attacked place as the gazetteer does).

    `cache` keeps what does not depend on the attacker, the side or the round, for a leg table's legs (the
    reference engine passes one per table)."""
    key = (id(leg), attack.victim, attack.place, attack.kind, attack.severity, scenario.date,
           scenario.territory_view, scenario.basis)
    parts = cache.get(key) if cache is not None else None
    if parts is None:
        sure = sureness(leg, attack, scenario, places[attack.place], names)
        parts = _cited(leg, attack, sure, names, places.called(attack.place, names))
        if cache is not None:
            cache[key] = parts
    p = leg.provision
    because = Because(attack.victim, attack.attacker, attack.place, attack.kind)
    return Obligation(leg.obligor, side, rnd, leg.treaty.id, p.article, p.strength.value, p.kind.value, because,
                      *parts)


def _cited(leg: Leg, attack: Attack, sure: Sureness, names: Mapping[str, str], place: str) -> tuple[Any, ...]:
    """Certainty (`sure`, for this attack), conditions (each state named by `names`, the place by `place`, its name),
    bilateral, unresolved
    conditions, certainty reasons, duty, its text, the kind of instrument it is owed under and the switches it binds
    only by (`switches_of`)."""
    p = leg.provision
    level, reasons = sure
    duty = duty_of(leg.treaty, p)
    return (level, assumed_conditions(leg, attack, reasons, names, place), leg.treaty.type == "bilateral",
            tuple(p.unresolved), reasons, duty.entails.value, duty.text, leg.instrument, switches_of(leg))


def assumed_conditions(leg: Leg, attack: Attack, reasons: Iterable[CertaintyReason],
                       names: Mapping[str, str], place: str | None = None) -> tuple[str, ...]:
    """The conditions an obligation under `leg` assumes for `attack` (`Obligation.conditions`): the facts among its
    certainty `reasons` that are also conditions (a freeze, a place, a scope), then its trigger's reading, gates and
    scope (`foedus.engine.rules.conditions`, each state named by `names`). The one rule: a cascade's obligation and
    a war's casus foederis while fighting (`foedus.war.evaluate.triggers`) both take theirs from here."""
    assumed = [r.fact if r.kind == "freeze" else f"assumes {r.fact}" for r in reasons if r.kind in ASSUMED]
    return (*assumed, *conditions(leg, attack, names, place))


def sureness(leg: Leg, attack: Attack, scenario: Scenario, place: Place, names: Mapping[str, str]) -> Sureness:
    """How certain the facts are that `leg` rests on, for `attack` in `scenario` (`place`: the attacked place):
    the level and a reason per fact that lowers it (`foedus.engine.certainty.assess`). The reference engine reads
    the same through its run's `Certifier`, which keeps the parts per leg table; this is the uncached form."""
    sure = assess(leg.treaty, leg.provision, leg.obligor, leg.beneficiary, scenario.date, place, attack.kind,
                  scenario.territory_view, attack.victim, scenario.basis, names=names)
    return sure.level.value, sure.reasons


@dataclass(frozen=True, slots=True)
class Certifier:
    """`sureness` of a find's leg and attack in one scenario: what does not depend on the attack is kept per leg
    in `parties` (one store per leg table: the table fixes the date and the membership basis); the attack's place
    facts are added per attack where there can be any (`foedus.engine.certainty.place_free`: most clauses, in
    the recognized view, have none). The answer is kept in `sures`, per leg and attacked victim, place and kind (one
    store per leg table and territorial reading): a run's consultations, violations, duties and obligations ask it
    of the same leg and place again and again, once per attacker. `view` is the scenario's territorial reading,
    which stores of records made with it key on (`foedus.engine.ledger.intern`)."""

    scenario: Scenario
    places: Held
    parties: dict[int, Assessment]
    memo: Memo  # what legs of one treaty share (`party_facts`)
    view: str
    names: Mapping[str, str]  # each state's name by its id, for a reason that names one (`named_state`)
    sures: dict[tuple[int, str, str, str], Sureness]  # `leg`'s answers

    @classmethod
    def of(cls, scenario: Scenario, places: Held, index: LegTable, names: Mapping[str, str]
           ) -> Certifier:
        """The certifier of `scenario`, with the places as held on its date, the stores of its leg table and the
        states' names."""
        stores: tuple[dict[int, Assessment], Memo] = index.derived("certainty of legs", lambda: ({}, Memo()))
        parties, memo = stores
        view = scenario.territory_view
        return cls(scenario, places, parties, memo, view, names, index.derived(("sureness of legs", view), dict))

    def called(self, place: str) -> str:
        """The attacked place's name as on the scenario's date, as the gazetteer names it (`Held.called`), else its
        id."""
        return self.places.called(place, self.names) if place in self.places else place

    def __call__(self, f: Found) -> Sureness:
        """`leg` of the find's leg and attack (its look into `sures` written inline: change both)."""
        vol, leg = f[1], f[5]
        found = self.sures.get((id(leg), vol.victim, vol.place, vol.kind))
        return found if found is not None else self.leg(leg, vol.victim, vol.place, vol.kind)

    def leg(self, leg: Leg, victim: str, place: str, kind: str) -> Sureness:
        """`sureness` of `leg` for an attack on `victim` at `place` (its id), of `kind` (territory or forces); kept
        in `sures` (`__call__` looks there first itself)."""
        key = (id(leg), victim, place, kind)
        found = self.sures.get(key)
        if found is None:
            if len(self.sures) >= _MOST:
                self.sures.clear()
            found = self.sures[key] = self._leg(leg, victim, place, kind)
        return found

    def _leg(self, leg: Leg, victim: str, place: str, kind: str) -> Sureness:
        """`leg`, made: the leg's party facts (kept in `parties`) and the attack's place facts."""
        sure = self.parties.get(id(leg))
        if sure is None:
            if len(self.parties) >= _MOST:
                self.parties.clear()
            s = self.scenario
            sure = self.parties[id(leg)] = party_facts(leg.treaty, leg.provision, leg.obligor, leg.beneficiary,
                                                       s.date, s.basis, self.memo, names=self.names)
        if not place_free(leg.provision, self.view):
            sure = with_facts(sure, place_facts(leg.treaty, leg.provision, self.places[place], kind, self.view,
                                                victim, self.names))
        return sure.level.value, sure.reasons


def ranking(index: LegTable, certify: Certifier) -> Callable[[Found], RankKey]:
    """`obligation_key` as a sort key, with the certainty its obligation is cited with (`certify`), kept per leg
    and attacked place in the table (the table fixes the date and basis; the key names the territorial view): the
    order a state's binding finds are cited in (`foedus.engine.cascade`)."""
    keys: dict[tuple[object, ...], RankKey] = index.derived("obligation keys", dict)

    def rank(f: Found) -> RankKey:
        vol = f[1]
        key = (id(f[5]), vol.victim, vol.place, vol.kind, certify.view)
        found = keys.get(key)
        if found is None:
            found = keys[key] = obligation_key(f, certify(f)[0])
        return found

    return rank


def _by_round(rank: Callable[[Found], RankKey]) -> Callable[[Found], tuple[int, RankKey]]:
    """`rank` after the round (`citations`' key where finds come from more than one round)."""
    return lambda f: (f[0], rank(f))


def citations(found: list[Found], index: LegTable, certify: Certifier, parts: dict[tuple[object, ...], Parts]
              ) -> tuple[Obligation, ...]:
    """Binding finds as the obligations they are (`foedus.engine.citing.cited`), each round's by rank
    (`citing.ranking`), rounds in order: `_settle` keeps a state's finds as found, since most are never cited (their
    round is thrown away when the run resumes). A sort is stable: finds of one rank (for both sides: a conflict's)
    stay in the order `_conflict` gives them. A run's `cite`; a result's joiners are cited so when first read
    (`foedus.engine.outcome`), with the stores of the run that found them."""
    if len(found) == 1:  # most joiners: one find, cited without a list
        f = found[0]
        return (cited(f[5], f[1], f[2], f[6], f[0], certify, parts),)  # type: ignore[arg-type]
    rank = ranking(index, certify)
    out = []  # a loop, not a comprehension: that would make cells of `certify` and `parts` on every call
    for f in sorted(found, key=rank if found[0][0] == found[-1][0] else _by_round(rank)):
        out.append(cited(f[5], f[1], f[2], f[6], f[0], certify, parts))  # type: ignore[arg-type]
    return tuple(out)
