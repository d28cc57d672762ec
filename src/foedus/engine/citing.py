"""How the reference engine cites a binding leg: the obligation record, with the certainty of the facts it
rests on (`foedus.engine.certainty`), the conditions it assumes (`foedus.engine.rules.conditions`) and what
its duty entails (`foedus.model.help.duty_of`)."""

from __future__ import annotations

from foedus.engine.certainty import ASSUMED, assess
from foedus.engine.leg import Leg
from foedus.engine.records import Because, Obligation, Side
from foedus.engine.rules import conditions
from foedus.engine.scenario import Attack, Scenario
from foedus.model.help import duty_of
from foedus.model.places import Place

__all__ = ["obligation"]


def obligation(leg: Leg, attack: Attack, side: Side, rnd: int, scenario: Scenario, place: Place) -> Obligation:
    """The record of `leg` binding its obligor to join `side` in round `rnd` because of `attack`."""
    p = leg.provision
    sure = assess(leg.treaty, p, leg.obligor, leg.beneficiary, scenario.date, place, attack.kind,
                  scenario.territory_view, attack.victim, scenario.basis)
    assumed = [r.fact if r.kind == "freeze" else f"assumes {r.fact}" for r in sure.reasons if r.kind in ASSUMED]
    duty = duty_of(leg.treaty, p)
    because = Because(attack.victim, attack.attacker, attack.place, attack.kind)
    return Obligation(leg.obligor, side, rnd, leg.treaty.id, p.article, p.strength.value, p.kind.value, because,
                      sure.level.value, (*assumed, *conditions(leg, attack)), leg.treaty.type == "bilateral",
                      tuple(p.unresolved), sure.reasons, duty.entails.value, duty.text)
