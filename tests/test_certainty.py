"""Certainty attaches to the facts that matter on the scenario date (issue 12, §2).

Expectations come from the fact sheet (/work/shared/reference/treaties-2025.md): which facts it tags
[V], [V-secondary], [U] or [C], and on which day the tag stops mattering by the window rule of
docs/certainty.md. Runs on the curated set alone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import foedus
from foedus.engine.certainty import assess, date_window
from foedus.engine.result import CascadeResult, Obligation
from foedus.engine.table import compile_table
from foedus.model.treaty import Certainty, DateCertainty
from foedus.model.vocab import CERTAINTY_RANK, worst
from foedus.model.world import World
from foedus.render import explain_lines

CURATED = foedus.World.load(history=False)


def run(attacker: str, target: str, day: str, **kw: Any) -> CascadeResult:
    return foedus.cascade(attacker, target, day, world=CURATED, **kw)


def obligation(result: CascadeResult, state: str, treaty: str) -> Obligation:
    j = result.joiner(state)
    assert j is not None, f"{state} did not join"
    return next(o for o in (j.primary, *j.also) if o.treaty == treaty)


def what_if_estonias_day_known_to_the_month() -> World:
    """A constructed what-if, not a fact of the data: Estonia's NATO accession (29 Mar 2004, sourced to the day)
    read as known only to the month, the month verified, to test an accession window on a row that has one."""
    nato = CURATED.treaty("nato_1949")
    month = DateCertainty(within="month", window=Certainty.VERIFIED)
    members = [m.model_copy(update={"joined_certainty": month}) if m.state == "EST" else m for m in nato.members]
    what_if = nato.model_copy(update={"members": members})
    return CURATED.with_treaties({**CURATED.treaties.curated, "nato_1949": what_if})


def test_russia_estonia_2025_nato_duties_are_verified() -> None:
    """The issue's example: Estonia's 2004 accession, whatever its day's tag, does not matter in 2025."""
    r = run("RUS", "EST", "2025-06-01")
    for ally in ("USA", "GBR"):
        o = obligation(r, ally, "nato_1949")
        assert (o.certainty, o.certainty_reasons) == ("verified", ())


@pytest.mark.parametrize(("day", "matters"), [("2004-03-29", True), ("2004-03-30", True), ("2004-03-31", False)])
def test_accession_day_matters_only_inside_its_month(day: str, matters: bool) -> None:
    """The mechanism, on a what-if (`what_if_estonias_day_known_to_the_month`): an accession on 29 Mar known only to
    the month: until the month's last day the true day may still be later, so a duty then rests on the day."""
    o = obligation(foedus.cascade("RUS", "EST", day, world=what_if_estonias_day_known_to_the_month()), "USA",
                   "nato_1949")
    dates = [x for x in o.certainty_reasons if x.kind == "date"]
    assert bool(dates) is matters
    assert (o.certainty == "verified") is not matters
    if matters:
        assert "EST" in dates[0].fact and dates[0].source.startswith("http")


def test_a_verified_window_is_a_verified_date_reason() -> None:
    """Turkey-Azerbaijan entered into force about 14 Feb 2022, the week verified [V]: inside the week the date is a
    reason tagged verified (the one case of that tag the JSON contract names), and the finding stays verified."""
    from foedus.engine.records import CertaintyReason

    o = obligation(run("ARM", "AZE", "2022-02-14"), "TUR", "tur_aze_shusha_2021")
    assert o.certainty == "verified"
    assert [(x.kind, x.certainty) for x in o.certainty_reasons] == [("date", "verified")]
    contract = CertaintyReason.__dataclass_fields__["certainty"].metadata["contract"]["doc"]
    assert "verified on a `date` reason" in contract


@pytest.mark.parametrize(("day", "dated"), [("2004-08-31", False), ("2004-09-01", True), ("2004-09-05", True)])
def test_an_exit_known_only_to_the_month_matters_inside_its_month(day: str, dated: bool) -> None:
    """§1.10, Mexico row: "effective Sep 2004 [V month / U day]", recorded as the 6th, ATOP 5.1's day (secondary): a
    real fact known only to the month. On 1-5 September Mexico is a party by the record, but may already have left (a
    `date` reason, the day's tag secondary); on 31 August it was a party whatever the day. (From the 6th it is a
    doubt: `test_a_state_left_out_...`.)"""
    o = obligation(run("CUB", "USA", day), "MEX", "tiar_1947")
    assert [(x.fact, x.certainty, x.source) for x in o.certainty_reasons if x.kind == "date"] == (
        [("tiar_1947: Mexico (MEX) left on 2004-09-06, its day reported, but sure only to the month (month: "
          "verified; day: known from "
          "secondary reporting only)", "secondary", "http://www.atopdata.org/data.html")] if dated else [])


