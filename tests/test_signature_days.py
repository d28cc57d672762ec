"""Signature days the 2025 fact sheet gives only to the year or month, or not at all (§2.8: the Russia-Kyrgyzstan
treaty of 1992, the Russia-Tajikistan treaties of 1993 and 1999, the Russia-Kazakhstan treaty of 2013, the
Russia-Uzbekistan treaty of Nov 2005), checked against a cited source: the day is named by a source's title. A day
that a source other than secondary reporting gives is no longer listed as unverified; a day sourced only by secondary
reporting (rus_kaz_2013, rus_tjk_1999) is sourced but unverified: it stays listed, and the entry names its source.
The treaties keep their own tags (fact sheet [U]; Uzbekistan's [V-secondary])."""

from __future__ import annotations

import re

import pytest

import foedus

CURATED = foedus.World.load(history=False)


@pytest.mark.parametrize(("treaty_id", "day", "tag", "listed"), [
    ("rus_kgz_1992", "10 Jun 1992", "unverified", False), ("rus_tjk_1993", "25 May 1993", "unverified", False),
    ("rus_kaz_2013", "11 Nov 2013", "unverified", True),  # CACI Analyst, 27 Nov 2013 (signed at Yekaterinburg)
    ("rus_tjk_1999", "16 Apr 1999", "unverified", True),  # Jamestown Monitor, 1999 (signed in the Kremlin)
    ("rus_uzb_2005", "14 Nov 2005", "secondary", False),  # RIA Novosti and VOA on the day of the Kremlin signing
])
def test_the_signature_day_is_a_sourced_one(treaty_id: str, day: str, tag: str, listed: bool) -> None:
    treaty = CURATED.treaty(treaty_id)
    assert f"{treaty.signed.day} {treaty.signed:%b %Y}" == day
    naming = [re.split(r"[,(]", s.title)[0].strip() for s in treaty.sources if f"({day})" in (s.title or "")]
    assert naming, "no cited source's title names the day"
    told = [fact for fact in treaty.unverified if day in fact or treaty.signed.isoformat() in fact]
    if listed:  # sourced but unverified: the entry that lists the day says which source gives it
        assert told and all(any(name in fact for name in naming) for fact in told), told
        assert not any("general knowledge" in fact for fact in told)
    else:
        assert not told, told
    assert treaty.certainty.value == tag
