"""Scenario tests: real and textbook cases, each checked against the 2025 treaty fact sheet.

Every expectation here is derived from /work/shared/reference/treaties-2025.md (section given in
each test's docstring or table comment), not from what the engine happens to print. Membership
tables (NATO, EU) are copied from the fact sheet so that the expected sets do not come from the
treaty YAML under test. They run on the curated set alone (no ATOP history), which is what they test.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import foedus
from foedus.engine.result import CascadeResult, Obligation
from foedus.errors import (
    DateOutOfRangeError,
    FoedusError,
    ScenarioError,
    UnknownPlaceError,
    UnknownStateError,
)

# ---------------------------------------------------------------------------------------------
# Reference tables from the fact sheet
# ---------------------------------------------------------------------------------------------

# §1.1, membership table: date each state became a NATO party.
_NATO_FOUNDERS = ("BEL", "CAN", "DNK", "FRA", "ISL", "ITA", "LUX", "NLD", "NOR", "PRT", "GBR", "USA")
NATO_ACCESSION: dict[str, str] = {s: "1949-08-24" for s in _NATO_FOUNDERS} | {
    "GRC": "1952-02-18", "TUR": "1952-02-18", "DEU": "1955-05-06", "ESP": "1982-05-30",
    "CZE": "1999-03-12", "HUN": "1999-03-12", "POL": "1999-03-12",
    "BGR": "2004-03-29", "EST": "2004-03-29", "LVA": "2004-03-29", "LTU": "2004-03-29",
    "ROU": "2004-03-29", "SVK": "2004-03-29", "SVN": "2004-03-29",
    "ALB": "2009-04-01", "HRV": "2009-04-01", "MNE": "2017-06-05", "MKD": "2020-03-27",
    "FIN": "2023-04-04", "SWE": "2024-03-07",
}

# §1.11: EU members that are not NATO members (the neutrals' carve-out states, plus FIN/SWE before accession).
NON_NATO_EU_2009 = frozenset({"AUT", "CYP", "FIN", "IRL", "MLT", "SWE"})

D2025 = "2025-06-01"  # mid-2025: after rus_blr_2024 (13 Mar), before the Sep-Oct 2025 instruments

pytestmark = pytest.mark.usefixtures("engine")  # the reference suite: every engine must agree



def nato_members(day: str) -> frozenset[str]:
    """NATO parties on `day`, per the fact sheet's §1.1 table."""
    on = dt.date.fromisoformat(day)
    return frozenset(s for s, joined in NATO_ACCESSION.items() if dt.date.fromisoformat(joined) <= on)


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def obligations(result: CascadeResult, state: str) -> list[Obligation]:
    """Every obligation that brings `state` in (primary first), or [] if it did not join."""
    j = result.joiner(state)
    return [] if j is None else [j.primary, *j.also]


def bound_under(result: CascadeResult, state: str, treaty: str, article: str | None = None) -> bool:
    """Whether `state` joined with `treaty` (and `article`) among its binding obligations."""
    return any(o.treaty == treaty and (article is None or o.article == article) for o in obligations(result, state))


def joined_under(result: CascadeResult, treaty: str) -> frozenset[str]:
    """States that joined with `treaty` among their obligations."""
    return frozenset(j.state for j in result.joiners if any(o.treaty == treaty for o in (j.primary, *j.also)))


def belligerents(result: CascadeResult) -> set[str]:
    return set(result.sides["attack"]) | set(result.sides["defense"])


CURATED = foedus.World.load(history=False)


def run(attacker: str, target: str, day: str, **kw: Any) -> CascadeResult:
    return foedus.cascade(attacker, target, day, world=CURATED, **kw)


# ---------------------------------------------------------------------------------------------
# 1. The flagship: DPRK troops in Kursk (§1.2)
# ---------------------------------------------------------------------------------------------


def test_flagship_prk_joins_russia_in_kursk_under_2024_treaty() -> None:
    """§1.2: Art. 4 is S1, armed attack + state of war, in force 4 Dec 2024; practice applied it to Kursk."""
    r = run("UKR", "RUS", "2025-01-15", place="kursk-oblast")
    j = r.joiner("PRK")
    assert j is not None
    assert j.side == "defense" and "PRK" in r.sides["defense"] and "PRK" not in r.sides["attack"]
    p = j.primary
    assert (p.treaty, p.article, p.strength, p.kind, p.round) == ("rus_prk_2024", "4", "S1", "defense", 1)
    assert (p.because.attacked, p.because.by, p.because.place, p.because.kind) == (
        "RUS", "UKR", "kursk-oblast", "territory")
    assert p.certainty == "verified"  # Art. 4 text and entry into force are [V]
    assert any("state of war" in c for c in p.conditions)  # trigger ARMED_ATTACK+STATE_OF_WAR


def test_flagship_before_treaty_prk_does_not_join_but_consults_under_2000_treaty() -> None:
    """§1.2: the Kursk incursion began 6 Aug 2024, before the 2024 treaty; the 2000 treaty had no defence clause."""
    r = run("UKR", "RUS", "2024-08-06", place="kursk-oblast")
    assert r.joiner("PRK") is None
    assert "PRK" not in belligerents(r)
    assert ("PRK", "RUS", "rus_prk_2000") in {(c.state, c.with_, c.treaty) for c in r.consultations}


@pytest.mark.parametrize(
    ("day", "joins"),
    [pytest.param("2024-12-03", False, id="day-before-entry-into-force"),
     pytest.param("2024-12-04", True, id="entry-into-force")],
)
def test_rus_prk_2024_entry_into_force_edge(day: str, joins: bool) -> None:
    """§1.2: in force 4 Dec 2024 on exchange of instruments; it replaced the 9 Feb 2000 treaty that day."""
    r = run("UKR", "RUS", day, place="kursk-oblast")
    assert bound_under(r, "PRK", "rus_prk_2024", "4") is joins
    consults_2000 = ("PRK", "rus_prk_2000") in {(c.state, c.treaty) for c in r.consultations}
    assert consults_2000 is not joins  # the 2000 treaty ends exactly when the 2024 treaty starts


