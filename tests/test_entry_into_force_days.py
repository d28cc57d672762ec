"""Entry-into-force days the 2025 fact sheet does not give (§2.8), taken from a cited source instead of the signature
date as a stand-in: the Russia-Kazakhstan treaty of 25 May 1992 came into force on 9 Oct 1992 (Nezavisimaya Gazeta,
2022; one secondary source, so the treaty stays unverified). Russia-Armenia (1997) came into force on 5 Nov 1998 by
Armenia's official legal database (ARLIS), not on the day once picked in 1998 (29 Apr), which the fact sheet's year
alone left open. US-ROK (1953) came into force on 17 Nov 1954, some sources say 18 Nov (§1.7, [V/C]): the true day
is one of the two, not any day of a week around it."""

from __future__ import annotations

import datetime as dt

import pytest

import foedus

CURATED = foedus.World.load(history=False)


def test_russia_kazakhstan_1992_is_in_force_from_9_oct_1992_not_its_signature() -> None:
    treaty = CURATED.treaty("rus_kaz_1992")
    assert (treaty.signed, treaty.in_force) == (dt.date(1992, 5, 25), dt.date(1992, 10, 9))
    assert treaty.in_force_certainty is None  # a reported day, no longer a stand-in for an unknown one
    assert any("(9 Oct 1992)" in (s.title or "") for s in treaty.sources)
    assert treaty.certainty.value == "unverified"


def test_russia_is_bound_to_kazakhstan_by_the_1992_treaty_only_once_it_is_in_force() -> None:
    def bound(day: str) -> bool:
        j = foedus.cascade("CHN", "KAZ", day, world=CURATED).joiner("RUS")
        return j is not None and any(o.treaty == "rus_kaz_1992" for o in [j.primary, *j.also])

    assert not bound("1992-10-08")  # signed, not yet in force (the CSTO, 1994, does not bind yet either)
    assert bound("1992-10-09")


def test_russia_armenia_is_in_force_from_5_nov_1998_as_armenias_legal_database_records_it() -> None:
    treaty = CURATED.treaty("rus_arm_1997")
    assert (treaty.signed, treaty.in_force) == (dt.date(1997, 8, 29), dt.date(1998, 11, 5))
    assert treaty.in_force_certainty is None  # a day an official record gives, no longer one picked in 1998
    assert any(s.url.startswith("https://new.arlis.am/") and "(5 Nov 1998)" in (s.title or "") for s in treaty.sources)


@pytest.mark.parametrize(("day", "bound"), [("1998-11-04", False), ("1998-11-05", True)])
def test_russia_is_bound_to_armenia_by_the_1997_treaty_only_once_it_is_in_force(day: str, bound: bool) -> None:
    rus = foedus.cascade("AZE", "ARM", day, world=CURATED).joiner("RUS")  # the CSTO binds Russia already
    obligations = [] if rus is None else [o for o in [rus.primary, *rus.also] if o.treaty == "rus_arm_1997"]
    assert bool(obligations) is bound
    assert not any(x.kind == "date" for o in obligations for x in o.certainty_reasons)


@pytest.mark.parametrize(("day", "bound", "in_doubt"), [
    ("1954-11-16", False, False),  # before both days the sources give: not in force, and no doubt that it was
    ("1954-11-17", True, True),    # in force by most sources; from the next day by some
    ("1954-11-18", True, False),   # in force by every source
    ("1954-11-20", True, False),
])
def test_us_rok_in_force_on_17_or_18_nov_1954_is_in_doubt_on_17_nov_alone(day: str, bound: bool,
                                                                           in_doubt: bool) -> None:
    """§1.7: 'In force: 17 Nov 1954, on exchange of ratifications (some sources: 18 Nov) [V/C]': the sources
    conflict over one day. A week either side of 17 Nov (10-24 Nov) made the US duty 'conflicting' on days every
    source has the treaty in force, and a doubt on days none does."""
    r = foedus.cascade("PRK", "KOR", day, world=CURATED)
    usa = r.joiner("USA")
    assert (usa is not None) is bound
    dated = [x.fact for x in usa.primary.certainty_reasons if x.kind == "date"] if usa is not None else []
    doubts = [d.fact for d in r.doubts if d.treaty == "usa_kor_1953"]
    assert bool(dated or doubts) is in_doubt, (dated, doubts)
    if usa is not None:
        assert usa.primary.certainty == ("conflicting" if in_doubt else "verified")


