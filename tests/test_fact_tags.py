"""What of each date and fact is verified, as the 2025 fact sheet tags it (/work/shared/reference/treaties-2025.md),
said alike in the text and the JSON: a window's tag and the day's apart ('[V month / U day]'; a day from a secondary
source is not verified), a date window tagged verified said on the text's line too, and the sheet's open items
(article numbers, the US row of the Ukraine agreements, the Rio deposit dates, France-Djibouti) marked unverified
where the sheet does not settle them. Runs on the curated set, and on the ATOP history for the ECOWAS exit."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest

import foedus
from foedus.catalog import treaty_detail
from foedus.engine.result import CascadeResult
from foedus.model.vocab import Kind
from foedus.model.world import World
from foedus.render import explain_lines

CURATED = foedus.World.load(history=False)


def run(attacker: str, target: str, day: str, **kw: Any) -> CascadeResult:
    return foedus.cascade(attacker, target, day, world=CURATED, **kw)


def findings(r: CascadeResult) -> Iterator[Any]:
    """Every finding with certainty reasons: each joiner's obligations, consultations, withheld legs, violations."""
    for j in r.joiners:
        yield from (j.primary, *j.also)
    yield from (*r.consultations, *r.withheld, *r.violations, *r.neutral)


def reasons(r: CascadeResult, treaty: str, state: str | None = None) -> dict[str, str]:
    """The facts (-> their tag) of `treaty`'s findings in `r`, of `state`'s only if given."""
    return {x.fact: x.certainty for f in findings(r) if f.treaty == treaty and state in (None, f.state)
            for x in f.certainty_reasons}


SHUSHA = ("tur_aze_shusha_2021: the treaty entered into force on 2022-02-14, known only to within a week "
          "(week: verified)")


def test_a_date_verified_to_the_week_is_not_said_verified_to_the_day() -> None:
    """§2.1: 'in force about 12-14 Feb 2022' [V]: the sheet verifies the week, and the recorded 14 Feb is the day
    picked in it (the window runs 7-21 Feb). Said as 'known only to within a week', the date is not also said
    'day: verified', in a finding's reason or in `treaties show`."""
    found = reasons(run("ARM", "AZE", "2022-02-15"), "tur_aze_shusha_2021")
    assert found == {SHUSHA: "verified"}
    shown = [m["how_sure"] for m in treaty_detail(CURATED, "tur_aze_shusha_2021")["members"]]
    assert shown == ["verified; joined: known only to within a week (week: verified)"] * 2


def test_a_date_window_tagged_verified_is_said_on_the_texts_line_as_in_the_json() -> None:
    """§2.1: the Shusha Declaration was in force 'about 12-14 Feb 2022' [V]: a verified fact known to the week. The
    JSON names it among the reasons of a verified finding; the text says it too, in the same words, and does not
    call it 'not verified'."""
    gated = run("ARM", "AZE", "2022-02-15", requested=False)
    tur = next(c for c in gated.consultations if c.state == "TUR" and c.treaty == "tur_aze_shusha_2021")
    assert (tur.certainty, [x.fact for x in tur.certainty_reasons]) == ("verified", [SHUSHA])
    lines = explain_lines(gated)
    assert any(line.startswith("Consultation: Turkey (TUR)") and line.endswith(f" — verified facts, not to the day: "
                                                                                 f"{SHUSHA}") for line in lines)
    assert any(line.startswith("Withheld: Turkey (TUR) under tur_aze_shusha_2021") and SHUSHA in line
               for line in lines)
    joined = explain_lines(run("ARM", "AZE", "2022-02-15"))
    assert f"      not to the day: {SHUSHA} [source: https://en.vestikavkaza.ru/material/149364]" in joined
    assert not any(line.strip().startswith("not verified: tur_aze_shusha_2021") for line in joined)


def test_the_rich_tree_says_it_too() -> None:
    from rich.console import Console

    console = Console(width=400, record=True)
    console.print(run("ARM", "AZE", "2022-02-15"))
    text = console.export_text()
    assert f"not to the day: {SHUSHA}" in text and "not verified: tur_aze_shusha" not in text