def test_founders_entry_into_force_known_to_the_year_matters_in_1949_only() -> None:
    """§1.1: in force 24 Aug 1949 [V year / U day]; the day is given by CVCE, a secondary source (no primary one was
    read), so in 1949 a founder's duty rests on a day known from secondary reporting only."""
    o = obligation(run("RUS", "NOR", "1949-12-01"), "USA", "nato_1949")
    assert o.certainty == "secondary"
    assert [(x.kind, x.certainty, x.source.startswith("https://www.cvce.eu/")) for x in o.certainty_reasons] == [
        ("date", "secondary", True)]
    assert obligation(run("RUS", "NOR", "1950-01-01"), "USA", "nato_1949").certainty == "verified"


def test_the_2004_nato_accessions_are_known_to_the_day() -> None:
    """§1.1 tags '29 Mar 2004 [V month / U day]', but the day is sourced: NATO's statement of 2 Mar 2004 (the seven
    become parties on the day they deposit), and the Slovenian government's page on the seven deposits in Washington
    on 29 Mar 2004. So a duty to Estonia from that day rests on no date, and before it none of the seven is a doubt."""
    o = obligation(run("RUS", "EST", "2004-03-29"), "USA", "nato_1949")
    assert (o.certainty, o.certainty_reasons) == ("verified", ())
    assert run("RUS", "EST", "2004-03-28").joiner("USA") is None
    assert run("RUS", "EST", "2004-03-15").doubts == ()
    seven = [m for m in CURATED.treaty("nato_1949").members if m.joined == dt.date(2004, 3, 29)]
    assert len(seven) == 7 and all(m.joined_certainty is None and m.source == "http://nato.gov.si/eng/events/"
                                   "2004-03-29-washington/" for m in seven)


def test_stand_in_entry_into_force_matters_near_it() -> None:
    """The GCC Joint Defence Agreement's entry into force is a stand-in (a year either way): Qatar's ratification, 29
    Dec 2001, the latest known. It matters within a year of itself, not after. (The Manila Pact, once the example, is
    in force on 19 Feb 1955 to the day by the Avalon Project's Protocol page and the Philippine proclamation:
    tests/test_manila_in_force.py; the Sahel states' charter, before it, by a source of its own:
    tests/test_fact_audit.py.)"""
    near = obligation(run("IRN", "KWT", "2002-06-01"), "SAU", "gcc_jda_2000")
    later = obligation(run("IRN", "KWT", "2003-06-01"), "SAU", "gcc_jda_2000")
    assert any(x.kind == "date" and "stand-in" in x.fact for x in near.certainty_reasons)
    assert not any(x.kind == "date" for x in later.certainty_reasons)


@pytest.mark.parametrize(("attacker", "target", "state", "treaty"), [("IND", "PAK", "SAU", "sau_pak_2025")])
def test_unknown_entry_into_force_matters_always(attacker: str, target: str, state: str, treaty: str) -> None:
    """§2.2: Saudi-Pakistan's entry-into-force terms not public [U] (status end-2025: signed). No date makes it
    certain. (France-Greece, §2.3 [U], is bounded by France's publication decree: tests/test_fact_audit.py.)"""
    for day in ("2025-10-01", "2031-06-01"):
        o = obligation(run(attacker, target, day), state, treaty)
        assert any(x.kind == "date" and "may be later" in x.fact for x in o.certainty_reasons)
        assert o.certainty == "unverified"


def test_claimant_view_lowers_certainty_with_a_condition() -> None:
    """A contested place read in the claimant view: Crimea is Ukraine's under the recognised view."""
    o = obligation(run("UKR", "RUS", "2025-06-01", place="crimea", territory_view="claimant"), "PRK", "rus_prk_2024")
    assert o.certainty == "conflicting"
    place = [x for x in o.certainty_reasons if x.kind == "place"]
    assert place and "UKR" in place[0].fact and "crimea" in place[0].source
    assert any("claimant view" in c for c in o.conditions)


def test_the_claimant_view_fact_names_its_states() -> None:
    """The place fact names each state by its name and id, as a scenario's refusal of the same fact does
    (`Place.not_held`): it said "Crimea counts as RUS's territory only in the claimant view (recognised holder:
    UKR)", ids alone, in the JSON's reason, the conditions and `--explain`."""
    r = run("UKR", "RUS", "2025-06-01", place="crimea", territory_view="claimant")
    o = obligation(r, "PRK", "rus_prk_2024")
    fact = ("Crimea counts as territory of Russia (RUS) only in the claimant view (recognised holder: Ukraine (UKR))"
            " (sources conflict)")
    assert [x.fact for x in o.certainty_reasons if x.kind == "place"] == [fact]
    assert f"assumes {fact}" in o.conditions
    assert any(fact in line for line in explain_lines(r))


