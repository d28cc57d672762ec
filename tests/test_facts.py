"""Facts fixed against the 2025 fact sheet (issue 12, §3), one test per item.

Each expectation cites the fact sheet section it comes from (/work/shared/reference/treaties-2025.md).
Runs on the curated set alone.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from itertools import takewhile
from pathlib import Path
from typing import Any

import pytest

import foedus
from foedus.catalog import treaty_detail
from foedus.engine.result import CascadeResult, Obligation
from foedus.engine.table import compile_table
from foedus.model.loader import bare_source_urls

CURATED = foedus.World.load(history=False)
D2025 = "2025-06-01"


def run(attacker: str, target: str, day: str, **kw: Any) -> CascadeResult:
    return foedus.cascade(attacker, target, day, world=CURATED, **kw)


def obligations(result: CascadeResult, state: str) -> list[Obligation]:
    j = result.joiner(state)
    return [] if j is None else [j.primary, *j.also]


def bound(result: CascadeResult, state: str, treaty: str) -> Obligation | None:
    return next((o for o in obligations(result, state) if o.treaty == treaty), None)


@pytest.mark.parametrize(("place", "kind", "kor_bound"), [
    ("okinawa", "forces", False),        # Japanese-administered: US forces there are outside Art. III
    ("taiwan-strait", "forces", False),  # international waters: no party administers them
    ("guam", "territory", True),         # US-administered, in the Pacific area
    ("guam", "forces", True),
])
def test_us_rok_art_3_counts_only_territory_either_party_administers(place: str, kind: str, kor_bound: bool) -> None:
    """§1.7: an armed attack in the Pacific area in territories under either party's administrative control."""
    r = run("CHN", "USA", D2025, place=place, target_kind=kind)
    assert (bound(r, "KOR", "usa_kor_1953") is not None) is kor_bound


def test_us_rok_us_forces_in_korea_bring_in_korea() -> None:
    """§1.7: ROK-administered territory is covered, for attacks on either party's forces there."""
    r = run("PRK", "USA", D2025, place="south-korea", target_kind="forces")
    assert bound(r, "KOR", "usa_kor_1953") is not None


def test_us_rok_non_provocation_understanding_is_flagged_unverified() -> None:
    """§1.7: the Senate's external-attack understanding is [U]: the gate is kept, and flagged."""
    usa = bound(run("PRK", "KOR", D2025), "USA", "usa_kor_1953")
    assert usa is not None
    assert any("non-provocation" in c and "(the clause's wording of this condition: not verified)" in c
               for c in usa.conditions)


def test_a_leg_held_back_by_an_unverified_gate_is_no_surer_than_the_gate() -> None:
    """§1.7: withholding the US duty when South Korea starts the war rests on the Senate's understanding [U]:
    the withheld leg says so, in its certainty and its reasons, not only in its reason's words."""
    (held,) = [w for w in run("KOR", "PRK", D2025, reading="escalatory").withheld
               if (w.state, w.treaty) == ("USA", "usa_kor_1953")]
    assert "non-provocation" in held.reason and held.certainty == "unverified"
    assert any(x.kind == "article" and "the condition that holds it back" in x.fact and x.certainty == "unverified"
               for x in held.certainty_reasons)


def test_saudi_pakistan_duty_quotes_no_words_of_a_text_that_is_not_public() -> None:
    """§2.2: only the joint statement is public; "all military means" is a Saudi official's account [V-secondary],
    so the duty is described, not quoted."""
    sau = bound(run("IND", "PAK", "2025-10-01"), "SAU", "sau_pak_2025")
    assert sau is not None and '"' not in sau.duty and "all military means" not in sau.duty


def test_venezuela_rio_treaty_standing_is_never_certain() -> None:
    """§1.10: 2019 re-accession contested [C] ("treat as contested"); after Jan 2023 its status is also [U], and
    the contest goes on, so the standing stays conflicting (the worse of the two)."""
    for day, level in (("2020-06-01", "conflicting"), (D2025, "conflicting")):
        o = bound(run("COL", "VEN", day), "USA", "tiar_1947")
        assert o is not None and o.certainty == level
        assert any(x.kind == "membership" and "VEN" in x.fact for x in o.certainty_reasons)


def test_france_djibouti_art_4_is_one_way_s3() -> None:
    """§2.3: Art. 4 is non-automatic and one-way: S3/S4, not a unilateral S5 guarantee."""
    fra = bound(run("ERI", "DJI", D2025), "FRA", "fra_dji_2011")
    assert fra is not None and fra.strength == "S3"
    assert bound(run("ERI", "FRA", D2025), "DJI", "fra_dji_2011") is None


@pytest.mark.parametrize("treaty_id", ["sau_pak_2025", "fra_grc_2021", "sadc_mdp_2003", "tur_aze_2010",
                                       "aes_2023"])