def test_flagship_json_contract() -> None:
    """The flagship through the stable JSON contract (to_dict)."""
    d = run("UKR", "RUS", "2025-01-15", place="kursk-oblast").to_dict()
    assert (d["date"], d["attackers"], d["targets"], d["place"]) == ("2025-01-15", ["UKR"], ["RUS"], "kursk-oblast")
    assert (d["target_kind"], d["reading"], d["basis"], d["requested"]) == ("territory", "legal", "in-force", True)
    assert d["sides"]["attack"] == ["UKR"] and d["sides"]["defense"][0] == "RUS" and "PRK" in d["sides"]["defense"]
    (prk,) = [x for x in d["joiners"] if x["state"] == "PRK"]
    assert {k: prk[k] for k in ("side", "treaty", "article", "strength", "round")} == {
        "side": "defense", "treaty": "rus_prk_2024", "article": "4", "strength": "S1", "round": 1}
    assert prk["because"] == {"attacked": "RUS", "by": "UKR", "place": "kursk-oblast", "target_kind": "territory"}


# ---------------------------------------------------------------------------------------------
# 2. Accession date edges (NATO §1.1, EU §1.11)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "before", "on"),
    [
        pytest.param("FIN", "2023-04-03", "2023-04-04", id="finland"),
        pytest.param("SWE", "2024-03-06", "2024-03-07", id="sweden"),
        pytest.param("MNE", "2017-06-04", "2017-06-05", id="montenegro"),
        pytest.param("MKD", "2020-03-26", "2020-03-27", id="north-macedonia"),
    ],
)
def test_nato_accession_date_edge(target: str, before: str, on: str) -> None:
    """§1.1: Art. 5 protects a new member from its accession day, not the day before."""
    assert joined_under(run("RUS", target, before), "nato_1949") == frozenset()
    r = run("RUS", target, on)
    assert joined_under(r, "nato_1949") == nato_members(on) - {target}
    for ally in ("USA", "GBR", "CAN"):
        assert bound_under(r, ally, "nato_1949", "5")
        assert r.joiner(ally).side == "defense"  # type: ignore[union-attr]


@pytest.mark.parametrize("day", ["2023-04-03", "2023-04-04"])
def test_finland_eu_partners_bound_either_side_of_nato_accession(day: str) -> None:
    """§1.11: Finland is an EU member, so Art. 42(7) binds the other EU states before and after 4 Apr 2023; the
    neutrals owe aid they may limit to non-military means, withheld from the sides (test_eu_neutrals_non_military)."""
    r = run("RUS", "FIN", day)
    for state in ("DEU", "FRA", "SWE", "EST"):
        assert bound_under(r, state, "eu_teu_42_7", "42(7)"), state
    for state in ("AUT", "IRL"):
        assert r.joiner(state) is None and (state, "eu_teu_42_7") in {(w.state, w.treaty) for w in r.withheld}
    if day == "2023-04-03":  # no EU tie and not yet NATO allies of Finland
        assert r.joiner("USA") is None and r.joiner("GBR") is None and r.joiner("CAN") is None


# ---------------------------------------------------------------------------------------------
# 3. Entry-into-force edges and the signed-but-not-in-force basis
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "in_force"),
    [pytest.param("2025-03-12", False, id="day-before"), pytest.param("2025-03-13", True, id="entry-into-force")],
)
def test_rus_blr_2024_entry_into_force(day: str, in_force: bool) -> None:
    """§1.5: in force 13 Mar 2025, Art. 4 answered 'with all forces and means' (S1); CSTO Art. 4 (S2) binds before."""
    r = run("UKR", "RUS", day, place="kursk-oblast")
    assert bound_under(r, "BLR", "csto_1992", "4")
    assert bound_under(r, "BLR", "rus_blr_2024", "4") is in_force
    if in_force:
        assert (r.joiner("BLR").primary.treaty, r.joiner("BLR").primary.strength) == ("rus_blr_2024", "S1")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("day", "joins"),
    [pytest.param("2025-03-12", False, id="only-csto-request-gated"),
     pytest.param("2025-03-13", True, id="union-state-treaty-not-gated")],
)
def test_rus_blr_2024_binds_belarus_without_a_request(day: str, joins: bool) -> None:
    """§1.4/§1.5: CSTO help is request-gated; the 2024 Union State guarantee is not."""
    r = run("UKR", "RUS", day, place="kursk-oblast", requested=False)
    assert (r.joiner("BLR") is not None) is joins
    withheld = {(w.state, w.treaty, w.article) for w in r.withheld}
    assert (("BLR", "csto_1992", "4") in withheld) is not joins


@pytest.mark.parametrize(
    ("day", "in_force"),
    [pytest.param("2009-11-30", False, id="day-before-lisbon"), pytest.param("2009-12-01", True, id="lisbon")],
)
def test_lisbon_42_7_entry_into_force(day: str, in_force: bool) -> None:
    """§1.11: Lisbon (and so Art. 42(7)) in force 1 Dec 2009; NATO Art. 5 protects Estonia either way. Finland and
    Sweden, then outside NATO, join under it; the four neutrals owe aid they may limit to non-military means, so are
    withheld from the sides (tests/test_eu_neutrals_non_military.py)."""
    r = run("RUS", "EST", day)
    assert (joined_under(r, "eu_teu_42_7") != frozenset()) is in_force
    held = {w.state for w in r.withheld if w.treaty == "eu_teu_42_7"}
    for neutral in NON_NATO_EU_2009:
        aid_only = neutral not in ("FIN", "SWE")
        assert (r.joiner(neutral) is not None) is (in_force and not aid_only), neutral
        assert bound_under(r, neutral, "eu_teu_42_7", "42(7)") is (in_force and not aid_only), neutral
        assert (neutral in held) is (in_force and aid_only), neutral
    assert joined_under(r, "nato_1949") == nato_members(day) - {"EST"}