@pytest.mark.parametrize(("place", "debated"), [("reunion", True), ("french-guiana", True), ("azores", True),
                                                ("canary-islands", True), ("ceuta", False), (None, False)])
def test_eu_42_7_on_overseas_territory_is_debated(place: str | None, debated: bool) -> None:
    """§1.11: application to outermost regions and overseas territories is debated [U]; Ceuta is neither (Spanish
    territory in Africa), so an attack there is plainly covered."""
    target = {"azores": "PRT", "canary-islands": "ESP", "ceuta": "ESP"}.get(place or "", "FRA")
    r = run("RUS", target, "2022-06-01", **({"place": place} if place else {}))
    o = obligation(r, "SWE", "eu_teu_42_7")  # Sweden before it joined NATO: bound only by Art. 42(7)
    assert any(x.kind == "scope" for x in o.certainty_reasons) is debated
    assert (o.certainty == "verified") is not debated


@pytest.mark.parametrize("neutral", ["AUT", "CYP", "IRL", "MLT"])
def test_eu_42_7_duty_of_the_neutrals_is_never_verified(neutral: str) -> None:
    """§1.11: the 'specific character' carve-out is usually read as covering the four EU members outside NATO
    [U]: their duty under Art. 42(7), aid they may limit to non-military means (withheld from the sides:
    tests/test_eu_neutrals_non_military.py), is reported, but never as verified; the other members' duty is."""
    r = run("RUS", "EST", "2025-06-01")
    (o,) = [w for w in r.withheld if w.state == neutral and w.treaty == "eu_teu_42_7"]
    assert o.certainty == "unverified"
    assert [(x.kind, x.source) for x in o.certainty_reasons] == [
        ("article", "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12016M042")]
    assert obligation(r, "ESP", "eu_teu_42_7").certainty == "verified"


_OPT_OUT = "whether it limited Denmark's duty is not settled"


@pytest.mark.parametrize("day", ["2015-06-01", "2022-06-30"])
def test_eu_42_7_duty_of_denmark_is_unverified_during_its_defence_opt_out(day: str) -> None:
    """§1.11, Denmark row: while the defence opt-out stood, its bearing on the clause is not settled, so the duty
    rests on an unverified fact, and says which: the window, not the article."""
    o = obligation(run("RUS", "AUT", day), "DNK", "eu_teu_42_7")
    assert o.certainty == "unverified"
    assert [x.kind for x in o.certainty_reasons if _OPT_OUT in x.fact] == ["validity"]


@pytest.mark.parametrize("day", ["2022-07-01", "2025-06-01"])
def test_eu_42_7_duty_of_denmark_is_verified_from_the_end_of_its_opt_out(day: str) -> None:
    """The fact sheet tags the opt-out's end, 1 Jul 2022, [U]; Council Decision (CFSP) 2023/994 (recitals 1-4) says
    Denmark gave up Protocol No 22's Art. 5 from that day, so from it Denmark's duty is as verified as Spain's, with no
    reason left (`foedus cascade -a RUS -t EST -d today` said "also eu_teu_42_7 art. 42(7) (unverified: validity)")."""
    o = obligation(run("RUS", "AUT", day), "DNK", "eu_teu_42_7")
    assert (o.certainty, o.certainty_reasons) == ("verified", ())


def test_reasons_are_in_the_json_contract() -> None:
    """Each joiner's JSON says why it is not verified: kind, fact, certainty, source, and the heading a list puts
    before it."""
    d = run("CUB", "USA", "2004-09-03").to_dict()
    mex = next(j for j in d["joiners"] if j["state"] == "MEX")
    assert mex["certainty"] == "secondary"  # its exit's day, inside the month it took effect, is ATOP's
    assert set(mex["certainty_reasons"][0]) == {"kind", "fact", "certainty", "source", "heading"}
    assert all(j["certainty_reasons"] == [] for j in run("RUS", "EST", "2025-06-01").to_dict()["joiners"]
               if j["certainty"] == "verified")