def test_entry_into_force_stand_ins_are_flagged(treaty_id: str) -> None:
    """§2.2, §2.3, §3, §2.1: the entry-into-force date is not known to the day (Russia-Armenia, §2.7, is since 5 Nov
    1998: tests/test_entry_into_force_days.py; the Manila Pact, §1.14, since 19 Feb 1955:
    tests/test_manila_in_force.py)."""
    t = CURATED.treaty(treaty_id)
    assert t.in_force_certainty is not None and t.in_force_certainty.certainty != "verified"
    assert t.in_force_certainty.note


def test_new_zealand_to_us_anzus_leg_is_unverified_after_1986() -> None:
    """§1.9: USA→NZL suspended since 11 Aug 1986 [V]; whether NZ→USA still binds is [U]."""
    after = bound(run("CHN", "USA", D2025, place="hawaii"), "NZL", "anzus_1951")
    before = bound(run("CHN", "USA", "1980-06-01", place="hawaii"), "NZL", "anzus_1951")
    assert after is not None and after.certainty == "unverified"
    assert before is not None and before.certainty == "secondary"
    assert bound(run("CHN", "NZL", D2025), "USA", "anzus_1951") is None


@pytest.mark.parametrize(("day", "member"), [("1971-12-05", False), ("1971-12-06", True), ("1972-12-31", True)])
def test_uae_arab_league_date_follows_its_admission_in_december_1971(day: str, member: bool) -> None:
    """§1.12 says the UAE joined the League in 1972 [V], but an emergency League meeting admitted it on 6 Dec 1971
    (The National), the day ATOP dates its treaty accession: a party from then, the sheet's 1972 a conflicting
    source (tests/test_arab_league_members.py)."""
    assert ("ARE" in compile_table(CURATED, dt.date.fromisoformat(day)).members["arab_jdec_1950"]) is member


def test_kazakhstan_2022_csto_invocation_is_verified() -> None:
    """§1.4: Kazakhstan, Jan 2022: the first and only collective deployment, under Art. 4 [V]."""
    inv = next(i for i in CURATED.treaty("csto_1992").invocations if i.requester == ["KAZ"] and i.date.year == 2022)
    assert (inv.article, inv.certainty.value) == ("4", "verified")
    assert inv.date_certainty is not None and inv.date_certainty.within == "month"


@pytest.mark.parametrize(("treaty_id", "words"), [("sadc_mdp_2003", "Summit"), ("fra_grc_2021", "jointly")])
def test_decision_gates_are_recorded_and_said(treaty_id: str, words: str) -> None:
    """§3 SADC: action needs Summit authorisation [V]; §2.3 France–Greece: joint determination."""
    p = CURATED.treaty(treaty_id).provisions[0]
    assert p.needs_decision and words in p.needs_decision
    r = run("TUR", "GRC", D2025) if treaty_id == "fra_grc_2021" else run("AGO", "ZAF", D2025)
    o = bound(r, "FRA" if treaty_id == "fra_grc_2021" else "BWA", treaty_id)
    assert o is not None and any(words in c for c in o.conditions)


def test_diego_garcia_is_british_and_claimed_by_mauritius() -> None:
    """The 2025 UK-Mauritius treaty had not entered into force: the UK holds it, Mauritius claims it."""
    dg = CURATED.places.places["diego-garcia"]
    assert (dg.sovereign, dg.administrator, dg.claimants) == ("GBR", "GBR", ["MUS"])


NON_OBLIGATIONS = ["usa_twn_tra_1979", "aukus_2021", "quad", "usa_sau_sda_2025", "jpn_aus_raa_2022"]


@pytest.mark.parametrize("treaty_id", NON_OBLIGATIONS)
def test_non_obligations_are_recorded_and_bind_no_one(treaty_id: str) -> None:
    """§4: recorded with the reason they bind no one, and never a leg of any cascade."""
    t = CURATED.treaty(treaty_id)
    assert t.binds_no_one and not t.provisions
    legs = compile_table(CURATED, dt.date.fromisoformat(D2025)).all_legs()
    assert not any(leg.treaty.id == treaty_id for leg in legs)


@pytest.mark.parametrize(("attacker", "target", "state"), [("CHN", "TWN", "USA"), ("CHN", "IND", "JPN"),
                                                           ("IRN", "SAU", "USA"), ("CHN", "JPN", "AUS")])
def test_non_obligations_produce_no_joiner(attacker: str, target: str, state: str) -> None:
    """§4: TRA, Quad, the US-Saudi SDA and the Japan-Australia RAA draw no one in."""
    assert run(attacker, target, D2025).joiner(state) is None