@pytest.mark.parametrize(
    ("attacker", "target", "guarantor", "treaty", "strength", "certainty"),
    [
        pytest.param("IDN", "PNG", "AUS", "aus_png_2025", "S3", "secondary", id="pukpuk-aus-png"),
        pytest.param("RUS", "DEU", "GBR", "gbr_deu_2025", "S2", "verified", id="kensington-gbr-deu"),
    ],
)
def test_signed_basis_counts_signed_treaties_not_in_force(
    attacker: str, target: str, guarantor: str, treaty: str, strength: str, certainty: str
) -> None:
    """§2.4/§2.6: Kensington (signed 17 Jul 2025) and Pukpuk (signed 6 Oct 2025) were not in force by end-2025.
    Pukpuk's clause is [V-secondary]; Kensington's is [V] (OSW analysis), only its article number [U]."""
    assert not bound_under(run(attacker, target, "2025-11-01"), guarantor, treaty)
    r = run(attacker, target, "2025-11-01", basis="signed")
    assert bound_under(r, guarantor, treaty)
    (o,) = [o for o in obligations(r, guarantor) if o.treaty == treaty]
    assert (o.side, o.strength) == ("defense", strength)
    assert o.certainty == certainty


@pytest.mark.parametrize(
    ("day", "basis", "bound"),
    [
        pytest.param("2026-01-21", "in-force", False, id="day-before-entry-into-force"),
        pytest.param("2026-01-22", "in-force", True, id="entry-into-force"),
        pytest.param("2025-11-01", "signed", True, id="signed-basis"),
        pytest.param("2025-05-08", "signed", False, id="day-before-signature"),
    ],
)
def test_treaty_of_nancy_binds_france_and_poland_from_entry_into_force(day: str, basis: str, bound: bool) -> None:
    """France-Poland, Treaty of Nancy (signed 9 May 2025, in force 22 Jan 2026, 30 days after Poland's instrument of
    23 Dec 2025): Art. 4(2), assistance including by military means against armed aggression on their territory,
    binds each to the other (S2, as Aachen's), on the in-force basis from 22 Jan 2026 only."""
    for target, guarantor in (("POL", "FRA"), ("FRA", "POL")):
        r = run("RUS", target, day, basis=basis)
        assert bound_under(r, guarantor, "fra_pol_2025", "4(2)") is bound, (target, guarantor)
        if bound:
            (o,) = [o for o in obligations(r, guarantor) if o.treaty == "fra_pol_2025"]
            assert (o.side, o.strength, o.certainty) == ("defense", "S2", "verified")


def test_pukpuk_png_has_no_ally_before_ratification() -> None:
    """§2.6: without the Pukpuk treaty in force, Papua New Guinea has no defence partner in the data."""
    assert run("IDN", "PNG", "2025-11-01").joiners == ()


# ---------------------------------------------------------------------------------------------
# 4. NATO Art. 6 scope (§1.1)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("attacker", "target", "place", "kind", "covered"),
    [
        pytest.param("CHN", "USA", "hawaii", "territory", False, id="hawaii"),
        pytest.param("RUS", "USA", "alaska", "territory", True, id="alaska"),
        pytest.param("CHN", "USA", "guam", "territory", False, id="guam"),
        pytest.param("VEN", "USA", "puerto-rico", "territory", False, id="puerto-rico"),
        pytest.param("RUS", "FRA", "french-guiana", "territory", False, id="french-guiana"),
        pytest.param("RUS", "FRA", "reunion", "territory", False, id="reunion"),
        pytest.param("ARG", "GBR", "falkland-islands", "territory", False, id="falklands"),
        pytest.param("MAR", "ESP", "ceuta", "territory", False, id="ceuta"),
        pytest.param("MAR", "ESP", "melilla", "territory", False, id="melilla"),
        pytest.param("RUS", "ESP", "canary-islands", "territory", True, id="canaries-north-atlantic-island"),
        pytest.param("RUS", "GBR", "bermuda", "territory", True, id="bermuda-north-atlantic-island"),
        pytest.param("RUS", "DNK", "greenland", "territory", True, id="greenland"),
        pytest.param("SYR", "TUR", None, "territory", True, id="turkey"),
        pytest.param("RUS", "USA", "mediterranean-sea", "forces", True, id="us-forces-mediterranean"),
        pytest.param("RUS", "USA", "north-atlantic", "forces", True, id="us-forces-north-atlantic"),
        pytest.param("CHN", "USA", "south-china-sea", "forces", False, id="us-forces-south-china-sea"),
        pytest.param("IRN", "USA", "persian-gulf", "forces", False, id="us-forces-persian-gulf"),
        # forces "in or over those territories" (the parties'), not anywhere in Europe: none in Ukraine or Belarus
        pytest.param("RUS", "FRA", "ukraine", "forces", False, id="allied-forces-in-ukraine"),
        pytest.param("RUS", "USA", "belarus", "forces", False, id="us-forces-in-belarus"),
        pytest.param("RUS", "USA", "kaliningrad", "forces", False, id="us-forces-in-kaliningrad"),
        pytest.param("RUS", "GBR", "estonia", "forces", True, id="uk-forces-in-estonia"),
        pytest.param("RUS", "GBR", "gibraltar", "forces", True, id="uk-forces-in-gibraltar"),
        # "any other area in Europe where parties' occupation forces were stationed" in August 1949
        pytest.param("RUS", "USA", "austria", "forces", True, id="us-forces-in-austria"),
        # seas Art. 6 does not name: covered, but debated (below)
        pytest.param("RUS", "FRA", "black-sea", "forces", True, id="french-forces-black-sea"),
        pytest.param("RUS", "DEU", "baltic-sea", "forces", True, id="german-forces-baltic-sea"),
    ],
)
def test_nato_article_6_scope(attacker: str, target: str, place: str | None, kind: str, covered: bool) -> None:
    """§1.1 Art. 6: Europe/N. America, Turkey, N. Atlantic islands north of the Tropic; forces there or in the Med."""
    r = run(attacker, target, D2025, place=place, target_kind=kind)
    expected = nato_members(D2025) - {target} if covered else frozenset()
    assert joined_under(r, "nato_1949") == expected