def test_date_windows() -> None:
    """docs/certainty.md's table, one row at a time."""
    day = dt.date(2010, 6, 15)
    assert date_window(day, DateCertainty(within="week")) == (dt.date(2010, 6, 8), dt.date(2010, 6, 22))
    assert date_window(day, DateCertainty(within="month")) == (dt.date(2010, 6, 1), dt.date(2010, 6, 30))
    assert date_window(day, DateCertainty(within="year")) == (dt.date(2010, 1, 1), dt.date(2010, 12, 31))
    assert date_window(day, DateCertainty(within="stand-in"))[1] == dt.date(2011, 6, 15)
    assert date_window(day, DateCertainty(within="unknown", until=dt.date(2019, 9, 11)))[1] == dt.date(2019, 9, 11)


def test_a_month_window_ends_on_the_months_last_day() -> None:
    """Every month of common and leap years, from any day in it (February of 1900, 2000 and 2024 included)."""
    import calendar

    for year in (1900, 1999, 2000, 2023, 2024):
        for month in range(1, 13):
            last = calendar.monthrange(year, month)[1]
            for d in (1, 15, last):
                assert date_window(dt.date(year, month, d), DateCertainty(within="month")) == (
                    dt.date(year, month, 1), dt.date(year, month, last))
    assert date_window(dt.date(9999, 12, 30), DateCertainty(within="month"))[1] == dt.date(9999, 12, 31)  # no overflow


@pytest.mark.parametrize("day", [dt.date(1990, 6, 1), dt.date(2025, 6, 1)])
def test_nothing_marked_unverified_comes_out_verified(day: dt.date) -> None:
    """Every leg is at most as certain as its treaty, its clause and both members' membership rows."""
    index = compile_table(CURATED, day)
    for leg in index.all_legs():
        place = CURATED.places.home(leg.beneficiary)
        got = assess(leg.treaty, leg.provision, leg.obligor, leg.beneficiary, day, place, "territory", "recognized",
                     names=CURATED.states.names)
        rows = [m.certainty for m in leg.treaty.members if m.state in (leg.obligor, leg.beneficiary)
                and (m.left is None or day < m.left) and (m.joined or leg.treaty.in_force or day) <= day]
        floor = worst([leg.treaty.certainty, leg.provision.certainty, *rows])
        assert CERTAINTY_RANK[got.level] >= CERTAINTY_RANK[floor], (leg.treaty.id, leg.obligor, leg.beneficiary)
        assert (got.level is Certainty.VERIFIED) == (not got.reasons)


@pytest.mark.parametrize(("day", "certainty", "applies"), [("2020-06-01", "secondary", False),
                                                           ("2023-11-04", "secondary", False),
                                                           ("2023-11-05", "unverified", True),
                                                           ("2025-06-01", "unverified", True)])
def test_russia_armenia_after_its_25_year_term_rests_on_a_presumed_extension(day: str, certainty: str,
                                                                              applies: bool) -> None:
    """§2.7: a 25-year term with automatic 10-year extensions [V], from the entry into force on 5 Nov 1998 (ARLIS),
    so presumably extended on 5 Nov 2023 [U]: after the term, Russia's duty is unverified, and the reason says why (a
    reason of its own, for the span)."""
    o = obligation(run("AZE", "ARM", day), "RUS", "rus_arm_1997")
    assert o.certainty == certainty
    spans = [x for x in o.certainty_reasons if "that it applies from 2023-11-05" in x.fact]
    assert bool(spans) is applies
    assert all(x.kind == "validity" and x.certainty == "unverified" and "presumed extended" in x.fact for x in spans)


def test_manila_us_leg_names_when_it_applies() -> None:
    """The US Art. IV(1) leg limited to communist aggression is unverified as a clause (`article`) and as to its span
    (`validity`, a fact of its own)."""
    o = obligation(run("CHN", "THA", "2025-06-01"), "USA", "manila_1954")
    facts = [x.fact for x in o.certainty_reasons if x.kind == "article"]
    assert facts == ["manila_1954 art. IV(1): the clause as encoded (the US understanding that limits the US's "
                     "Art. IV(1) duty to communist aggression (its text read only in a book's copy), on top of the "
                     "Art. IV(1) wording, known from secondary sources only, as on the other parties' leg) "
                     "(not verified)"]  # its `doubt`
    spans = [x.fact for x in o.certainty_reasons if x.kind == "validity"]
    assert len(spans) == 1 and spans[0].startswith("manila_1954 art. IV(1): that it applies from 1991-12-26 (from the "
                                                   "dissolution")