@pytest.mark.parametrize(("day", "arms"), [("1979-04-09", False), ("2025-06-01", True)])
def test_taiwan_relations_act_supplies_arms_without_a_duty_to_fight(day: str, arms: bool) -> None:
    """§4 (TRA row): signed 10 Apr 1979, effective retroactively from 1 Jan 1979 [V]; the US provides defensive
    arms [V] and has no obligation to intervene: a supporter of Taiwan, not a joiner, from the Act's enactment."""
    tra = CURATED.treaty("usa_twn_tra_1979")
    assert tra.in_effect(dt.date.fromisoformat(day)) is arms  # not in effect before its enactment
    r = run("CHN", "TWN", day)
    given = {(x.state, x.supports, x.form, x.treaty, x.certainty) for x in r.supporters}
    assert (("USA", "TWN", "arms", "usa_twn_tra_1979", "verified") in given) is arms
    if arms:
        assert r.joiner("USA") is None


def test_treaties_show_explains_a_non_obligation() -> None:
    out = subprocess.run([sys.executable, "-m", "foedus.cli", "treaties", "show", "quad"],
                         capture_output=True, text=True, check=True).stdout
    assert "binds no one" in out and "forum" in out


def test_added_treaties_are_flagged_as_the_fact_sheet_flags_them() -> None:
    """§2.3: the 2024 France-Djibouti treaty (ratification [U]); §2.8: later Russian treaties [U]."""
    dji = CURATED.treaty("fra_dji_2024")
    assert dji.in_force is None and "fra_dji_2011" in dji.replaces
    assert bound(run("ERI", "DJI", D2025, basis="signed"), "FRA", "fra_dji_2024") is not None
    for tid in ("rus_kaz_2013", "rus_tjk_1999"):
        assert CURATED.treaty(tid).certainty.value == "unverified"


def test_bundled_sources_link_pages_not_home_pages() -> None:
    """Every bundled source names the page that states the fact, not a bare domain."""
    assert {tid: bare_source_urls(t) for tid, t in CURATED.treaties.curated.items() if bare_source_urls(t)} == {}


def test_validate_strict_rejects_a_bare_domain(tmp_path: Path) -> None:
    f = tmp_path / "x.yaml"
    f.write_text("id: x_2000\nname: X\nsigned: 2000-01-01\nsources: [{url: 'https://www.example.org/'}]\n"
                 "members: [{state: USA}, {state: CAN}]\nprovisions: [{kind: defense, article: '1', strength: S2}]\n",
                 encoding="utf-8")
    cli = [sys.executable, "-m", "foedus.cli", "treaties", "validate"]
    lax = subprocess.run([*cli, str(f)], capture_output=True, text=True)
    strict = subprocess.run([*cli, "--strict", str(f)], capture_output=True, text=True)
    assert lax.returncode == 0
    assert strict.returncode == 2 and "bare home page" in strict.stderr
    assert subprocess.run([*cli, "--strict"], capture_output=True, text=True).returncode == 0


@pytest.mark.parametrize(("target", "place", "bound_state", "is_bound"), [
    ("TWN", None, "USA", True),        # Taiwan itself (the Pescadores count with it)
    ("TWN", "kinmen", "USA", False),   # Art. VI: not Kinmen or Matsu
    ("TWN", "matsu", "USA", False),
    ("USA", "guam", "TWN", True),      # the US's island territories in the West Pacific
    ("USA", "hawaii", "TWN", False),   # not the West Pacific islands Art. VI names
])
def test_us_roc_treaty_covers_taiwan_and_the_pescadores_not_the_offshore_islands(
        target: str, place: str | None, bound_state: str, is_bound: bool) -> None:
    """§4 (TRA row): the 1954 treaty covered Taiwan and Penghu, not Kinmen/Matsu [V]."""
    r = run("CHN", target, "1958-08-23", **({"place": place} if place else {}))
    assert (bound(r, bound_state, "usa_roc_1954") is not None) is is_bound


@pytest.mark.parametrize(("day", "is_bound"), [("1958-08-23", True), ("1979-06-01", False)])
def test_us_roc_treaty_covers_okinawa_only_while_us_administered(day: str, is_bound: bool) -> None:
    """Art. VI's US 'island territories in the West Pacific' took in the Ryukyus until their 1972 reversion."""
    r = run("CHN", "USA", day, place="okinawa", target_kind="forces")
    assert (bound(r, "TWN", "usa_roc_1954") is not None) is is_bound


def test_georgia_csto_membership_is_verified_only_its_signature_date_conflicts() -> None:
    """§1.2: GEO a party until 1999 [V]; only its 1993 signature date is [C]."""
    o = bound(run("ARM", "GEO", "1996-06-01"), "RUS", "csto_1992")
    assert o is not None and not any(x.kind == "membership" and "GEO" in x.fact for x in o.certainty_reasons)


def test_trinidad_rio_treaty_entry_date_is_a_reason_near_it() -> None:
    """§1.10: Trinidad and Tobago a party [V], its date [U] in the fact sheet, secondary from Gibler's reference
    book (cited as a book, by entry number, with no address: no scraper's copy): within days of it the date is a
    reason, citing the treaty file's first source; weeks later it is none."""
    o = bound(run("VEN", "TTO", "1967-04-08"), "USA", "tiar_1947")
    assert o is not None
    date = [x for x in o.certainty_reasons if x.kind == "date" and "TTO" in x.fact]
    assert date and date[0].certainty == "secondary" and date[0].source == "http://www.oas.org/juridico/english/sigs/b-29.html"
    later = bound(run("VEN", "TTO", "1967-06-01"), "USA", "tiar_1947")
    assert later is not None and not any(x.kind == "date" for x in later.certainty_reasons)


