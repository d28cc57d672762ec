"""Entry-into-force days the 2025 fact sheet does not give (§2.8), taken from a cited source instead of the signature
date as a stand-in: the Russia-Kazakhstan treaty of 25 May 1992 came into force on 9 Oct 1992 (Nezavisimaya Gazeta,
2022; one secondary source, so the treaty stays unverified). Where only the year is known, the date reason names the
page that states it: Russia-Armenia (1997) in force in 1998 (FIP.am, 2021), its day picked."""

from __future__ import annotations

import datetime as dt

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


def test_russia_armenia_entry_into_force_year_cites_the_page_that_states_it() -> None:
    rus = foedus.cascade("AZE", "ARM", "1998-06-01", world=CURATED).joiner("RUS")
    o = next(o for o in [rus.primary, *rus.also] if o.treaty == "rus_arm_1997")
    (dated,) = [x for x in o.certainty_reasons if x.kind == "date"]
    assert "entered into force on 1998-04-29, known only to the year" in dated.fact
    assert dated.source.startswith("https://fip.am/en/17491")
