"""What the engines that group attacks rely on (rules.attacker_role, rules.victim_status), checked on real legs."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from foedus.engine.rules import Situation, attacker_role, evaluate
from foedus.engine.scenario import Attack, switches
from foedus.engine.table import leg_table
from foedus.model.world import World

pytestmark = pytest.mark.needs_data


@pytest.mark.parametrize("day", [dt.date(1914, 8, 3), dt.date(1990, 6, 1), dt.date(2025, 6, 1)])
@pytest.mark.parametrize("unresolved", ["met", "unmet"])
def test_a_leg_reads_its_counterpart_only_through_its_adversary_clause(world: World, day: dt.date,
                                                                        unresolved: str) -> None:
    """For legs of every kind: attacks that differ only in the party its adversary clause reads get one verdict when the
    clause admits them (and none otherwise); non-aggression binds only on its obligor's attacks; the situation
    matters only through the protected state's own status."""
    rng = random.Random(day.year)
    table = leg_table(world, day)
    places = world.places.on(day)
    states = table.states()
    scenario = switches(day, unresolved=unresolved)
    legs = [leg for per in table.by_beneficiary.values() for group in per.values() for leg in group]
    for leg in rng.sample(legs, min(800, len(legs))):
        owed, others = leg.beneficiary, [s for s in rng.sample(states, min(6, len(states))) if s != leg.beneficiary]
        home = world.places.home(owed, day).id
        starters = frozenset(rng.sample(states, 3))
        for status in (True, False):
            ctx = Situation(places, scenario, starters | {owed} if status else starters - {owed},
                            lambda state: True)
            noise = Situation(places, scenario, (starters | {"USA", "RUS"} | ({owed} if status else set()))
                              - (set() if status else {owed}), lambda state, owed=owed: state == owed)
            as_victim = [Attack(c, owed, home, "territory") for c in others]
            as_attacker = [Attack(owed, c, world.places.home(c, day).id, "territory") for c in others]
            for attacks, party in ((as_victim, "attacker"), (as_attacker, "victim")):
                verdicts = [evaluate(leg, a, ctx) for a in attacks]
                assert verdicts == [evaluate(leg, a, noise) for a in attacks], leg
                if attacker_role(leg) == "obligor":
                    assert not any(v.binds for v, a in zip(verdicts, attacks, strict=True)
                                   if a.attacker != leg.obligor), leg
                    continue
                admitted = {v for v, a in zip(verdicts, attacks, strict=True)
                            if leg.counterparts.admits(getattr(a, party))}
                assert len(admitted) <= 1, (leg, admitted)
                assert all(not v.binds and v.gate is None for v, a in zip(verdicts, attacks, strict=True)
                           if not leg.counterparts.admits(getattr(a, party))), leg