@pytest.mark.parametrize("state", ["BOL", "ECU", "NIC"])
def test_the_rio_exit_days_the_unverified_list_names_are_the_recorded_ones(state: str) -> None:
    """§1.10: Bolivia, Ecuador and Nicaragua denounced in 2012 [V], 'effective 2014' [U]; the days recorded are ATOP
    5.1's (secondary; Ecuador's falls in 2016). The treaty's list of unverified facts, which `treaties show` prints,
    names the day each exit took effect as recorded, not a picked day no row uses."""
    rio = CURATED.treaty("tiar_1947")
    (left,) = [m.left for m in rio.members if m.state == state and m.left is not None]
    day = f"{left.day} {left:%b %Y}"
    assert any(state in u and day in u for u in rio.unverified), (state, day, rio.unverified)
    assert not any("5 Jun 2014" in u for u in rio.unverified)


@pytest.mark.parametrize(("day", "fights"), [("1963-06-01", True), ("1964-04-04", False), ("1990-06-01", False)])
def test_cyprus_alliance_art_2_is_a_defence_duty_until_1964_then_a_guarantee(day: str, fights: bool) -> None:
    """§2.9 and ATOP 3400: Art. II's undertaking is [V]; ATOP codes a defence pledge until Cyprus's abrogation
    notice of 4 Apr 1964, and the fact sheet reads the 1960 treaties as guarantee rights, not a standing defence
    duty: from then Greece and Turkey are only to act with Cyprus (a consultation). Both readings are flagged."""
    r = run("SYR", "CYP", day)
    o = bound(r, "GRC", "cyp_alliance_1960")
    assert (o is not None) is fights
    if o is not None:
        assert o.certainty == "unverified" and any("1964-04-04" in x.fact for x in o.certainty_reasons)
    held = {(c.state, c.article, c.certainty) for c in r.consultations if c.treaty == "cyp_alliance_1960"}
    assert held == (set() if fights else {("GRC", "II", "unverified"), ("TUR", "II", "unverified")})


def test_the_best_sourced_clause_comes_first_and_the_explanation_tags_each() -> None:
    """Of the clauses that bind a joiner alike, the best sourced is its primary one: Kazakhstan's 1992 treaty with
    Russia (a bilateral clause, unverified) comes after the CSTO's Art. 4 (secondary); each is tagged."""
    r = run("UKR", "RUS", D2025)
    kaz = r.joiner("KAZ")
    assert kaz is not None and kaz.primary.treaty == "csto_1992" and kaz.primary.certainty == "secondary"
    assert [o.treaty for o in kaz.also] == ["rus_kaz_1992"]
    line = next(x for x in r.explain().splitlines() if "Kazakhstan (KAZ) is bound to join" in x)
    assert "— secondary facts" in line
    assert "also rus_kaz_1992 art. unknown (unverified: treaty, article)" in line  # tagged as `foedus war` tags it
    assert "(article unverified)" not in line  # the article's own note: its doubt is said once, by the tag


def test_a_joiners_article_doubt_is_said_once_beneath_its_line() -> None:
    """Uzbekistan's treaty with Russia binds it by Art. 2, its number not verified: the joiner's line cites the
    article without its own note of that doubt, which the reason listed beneath it says (in the text and the tree),
    so it is said once; the JSON keeps the article as recorded."""
    r = run("UKR", "RUS", D2025)
    uzb = r.joiner("UZB")
    assert uzb is not None and (uzb.primary.treaty, uzb.primary.article) == ("rus_uzb_2005", "2 (number unverified)")
    lines = r.explain().splitlines()
    at = next(i for i, x in enumerate(lines) if "Uzbekistan (UZB) is bound to join" in x)
    assert "rus_uzb_2005 art. 2 [S2" in lines[at] and "unverified)" not in lines[at]
    beneath = [x.strip() for x in takewhile(lambda x: x.startswith("      "), lines[at + 1:])]
    assert any(x.startswith("not verified: rus_uzb_2005 art. 2 (number unverified): the clause") for x in beneath)
    assert r.to_dict()["joiners"][[j.state for j in r.joiners].index("UZB")]["article"] == "2 (number unverified)"
    from rich.console import Console

    console = Console(width=400, record=True)
    console.print(r)
    tree = console.export_text()
    assert "rus_uzb_2005 art. 2 [S2" in tree and tree.count("(number unverified)") == 1