def test_manila_us_leg_says_what_its_tag_differs_by() -> None:
    """One clause, two tags: Thailand's Art. IV(1) duty is `secondary` (the wording, read only in copies), the US's
    `unverified`. No row differs (the US's membership is verified); the US understanding does, so the US leg's reason
    names it and the wording the two share, whose reason on the other leg is the plain secondary one."""
    r = run("CHN", "THA", "2025-06-01")
    aus, usa = obligation(r, "AUS", "manila_1954"), obligation(r, "USA", "manila_1954")
    assert (aus.certainty, usa.certainty) == ("secondary", "unverified")
    assert [x.kind for x in usa.certainty_reasons] == ["article", "validity"]  # no membership reason: row verified
    (shared,) = aus.certainty_reasons
    (own,) = [x for x in usa.certainty_reasons if x.kind == "article"]
    assert "known from secondary reporting only" in shared.fact
    assert "US understanding" in own.fact and "Art. IV(1) wording, known from secondary sources only" in own.fact


def test_sadc_pact_entry_into_force_is_never_settled() -> None:
    """§3: the SADC pact's entry into force is [U]: no date after the recorded one reads it as settled, so even
    the members whose ratification is known from secondary sources are unverified under it."""
    o = obligation(run("AGO", "BWA", "2025-06-01"), "TZA", "sadc_mdp_2003")
    assert o.certainty == "unverified"
    assert any(x.kind == "date" and "entered into force on 2008-08-17" in x.fact for x in o.certainty_reasons)


def test_a_suspension_that_is_not_verified_says_so_where_it_withholds() -> None:
    """§1.12: Syria's Arab League suspension (Nov 2011 – May 2023) is [U]: the legs it holds back are reported as
    withheld, and the reason says the suspension itself is not verified."""
    r = run("ISR", "SYR", "2020-06-01")
    held = [w for w in r.withheld if w.treaty == "arab_jdec_1950"]
    assert held and not [j for j in r.joiners if j.primary.treaty == "arab_jdec_1950"]
    assert all(w.reason.startswith("Syria (SYR)'s membership of Arab League JDEC is suspended since 2011-11-16")
               and "; the suspension is not verified;" in w.reason for w in held)


@pytest.mark.parametrize(("day", "gated", "level"), [("2005-06-01", False, "verified"),
                                                     ("2012-06-01", False, "secondary"),
                                                     ("2015-06-01", True, "secondary")])
def test_csto_art_4_asks_for_a_request_only_as_amended_in_2010(day: str, gated: bool, level: str) -> None:
    """§1.4: the original Art. 4 [V] has no request condition; 'at the request' comes from the 2010 amendment
    [V-secondary], which binds from the protocol's entry into force (19 Dec 2012, secondary), not its signature
    (10 Dec 2010). Before it, Russia is bound to defend Armenia whether or not Armenia asks. The 1992 clause is
    verified, but for the protocol's day near it (secondary: tests/test_clause_windows.py)."""
    asked = obligation(run("AZE", "ARM", day), "RUS", "csto_1992")
    assert asked.certainty == level
    assert any("request" in c for c in asked.conditions) is gated
    unasked = run("AZE", "ARM", day, requested=False)
    withheld = [w for w in unasked.withheld if w.state == "RUS" and w.treaty == "csto_1992"]
    assert bool(withheld) is gated
    joined = unasked.joiner("RUS")
    assert (joined is not None and "csto_1992" in {o.treaty for o in (joined.primary, *joined.also)}) is not gated


@pytest.mark.parametrize(("day", "renewal"), [("2025-06-01", False), ("2026-12-01", True)])
def test_france_greece_after_its_five_year_term_rests_on_an_unverified_renewal(day: str, renewal: bool) -> None:
    """§2.3: a five-year term [V], renewable [U]; the joint-determination gate is a Janes paraphrase [V-secondary]."""
    o = obligation(run("TUR", "GRC", day), "FRA", "fra_grc_2021")
    assert any("that it applies from 2026-10-07" in x.fact and "renewal not verified" in x.fact
               for x in o.certainty_reasons) is renewal
    assert any(c.endswith("(the clause's wording of this condition: known from secondary reporting only)")
               for c in o.conditions)