@pytest.mark.parametrize(("treaty", "state", "row", "said"), [
    # §1.14: 'withdrew 1973 (effective date given as 7 Nov 1973 by one source) [V year]'; a founder, so it joined
    # on the entry into force, 19 Feb 1955 (the day itself, by the Avalon Project's Protocol page and the proclamation)
    ("manila_1954", "PAK", 0, "verified; left: its day reported, but sure only to the year (year: verified; "
                              "day: known from "
                              "secondary reporting only)"),
    # §1.10: 'effective Sep 2004 [V month / U day]'; the day, 6 Sep, is ATOP 5.1's (secondary)
    ("tiar_1947", "MEX", 0, "verified; left: its day reported, but sure only to the month (month: verified; day: "
                            "known from secondary "
                            "reporting only)"),
    # §1.1: '29 Mar 2004 [V month / U day]', but the day is sourced (the deposit in Washington that day, which makes a
    # party: NATO's statement of 2 Mar 2004 and the Slovenian government's page)
    ("nato_1949", "EST", 0, "verified"),
    # §1.1: founders 'party from entry into force 24 Aug 1949 [V year / U day]': a row with no accession of its own;
    # the day from CVCE (secondary)
    ("nato_1949", "USA", 0, "verified; joined: its day reported, but sure only to the year (year: verified; day: "
                            "known from secondary "
                            "reporting only)"),
    # §1.12: 'League member 1972 [V]' (Gibler: 12 Jun 1972), against an emergency League meeting's admission on 6 Dec
    # 1971 (The National), ATOP's accession day: 6 Dec 1971 recorded, the conflict a window up to 12 Jun 1972
    ("arab_jdec_1950", "ARE", 0, "unverified; joined: the true date may be later, up to 1972-06-12 (day: sources "
                                 "conflict)"),
    # §1.10: 'excluded from OAS bodies since 1962 [V]': the day is not in the sheet
    ("tiar_1947", "CUB", 0, "verified; suspension start 1962-01-31: known only to the year (year: verified; "
                            "day: not verified)"),
    # §1.10: 'effective 2013 per press reports [V-secondary]' (ATOP: 2015); the day is picked, any day of 2013
    ("tiar_1947", "VEN", 0, "verified; left: the true date may be anywhere from 2013-01-01 to 2015-07-14 (day: not "
                            "verified)"),
    # §1.10: 'party [V]; date not checked [U]': the deposit date's window, read from the entry into force
    ("tiar_1947", "HND", 0, "verified; joined: the true date may be later, up to 2019-09-23 (day: not verified)"),
    # §1.4: 'frozen (Feb 2024 statement) [V]'
    ("csto_1992", "ARM", 0, "verified; freeze start 2024-02-22: known only to the month (month: verified; day: "
                            "not verified)"),
])
def test_treaties_show_says_what_of_each_date_is_verified(treaty: str, state: str, row: int, said: str) -> None:
    rows = [m["how_sure"] for m in treaty_detail(CURATED, treaty)["members"] if m["state"] == state]
    assert rows[row] == said


_MONTH = "verified; date: known only to the month (month: verified; day: not verified)"
_YEAR = "verified; date: known only to the year (year: verified; day: not verified)"


@pytest.mark.parametrize(("treaty", "day", "said"), [
    ("nato_1949", "2012-06-26", _MONTH),  # §1.1, Art. 4 #2: 'Turkey | June 2012' [V]
    ("csto_1992", "2022-01-05", _MONTH),  # §1.4: 'Kazakhstan, Jan 2022 ... under Art. 4 [V]'
    ("csto_1992", "2021-05-14", _MONTH),  # §1.4: 'Armenia, May 2021: Art. 2 appeal; not acted on [V]'
    ("rus_arm_1997", "2021-11-16", _MONTH),  # §2.7: 'Nov 2021: Armenia appealed again over border clashes [V]'
    ("cyp_guarantee_1960", "1974-07-20", _YEAR),  # §2.9: 'Turkey cited it for 1974' [V]
    ("tiar_1947", "1982-04-26", _YEAR),  # §1.10: 'Falklands, 1982: Argentina invoked it' [V general]
    # §1.10: 'a foreign ministers' meeting in Sept 2001 ... [V general; U on date]': the month is not verified
    ("tiar_1947", "2001-09-21", "verified; date: known only to the month (day: not verified)"),
])
def test_an_invocation_known_to_a_verified_month_or_year_says_the_window_is_verified(
        treaty: str, day: str, said: str) -> None:
    """The sheet verifies these invocations' month or year, not the day picked in it: the window is said
    verified, the day not, as a member's dates are; where it leaves the date unverified, the month is not."""
    assert [i["how_sure"] for i in treaty_detail(CURATED, treaty)["invocations"] if i["date"] == day] == [said]