@pytest.mark.parametrize(("place", "debated"), [("black-sea", True), ("baltic-sea", True), ("mediterranean-sea", False),
                                               ("north-sea", False)])
def test_nato_forces_at_seas_art_6_does_not_name_are_debated(place: str, debated: bool) -> None:
    """§1.1 Art. 6 (4) names the Mediterranean and the North Atlantic area north of the Tropic, not the Baltic or
    the Black Sea: an attack on allied forces there binds, with the scope named as debated."""
    r = run("RUS", "FRA", D2025, place=place, target_kind="forces")
    primary = r.joiner("DEU").primary  # type: ignore[union-attr]
    assert primary.treaty == "nato_1949"
    assert (primary.certainty == "unverified") is debated
    assert any(x.kind == "scope" and "debated" in x.fact for x in primary.certainty_reasons) is debated


@pytest.mark.parametrize(("day", "covered"), [("2022-06-01", False), ("2023-04-04", True)])
def test_nato_covers_forces_in_a_party_from_its_accession(day: str, covered: bool) -> None:
    """§1.1: Finland joined on 4 Apr 2023; US forces in Finland are "in or over" a party's territory only from then."""
    r = run("RUS", "USA", day, place="finland", target_kind="forces")
    assert bound_under(r, "GBR", "nato_1949", "5") is covered


def test_hawaii_pacific_allies_may_join() -> None:
    """§1.7-1.9: Pacific-area treaties cover US island territory in the Pacific; US-Japan covers only Japan's."""
    r = run("CHN", "USA", D2025, place="hawaii")
    assert bound_under(r, "AUS", "anzus_1951", "IV")
    assert bound_under(r, "PHL", "usa_phl_1951", "IV")
    assert bound_under(r, "KOR", "usa_kor_1953", "III")
    assert r.joiner("JPN") is None


def test_nine_eleven_article_5_and_anzus() -> None:
    """§1.1 and §1.9: NATO's only Art. 5 case and Australia's ANZUS invocation (attack on US metropolitan territory)."""
    r = run("AFG", "USA", "2001-09-11")
    assert joined_under(r, "nato_1949") == nato_members("2001-09-11") - {"USA"}
    assert bound_under(r, "AUS", "anzus_1951", "IV")


# ---------------------------------------------------------------------------------------------
# 5. Suspended and frozen obligations (ANZUS §1.9, CSTO §1.4)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "usa_bound"),
    [
        pytest.param("1986-08-10", True, id="day-before-ausmin"),
        pytest.param("1986-08-11", False, id="ausmin-suspension"),
        pytest.param(D2025, False, id="2025"),
    ],
)
def test_anzus_us_obligation_to_new_zealand_suspended(day: str, usa_bound: bool) -> None:
    """§1.9: US obligations to NZ suspended since 11 Aug 1986; the AUS-NZL leg continues."""
    r = run("CHN", "NZL", day)
    assert bound_under(r, "USA", "anzus_1951") is usa_bound
    assert bound_under(r, "AUS", "anzus_1951", "IV")


@pytest.mark.parametrize(
    ("day", "frozen"),
    [
        pytest.param("2024-02-21", False, id="before-freeze"),
        pytest.param("2024-02-22", True, id="frozen"),
        pytest.param(D2025, True, id="2025"),
    ],
)
def test_csto_armenia_frozen_partners_still_bound_and_flagged(day: str, frozen: bool) -> None:
    """§1.4: Armenia froze its CSTO participation (Feb 2024) but is formally still a member [U]: its CSTO
    partners stay bound, and the result says the membership is frozen (not dropped silently)."""
    r = run("AZE", "ARM", day)
    for ally in ("BLR", "KAZ", "KGZ", "TJK"):
        csto = next(o for o in obligations(r, ally) if o.treaty == "csto_1992")
        freeze = [x for x in csto.certainty_reasons if x.kind == "freeze"]
        assert bool(freeze) is frozen, ally
        assert any("frozen" in c for c in csto.conditions) is frozen
        if frozen:
            assert "ARM" in freeze[0].fact and freeze[0].source.startswith("https://")
            assert csto.certainty != "verified"
    assert bound_under(r, "RUS", "csto_1992") and bound_under(r, "RUS", "rus_arm_1997", "2")


@pytest.mark.parametrize(("day", "frozen"), [pytest.param("2024-02-21", False, id="before-freeze"),
                                             pytest.param("2025-01-15", True, id="frozen")])
def test_frozen_armenia_still_owes_csto_help_flagged(day: str, frozen: bool) -> None:
    """§1.4: legally still a party, a frozen participant still owes CSTO help; the obligation says it is frozen."""
    r = run("UKR", "RUS", day, place="kursk-oblast")
    csto = next(o for o in obligations(r, "ARM") if o.treaty == "csto_1992")
    assert any(x.kind == "freeze" for x in csto.certainty_reasons) is frozen


def test_nagorno_karabakh_is_not_armenian_territory() -> None:
    """§1.4/§2.7: Nagorno-Karabakh is Azerbaijani territory, so it cannot be attacked as Armenia's."""
    with pytest.raises(ScenarioError):
        run("AZE", "ARM", D2025, place="nagorno-karabakh")


# ---------------------------------------------------------------------------------------------
# 6. One-way guarantees (US-Qatar EO §4, Compacts of Free Association §1.15)
# ---------------------------------------------------------------------------------------------


def test_us_guarantee_to_qatar() -> None:
    """§4: the 29 Sep 2025 executive order is a unilateral S5 commitment to Qatar."""
    r = run("IRN", "QAT", "2025-10-01")
    j = r.joiner("USA")
    assert j is not None and j.side == "defense"
    assert (j.primary.treaty, j.primary.article, j.primary.strength) == ("usa_qat_eo_2025", "EO", "S5")


