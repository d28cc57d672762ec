"""The USSR-DPRK treaty of 1961 (`sun_prk_1961`, not in the 2025 fact sheet): its entry into force, 10 Sep 1961, is
known to the day from cited sources (the GRIPS/Tokyo "World and Japan" database, after the Japanese MOFA's
translation, and the Britannica International Encyclopaedia in Japanese), so no date window is read around it."""

from __future__ import annotations

import datetime as dt

import pytest

import foedus
from foedus.catalog import treaty_detail

CURATED = foedus.World.load(history=False)
TREATY = CURATED.treaty("sun_prk_1961")


def test_the_entry_into_force_is_a_day_a_source_names() -> None:
    assert TREATY.in_force == dt.date(1961, 9, 10) and TREATY.in_force_certainty is None
    assert sum("(10 Sep 1961)" in (s.title or "") for s in TREATY.sources) >= 2
    assert not any("in-force" in fact or "10 Sep 1961" in fact for fact in TREATY.unverified)
    assert treaty_detail(CURATED, "sun_prk_1961")["in_force_how_sure"] == "unverified"  # the treaty's tag alone


@pytest.mark.parametrize("day", ["1961-09-05", "1961-09-09"])
def test_no_doubt_that_the_treaty_was_already_in_force_before_its_day(day: str) -> None:
    r = foedus.cascade("KOR", "PRK", day, world=CURATED)
    assert r.joiner("RUS") is None and [d.fact for d in r.doubts if d.treaty == "sun_prk_1961"] == []


def test_russias_duty_after_the_day_cites_no_entry_into_force() -> None:
    rus = foedus.cascade("KOR", "PRK", "1961-09-12", world=CURATED).joiner("RUS")
    assert rus is not None and rus.primary.treaty == "sun_prk_1961"
    assert not any(x.kind == "date" for x in rus.primary.certainty_reasons)