def test_a_consultation_rests_on_the_facts_of_its_clause() -> None:
    """A duty to consult is assessed on the facts of its clause: the US party to the 2024 agreement with Ukraine
    after the change of administration (20 Jan 2025) is not verified, so its duty rests on that membership (and
    the JSON and the explanation say so), not before; Canada's, signed on a sourced day but taken as in force on
    signature unchecked, rests on that day."""
    def consults(day: str, state: str) -> Any:
        result = run("RUS", "UKR", day)
        return result, next(c for c in result.consultations if c.state == state)

    later, usa = consults("2025-06-01", "USA")
    assert (usa.treaty, usa.certainty) == ("ukr_bilateral_2024", "unverified")
    assert [(r.kind, r.certainty) for r in usa.certainty_reasons] == [("membership", "unverified")]
    assert "United States (USA), a party before 2025-01-20, stays one from that day on" in \
        usa.certainty_reasons[0].fact
    assert usa.to_dict()["certainty_reasons"][0]["kind"] == "membership"
    line = next(x for x in explain_lines(later) if x.startswith("Consultation: United States"))
    assert line.endswith("consults Ukraine (UKR) under ukr_bilateral_2024 future-attack clause (numbering "
                         "varies by agreement) — unverified facts")
    _, before = consults("2025-01-15", "USA")
    assert (before.certainty, before.certainty_reasons) == ("verified", ())
    early, can = consults("2024-03-01", "CAN")  # a week after Canada signed (24 Feb 2024, sourced)
    assert (can.certainty, [r.kind for r in can.certainty_reasons]) == ("unverified", ["date"])
    _, gbr = consults("2025-01-15", "GBR")  # the treaty's entry into force: the UK's signature, unchecked
    assert (gbr.certainty, [r.kind for r in gbr.certainty_reasons]) == ("unverified", ["date"])
    gbr_line = next(x for x in explain_lines(early) if x.startswith("Consultation: United Kingdom"))
    assert gbr_line.endswith("— unverified facts")


def test_a_withheld_leg_says_how_sure_the_facts_are_that_it_would_bind_by() -> None:
    """Syria's Arab League suspension withholds Iraq's Art. 2 duty in 2013; that duty would rest on Syria's
    membership, which the treaty file marks unverified: the withheld record carries it, as a binding one would."""
    r = run("ISR", "SYR", "2013-06-01")
    irq = next(w for w in r.withheld if w.state == "IRQ")
    assert (irq.treaty, irq.article, irq.certainty) == ("arab_jdec_1950", "2", "unverified")
    assert [(x.kind, x.fact.partition(", noted: ")[0]) for x in irq.certainty_reasons] == [  # then the row's note
        ("membership", "arab_jdec_1950: Syria (SYR) is a party (not verified)")]
    assert next(x for x in explain_lines(r) if x.startswith("Withheld: Iraq")).endswith("— unverified facts")


@pytest.mark.parametrize(("attacker", "target", "day", "expected"), [
    # Mexico's Rio exit took effect in September 2004, the day (the 6th) ATOP 5.1's only (secondary): on 15 September
    # it may still have been a party, though the record says it has left
    ("CUB", "USA", "2004-09-15", ["tiar_1947: Mexico (MEX) left on 2004-09-06, its day reported, but sure only to "
                                  "the month (month: "
                                 "verified; day: known from secondary reporting only); it may still have been a party "
                                 "on 2004-09-15"]),
    ("CUB", "USA", "2004-10-01", []),  # past the month's window
    ("CUB", "USA", "2004-09-03", []),  # a party by the record, and bound ones say so (`assess`)
    ("IND", "CHN", "2004-09-15", []),  # no party to the Rio Treaty in this war: the doubt changes nothing
    # the UK left the EU on 2020-02-01 (known to the week): Finland's war in the days after may still bind it (no
    # NATO then); France's would change nothing, NATO binding the UK to France's defence either way
    ("RUS", "FIN", "2020-02-03", ["eu_teu_42_7: United Kingdom (GBR) left on 2020-02-01, known only to within a week "
                                 "(day: not verified); it may still have been a party on 2020-02-03"]),
    ("RUS", "FRA", "2020-02-03", []),
    # the Saudi-Pakistani pact's entry into force is a stand-in (its signature, 17 Sep 2025): before it was signed
    # it cannot have been in force, whatever the stand-in's window
    ("IND", "PAK", "2025-06-01", []),
    ("IND", "PAK", "2025-09-16", []),
])
def test_a_state_left_out_by_an_uncertain_date_is_a_doubt(attacker: str, target: str, day: str,
                                                            expected: list[str]) -> None:
    """The other side of the date windows: a party not counted on the date by a day known less than exactly, in a
    treaty with a party in the war, is reported as a doubt (JSON `doubts`; the explanation's "Uncertain date") where
    the answer with it a party differs (`foedus.engine.doubt_reach`)."""
    r = run(attacker, target, day)
    assert len(r.doubts) == len(expected)
    for doubt, start in zip(r.doubts, expected, strict=True):
        assert doubt.fact.startswith(start)
        assert doubt.certainty == ("secondary" if "secondary reporting" in start else "unverified")
        treaty, _, rest = start.partition(": ")
        assert doubt.treaty == treaty  # and the party it concerns, or none for the treaty itself
        assert doubt.state == (None if rest.startswith("the treaty") else rest.split(")")[0].split("(")[-1])
    assert [(d["treaty"], d["state"], d["fact"]) for d in r.to_dict()["doubts"]] == [
        (d.treaty, d.state, d.fact) for d in r.doubts]
    assert sum(x.startswith("Uncertain date: ") for x in explain_lines(r)) == len(expected)