@pytest.mark.parametrize(("day", "dated"), [("2012-12-31", False), ("2013-01-01", True), ("2013-09-09", True)])
def test_venezuelas_rio_exit_may_have_taken_effect_any_day_of_2013(day: str, dated: bool) -> None:
    """§1.10: Venezuela 'denounced 2012 with the other ALBA states, effective 2013 per press reports [V-secondary]'
    (§7: '2013'); ATOP 5.1 has 14 Jul 2015. The recorded 10 Sep 2013 is a day picked in 2013: before it, from 1 Jan
    2013, Venezuela's duty may already have lapsed, and says so."""
    ven = run("GUY", "COL", day).joiner("VEN")
    assert ven is not None and ven.primary.treaty == "tiar_1947"
    facts = [x.fact for x in ven.primary.certainty_reasons if x.kind == "date"]
    assert facts == (["tiar_1947: Venezuela (VEN) left on 2013-09-10, the true date may be anywhere from 2013-01-01 "
                      "to 2015-07-14 (day: not verified)"] if dated else [])


def test_cubas_suspension_day_is_not_verified_near_it() -> None:
    """§1.10: 1962 [V], the day not given: a duty owed to Cuba in Jan 1962 rests on a day that is not verified."""
    found = reasons(run("DOM", "CUB", "1962-01-15"), "tiar_1947")
    assert found["tiar_1947: Cuba (CUB)'s suspension began on 1962-01-31, known only to the year (year: verified; "
                 "day: not verified)"] == "unverified"


def test_pakistans_manila_exit_day_is_secondary_in_the_json_reason() -> None:
    found = reasons(run("CHN", "THA", "1973-06-01"), "manila_1954", "PAK")
    assert found["manila_1954: Pakistan (PAK) left on 1973-11-07, its day reported, but sure only to the year "
                 "(year: verified; day: known "
                 "from secondary reporting only)"] == "secondary"


def test_unified_germanys_nato_row_is_secondary_near_unification() -> None:
    """Unified Germany continuing the FRG's membership from 3 Oct 1990 ([U] in the sheet) is stated by deutschland.de,
    a secondary source: the joiners' only doubt in that week is secondary, no longer unverified."""
    r = run("RUS", "DEU", "1990-10-05")
    found = reasons(r, "nato_1949", "USA")
    assert found["nato_1949: Germany (DEU) became a party on 1990-10-03, its day reported, but sure only to within "
                 "a week (day: known from "
                 "secondary reporting only)"] == "secondary"
    usa = r.joiner("USA")
    assert usa is not None and usa.primary.certainty == "secondary"


@pytest.mark.parametrize(("target", "day", "dated"), [("HND", "2019-09-15", True), ("HND", "2019-09-24", False)])
def test_rio_deposit_dates_not_checked_count_until_the_parties_are_known(target: str, day: str, dated: bool) -> None:
    """§1.10: DOM, HTI, HND, PAN, PRY, PER, URY are parties [V], dates not checked [U]. Their deposit may be any day
    up to when the 2019 meetings show them parties: PAN, PER and URY abstained on 11 Sep 2019; the 23 Sep 2019 vote,
    16-1 with TTO abstaining and CUB absent, shows the others. A duty owed to Honduras in between rests on it."""
    found = reasons(run("SLV", target, day), "tiar_1947")
    fact = (f"tiar_1947: Honduras ({target}) became a party on 1948-12-03, the true date may be later, up to "
            "2019-09-23 (day: not verified)")
    assert (found.get(fact) == "unverified") is dated
    assert not any("Panama (PAN) became a party" in f
                   for f in reasons(run("SLV", "HND", "2019-09-15"), "tiar_1947", "PAN"))


