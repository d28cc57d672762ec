"""A consultation a place limit cuts: a consultation clause owed to a state attacked in this war, by an attacker its
adversary clause admits (not its own obligor), that no attack on that state sets off because none falls in the
clause's scope. US–Japan Art. IV is owed to the US only for the Far East (place set far-east-1960): China attacking
the US at home binds Japan to no consultation, and the answer says so (`UnreachedConsultation`), as it says a form
of help left out by its limit (`support.Unreached`), so a reader sees why Japan is missing.

The rule reads what the cascade reads: the legs of the date's table, the war's attacks (`unmet`, `binds_against`),
so every engine that gives the war's attacks gives the same records; a leg some attack sets off is found (or held
back by a gate, and said there), never said here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from foedus.datarecord import dataclass, field, replace
from foedus.engine.contract import Contracted, meta
from foedus.engine.leg import Leg
from foedus.engine.rules.place_limit import limit_of, resting_on
from foedus.engine.rules.verdict import binds_against, unmet
from foedus.model.vocab import Certainty, worst

if TYPE_CHECKING:
    from foedus.engine.records import Consultation
    from foedus.engine.rules.strikes import Volley
    from foedus.model.places import Place

__all__ = ["UnreachedConsultation", "limited", "limits_said", "unreached_consultations"]


@dataclass(frozen=True, slots=True)
class UnreachedConsultation(Contracted):
    """`state` would be bound to consult `with_` under `treaty`, attacked in this war, but the clause is owed only for
    a place (`limit`) that no attack on `with_` falls in: not owed here, said so that a reader sees why it is missing
    (Japan under US–Japan Art. IV when China attacks the US at home)."""

    state: str = field(metadata=meta("the state that would consult", "string"))
    with_: str = field(metadata=meta("the attacked state it would consult", "string", key="with"))
    treaty: str = field(metadata=meta("treaty id", "string"))
    article: str = field(metadata=meta("article", "string"))
    limit: str = field(metadata=meta("where an attack on `with` must fall for the consultation to be owed: a place "
                                     "set's id (place_sets.yaml, e.g. far-east-1960), else the scope's tokens",
                                     "string"))
    certainty: str = field(metadata=meta("how well the clause is sourced: the least certain of the clause and the "
                                         "treaty's standing on the date", "string"))
    limit_certainty: str = field(metadata=meta("how sure the limit's extent is: the least certain of the place sets "
                                               "it names (place_sets.yaml; verified where it names none)", "string"))


def limited(leg: Leg) -> bool:
    """Whether a leg's clause has a place limit (a scope not "anywhere" for territory or forces): only such a clause
    can be cut by where the attacks fall, so the engines hand `unreached_consultations` these legs alone."""
    scope = leg.provision.scope
    return scope.territory is not None or scope.forces is not None


def unreached_consultations(owed: Callable[[str], Sequence[Leg]], struck: Iterable[Volley],
                            places: Mapping[str, Place], busy: Collection[str], day: dt.date,
                            sets: Mapping[str, Sequence[str]], doubted: Mapping[str, str]
                            ) -> list[UnreachedConsultation]:
    """The consultation legs (`owed`: those owed to a state, from the date's table) owed to a state the war's attacks
    (`struck`, on the places by id `places`) strike, whose obligor is not `busy` (fighting), that no attack sets off
    and that an attack by an attacker they admit misses only for its place; each once, sorted by the state attacked,
    the obligor, the treaty and the article. `sets`, `doubted`: the place sets and those whose extent is unsure."""
    war = list(struck)
    out: dict[UnreachedConsultation, None] = {}
    for victim in dict.fromkeys([v.victim for v in war]):  # the victims in the order first struck
        legs = [leg for leg in owed(victim) if leg.obligor not in busy and limited(leg)]
        if not legs:  # most victims of an escalatory war: its volleys not grouped (docs/performance.md, session 65)
            continue
        groups: dict[tuple[str, str, str], list[Volley]] = {}
        for v in war:
            if v.victim == victim:
                groups.setdefault((v.place, v.kind, v.severity), []).append(v)
        for leg in legs:
            cut = False
            for volleys in groups.values():
                why = unmet(leg, volleys[0].attack(0), places)  # the place, kind and severity alike in the group
                admitted = any(binds_against(leg, a) for v in volleys for a in v.attackers)
                if why in (None, "adversary") and admitted:
                    break  # set off: found, or held back by a gate
                cut = cut or (why == "scope" and admitted)
            else:
                if cut:
                    scope = leg.provision.scope
                    limit, sure = limit_of(scope.territory, scope.forces, sets, doubted, victim)
                    certainty = worst([Certainty(leg.provision.certainty), leg.treaty.standing_on(day)]).value
                    out[UnreachedConsultation(leg.obligor, victim, leg.treaty.id, leg.provision.article, limit,
                                              certainty, sure)] = None
    return sorted(out, key=lambda u: (u.with_, u.state, u.treaty, u.article))


def limits_said(found: Iterable[Consultation], owed: Callable[[str], Sequence[Leg]], places: Mapping[str, Place],
                sets: Mapping[str, Sequence[str]], doubted: Mapping[str, str]) -> list[Consultation]:
    """The consultations `found`, each owed only through the place sets its attack falls in (`resting_on`: US–Japan
    Art. IV, the US attacked in the Taiwan Strait, inside far-east-1960) with those sets and their extent's certainty
    (`limit`, `limit_certainty`), so that the owed line says the doubt the line saying it not owed says; `owed`: the
    place-limited consultation legs owed to a state (`limited`), the only ones that can rest on a set."""
    out: list[Consultation] = []
    by_victim: dict[str, dict[tuple[str, str, str], Leg]] = {}  # each victim's limited legs, looked up once
    for c in found:
        legs = by_victim.get(c.with_)
        if legs is None:
            legs = by_victim[c.with_] = {}
            for x in owed(c.with_):  # the first leg of a key, as the table orders them
                legs.setdefault((x.obligor, x.treaty.id, x.provision.article), x)
        leg = legs.get((c.state, c.treaty, c.article)) if legs else None
        if leg is None:  # most consultations: no place limit, nothing to say
            out.append(c)
            continue
        b, scope = c.because, leg.provision.scope
        rest = resting_on(scope.territory if b.kind == "territory" else scope.forces, places[b.place], b.attacked,
                          sets, doubted)
        out.append(c if rest is None else replace(c, limit=rest[0], limit_certainty=rest[1]))
    return out