def test_nato_art_5_comes_before_the_eu_clause() -> None:
    """NATO's members that are EU members are bound by both NATO Art. 5 and TEU Art. 42(7) alike (S2, verified):
    the older, founding commitment is the primary one (§1.11: for them NATO remains the foundation)."""
    deu = run("RUS", "EST", D2025).joiner("DEU")
    assert deu is not None and (deu.primary.treaty, deu.primary.article) == ("nato_1949", "5")
    assert [o.treaty for o in deu.also] == ["eu_teu_42_7"]


@pytest.mark.parametrize("place", ["hawaii", "guam"])
def test_rio_art_3_covers_the_territory_of_an_american_state_outside_the_art_4_region(place: str) -> None:
    """§1.10: Art. 3 counts an attack within the Art. 4 region or within the territory of an American state
    [U]: Hawaii and Guam are US territory, though outside the region; flagged as a debated scope (the clause itself
    is read in the treaty text: tests/test_fact_tags.py)."""
    o = bound(run("CHN", "USA", D2025, place=place), "BRA", "tiar_1947")
    assert o is not None and o.certainty == "unverified"
    assert [x.kind for x in o.certainty_reasons] == ["scope"]


def test_csto_attack_on_syunik_is_flagged_as_debated() -> None:
    """§1.2: the CSTO called the May 2021 incursion into Syunik a border incident, not an Art. 4 attack [V]."""
    o = bound(run("AZE", "ARM", "2021-06-01", place="syunik"), "RUS", "csto_1992")
    assert o is not None and any(x.kind == "scope" and "Syunik" in x.fact for x in o.certainty_reasons)
    home = bound(run("AZE", "ARM", "2021-06-01"), "RUS", "csto_1992")
    assert home is not None and not any(x.kind == "scope" for x in home.certainty_reasons)


def test_csto_amended_art_4_needs_an_armed_attack() -> None:
    """§1.2: as amended in 2010 Art. 4 defines aggression as an armed attack [V-secondary], and the CSTO called the
    May 2021 incursion into Syunik a border incident [V]: an incursion binds no one under it. The 1992 wording
    ("aggression") still covers one, as an assumption the obligation states."""
    assert bound(run("AZE", "ARM", "2021-05-14", place="syunik", severity="incursion"), "RUS", "csto_1992") is None
    assert bound(run("AZE", "ARM", "2021-05-14", severity="incursion"), "KAZ", "csto_1992") is None
    assert bound(run("AZE", "ARM", "2021-05-14"), "KAZ", "csto_1992") is not None
    early = bound(run("AZE", "ARM", "2005-06-01", severity="incursion"), "RUS", "csto_1992")
    assert early is not None and any("reads the incursion as aggression" in c for c in early.conditions)


@pytest.mark.parametrize(("severity", "article", "strength"), [
    ("coercion", "2", "S2"), ("incursion", "2", "S2"), ("armed-attack", "4", "S1")])
def test_russia_belarus_art_2_answers_threats_short_of_an_armed_attack(severity: str, article: str,
                                                                       strength: str) -> None:
    """§1.5: Art. 4 answers an armed attack with all forces and means (S1); Art. 2 gives support by all agreed,
    lawful means, military steps included, against encroachments and threats (row: ARMED_ATTACK + threats,
    S1/S2): below an armed attack Russia is bound under Art. 2, reading the incident as a threat."""
    rus = run("POL", "BLR", D2025, severity=severity).joiner("RUS")
    assert rus is not None and (rus.primary.treaty, rus.primary.article, rus.primary.strength) == (
        "rus_blr_2024", article, strength)
    assert any(c.startswith(f"reads the {severity} as threat") for c in rus.primary.conditions) == (
        severity != "armed-attack")


def test_manila_pact_area_takes_in_guam_flagged_as_debated() -> None:
    """§1.14: the treaty area is Southeast Asia and the SW Pacific south of 21°30'N [U]; Guam lies south of the
    line, but whether the 'South-West Pacific' takes in Micronesia is arguable: covered, and flagged."""
    o = bound(run("CHN", "USA", D2025, place="guam"), "GBR", "manila_1954")
    assert o is not None and any(x.kind == "scope" and "Guam" in x.fact for x in o.certainty_reasons)
    assert bound(run("CHN", "USA", D2025, place="hawaii"), "GBR", "manila_1954") is None  # central, not SW, Pacific


def test_anzus_us_consultation_with_new_zealand_is_suspended_too() -> None:
    """§1.9: USA -> NZL suspended since 11 Aug 1986 (fact sheet: encode as suspended), the Art. III consultation
    with it; the AUS -> NZL leg continues."""
    r = run("FRA", "NZL", D2025)
    assert not any(c.state == "USA" and c.treaty == "anzus_1951" for c in r.consultations)
    assert bound(r, "AUS", "anzus_1951") is not None
    assert bound(run("FRA", "NZL", "1985-06-01"), "USA", "anzus_1951") is not None  # before the suspension