@pytest.mark.parametrize(("day", "doubt", "dated"), [
    ("2010-12-01", False, False),  # signed, but Turkey had not ratified: not in force, and no doubt that it was
    ("2011-02-01", False, False),
    ("2011-02-02", False, True),   # Turkey's ratification: the earliest it can have entered into force
    ("2012-02-01", False, True),
    ("2012-02-02", False, False),  # a year on, as the stand-in read it before
])
def test_turkey_azerbaijan_2010_is_not_in_force_before_turkey_ratified(day: str, doubt: bool, dated: bool) -> None:
    """§2.1: 'Ratified by Azerbaijan 21 Dec 2010 and Turkey 2 Feb 2011' [V]; the entry into force is not given. A
    stand-in on 2 Feb 2011 reached a year back, to the signature, so a doubt said the treaty may already have been in
    force in 2010, before Turkey ratified it. The true date may be later than Turkey's ratification, not earlier."""
    r = foedus.cascade("ARM", "AZE", day, world=CURATED)
    assert bool([d for d in r.doubts if d.treaty == "tur_aze_2010"]) is doubt
    tur = r.joiner("TUR")
    legs = [o for o in ([tur.primary, *tur.also] if tur is not None else []) if o.treaty == "tur_aze_2010"]
    assert bool([x for o in legs for x in o.certainty_reasons if x.kind == "date"]) is dated
    assert bool(legs) is (day >= "2011-02-02")


@pytest.mark.parametrize(("day", "in_doubt"), [("2003-08-25", False), ("2003-09-01", True), ("2008-08-16", True)])
def test_the_sadc_pact_may_have_entered_into_force_any_day_from_its_signature(day: str, in_doubt: bool) -> None:
    """§3: 'signed 26 Aug 2003 (Dar es Salaam) [V]; entry into force [U]'. The day recorded, 17 Aug 2008, is from
    recollection: before it the pact binds no one, but it may already have been in force, any day from its
    signature (no source says when two-thirds of the members had ratified)."""
    r = foedus.cascade("AGO", "BWA", day, world=CURATED)
    assert bool([d for d in r.doubts if d.treaty == "sadc_mdp_2003" and d.state is None]) is in_doubt
    assert r.joiner("TZA") is None


def test_saudi_pakistan_is_taken_as_in_force_from_signature_though_pakistan_ratified_it_three_weeks_later() -> None:
    """§2.2: 'signed 17 Sep 2025 (Riyadh) [V]; entry-into-force terms not public [U]'. The signature day stands in
    for the entry into force, any day from it (or none yet) being the true one: Pakistan's federal cabinet ratified
    the agreement on Thursday 9 Oct 2025 (APP, 10 Oct 2025, secondary), so the day may well be later; no Saudi
    approval or exchange of instruments was found (docs/certainty.md, the twelfth look)."""
    treaty = CURATED.treaty("sau_pak_2025")
    how = treaty.in_force_certainty
    assert (treaty.signed, treaty.in_force) == (dt.date(2025, 9, 17), dt.date(2025, 9, 17))
    assert how is not None and (how.within, how.since, how.until) == ("unknown", None, None)
    assert how.certainty.value == "unverified" and "ratified the agreement on Thursday 9 Oct 2025" in (how.note or "")
    assert any(s.url.startswith("https://www.app.com.pk/") and "(9 Oct 2025)" in (s.title or "")
               and "(secondary)" in (s.title or "") for s in treaty.sources)
    assert any("cabinet ratified it only on 9 Oct 2025" in u for u in treaty.unverified)
    for day in ("2025-10-01", "2025-10-09", "2026-03-07"):  # flagged before and after Pakistan's ratification alike
        sau = foedus.cascade("IND", "PAK", day, world=CURATED).joiner("SAU")
        legs = [] if sau is None else [o for o in [sau.primary, *sau.also] if o.treaty == "sau_pak_2025"]
        assert legs and all(any(x.kind == "date" and "the true date may be later" in x.fact
                                for x in o.certainty_reasons) for o in legs)
