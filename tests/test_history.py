"""ATOP 5.1 history: import into the model, the merged timeline, and cascades on any date from 1815."""

from __future__ import annotations

import datetime as dt

import pytest

import foedus
from foedus.engine.table import compile_table
from foedus.model.treaty import Kind, Treaty
from foedus.model.world import World
from foedus.sources.atop import ATOP_END, load_atop

pytestmark = pytest.mark.needs_data


@pytest.fixture(scope="module")
def atop(world: World) -> list:  # type: ignore[type-arg]
    return load_atop(world.states)


def test_every_alliance_phase_is_imported(atop: list) -> None:  # type: ignore[type-arg]
    ids = {t.atop_ids[0] for t in atop}
    # 789 ATOP 5.1 alliances; atopid 1320 (France, 1874) has its only partner coded 8152, a code
    # outside the COW state list, so it cannot bind two states and is left out.
    assert len(ids) == 788 and 1320 not in ids
    assert all(t.origin == "atop" and t.coverage_end == ATOP_END for t in atop)


def test_nato_phases_and_membership_from_signature(atop: list) -> None:  # type: ignore[type-arg]
    p1 = next(t for t in atop if t.id == "atop_3180_p1")
    usa = next(m for m in p1.members if m.state == "USA")
    assert usa.joined == dt.date(1949, 4, 4)  # ATOP dates membership from signature
    assert "signature" in (p1.note or "")
    defense = [p for p in p1.provisions if p.kind is Kind.DEFENSE]
    assert defense and defense[0].unresolved == ["location"]  # DEFCOLOC: Art. 6, not coded by place


def test_a_guarantee_is_an_obligation_some_members_lack(atop: list) -> None:  # type: ignore[type-arg]
    """S5 (a one-way guarantee) only where some member has no such obligation at all: in the 1956 Protocol of
    Sevres (ATOP 3322) all three parties have the offence clause, Britain and France under other conditions
    than Israel, so neither group is a guarantee; in ATOP 1060 the obligation is one-way, so it is."""
    sevres = next(t for t in atop if t.id == "atop_3322")
    offence = [p for p in sevres.provisions if p.kind is Kind.OFFENSE]
    assert sorted(s for p in offence for s in p.obligors or []) == ["FRA", "GBR", "ISR"]
    assert {p.strength.value for p in offence} == {"S2"}
    one_way = next(t for t in atop if t.id == "atop_1060")
    assert [p.strength.value for p in one_way.provisions if p.kind is Kind.DEFENSE] == ["S5"]


def test_a_duty_returned_in_an_asymmetric_alliance_is_not_a_guarantee(atop: list) -> None:  # type: ignore[type-arg]
    """S5 only where the duty is not owed back: in ATOP 4678 (Central America, 1995; ASYMM 1) six members owe one
    another defence, S2, and their duty to Panama, which owes non-aggression only, is one-way, S5; France's
    guarantee of Belgium (ATOP 1060) and the USA's of Japan (ATOP 3375) stay S5."""
    central = next(t for t in atop if t.id == "atop_4678")
    owing = ["BLZ", "DOM", "GTM", "HND", "NIC", "SLV"]
    defence = [(p.strength.value, p.obligors, p.beneficiaries) for p in central.provisions if p.kind is Kind.DEFENSE]
    assert defence == [("S2", owing, owing), ("S5", owing, ["PAN"])]
    for treaty, guarantor, protected in (("atop_1060", "FRA", "BEL"), ("atop_3375", "USA", "JPN")):
        one_way = next(t for t in atop if t.id == treaty)
        assert [(p.strength.value, p.obligors, p.beneficiaries) for p in one_way.provisions
                if p.kind is Kind.DEFENSE] == [("S5", [guarantor], [protected])]