def test_uk_eu_exit_day_is_a_reason_near_it() -> None:
    """§1.11: the UK left the EU on 31 Jan 2020 [U]: its 42(7) duty near that day carries a date reason."""
    o = bound(run("RUS", "FRA", "2020-01-30"), "GBR", "eu_teu_42_7")
    assert o is not None
    assert any(x.kind == "date" and "United Kingdom (GBR) left" in x.fact for x in o.certainty_reasons)
    assert bound(run("RUS", "FRA", "2020-02-01"), "GBR", "eu_teu_42_7") is None


def test_syria_arab_league_suspension_edges_known_to_the_month() -> None:
    """§3: Syria's League participation suspended Nov 2011, readmitted May 2023 [U], months only: bound just
    before the recorded start or just after the recorded end, the uncertain day is a date reason; withheld in
    between, the reason says how well the edges are known."""
    for day, edge in (("2011-11-05", "began on 2011-11-16"), ("2023-05-20", "ended on 2023-05-07")):
        o = bound(run("ISR", "LBN", day), "SYR", "arab_jdec_1950")
        assert o is not None and any(x.kind == "date" and edge in x.fact for x in o.certainty_reasons), day
    for day in ("2011-10-20", "2023-06-15"):  # outside the months: nothing to say about the edges
        o = bound(run("ISR", "LBN", day), "SYR", "arab_jdec_1950")
        assert o is not None and not any("suspension" in x.fact for x in o.certainty_reasons), day
    held = [w for w in run("ISR", "LBN", "2015-06-01").withheld if w.state == "SYR"]
    assert held and "its start known only to the month" in held[0].reason


def test_armenia_csto_freeze_day_is_known_to_the_month() -> None:
    """§1.4: the freeze dates from a Feb 2024 statement [V]; its day is picked, and the freeze reason says so."""
    o = bound(run("AZE", "ARM", "2024-06-01"), "RUS", "csto_1992")
    assert o is not None
    assert any(x.kind == "freeze" and "since 2024-02-22, known only to the month" in x.fact
               for x in o.certainty_reasons)
    # the freeze itself is verified (the statement is [V]): only its day is less than sure
    assert [x.certainty for x in o.certainty_reasons if x.kind == "freeze"] == ["secondary"]



@pytest.mark.parametrize(("day", "membership"), [
    ("2024-06-11", None), ("2024-06-12", ("secondary", "https://tass.ru/politika/25713997")),
    ("2025-11-24", ("secondary", "https://tass.ru/politika/25713997")),
    ("2025-11-25", ("unverified", "https://panarmenian.net/m/eng/news/314664")),
    ("2025-12-31", ("unverified", "https://panarmenian.net/m/eng/news/314664"))])
def test_armenia_csto_membership_is_doubted_once_it_said_it_will_leave(day: str,
                                                                       membership: tuple[str, str] | None) -> None:
    """§1.4: frozen since Feb 2024 [V]; on 12 Jun 2024 the PM said Armenia "will leave", date undecided [V]; still
    formally a member at the end of 2025 only "as far as found" [U] (open item 3). So from that day Armenia's
    membership, which binds its allies to it and it to them, is no longer verified: secondary reports (TASS of
    24 Nov 2025, tests/test_fact_audit.py) say it is still a member up to that day, nothing found after it. Before
    12 Jun 2024, only the freeze (a political one, not a legal suspension) lowers its legs. It stays a party
    throughout."""
    for o in (bound(run("AZE", "ARM", day), "RUS", "csto_1992"),
              bound(run("UKR", "RUS", day, place="kursk-oblast"), "ARM", "csto_1992")):
        assert o is not None and o.certainty == (membership[0] if membership else "secondary")
        kinds = {x.kind: (x.certainty, x.source) for x in o.certainty_reasons}
        assert kinds["freeze"][0] == "secondary"
        assert kinds.get("membership") == membership


def test_armenia_csto_row_split_is_one_membership_by_signature_too() -> None:
    """By signature (Armenia signed in 1992) the row from 12 Jun 2024 does not reach back: in 2010 Armenia's
    membership is verified on either basis."""
    for basis in ("in-force", "signed"):
        o = bound(run("AZE", "ARM", "2010-06-01", basis=basis), "RUS", "csto_1992")
        assert o is not None and not [x for x in o.certainty_reasons if x.kind == "membership"]

def test_anzus_new_zealand_consultation_with_the_us_after_1986_is_unverified() -> None:
    """§1.9: whether NZ->USA still binds after the 1986 suspension is [U]: its Art. III consultation too, as its
    Art. IV leg; Australia's stays as sourced. A threat short of an armed attack sets off consultations only."""
    found = {(c.state, c.certainty) for c in run("CHN", "USA", D2025, severity="coercion").consultations
             if c.treaty == "anzus_1951"}
    assert found == {("NZL", "unverified"), ("AUS", "secondary")}
    before = {(c.state, c.certainty) for c in run("CHN", "USA", "1980-06-01", severity="coercion").consultations
              if c.treaty == "anzus_1951"}
    assert before == {("NZL", "secondary"), ("AUS", "secondary")}