@pytest.mark.parametrize(("day", "facts"), [
    ("2024-12-01", {}),
    ("2025-06-01", {"ukr_bilateral_2024: United States (USA), a party before 2025-01-20, stays one from that day on "
                    "(not verified)":
                    "unverified"}),
])
def test_the_us_ukraine_agreement_is_a_g7_partys_and_only_its_2025_standing_is_doubted(
        day: str, facts: dict[str, str]) -> None:
    """§4: the G7 states' agreements under the Vilnius declaration [V]: the US is a party as they are, from its
    signature at the G7 summit on 13 Jun 2024 (press, not the sheet). The sheet says nothing of its standing under
    the administration sworn in on 20 Jan 2025: not verified from then, and said so. Both days rest on a page."""
    usa = next(c for c in run("RUS", "UKR", day).consultations if c.state == "USA")
    assert {x.fact.partition(", noted: ")[0]: x.certainty for x in usa.certainty_reasons} == facts  # less the note
    rows = [m for m in CURATED.treaty("ukr_bilateral_2024").members if m.state == "USA"]
    assert [(m.joined, m.left, m.joined_certainty) for m in rows] == [
        (dt.date(2024, 6, 13), dt.date(2025, 1, 20), None), (dt.date(2025, 1, 20), None, None)]
    assert all(m.source for m in rows)


def test_armenias_csto_membership_is_doubted_from_12_june_2024_and_says_so() -> None:
    """§1.4: frozen Feb 2024 [V]; 'will leave' said 12 Jun 2024 [V]; a member at end-2025 only 'as far as found'.
    From that day to 24 Nov 2025 secondary reports (Russia's deputy foreign minister, TASS) say it is still a member
    (tests/test_fact_audit.py); after it, none found."""
    for day, still in (("2025-06-01", "2024-06-12, stays one from that day on (known from secondary reporting only)"),
                       ("2025-12-01", "2025-11-25, stays one from that day on (not verified)")):
        found = reasons(run("AZE", "ARM", day), "csto_1992")
        fact = f"csto_1992: Armenia (ARM), a party before {still}"  # then the row's note: a membership continued
        assert [v for f, v in found.items() if f.partition(", noted: ")[0] == fact] == [
            "secondary" if "secondary" in still else "unverified"]
    assert not any("Armenia (ARM), a party before" in f for f in reasons(run("AZE", "ARM", "2024-06-11"), "csto_1992"))


@pytest.mark.parametrize(("day", "facts"), [
    ("2014-06-01", {"fra_dji_2011: the treaty entered into force on 2014-05-01, its day reported, but sure only to "
                    "the year (year: known "
                    "from secondary reporting only; day: known from secondary reporting only)": "secondary"}),
    ("2024-06-01", {}),
])
def test_france_djibouti_2011_in_force_2014_is_secondary(day: str, facts: dict[str, str]) -> None:
    """§2.3: 'in force 2014 [V-secondary]'."""
    assert reasons(run("ERI", "DJI", day), "fra_dji_2011", "FRA") == facts


def test_france_djibouti_2011_from_2025_is_not_settled() -> None:
    """§2.3: replaced by a treaty signed 24 Jul 2024, valid 2025-2045, ratification [U]: whether the 2011 treaty
    still binds once the replacement may be in force (from 23 Jun 2025, when the National Assembly debated France's
    ratification bill: tests/test_fact_audit.py) is not settled (the commitment is kept either way), and the duty
    says so."""
    found = reasons(run("ERI", "DJI", "2025-09-01"), "fra_dji_2011", "FRA")
    assert [c for f, c in found.items() if f.startswith("fra_dji_2011 art. 4: that it applies from 2025-06-23")] == [
        "unverified"]


@pytest.mark.parametrize("treaty", ["gbr_deu_2025", "aus_png_2025", "sau_pak_2025", "au_nacdp_2005",
                                    "rus_kaz_1992", "rus_uzb_2005", "rus_prk_2000"])
def test_an_article_number_the_sheet_does_not_give_is_cited_as_unknown_or_unverified(treaty: str) -> None:
    """§7, open item 1 (Kensington, Pukpuk, Saudi-Pakistan; the GCC's below) and §3 (the AU pact's clause, no
    number), §2.8 (Russia-Kazakhstan, not checked article by article; Russia-Uzbekistan 2005 and Russia-DPRK 2000,
    Art. 2 from general knowledge, no source found that numbers it): no bare number is cited as if it were known."""
    articles = {p.article for p in CURATED.treaty(treaty).provisions}
    assert articles and all(re.search(r"\b(unknown|unverified)\b", a) for a in articles), articles