@pytest.mark.parametrize(
    ("attacker", "day", "bound"),
    [
        pytest.param("ISR", "2025-09-09", False, id="israeli-strike-on-doha"),
        pytest.param("IRN", "2025-09-28", False, id="day-before-order"),
        pytest.param("IRN", "2025-09-29", True, id="order-dated"),
    ],
)
def test_us_qatar_order_dates(attacker: str, day: str, bound: bool) -> None:
    """§4: the order came after Israel's 9 Sep 2025 strike in Doha and is in effect from 29 Sep 2025."""
    assert bound_under(run(attacker, "QAT", day), "USA", "usa_qat_eo_2025") is bound


def test_qatar_owes_the_us_nothing() -> None:
    """§4: the order is one-way; Qatar has no duty when the US is attacked."""
    assert run("IRN", "USA", "2025-10-01").joiner("QAT") is None


@pytest.mark.parametrize("state", ["FSM", "MHL", "PLW"])
def test_compact_of_free_association_us_defends(state: str) -> None:
    """§1.15: the US must defend the freely associated states (S5, one-way)."""
    j = run("CHN", state, D2025).joiner("USA")
    assert j is not None and j.side == "defense"
    assert (j.primary.treaty, j.primary.strength) == ("usa_cofa", "S5")


@pytest.mark.parametrize("state", ["FSM", "MHL", "PLW"])
def test_compact_of_free_association_is_one_way(state: str) -> None:
    """§1.15: not a mutual pact; the associated states owe the US nothing."""
    assert run("CHN", "USA", D2025).joiner(state) is None


# ---------------------------------------------------------------------------------------------
# 7. Request-gated help (CSTO §1.4, Rio §1.10)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("requested", [True, False])
def test_csto_article_4_is_request_gated(requested: bool) -> None:
    """§1.4: CSTO Art. 4 help comes 'at the request' of the victim (2010 amended text)."""
    r = run("AFG", "TJK", "2025-01-15", requested=requested)
    withheld = {(w.state, w.treaty, w.article): w.reason for w in r.withheld}
    for ally in ("BLR", "KAZ", "KGZ"):  # CSTO members with no other treaty binding them to Tajikistan
        assert bound_under(r, ally, "csto_1992", "4") is requested
        assert ((ally, "csto_1992", "4") in withheld) is not requested
        if not requested:
            assert r.joiner(ally) is None
            assert "did not ask" in withheld[(ally, "csto_1992", "4")]


@pytest.mark.parametrize("requested", [True, False])
def test_rio_treaty_article_3_is_request_gated(requested: bool) -> None:
    """§1.10: Rio Art. 3: an attack on one American state is on all; measures at the victim's request."""
    r = run("VEN", "COL", D2025, requested=requested)
    for party in ("USA", "BRA", "ARG", "CHL"):
        assert bound_under(r, party, "tiar_1947", "3") is requested
    if not requested:
        assert r.joiners == ()
        assert {"USA", "BRA", "ARG", "CHL"} <= {w.state for w in r.withheld if w.treaty == "tiar_1947"}


def test_falklands_1982_no_one_obliged() -> None:
    """§1.1/§1.10: the Falklands lie outside NATO Art. 6, and the UK is not a Rio party."""
    r = run("ARG", "GBR", "1982-04-02", place="falkland-islands")
    assert r.joiners == ()


# ---------------------------------------------------------------------------------------------
# 8. US alliances in the Pacific (§1.6-1.8), Korea (§1.3, §1.7)
# ---------------------------------------------------------------------------------------------


def test_senkaku_attack_brings_in_the_us() -> None:
    """§1.6: Senkakus covered because Japan administers them (Obama/Kerry 2014-2015)."""
    j = run("CHN", "JPN", D2025, place="senkaku-islands").joiner("USA")
    assert j is not None and j.side == "defense"
    assert (j.primary.treaty, j.primary.article, j.primary.strength) == ("usa_jpn_1960", "V", "S3")


def test_guam_not_covered_by_us_japan_treaty() -> None:
    """§1.6: an attack on US territory outside Japan's administration is not covered (asymmetric treaty)."""
    assert not bound_under(run("CHN", "USA", D2025, place="guam"), "JPN", "usa_jpn_1960")


def test_us_forces_in_okinawa_covered_by_us_japan_treaty() -> None:
    """§1.6: an armed attack against *either* party in territory Japan administers triggers Art. V."""
    assert bound_under(run("CHN", "USA", D2025, place="okinawa", target_kind="forces"), "JPN", "usa_jpn_1960", "V")


@pytest.mark.parametrize("place", ["second-thomas-shoal", "sabina-shoal", "scarborough-shoal", "south-china-sea"])
def test_attack_on_philippine_forces_in_south_china_sea(place: str) -> None:
    """§1.8: US view since 2019/2024: attacks on Philippine forces anywhere in the SCS trigger Art. IV."""
    r = run("CHN", "PHL", D2025, place=place, target_kind="forces")
    assert r.joiner("USA") is not None and r.joiner("USA").side == "defense"  # type: ignore[union-attr]
    assert bound_under(r, "USA", "usa_phl_1951", "IV")


@pytest.mark.parametrize("place", ["second-thomas-shoal", "sabina-shoal"])
def test_the_spratly_shoals_are_no_states_land_territory(place: str) -> None:
    """§1.8: low-tide elevations in the Philippine EEZ (2016 award: sovereign rights, not territory): an attack
    there is on forces; read as territory only in the claimant view, where China claims them too."""
    with pytest.raises(ScenarioError, match=r"under which it is territory of no state; use --target-kind forces"):
        run("CHN", "PHL", D2025, place=place)
    r = run("CHN", "PHL", D2025, place=place, territory_view="claimant")
    assert bound_under(r, "USA", "usa_phl_1951", "IV")


def test_korean_war_scenarios() -> None:
    """§1.7: US-ROK Art. III (S3); §1.3 and §1.2: China and Russia owe North Korea S1 help."""
    south = run("PRK", "KOR", D2025)
    assert (south.joiner("USA").primary.treaty, south.joiner("USA").primary.article) == ("usa_kor_1953", "III")  # type: ignore[union-attr]
    north = run("USA", "PRK", D2025)
    assert bound_under(north, "CHN", "chn_prk_1961", "II") and north.joiner("CHN").primary.strength == "S1"  # type: ignore[union-attr]
    assert bound_under(north, "RUS", "rus_prk_2024", "4")