def test_a_new_phase_takes_over_on_its_first_day(atop: list) -> None:  # type: ignore[type-arg]
    """ATOP gives a member's exit from one phase and entry into the next the same day: the new phase binds that
    day and the old one no longer (the UK's guarantee of Poland, ATOP 2440, became the 25 Aug 1939 agreement)."""
    p1 = next(t for t in atop if t.id == "atop_2440_p1")
    assert {m.left for m in p1.members} == {dt.date(1939, 8, 25)}
    gbr = foedus.cascade("GMY", "POL", "1939-08-25").joiner("GBR")
    assert gbr is not None and gbr.primary.treaty == "atop_2440_p2"
    assert "atop_2440_p1" not in {o.treaty for o in gbr.also}
    assert foedus.cascade("GMY", "POL", "1939-08-24").joiner("GBR").primary.treaty == "atop_2440_p1"  # type: ignore[union-attr]


def test_named_adversaries_from_specthrt(atop: list) -> None:  # type: ignore[type-arg]
    named = [p for t in atop for p in t.provisions if p.adversary.type == "named"]
    assert named
    first = next(t for t in atop if t.atop_ids == [1035])
    assert any(p.adversary.states == ["FRA"] for p in first.provisions)


def test_curated_treaties_replace_the_atop_alliances_they_map(world: World) -> None:
    mapped = {aid for t in world.treaties.values() if t.origin == "curated" for aid in t.atop_ids}
    assert {3180, 3440, 4220, 3375} <= mapped
    atop_ids = {aid for t in world.treaties.values() if t.origin == "atop" for aid in t.atop_ids}
    assert not mapped & atop_ids


def test_no_obligation_is_counted_twice_for_a_mapped_treaty(world: World) -> None:
    index = compile_table(world, dt.date(2010, 6, 1))
    usa_to_jpn = [leg.treaty.id for leg in index.owed_to(Kind.DEFENSE, "JPN") if leg.obligor == "USA"]
    assert usa_to_jpn == ["usa_jpn_1960"]


def test_atop_alliances_after_the_end_of_coverage_are_only_the_carried_forward(world: World) -> None:
    """Past 2018 an ATOP alliance binds only carried forward, or up to the day a dated, sourced correction ends it
    (the 1997 Russia-Ukraine treaty, to 1 Apr 2019)."""
    def atop_legs(day: dt.date) -> list[str]:
        return [leg.treaty.id for leg in compile_table(world, day).all_legs() if leg.treaty.origin == "atop"]

    def corrected_end(t: Treaty) -> bool:
        return t.terminated is not None and t.terminated > ATOP_END and "correction (end from" in (t.note or "")

    assert atop_legs(dt.date(2018, 12, 31))
    after = atop_legs(dt.date(2019, 1, 1))
    assert after and all(world.treaties[t].carried_from == ATOP_END or corrected_end(world.treaties[t]) for t in after)
    assert "atop_4875" in after and "atop_4875" not in atop_legs(dt.date(2019, 4, 1))


def test_a_curated_clause_comes_before_an_atop_alliance_carried_forward() -> None:
    """Turkey's duty to Azerbaijan rests first on the curated 2010 agreement and 2021 declaration, not on the 1994
    ATOP alliance carried past 2018 (which still binds it too, and is listed)."""
    tur = foedus.cascade("ARM", "AZE", "2025-06-01").joiner("TUR")
    assert tur is not None and tur.primary.treaty in ("tur_aze_2010", "tur_aze_shusha_2021")
    assert any(o.treaty.startswith("atop_") and o.certainty == "carried-forward" for o in tur.also)


def test_germany_attacks_russia_1914() -> None:
    r = foedus.cascade("GMY", "RUS", "1914-08-01")
    fra = r.joiner("FRA")
    assert fra is not None and fra.side == "defense"
    assert fra.primary.treaty == "atop_1385"  # the Franco-Russian alliance
    assert "ATOP dates membership from signature" in fra.primary.conditions


def test_unresolved_conditions_met_or_unmet() -> None:
    met = foedus.cascade("GMY", "RUS", "1914-08-01")
    unmet = foedus.cascade("GMY", "RUS", "1914-08-01", unresolved="unmet")
    assert met.joiner("FRA") is not None and unmet.joiner("FRA") is None
    used = [u for u in met.to_dict()["unresolved"] if u["state"] == "FRA"]
    assert used and used[0]["conditions"] == ["adversary"] and used[0]["read_as"] == "met"
    dropped = [u for u in unmet.to_dict()["unresolved"] if u["state"] == "FRA"]
    assert dropped and dropped[0]["read_as"] == "unmet"