@pytest.mark.parametrize(("day", "doubted"), [("2004-02-29", False), ("2004-03-01", True), ("2004-03-28", True),
                                              ("2004-03-29", False)])
def test_an_accession_known_only_to_the_month_is_a_doubt_before_its_day(day: str, doubted: bool) -> None:
    """The mechanism, on the what-if (`what_if_estonias_day_known_to_the_month`): before the recorded day, but inside
    its month, Estonia is not a party by the record, yet may already have been one; from the day it is bound (and
    `assess` says so), and before the month no doubt reaches back."""
    r = foedus.cascade("RUS", "EST", day, world=what_if_estonias_day_known_to_the_month())
    assert [(d.treaty, d.state, d.certainty, d.fact) for d in r.doubts] == ([(
        "nato_1949", "EST", "unverified", "nato_1949: Estonia (EST) became a party on 2004-03-29, known only to the "
        f"month (month: verified; day: not verified); it may already have been one on {day}")] if doubted else [])
    assert sum(x.startswith("Uncertain date: ") for x in explain_lines(r)) == int(doubted)


@pytest.mark.parametrize("basis", ["in-force", "signed"])
def test_on_either_basis_an_exit_is_a_reason_and_a_doubt(basis: str) -> None:
    """An exit ends a membership on the signed basis as on the in-force one (`party_on`), so its window is read
    alike: Mexico's Rio exit, effective Sep 2004, is a reason on 1 Sep and a doubt on 15 Sep (a treaty's end and a
    clause's span likewise: tests/test_clause_windows.py)."""
    left = ("tiar_1947: Mexico (MEX) left on 2004-09-06, its day reported, but sure only to the month (month: "
            "verified; day: known from "
            "secondary reporting only)")
    o = obligation(run("CUB", "USA", "2004-09-01", basis=basis), "MEX", "tiar_1947")
    assert [x.fact for x in o.certainty_reasons if x.kind == "date"] == [left]
    assert [d.fact for d in run("CUB", "USA", "2004-09-15", basis=basis).doubts] == [
        f"{left}; it may still have been a party on 2004-09-15"]


def test_a_doubt_needs_the_state_out_by_every_row_of_its_own() -> None:
    """`doubts` on a made-up treaty: a party that left on a day known to the month may still have been one in
    that month, unless another row of its own (it rejoined) makes it a party anyway; a later accession known to
    the month is a doubt earlier in that month, and not before it."""
    from foedus.engine.doubts import doubts
    from foedus.model.treaty import Treaty

    month = {"within": "month", "certainty": "unverified"}
    pact = Treaty.model_validate({
        "id": "test_pact", "name": "Test pact", "signed": "2000-01-01", "in_force": "2000-01-01",
        "type": "multilateral", "sources": [{"url": "https://example.org/pact"}],
        "members": [{"state": "AAA"},
                    {"state": "BBB", "left": "2005-06-15", "left_certainty": month},
                    {"state": "BBB", "joined": "2005-06-20"},
                    {"state": "CCC", "joined": "2006-03-20", "joined_certainty": month}]})

    def facts(day: str) -> list[str]:
        return [d.fact for d, _ in doubts([pact], dt.date.fromisoformat(day), names={})]

    assert facts("2005-06-17") == ["test_pact: BBB left on 2005-06-15, known only to the month (day: not verified); "
                                   "it may still have been a party on 2005-06-17"]
    assert facts("2005-06-25") == []  # a party again by its second row
    assert facts("2006-03-10") == ["test_pact: CCC became a party on 2006-03-20, known only to the month (day: not "
                                   "verified); it may already have been one on 2006-03-10"]
    assert facts("2006-02-27") == [] and facts("2006-03-20") == []
    assert [(d.state, states) for d, states in doubts([pact], dt.date(2006, 3, 10), names={})] == [
        ("CCC", frozenset({"AAA", "BBB", "CCC"}))]