def test_thailand_cambodia_2025_us_only_consults() -> None:
    """§1.14: the US limits its Manila Pact Art. IV(1) duty to communist aggression; otherwise it only consults."""
    r = run("KHM", "THA", "2025-07-24")
    assert r.joiner("USA") is None
    assert ("USA", "THA", "manila_1954") in {(c.state, c.with_, c.treaty) for c in r.consultations}
    assert bound_under(r, "AUS", "manila_1954", "IV(1)")  # other parties' duty is not limited


@pytest.mark.parametrize(("attacker", "target", "day", "us_bound"), [
    ("IND", "PAK", "1965-09-06", False), ("IND", "PAK", "1971-12-03", False),  # India is not communist
    ("VNM", "THA", "1970-06-01", True), ("KHM", "THA", "1978-06-01", True), ("CHN", "PAK", "1962-06-01", True),
])
def test_the_us_manila_duty_before_1992_is_limited_to_communist_aggression(attacker: str, target: str, day: str,
                                                                           us_bound: bool) -> None:
    """The US understanding held from 1955: Art. IV(1) binds the US against the communist-ruled states of the
    time only (Pakistan's wars with India bound it to consult, not to fight), the other parties against anyone."""
    r = run(attacker, target, day)
    assert bound_under(r, "USA", "manila_1954", "IV(1)") == us_bound
    assert bound_under(r, "GBR", "manila_1954", "IV(1)")
    if not us_bound:
        assert ("USA", target, "manila_1954") in {(c.state, c.with_, c.treaty) for c in r.consultations}


# ---------------------------------------------------------------------------------------------
# 9. Conflicts: a NATO member attacks another (§1.1, §2.3)
# ---------------------------------------------------------------------------------------------


def test_turkey_attacks_greece_escalatory_conflicts() -> None:
    """§1.1/§2.3: NATO binds every other ally to Greece and, once Turkey is struck back, to Turkey as well."""
    r = run("TUR", "GRC", D2025, reading="escalatory")
    conflicted = {c.state for c in r.conflicts}
    assert conflicted == nato_members(D2025) - {"TUR", "GRC"}
    assert not conflicted & belligerents(r)
    for c in r.conflicts:
        assert c.reason == "bound to both sides"
        assert "nato_1949" in c.to_dict()["treaties"]
        assert {o.side for o in c.obligations} == {"attack", "defense"}
    (fra,) = [c for c in r.conflicts if c.state == "FRA"]
    assert {"fra_grc_2021", "nato_1949", "eu_teu_42_7"} <= set(fra.to_dict()["treaties"])
    for neutral in ("AUT", "CYP", "IRL", "MLT"):  # EU-only partners of Greece owe aid, not a side: never conflicted
        assert r.joiner(neutral) is None and neutral not in conflicted
        assert (neutral, "eu_teu_42_7") in {(w.state, w.treaty) for w in r.withheld}
    aze = r.joiner("AZE")  # §2.1: Turkey-Azerbaijan mutual support once Turkey is struck
    assert aze is not None and aze.side == "attack" and aze.primary.round == 2


def test_turkey_attacks_greece_legal_reading_no_conflict() -> None:
    """§2.3: in the legal reading only Greece is attacked; France is bound to it twice over."""
    r = run("TUR", "GRC", D2025)
    assert r.conflicts == ()
    assert bound_under(r, "FRA", "fra_grc_2021", "2") and bound_under(r, "FRA", "nato_1949", "5")
    assert r.sides["attack"] == ["TUR"]


def test_conflict_obligations_never_triggered_by_the_obligor_itself() -> None:
    """A treaty cannot oblige a state to defend a country against that state's own attack."""
    r = run("TUR", "GRC", D2025, reading="escalatory")
    assert r.conflicts
    self_triggered = [(c.state, o.treaty, o.because.attacked) for c in r.conflicts for o in c.obligations
                      if o.because.by == c.state]
    assert self_triggered == []


# ---------------------------------------------------------------------------------------------
# 10. Legal vs escalatory readings
# ---------------------------------------------------------------------------------------------

SUBSET_SCENARIOS = [
    pytest.param(("UKR", "RUS", "2025-01-15"), {"place": "kursk-oblast"}, id="kursk"),
    pytest.param(("RUS", "EST", D2025), {}, id="russia-estonia"),
    pytest.param(("CHN", "JPN", D2025), {"place": "senkaku-islands"}, id="senkaku"),
    pytest.param(("CHN", "TWN", "1979-12-31"), {}, id="taiwan-1979"),
    pytest.param(("IRN", "QAT", "2025-10-01"), {}, id="iran-qatar"),
    pytest.param(("PRK", "KOR", D2025), {}, id="korea"),
]


@pytest.mark.parametrize(("args", "kw"), SUBSET_SCENARIOS)
def test_legal_joiners_are_a_subset_of_escalatory_joiners(args: tuple[str, str, str], kw: dict[str, str]) -> None:
    """Where no state is bound to both sides, escalation only adds joiners, on the same sides."""
    legal = run(*args, **kw)
    esc = run(*args, reading="escalatory", **kw)
    assert esc.conflicts == ()
    assert {(j.state, j.side) for j in legal.joiners} <= {(j.state, j.side) for j in esc.joiners}


def test_escalatory_reading_pulls_csto_allies_onto_russias_side() -> None:
    """§1.4/§1.5: when NATO strikes back at Russia, its allies are bound to it (round 2); not in the legal reading."""
    legal = run("RUS", "EST", D2025)
    assert legal.sides["attack"] == ["RUS"]
    esc = run("RUS", "EST", D2025, reading="escalatory")
    for ally in ("BLR", "KAZ", "KGZ", "TJK"):
        j = esc.joiner(ally)
        assert j is not None and j.side == "attack", ally
        assert j.primary.round == 2 and j.primary.because.attacked == "RUS"
        assert bound_under(esc, ally, "csto_1992", "4")
    assert bound_under(esc, "BLR", "rus_blr_2024", "4")