def test_rio_art_3_and_its_request_step_are_read_in_the_treaty_text() -> None:
    """§1.10: Art. 3 [U detail; the concept V]: each party decides its own immediate measures at the victim's
    request, pending the Organ of Consultation. The treaty text as printed in the US Statutes at Large (vol. 62, p.
    1700) says so in Art. 3(1) and 3(2), so the clause and its request gate are verified: a party's duty to defend
    the US mainland in 2025 carries no reason, and only Hawaii and Guam, outside the Art. 4 region, stay debated."""
    (art3,) = [p for p in CURATED.treaty("tiar_1947").provisions if p.kind is Kind.DEFENSE]
    assert (art3.article, art3.certainty.value, art3.gates_certainty.value) == ("3", "verified", "verified")
    assert art3.request_gated and art3.source is not None and "Statutes_at_Large_Volume_62" in art3.source
    assert not reasons(run("CUB", "USA", "2025-06-01"), "tiar_1947", "ARG")
    assert set(art3.scope.debated) == {"hawaii", "guam"}


def test_the_gcc_article_is_cited_as_art_2_from_secondary_reporting_not_as_settled() -> None:
    """§5 (the GCC row's 'art.' is [U]) and §7, open item 1 ('GCC JDA article'): the sheet gives no number; news
    reports of the GCC Supreme Council's communique of 14 Dec 2021 cite the attack-on-all clause as Art. 2 of the
    Joint Defence Agreement, so the clause is cited as Art. 2, saying the number is from secondary reporting, with the
    report as its source, while its wording and S2 reading stay unverified (Kensington's and Pukpuk's stay unknown,
    with no note of a level: `foedus.model.article_notes`)."""
    omitted = {p.article for t in ("gbr_deu_2025", "aus_png_2025") for p in CURATED.treaty(t).provisions
               if p.kind is Kind.DEFENSE}
    assert omitted == {"unknown"}
    (clause,) = CURATED.treaty("gcc_jda_2000").provisions
    assert clause.article == "2 (number from secondary reporting)"
    assert clause.source is not None and "alroya.om" in clause.source
    assert clause.certainty.value == "unverified" and "wording" in (clause.doubt or "")
    found = reasons(run("IRN", "QAT", "2025-06-01"), "gcc_jda_2000", "OMN")
    (fact,) = [f for f in found if f.startswith("gcc_jda_2000 art. 2 (number from secondary reporting): ")]
    assert found[fact] == "unverified"


def test_the_ecowas_exit_is_verified_to_the_day_it_took_effect(world: World) -> None:
    """§3: the three 'left ECOWAS (effective Jan 2025) [U]'; the ECOWAS Commission's release of 29 Jan 2025 says the
    withdrawal became effective that day: 29 Jan is verified, the first day out, in the ATOP correction and in the
    curated ECOWAS defence protocol alike, so no duty before it cites the exit as a doubt."""
    before = foedus.cascade("MLI", "NER", "2025-01-28", world=world)
    assert [v.state for v in before.violations if v.treaty == "atop_3810"] == ["MLI"]
    assert not [f for f in reasons(before, "atop_3810") if "left on" in f]
    assert not [v for v in foedus.cascade("MLI", "NER", "2025-01-29", world=world).violations
                if v.treaty == "atop_3810"]
    ecowas = world.treaty("atop_3810")
    assert ecowas.certainty.value == "verified" and not [u for u in ecowas.unverified if "exit" in u]
    left = {m.state: (m.left, m.left_certainty) for m in CURATED.treaty("ecowas_pmad_1981").members if m.left}
    aes = ("MLI", "BFA", "NER")
    assert {s: left[s] for s in aes} == {s: (dt.date(2025, 1, 29), None) for s in aes}


@pytest.mark.parametrize(("treaty", "year"), [
    ("nato_1949", 1951),  # §1.1 names the integrated military command (France left it 1966-2009), not its start
    ("fpda_1971", 2001),  # §4 names the Integrated Air Defence System at Butterworth, not its renaming
    ("gcc_jda_2000", 1984),  # §1.13 names the Peninsula Shield Force [V], not its start
])
def test_a_verified_form_of_help_says_the_year_in_it_the_sheet_does_not_give_is_unverified(
        treaty: str, year: int) -> None:
    """The form itself is in the sheet, so it stays verified; the year written in it is not, and says so."""
    form = next(f for f in treaty_detail(CURATED, treaty)["assistance"]["forms"] if f["form"] == "integrated_command")
    assert form["certainty"] == "verified" and str(year) in form["note"] and form["note"].endswith("(unverified).")