def test_a_doubt_never_reaches_before_the_signature() -> None:
    """A stand-in entry into force (read as within a year) or an accession known to the year leaves a doubt only
    from the signature on: a treaty is not in force, nor a state a party, before it is signed."""
    from foedus.engine.doubts import doubts
    from foedus.model.treaty import Treaty

    pact = Treaty.model_validate({
        "id": "test_pact", "name": "Test pact", "signed": "2010-03-01", "in_force": "2010-06-01",
        "in_force_certainty": {"within": "stand-in", "certainty": "unverified"},
        "type": "multilateral", "sources": [{"url": "https://example.org/pact"}],
        "members": [{"state": "AAA"}, {"state": "BBB"},
                    {"state": "CCC", "signed": "2011-02-01", "joined": "2011-05-01",
                     "joined_certainty": {"within": "year", "certainty": "unverified"}}]})

    def about(day: str) -> list[str | None]:
        return [d.state for d, _ in doubts([pact], dt.date.fromisoformat(day), names={})]

    assert about("2010-02-28") == [] and about("2010-03-01") == [None] and about("2010-05-31") == [None]
    assert about("2011-01-31") == [] and about("2011-02-01") == ["CCC"] and about("2011-05-01") == []


def test_place_free_clauses_never_get_a_place_fact() -> None:
    """`place_free` lets the certainty of findings skip `place_facts`: for every curated clause it calls free in
    the recognized view (none is in the claimant view), every place of the gazetteer (2025) and each attacked
    kind, there is no place fact. A debated clause attacked in its debated place does get one."""
    from foedus.engine.certainty import place_facts, place_free

    places = list(CURATED.places.on(dt.date(2025, 6, 1)).values())
    checked = 0
    for treaty in CURATED.treaties.curated.values():
        for provision in treaty.provisions:
            assert not place_free(provision, "claimant")
            if not place_free(provision, "recognized"):
                continue
            for place in places:
                victim = next(iter(place.holders("recognized")), "USA")
                for kind in ("territory", "forces"):
                    assert place_facts(treaty, provision, place, kind, "recognized", victim, {}) == ()
                    checked += 1
    assert checked > 1000
    csto = CURATED.treaty("csto_1992")
    amended = next(p for p in csto.provisions if p.scope.debated)
    syunik = CURATED.places.on(dt.date(2025, 6, 1))["syunik"]
    assert not place_free(amended, "recognized")
    assert [r.kind for r in place_facts(csto, amended, syunik, "territory", "recognized", "ARM", {})] == ["scope"]


@pytest.mark.parametrize("basis", ["in-force", "signed"])
def test_certainty_reads_a_membership_row_as_the_leg_table_does(basis: str) -> None:
    """A membership row's facts count on a day only if the row makes its state a party then, by the rule the leg
    table applies: on the signed basis a row that joined later and records no signature of its own starts at its
    accession (Argentina, a Rio party from its 1950 deposit), not at the treaty's signature, so a state whose
    membership is split into rows is never read as two parties at once."""
    from foedus.engine.certainty import party_on
    from foedus.engine.table import parties

    days = [dt.date(y, 6, 1) for y in range(1946, 2026)] + [dt.date(2024, 6, 11), dt.date(2024, 6, 12)]
    differ = [(t.id, day) for t in CURATED.treaties.curated.values() for day in days if t.in_effect(day, basis)
              and {m.state for m in t.members if party_on(t, m, day, basis)} != set(parties(t, day, basis, {}))]
    assert differ == []
    rio = CURATED.treaty("tiar_1947")
    argentina = next(m for m in rio.members if m.state == "ARG")
    assert argentina.joined is not None and not party_on(rio, argentina, argentina.joined - dt.timedelta(days=1),
                                                         "signed")


def test_a_doubted_condition_is_said_in_plain_words() -> None:
    """A reader new to the engine is told what is doubted about a condition, in the words a fact's tag is said in
    ("not verified"), not in the engine's own term for it (it used to read "(the gate itself is unverified)"): North
    Korea attacks South Korea, and the US duty's non-provocation condition rests on the Senate's understanding [U]."""
    o = obligation(run("PRK", "KOR", "2025-06-01"), "USA", "usa_kor_1953")
    [condition] = [c for c in o.conditions if c.startswith("non-provocation")]
    assert condition == ("non-provocation: South Korea (KOR) did not start the war (the clause's wording of this "
                         "condition: not verified)")
    assert not any("gate" in c for c in o.conditions), o.conditions
    # a duty the condition holds back says it alike: Armenia does not ask for the CSTO's help (request: secondary)
    [held] = [w for w in run("AZE", "ARM", "2025-06-01", requested=False).withheld
              if w.state == "BLR" and w.treaty == "csto_1992"]
    assert held.reason.endswith("(the clause's wording of this condition: known from secondary reporting only)")
    assert "gate itself" not in held.reason, held.reason