# ---------------------------------------------------------------------------------------------
# 11. Territorial views: Crimea (§1.2)
# ---------------------------------------------------------------------------------------------


def test_crimea_is_not_russian_territory_under_recognized_view() -> None:
    with pytest.raises(ScenarioError):
        run("UKR", "RUS", "2025-01-15", place="crimea")


def test_crimea_claimant_view_brings_in_prk() -> None:
    """§1.2: whether claimed territory is covered is open; the claimant view reads it as covered."""
    r = run("UKR", "RUS", "2025-01-15", place="crimea", territory_view="claimant")
    j = r.joiner("PRK")
    assert j is not None and (j.primary.treaty, j.primary.article) == ("rus_prk_2024", "4")
    assert j.primary.because.place == "crimea"


def test_attack_on_russian_forces_in_crimea_does_not_bring_in_prk() -> None:
    """§1.2: no scope stated; practice applied Art. 4 only to Russian territory (YAML: forces not covered)."""
    r = run("UKR", "RUS", "2025-01-15", place="crimea", target_kind="forces")
    assert r.joiner("PRK") is None


# ---------------------------------------------------------------------------------------------
# 12. Terminated treaties (§3, §4)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "bound"),
    [
        pytest.param("1979-12-31", True, id="last-day"),
        pytest.param("1980-01-01", False, id="terminated"),
        pytest.param(D2025, False, id="2025-taiwan-relations-act-is-no-treaty"),
    ],
)
def test_us_roc_treaty_terminated_1980(day: str, bound: bool) -> None:
    """§3/§4: the US-ROC treaty ended 1 Jan 1980; the Taiwan Relations Act sets no duty to intervene."""
    r = run("CHN", "TWN", day)
    assert bound_under(r, "USA", "usa_roc_1954", "V") is bound
    if not bound:
        assert r.joiner("USA") is None


# ---------------------------------------------------------------------------------------------
# 13. Neutrality and non-defence partnerships (§4)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "neutral"),
    [pytest.param("2025-10-01", False, id="day-before"), pytest.param("2025-10-02", True, id="entry-into-force")],
)
def test_russia_iran_treaty_neutrality(day: str, neutral: bool) -> None:
    """§4: Russia-Iran (in force 2 Oct 2025) has no mutual assistance; Art. 3: neither helps an aggressor."""
    r = run("UKR", "RUS", day, place="kursk-oblast")
    assert (("IRN", "RUS", "rus_irn_2025") in {(n.state, n.toward, n.treaty) for n in r.neutral}) is neutral
    assert r.joiner("IRN") is None


@pytest.mark.parametrize(
    ("day", "russia_neutral"),
    [pytest.param("2025-06-13", False, id="june-2025-war"), pytest.param("2025-10-02", True, id="after-rus-irn")],
)
def test_israel_iran_2025_no_one_obliged(day: str, russia_neutral: bool) -> None:
    """§4 and the Israel-Iran test case: Iran has no defence treaty; Russia at most stays neutral."""
    r = run("ISR", "IRN", day)
    assert r.joiners == ()
    assert (("RUS", "IRN") in {(n.state, n.toward) for n in r.neutral}) is russia_neutral


def test_ukraine_bilateral_security_agreements_consult_only() -> None:
    """§4: Ukraine's 2024 bilateral agreements: consult within 24 hours, no duty to fight (S4)."""
    r = run("RUS", "UKR", D2025)
    assert r.joiners == ()
    consulting = {c.state for c in r.consultations if c.treaty == "ukr_bilateral_2024"}
    assert {"GBR", "USA", "CAN", "FRA", "DEU", "ITA", "JPN"} <= consulting  # UK first, then the G7


def test_fpda_consultation_only() -> None:
    """§4: FPDA: if Malaysia or Singapore is attacked, the five consult; no commitment to intervene."""
    r = run("IDN", "MYS", D2025)
    assert r.joiners == ()
    assert {c.state for c in r.consultations if c.treaty == "fpda_1971"} == {"GBR", "AUS", "NZL", "SGP"}


@pytest.mark.parametrize(("place", "debated"), [(None, False), ("french-guiana", True), ("reunion", True)])
def test_aachen_scope_follows_the_nato_and_eu_clauses(place: str | None, debated: bool) -> None:
    """§2.3: Aachen Art. 4(1) "follows the NATO/EU clauses": France's places outside Europe are outside NATO's
    Art. 6 and debated under the EU clause, so Germany's duty there is flagged as debated, as the EU's is."""
    r = run("BRA", "FRA", D2025, place=place)
    deu = r.joiner("DEU")
    assert deu is not None
    (aachen,) = [o for o in (deu.primary, *deu.also) if (o.treaty, o.article) == ("fra_deu_2019", "4(1)")]
    assert any(x.kind == "scope" and "debated" in x.fact for x in aachen.certainty_reasons) is debated
    assert aachen.certainty == ("unverified" if debated else "secondary")


@pytest.mark.parametrize(("target", "guarantor"), [("ITA", "FRA"), ("FRA", "ITA")])
def test_quirinal_art_2_1_binds_france_and_italy_to_each_other_from_february_2023(target: str, guarantor: str) -> None:
    """Quirinal Treaty (not in the fact sheet): Art. 2(1), on the basis of NATO Art. 5 and TEU Art. 42(7), the two
    give each other assistance in case of armed aggression, verified in the treaty's text as the Gazzetta Ufficiale
    publishes it with Italy's ratification law: graded S2 as Aachen's clause is, on an armed aggression. In force
    1 Feb 2023, the day read in the Italian foreign ministry's communique of that day (verified to the day): not
    bound the day before, and bound on verified facts from that day, with no `date` reason in the week after it."""
    r = run("RUS", target, D2025)
    assert bound_under(r, guarantor, "fra_ita_2021", "2(1)")
    (quirinal,) = [o for o in obligations(r, guarantor) if o.treaty == "fra_ita_2021"]
    assert (quirinal.side, quirinal.strength, quirinal.certainty) == ("defense", "S2", "verified")
    assert not quirinal.certainty_reasons
    assert bound_under(r, guarantor, "nato_1949", "5") and bound_under(r, guarantor, "eu_teu_42_7", "42(7)")
    assert not bound_under(run("RUS", target, "2023-01-31"), guarantor, "fra_ita_2021")
    for day in ("2023-02-01", "2023-02-03"):
        (early,) = [o for o in obligations(run("RUS", target, day), guarantor) if o.treaty == "fra_ita_2021"]
        assert early.certainty == "verified" and not early.certainty_reasons


