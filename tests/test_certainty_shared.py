"""What the certainty of a leg's facts keeps per leg table (issue 15, docs/performance.md, session 36).

Legs of one clause whose parties add the same facts share one assessment (`certainty.party_facts` keeps it in the
table's memo, by the parts it is made of), and a run's `Certifier` answers a leg, victim, place and kind it was
asked before from its store, with no place facts read again. Each answer equals the one made afresh.
"""

from __future__ import annotations

import datetime as dt

import pytest

import foedus
from foedus.engine import citing
from foedus.engine.certainty import Memo, party_facts
from foedus.engine.citing import Certifier
from foedus.engine.leg import Leg
from foedus.engine.scenario import build_scenario
from foedus.engine.table import LegTable, leg_table

CURATED = foedus.World.load(history=False)
DAYS = ("2012-06-01", "2025-06-01")


def _legs(day: dt.date) -> tuple[LegTable, list[Leg]]:
    table = leg_table(CURATED, day)
    return table, [leg for kind in table.by_beneficiary.values() for group in kind.values() for leg in group]


@pytest.mark.parametrize("day", DAYS)
def test_legs_that_add_the_same_facts_share_one_assessment(day: str) -> None:
    """Fewer assessments than legs with reasons (every leg made its own before), each equal to one made afresh."""
    when = dt.date.fromisoformat(day)
    memo = Memo()
    names = CURATED.states.names
    _, legs = _legs(when)
    made = [(leg, party_facts(leg.treaty, leg.provision, leg.obligor, leg.beneficiary, when, "in-force", memo,
                              names=names)) for leg in legs]
    with_reasons = [sure for _, sure in made if sure.reasons]
    assert len(with_reasons) > 100
    assert len({id(sure) for sure in with_reasons}) < len(with_reasons) * 0.9
    for leg, sure in made:
        assert sure == party_facts(leg.treaty, leg.provision, leg.obligor, leg.beneficiary, when, "in-force",
                                   names=names)


def test_a_certifier_reads_the_place_facts_of_a_leg_and_place_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """In the claimant view every clause may have place facts; asked again for the same leg, victim, place and
    kind, the certifier reads none (it read them on every call before), and answers as a fresh certifier does."""
    when = dt.date.fromisoformat("2025-06-01")
    table, legs = _legs(when)
    scenario = build_scenario(CURATED, attacker="RUS", target="EST", date=when, territory_view="claimant")
    places = CURATED.places.on(when)
    reads: list[str] = []
    real = citing.place_facts

    def counted(*args: object) -> object:
        reads.append("place")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(citing, "place_facts", counted)
    certify = Certifier.of(scenario, places, table, CURATED.states.names)
    asked = [(leg, leg.beneficiary, place) for leg in legs[:200] for place in sorted(places)[:2]]
    first = [certify.leg(leg, victim, place, "territory") for leg, victim, place in asked]
    assert len(reads) == len(asked)
    again = [certify.leg(leg, victim, place, "territory") for leg, victim, place in asked]
    assert len(reads) == len(asked)  # none read again
    assert again == first
    table.derived(("sureness of legs", "claimant"), dict).clear()
    fresh = Certifier.of(scenario, places, table, CURATED.states.names)
    assert [fresh.leg(leg, victim, place, "territory") for leg, victim, place in asked] == first
