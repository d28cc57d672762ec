"""Ukraine's 2024 security agreements (`ukr_bilateral_2024`, fact sheet §4): the G7 partners' signature days are
sourced row by row (each agreement taken as in force on signature), so they are exact days, not stand-ins, and a
duty to consult near them rests on no date."""

from __future__ import annotations

import pytest

import foedus

CURATED = foedus.World.load(history=False)
PACT = CURATED.treaty("ukr_bilateral_2024")
G7 = {"DEU": "16 Feb 2024", "FRA": "16 Feb 2024", "CAN": "24 Feb 2024", "ITA": "24 Feb 2024", "JPN": "13 Jun 2024"}


@pytest.mark.parametrize(("state", "day"), sorted(G7.items()))
def test_a_g7_partners_day_is_exact_and_sourced(state: str, day: str) -> None:
    (row,) = [m for m in PACT.members if m.state == state]
    assert row.joined_certainty is None and row.source is not None
    assert row.joined is not None and f"{row.joined.day} {row.joined:%b %Y}" == day
    assert day in (row.note or "")
    assert any(s.url == row.source and f"({day})" in (s.title or "") for s in PACT.sources)


@pytest.mark.parametrize(("state", "day"), [("CAN", "2024-03-01"), ("ITA", "2024-03-01"), ("DEU", "2024-02-20"),
                                            ("FRA", "2024-02-20"), ("JPN", "2024-07-01")])
def test_a_g7_partners_duty_to_consult_soon_after_it_signed_is_verified(state: str, day: str) -> None:
    r = foedus.cascade("RUS", "UKR", day, world=CURATED)
    duty = next(c for c in r.consultations if c.state == state)
    assert (duty.treaty, duty.certainty, duty.certainty_reasons) == ("ukr_bilateral_2024", "verified", ())


def test_every_partners_day_is_sourced_and_named_in_its_note() -> None:
    rows = [m for m in PACT.members if m.state not in ("UKR", "GBR") and not (m.state == "USA" and m.left is None)]
    assert len(rows) == 25  # every partner but the UK (cited with the treaty), the US once
    for m in rows:
        assert m.joined is not None and m.joined_certainty is None and m.source, m.state
        assert f"{m.joined.day} {m.joined:%b %Y}" in (m.note or ""), m.state


@pytest.mark.parametrize(("state", "day", "before"), [("LUX", "2024-07-10", "2024-07-09"),
                                                      ("IRL", "2024-09-04", "2024-08-01"),
                                                      ("GRC", "2024-10-17", "2024-08-01")])
def test_the_corrected_days(state: str, day: str, before: str) -> None:
    """Luxembourg signed on 10 Jul 2024 (recorded 9 Jul before), Ireland on 4 Sep (18 Jul before), Greece on 17 Oct
    (18 Jul before): no duty to consult before the day."""
    (row,) = [m for m in PACT.members if m.state == state]
    assert row.joined is not None and row.joined.isoformat() == day
    r = foedus.cascade("RUS", "UKR", before, world=CURATED)
    assert state not in {c.state for c in r.consultations if c.treaty == "ukr_bilateral_2024"}


@pytest.mark.parametrize(("state", "level"), [("DNK", "verified"), ("SWE", "verified"), ("GRC", "verified"),
                                              ("IRL", "unverified"), ("HRV", "unverified")])
def test_a_partners_duty_is_as_sure_as_its_membership(state: str, level: str) -> None:
    """Sourced signatures verify the memberships, except Ireland's and Croatia's: their agreements (on support and
    cooperation) were not checked for the 24-hour consultation clause."""
    r = foedus.cascade("RUS", "UKR", "2025-01-15", world=CURATED)
    duty = next(c for c in r.consultations if c.state == state)
    assert duty.certainty == level