@pytest.mark.parametrize(("place", "debated"), [(None, False), ("french-guiana", True)])
def test_quirinal_scope_follows_the_nato_and_eu_clauses_as_aachens_does(place: str | None, debated: bool) -> None:
    """The Quirinal clause rests on NATO Art. 5 and TEU Art. 42(7): France's places outside Europe are covered but
    debated, as under Aachen's Art. 4(1), so Italy's duty there is flagged as debated."""
    r = run("BRA", "FRA", D2025, place=place)
    (quirinal,) = [o for o in obligations(r, "ITA") if (o.treaty, o.article) == ("fra_ita_2021", "2(1)")]
    assert any(x.kind == "scope" and "debated" in x.fact for x in quirinal.certainty_reasons) is debated
    assert quirinal.certainty == ("unverified" if debated else "verified")


@pytest.mark.parametrize(("place", "debated"), [(None, False), ("french-guiana", True), ("new-caledonia", True)])
def test_nancy_scope_follows_the_nato_and_eu_clauses_as_aachens_does(place: str | None, debated: bool) -> None:
    """The Treaty of Nancy's Art. 4(2) gives its help in line with NATO Art. 5 and TEU Art. 42(7): France's places
    outside Europe are covered but debated, as under Aachen's Art. 4(1) (the same place set), so Poland's duty there
    is flagged as debated and lowered, as Germany's is; it had no debated list, so Poland's duty was verified."""
    r = run("BRA", "FRA", "2026-03-01", place=place)
    (nancy,) = [o for o in obligations(r, "POL") if (o.treaty, o.article) == ("fra_pol_2025", "4(2)")]
    (aachen,) = [o for o in obligations(r, "DEU") if (o.treaty, o.article) == ("fra_deu_2019", "4(1)")]
    for duty in (nancy, aachen):
        assert any(x.kind == "scope" and "debated" in x.fact for x in duty.certainty_reasons) is debated
    assert nancy.certainty == ("unverified" if debated else "verified")
    assert aachen.certainty == ("unverified" if debated else "secondary")


def test_france_uae_consults_under_both_of_its_clauses() -> None:
    """§2.3: France-UAE 2009: a public security clause (S4: consultations on the measures, no automatic action);
    the agreement's general clause on threats to either party's interests applies too, so both are reported."""
    r = run("IRN", "ARE", D2025)
    assert sorted(c.article for c in r.consultations if c.treaty == "fra_are_2009" and c.state == "FRA") == ["3", "4"]
    assert bound_under(r, "FRA", "fra_are_2009") is False
    back = run("IRN", "FRA", D2025)  # the security clause is owed to the UAE alone
    assert [c.article for c in back.consultations if c.treaty == "fra_are_2009"] == ["3"]


@pytest.mark.parametrize(
    ("day", "saudi_bound"),
    [pytest.param("2025-05-07", False, id="operation-sindoor"), pytest.param("2025-10-01", True, id="after-signing")],
)
def test_india_pakistan_saudi_pact(day: str, saudi_bound: bool) -> None:
    """§2.2: the Saudi-Pakistan pact was signed 17 Sep 2025, after the May 2025 India-Pakistan fighting.

    Its entry into force is not public [U], so the signed basis is used.
    """
    r = run("IND", "PAK", day, place="azad-kashmir", basis="signed")
    assert bound_under(r, "SAU", "sau_pak_2025") is saudi_bound


# ---------------------------------------------------------------------------------------------
# 14. Non-aggression (AU pact, the only non-aggression clause in the data)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "violated"),
    [pytest.param("2009-12-17", False, id="before-entry-into-force"), pytest.param(D2025, True, id="in-force")],
)
def test_au_pact_nonaggression_violation(day: str, violated: bool) -> None:
    """§3: AU Non-Aggression and Common Defence Pact, in force 18 Dec 2009 (membership list unverified)."""
    r = run("TCD", "LBY", day)
    found = {(v.state, v.against, v.treaty, v.kind) for v in r.violations}
    assert (("TCD", "LBY", "au_nacdp_2005", "nonaggression") in found) is violated


# ---------------------------------------------------------------------------------------------
# 15. Input errors
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("attacker", "target", "day", "kw", "error", "needle"),
    [
        pytest.param("Narnia", "RUS", D2025, {}, UnknownStateError, "Narnia", id="unknown-state"),
        pytest.param("Rusia", "UKR", D2025, {}, UnknownStateError, "Russia", id="misspelt-state-suggestion"),
        pytest.param("RUS", "UKR", "2025-02-30", {}, DateOutOfRangeError, "2025-02-30", id="impossible-date"),
        pytest.param("RUS", "UKR", "1700-01-01", {}, DateOutOfRangeError, "1700-01-01", id="date-too-early"),
        pytest.param("RUS", "UKR", D2025, {"place": "atlantis"}, UnknownPlaceError, "atlantis", id="unknown-place"),
        pytest.param("RUS", "RUS", D2025, {}, ScenarioError, "RUS", id="attacker-is-target"),
        pytest.param("ALB", "Kosovo", "1990-01-01", {}, ScenarioError, "1990-01-01", id="state-not-yet-in-system"),
    ],
)
def test_input_errors(
    attacker: str, target: str, day: str, kw: dict[str, str], error: type[FoedusError], needle: str
) -> None:
    with pytest.raises(error) as info:
        run(attacker, target, day, **kw)
    assert isinstance(info.value, FoedusError)
    assert needle in str(info.value)
