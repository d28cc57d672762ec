"""Ukraine's 2024 security agreements (`ukr_bilateral_2024`, fact sheet §4): each partner's signature day is sourced
row by row, and each agreement is taken as in force on signature. That is verified only where a page says it (the
US's: European Pravda, 13 Jun 2024); every other row, and the treaty's entry into force (the UK's), is dated `within:
unknown`, so a duty to consult under it rests on that unverified date and says so."""

from __future__ import annotations

import pytest

import foedus
from foedus.engine.records import Consultation

CURATED = foedus.World.load(history=False)
PACT = CURATED.treaty("ukr_bilateral_2024")
G7 = {"DEU": "16 Feb 2024", "FRA": "16 Feb 2024", "CAN": "24 Feb 2024", "ITA": "24 Feb 2024", "JPN": "13 Jun 2024"}
CONFIRMED = {"USA": "https://www.pravda.com.ua/eng/news/2024/06/13/7460699/"}  # in force on signature, per the page


def _duty(state: str, day: str) -> Consultation:
    r = foedus.cascade("RUS", "UKR", day, world=CURATED)
    return next(c for c in r.consultations if c.state == state and c.treaty == "ukr_bilateral_2024")


@pytest.mark.parametrize(("state", "day"), sorted(G7.items()))
def test_a_g7_partners_signature_day_is_sourced(state: str, day: str) -> None:
    (row,) = [m for m in PACT.members if m.state == state]
    assert row.source is not None and row.joined == row.signed
    assert row.joined is not None and f"{row.joined.day} {row.joined:%b %Y}" == day
    assert day in (row.note or "")
    assert any(s.url == row.source and f"({day})" in (s.title or "") for s in PACT.sources)


def test_in_force_on_signature_is_verified_only_where_a_page_says_so() -> None:
    """The US row (to 20 Jan 2025) is exact, with the page that says its agreement took effect on signature among the
    sources; every other partner's day, the UK's (the treaty's entry into force) included, may be later."""
    assert PACT.in_force_certainty is not None and PACT.in_force_certainty.within == "unknown"
    urls = {s.url for s in PACT.sources}
    for m in PACT.members:
        if m.state == "UKR" or (m.state == "USA" and m.left is None):  # Ukraine's doubt is each partner's row's
            continue
        if m.state in CONFIRMED:
            assert m.joined_certainty is None and CONFIRMED[m.state] in urls, m.state
        elif m.state == "GBR":
            assert m.joined is None and m.joined_certainty is None  # dated by the treaty's in_force
        else:
            assert m.joined_certainty is not None and m.joined_certainty.within == "unknown", m.state
            assert m.joined_certainty.certainty == "unverified", m.state
            assert m.joined_certainty.source in (None, *urls), m.state


@pytest.mark.parametrize(("state", "day", "fact"), [
    ("USA", "2024-07-01", None),
    ("DEU", "2024-02-20", "Germany (DEU) became a party on 2024-02-16"),
    ("JPN", "2024-07-01", "Japan (JPN) became a party on 2024-06-13"),
    ("GBR", "2024-02-01", "the treaty entered into force on 2024-01-12"),
    ("LUX", "2025-01-15", "Luxembourg (LUX) became a party on 2024-07-10")])
def test_a_duty_to_consult_is_verified_only_on_a_confirmed_entry_into_force(state: str, day: str,
                                                                              fact: str | None) -> None:
    """The US agreement took effect on signature (European Pravda): its duty rests on no date. Germany's, Japan's,
    the UK's and Luxembourg's entry into force was not confirmed (Luxembourg's was reported as still needing its
    parliament's approval): the duty rests on that day, unverified."""
    duty = _duty(state, day)
    if fact is None:
        assert (duty.certainty, duty.certainty_reasons) == ("verified", ())
        return
    assert duty.certainty == "unverified"
    later = ", the true date may be later (day: not verified)"
    assert [(r.kind, r.fact) for r in duty.certainty_reasons] == [("date", f"ukr_bilateral_2024: {fact}{later}")]


def test_every_partners_day_is_sourced_and_named_in_its_note() -> None:
    rows = [m for m in PACT.members if m.state not in ("UKR", "GBR") and not (m.state == "USA" and m.left is None)]
    assert len(rows) == 25  # every partner but the UK (cited with the treaty), the US once
    for m in rows:
        assert m.joined is not None and m.source, m.state
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


@pytest.mark.parametrize(("state", "kinds"), [("USA", []), ("DNK", ["date"]), ("GRC", ["date"]),
                                              ("IRL", ["membership", "date"])])
def test_a_partners_duty_is_as_sure_as_its_membership_and_its_day(state: str, kinds: list[str]) -> None:
    """Ireland's agreement (on support and cooperation) was not checked for the 24-hour consultation clause, so its
    membership is unverified too; every partner's day but the US's is. (Croatia's owes no consultation:
    tests/test_ukr_croatia_agreement.py.)"""
    duty = _duty(state, "2025-01-15")
    assert [r.kind for r in duty.certainty_reasons] == kinds
    assert duty.certainty == ("unverified" if kinds else "verified")
