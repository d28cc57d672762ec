"""Signature days the 2025 fact sheet gives only to the year or month, or not at all (§2.8: the Russia-Kyrgyzstan
treaty of 1992, the Russia-Tajikistan treaties of 1993 and 1999, the Russia-Kazakhstan treaty of 2013, the
Russia-Uzbekistan treaty of Nov 2005), checked against a cited source: the day is named by a source's title and no
longer listed as unverified. The treaties keep their own tags (fact sheet [U]; Uzbekistan's [V-secondary])."""

from __future__ import annotations

import pytest

import foedus

CURATED = foedus.World.load(history=False)


@pytest.mark.parametrize(("treaty_id", "day", "tag"), [
    ("rus_kgz_1992", "10 Jun 1992", "unverified"), ("rus_tjk_1993", "25 May 1993", "unverified"),
    ("rus_kaz_2013", "11 Nov 2013", "unverified"),  # CACI Analyst, 27 Nov 2013 (signed at the Yekaterinburg forum)
    ("rus_tjk_1999", "16 Apr 1999", "unverified"),  # Jamestown Monitor, 1999 (signed in the Kremlin)
    ("rus_uzb_2005", "14 Nov 2005", "secondary"),   # RIA Novosti and VOA on the day of the Kremlin signing
])
def test_the_signature_day_is_a_sourced_one(treaty_id: str, day: str, tag: str) -> None:
    treaty = CURATED.treaty(treaty_id)
    assert f"{treaty.signed.day} {treaty.signed:%b %Y}" == day
    assert any(f"({day})" in (s.title or "") for s in treaty.sources)
    assert not any("signature day" in fact for fact in treaty.unverified)
    assert treaty.certainty.value == tag