def test_shusha_entry_into_force_window_is_verified() -> None:
    """§2.1: approved by both presidents and in force about 12-14 Feb 2022 [V]: known to the week, verified."""
    known = CURATED.treaties["tur_aze_shusha_2021"].in_force_certainty
    assert known is not None and (known.within, known.certainty) == ("week", "verified")


@pytest.mark.parametrize("day", ["1962-10-23", "2025-06-01"])
def test_cubas_rio_membership_is_suspended_since_1962(day: str) -> None:
    """§1.10: Cuba is still counted among the Rio parties but takes no part, excluded from OAS bodies since 1962
    (the parties invoked the treaty against it in the 1962 quarantine): nobody is bound to defend it under Rio,
    and each withheld duty says why; before 1962 its allies' duty bound."""
    assert bound(run("USA", "CUB", "1961-06-01"), "ARG", "tiar_1947") is not None
    r = run("USA", "CUB", day)
    assert bound(r, "ARG", "tiar_1947") is None
    held = {w.state: w.reason for w in r.withheld if w.treaty == "tiar_1947"}
    assert "Cuba (CUB)'s membership of Rio Treaty (TIAR) is suspended since 1962-01-31" in held["ARG"]


@pytest.mark.parametrize(("state", "last", "gone"), [("ECU", "2016-02-18", "2016-02-19"),
                                                       ("BOL", "2014-10-16", "2014-10-17"),
                                                       ("NIC", "2014-09-05", "2014-09-06")])
def test_rio_exits_take_atops_days_where_the_fact_sheet_gives_only_the_year(state: str, last: str, gone: str
                                                                          ) -> None:
    """§1.10 gives 'effective 2014' [U] for the ALBA exits; ATOP 5.1 dates them (Ecuador's in 2016, two years
    after its 2014 notice, Art. 25), and the exit is known to the week from secondary sources."""
    member = next(m for m in CURATED.treaty("tiar_1947").members if m.state == state)
    assert member.left_certainty is not None and member.left_certainty.within == "week"
    assert bound(run("GUY", "COL", last), state, "tiar_1947") is not None
    assert bound(run("GUY", "COL", gone), state, "tiar_1947") is None



@pytest.mark.parametrize(("state", "day", "fact", "source"), [
    ("BOL", "2014-10-16", "Bolivia (BOL) left on 2014-10-17", "http://www.atopdata.org/data.html"),
    ("ECU", "2016-02-18", "Ecuador (ECU) left on 2016-02-19", "http://www.atopdata.org/data.html"),
    ("NIC", "2014-09-05", "Nicaragua (NIC) left on 2014-09-06", "http://www.atopdata.org/data.html"),
])
def test_rio_dates_beyond_the_fact_sheet_cite_their_own_source(state: str, day: str, fact: str, source: str) -> None:
    """§1.10 gives only 'effective 2014' [U] for the ALBA exits: the days encoded come from ATOP 5.1, and a reason
    resting on one cites that source, not the OAS page the treaty file lists first."""
    o = bound(run("GBR", "COL", day), state, "tiar_1947")
    assert o is not None
    (reason,) = [x for x in o.certainty_reasons if x.kind == "date" and fact in x.fact]
    assert (reason.certainty, reason.source) == ("secondary", source)

@pytest.mark.parametrize(("day", "party"), [("1950-06-01", False), ("1950-11-06", False), ("1950-11-07", True)])
def test_ecuador_is_a_rio_party_from_its_deposit_not_its_signature(day: str, party: bool) -> None:
    """Ecuador signed only on 10 Nov 1949 (it is not among the 1947-48 signatories of the US Statutes) and deposited
    its ratification on 7 Nov 1950 (OAS B-29): it was bound from then, not from the signature Gibler dates its entry
    to."""
    assert (bound(run("PER", "COL", day), "ECU", "tiar_1947") is not None) is party


def test_venezuelas_rio_exit_is_doubted_to_atops_day() -> None:
    """Press reports give 2013 for Venezuela's exit; ATOP 5.1 gives 14 Jul 2015: in between the answer says
    that Venezuela may still have been bound."""
    r = run("GUY", "COL", "2014-06-01")
    assert bound(r, "VEN", "tiar_1947") is None
    assert any(d.state == "VEN" and d.treaty == "tiar_1947" and "may still have been a party" in d.fact
               for d in r.doubts)
    assert not any(d.state == "VEN" for d in run("GUY", "COL", "2015-08-01").doubts)



