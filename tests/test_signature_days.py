"""Signature days the 2025 fact sheet gives only to the year (§2.8: the Russia-Kyrgyzstan treaty of 1992, the
Russia-Tajikistan treaty of 1993), checked against a cited source: the day is named by a source's title and no longer
listed as unverified. The treaties themselves stay unverified (fact sheet [U])."""

from __future__ import annotations

import pytest

import foedus

CURATED = foedus.World.load(history=False)


@pytest.mark.parametrize(("treaty_id", "day"), [("rus_kgz_1992", "10 Jun 1992"), ("rus_tjk_1993", "25 May 1993")])
def test_the_signature_day_is_a_sourced_one(treaty_id: str, day: str) -> None:
    treaty = CURATED.treaty(treaty_id)
    assert f"{treaty.signed.day} {treaty.signed:%b %Y}" == day
    assert any(f"({day})" in (s.title or "") for s in treaty.sources)
    assert not any("signature day" in fact for fact in treaty.unverified)
    assert treaty.certainty.value == "unverified"
