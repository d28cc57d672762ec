"""The correction layer's `guarantee`: ATOP's member file says who owes defence, not to whom, so the import had the
guarantors of one state owe it to one another too (Britain and the USSR, guarantors of Iran in 1942, each bound to
defend the other under the treaty with Iran). A `guarantee` names the protected state, from the treaty's text: the
guarantors owe it defence one-way (S5), and one another nothing under it (docs/history.md, "Who owes whom"). Reads
ATOP from the data folder."""

from __future__ import annotations

import pytest

import foedus
from foedus.errors import TreatyDataError
from foedus.model.vocab import Kind
from foedus.model.world import World
from foedus.sources.correction_apply import apply_corrections
from foedus.sources.corrections import load_corrections
from samples import correction_refused

pytestmark = pytest.mark.needs_data

PAGE = "sources: [{url: 'https://www.example.org/a'}], note: n"
GUARANTEES = [  # (alliance, guarantors, protected): the bundled corrections
    ("atop_1110", ["COW300", "DEU", "GBR", "RUS"], "TUR"),  # Convention of London, 1840
    ("atop_1120", ["ESP", "FRA", "GBR"], "PRT"),  # London protocol on Portugal, 1847
    ("atop_1160", ["FRA", "GBR", "ITA"], "TUR"),  # Treaty of Constantinople, 1854
    ("atop_1190", ["FRA", "GBR"], "SWE"),  # November Treaty, 1855
    ("atop_1205", ["ARG", "BRA"], "URY"),  # Argentine-Brazilian guarantee of Uruguay, 1859
    ("atop_2555", ["GBR", "RUS"], "IRN"),  # Anglo-Soviet-Iranian treaty, 1942
]


@pytest.mark.parametrize(("treaty", "guarantors", "protected"), GUARANTEES)
def test_guarantors_owe_the_protected_state_alone(world: World, treaty: str, guarantors: list[str],
                                                  protected: str) -> None:
    """One defence provision each, one-way: no S2 duty among the guarantors is left; the note says why."""
    t = world.treaty(treaty)
    assert [(p.strength.value, p.obligors, p.beneficiaries) for p in t.provisions
            if p.kind is Kind.DEFENSE] == [("S5", guarantors, [protected])]
    assert f"correction (guarantee {protected}): " in (t.note or "")


def test_a_guarantee_directs_the_defence_only(world: World) -> None:
    """In the Convention of London the four powers' defence is owed to the Ottoman Empire alone, and ATOP's offence
    (Great Britain, Austria and the Ottoman Empire) stays as the import reads it."""
    duties = {(p.kind.value, p.strength.value, tuple(p.obligors or ()), tuple(p.beneficiaries or ()))
              for p in world.treaty("atop_1110").provisions}
    assert ("defense", "S2", ("COW300", "DEU", "GBR", "RUS"), ("COW300", "DEU", "GBR", "RUS")) not in duties
    offence = [(p.strength.value, p.obligors, p.beneficiaries) for p in world.treaty("atop_1110").provisions
               if p.kind is Kind.OFFENSE]
    assert offence == [("S2", ["COW300", "GBR", "TUR"], ["COW300", "GBR", "TUR"]),
                       ("S5", ["COW300", "GBR", "TUR"], ["DEU", "RUS"])]


def bound(attacker: str, target: str, day: str, world: World, treaty: str) -> list[tuple[str, str]]:
    """The states a cascade binds under `treaty`, with the strength of each duty."""
    result = foedus.cascade(attacker, target, day, world=world)
    return sorted((o.state, o.strength) for j in result.joiners for o in (j.primary, *j.also) if o.treaty == treaty)


def test_a_guarantor_attacked_does_not_call_in_the_other(world: World) -> None:
    """Paraguay attacking Argentina in 1862 bound Brazil under the 1859 guarantee of Uruguay, and Germany attacking the
    USSR in 1943 bound Britain under the 1942 treaty with Iran: neither does now. The protected state is still owed."""
    assert bound("PAR", "ARG", "1862-01-01", world, "atop_1205") == []
    assert bound("GMY", "RUS", "1943-01-01", world, "atop_2555") == []
    assert bound("RUS", "UKG", "1855-12-01", world, "atop_1190") == []
    assert bound("RUS", "SWD", "1855-12-01", world, "atop_1190") == [("FRA", "S5"), ("GBR", "S5")]


def test_a_secondary_guarantee_is_tagged(world: World) -> None:
    """A guarantee read in a copy of a compilation, not an official page, is secondary: the treaty says so among its
    unverified points; one read in an official compilation (Hertslet's, for the November Treaty) is not."""
    assert any(u.startswith("correction (guarantee IRN): ") for u in world.treaty("atop_2555").unverified)
    assert not any("guarantee" in u for u in world.treaty("atop_1190").unverified)


@pytest.mark.parametrize(("entry", "said"), [
    ("{atopid: 1190, action: guarantee, " + PAGE + "}",
     r"\[0\] \(atopid 1190\)\.states: action 'guarantee' needs the protected states"),
    ("{atopid: 1190, action: guarantee, states: [SWE], date: 1855-11-21, " + PAGE + "}",
     r"\[0\] \(atopid 1190\)\.date: action 'guarantee' changes no date"),
])
def test_a_malformed_guarantee_is_one_line(entry: str, said: str) -> None:
    correction_refused(entry, said)


@pytest.mark.parametrize(("atopid", "states", "said"), [
    (1190, "[RUS]", r"\[0\] \(atopid 1190\)\.states: RUS is not a member of atop_1190"),
    (1190, "[GBR]", r"\[0\] \(atopid 1190\)\.states: GBR owes defence itself in atop_1190 as ATOP codes it"),
    (3405, "[CYP]", r"\[0\] \(atopid 3405\): no alliance of atopid 3405 in the merged world .*replaced by a curated "
                    "treaty, which says who owes whom itself"),
])
def test_a_guarantee_that_cannot_hold_is_refused(world: World, atopid: int, states: str, said: str) -> None:
    """A protected state that is no member, or owes the defence itself (then ATOP codes no guarantee), or an alliance a
    curated treaty replaces (the Treaty of Guarantee of Cyprus, 1960): refused in one line naming the entry."""
    corrections = load_corrections(f"- {{atopid: {atopid}, action: guarantee, states: {states}, {PAGE}}}")
    with pytest.raises(TreatyDataError, match=said) as caught:
        apply_corrections([world.treaties["atop_1190"]], corrections, world.states)
    assert "\n" not in str(caught.value)