def test_the_compacts_entry_days_are_the_presidential_documents() -> None:
    """§1.15 gives the compacts' entry into force as '1986' and Palau's as '1 Oct 1994' [U]; US presidential
    documents give the days (Proclamation 6726: Marshall Islands 21 Oct 1986, FSM 3 Nov 1986; the 27 Sep 1994 letter:
    Palau 1 Oct 1994), so the US duty to Palau within a year of its day rests on no date (the FSM and the Marshall
    Islands enter the state system only in 1991)."""
    cofa = CURATED.treaty("usa_cofa")
    days = {m.state: (m.joined or cofa.in_force, m.joined_certainty, m.certainty.value) for m in cofa.members}
    assert days["MHL"] == (dt.date(1986, 10, 21), None, "verified") and cofa.in_force_certainty is None
    assert days["FSM"] == (dt.date(1986, 11, 3), None, "verified")
    assert days["PLW"] == (dt.date(1994, 10, 1), None, "verified")
    near = bound(run("CHN", "PLW", "1995-06-01"), "USA", "usa_cofa")
    assert near is not None and not any(x.kind in ("date", "membership") for x in near.certainty_reasons)



def test_gcc_joint_defence_agreement_records_the_doha_strike_and_the_iran_war_of_2026() -> None:
    """The GCC's own bodies applied the attack-on-all clause twice: the Supreme Council after Israel's strike on
    Doha (15 Sep 2025; the directive and the Joint Defence Council's measures on gcc-sg.org, so verified), and the
    Ministerial Council after Iran's strikes on all six members from 28 Feb 2026 (1 Mar 2026; press only, so
    secondary). Neither names an article; the requesters are the states attacked, and the history is said with
    each entry's certainty."""
    gcc = CURATED.treaty("gcc_jda_2000")
    rows = {(i.date.isoformat(), i.article, tuple(sorted(i.requester)), i.certainty.value) for i in gcc.invocations}
    assert rows == {("2025-09-15", "not stated", ("QAT",), "verified"),
                    ("2026-03-01", "not stated", ("ARE", "BHR", "KWT", "OMN", "QAT", "SAU"), "secondary")}
    assert any("gcc-sg.org" in src.url for src in gcc.sources)
    said = {i["date"]: i["how_sure"] for i in treaty_detail(CURATED, "gcc_jda_2000")["invocations"]}
    assert said == {"2025-09-15": "verified", "2026-03-01": "secondary"}


def test_the_france_uae_agreement_records_the_uaes_request_of_january_2022_and_not_the_iran_war() -> None:
    """After the Houthi attack on Abu Dhabi of 17 Jan 2022 the UAE sought France's support under the agreement and
    French Rafales flew air-defence missions from 24 Jan (both governments announcing it on 4 Feb; press only, so
    secondary, the day to within a week). The French jets' interceptions over the UAE in the Iran war of 2026 are not a
    recorded use: France presented them as protecting its bases, and no UAE request under the agreement was found."""
    (inv,) = CURATED.treaty("fra_are_2009").invocations
    assert (inv.date.isoformat(), inv.article, inv.requester, inv.certainty.value) == (
        "2022-01-24", "not stated", ["ARE"], "secondary")
    assert inv.date_certainty is not None and inv.date_certainty.within == "week"
    assert "2026" in (inv.note or "") and "no request by the UAE" in (inv.note or "")
    (said,) = treaty_detail(CURATED, "fra_are_2009")["invocations"]
    assert said["date"] == "2022-01-24"
    assert said["how_sure"].startswith("secondary;") and "within a week" in said["how_sure"]


@pytest.mark.parametrize("treaty_id", ["chn_prk_1961", "rus_blr_2024", "usa_jpn_1960", "usa_kor_1953",
                                       "tur_aze_2010", "tur_aze_shusha_2021"])
def test_no_invocation_known_is_recorded_as_unverified(treaty_id: str) -> None:
    """§1.3, §1.5, §1.6, §1.7, §2.1: 'invocations: none' is [U] in the fact sheet: the empty history is not
    presented as settled. (§1.13's GCC agreement now records two uses, found later: the test below.)"""
    t = CURATED.treaty(treaty_id)
    assert not t.invocations
    assert any("invocation" in fact for fact in t.unverified)



def test_senkaku_coverage_statements_carry_the_fact_sheets_tags() -> None:
    """§1.6: the Senkakus are covered because Japan administers them; the 28 Apr 2015 statement is [V], the Apr
    2014 one and later reaffirmations [U]. The coverage binds, verified; the 2014 statement is listed unverified."""
    usa = bound(run("CHN", "JPN", D2025, place="senkaku-islands"), "USA", "usa_jpn_1960")
    assert usa is not None and usa.certainty == "verified"
    assert any("2014" in fact and "[U]" in fact for fact in CURATED.treaty("usa_jpn_1960").unverified)



def test_au_pact_article_number_is_not_cited_as_sourced() -> None:
    """§3: the AU pact's deeming clause is [V-secondary] and the fact sheet gives no article; the Art. 4 the file
    cites was not checked against the text, so the clause as encoded is unverified and says why."""
    ner = bound(run("DZA", "MLI", D2025), "NER", "au_nacdp_2005")
    assert ner is not None
    (art,) = [x for x in ner.certainty_reasons if x.kind == "article"]
    assert art.certainty == "unverified" and "article number" in art.fact