def test_any_date_from_1815_works() -> None:
    r = foedus.cascade("FRN", "UKG", "1815-06-18")
    assert r.scenario.date == dt.date(1815, 6, 18)
    with pytest.raises(foedus.FoedusError, match="outside the range"):
        foedus.cascade("FRN", "UKG", "1814-12-31")


def test_states_the_state_system_cannot_check_are_noted(world: World) -> None:
    """Before COW's first day, and for a state COW does not list, membership is not checked: the answer says so."""
    early = foedus.cascade("FRN", "UKG", "1815-06-18", world=world).notes
    assert ("the COW state system begins on 1816-01-01: whether France (FRA) and United Kingdom (GBR) were states "
            "on 1815-06-18 is not checked") in early
    since = foedus.cascade("FRN", "UKG", "1816-06-18", ongoing_since="1815-06-18", world=world).notes
    assert any(n.startswith("the COW state system begins on 1816-01-01") for n in since)
    palestine = foedus.cascade("ISR", "PSE", "1950-01-01", world=world).notes
    assert "Palestine (PSE) is not in the COW state system: whether it is a state is not checked" in palestine
    later = foedus.cascade("RUS", "EST", "2025-06-01", world=world).notes  # after COW's end, its members still
    listed = foedus.cascade("FRN", "UKG", "1816-06-18", world=world).notes + later  # count as checked
    assert not any("not checked" in n or "state system begins" in n for n in listed)
    assert ("after 2016 the state system is that of 2016, carried forward (the COW state system v2016 ends in "
            "2016)") in later  # checked against 2016's system, and said (`foedus.engine.outcome._notes`)
    with pytest.raises(foedus.FoedusError, match="not a member of the state system"):
        foedus.cascade("GMY", "FRN", "1946-06-01", world=world)


def _fresh(world: World) -> World:
    """The same world with its ATOP history not yet loaded (`World.default` is shared by the tests)."""
    from foedus.sources.history import with_history

    return World(with_history(dict(world.treaties.curated), world.states, True), world.states, world.places)


@pytest.mark.parametrize("day", [dt.date(2014, 1, 1), dt.date(2016, 6, 1), dt.date(2019, 1, 1), dt.date(2025, 6, 1)])
def test_a_date_after_coverage_reads_only_the_alliances_that_can_still_bind(world: World, day: dt.date) -> None:
    """From 2014 (`RECENT_AFTER`, so that an ended-alliance note's five years need no more), the same answers."""
    from foedus.sources.atop_release import RECENT_AFTER
    from foedus.sources.history import binds_after

    lazy, full = _fresh(world), _fresh(world)
    assert len(full.treaties.history) > 0  # loads the whole history
    recent = [t.id for t in lazy.treaties.on(day)]
    assert lazy.treaties._history is None  # the whole history was not loaded
    everything = list(full.treaties.on(day))
    assert recent == [t.id for t in everything if t.origin != "atop" or binds_after(t, RECENT_AFTER)]
    left_out = [t for t in everything if t.id not in set(recent)]
    assert left_out and not any(t.in_effect(day, basis) for t in left_out for basis in ("in-force", "signed"))
    for basis in ("in-force", "signed"):
        a, b = compile_table(lazy, day, basis), compile_table(full, day, basis)
        assert a.members == b.members and a.commitments == b.commitments and a.support == b.support
        assert [(leg.treaty.id, leg.provision.article, leg.obligor, leg.beneficiary, leg.gates, leg.suspended)
                for leg in a.all_legs()] == [
            (leg.treaty.id, leg.provision.article, leg.obligor, leg.beneficiary, leg.gates, leg.suspended)
            for leg in b.all_legs()]
    cited = recent[-1]
    assert lazy.treaties[cited] == full.treaties[cited] and cited in lazy.treaties
    assert lazy.treaties._history is None  # asking for a treaty it read did not load the rest
    ran = [foedus.cascade("RUS", "EST", day.isoformat(), world=w, reading="escalatory").to_dict() for w in (lazy, full)]
    assert ran[0] == ran[1] and ran[0]["joiners"]
