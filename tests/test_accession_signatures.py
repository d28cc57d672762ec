"""NATO accession-protocol signature days: each member row's own `signed` (read only by `--basis signed`) is named by a
source, and is no longer listed as unverified. The days are not in the 2025 fact sheet, so they are checked against
the sources the treaty file cites (NATO, the signatories' governments, the texts' records)."""

from __future__ import annotations

import datetime as dt

import foedus

CURATED = foedus.World.load(history=False)
NATO = CURATED.treaty("nato_1949")


def said(day: dt.date) -> str:
    """A day as the source titles write it: '22 Oct 1951'."""
    return f"{day.day} {day:%b %Y}"


def test_each_accession_signature_day_is_named_by_a_source() -> None:
    """Every accession row's signature day (its accession protocol's) is in a cited source's title."""
    titles = [s.title or "" for s in NATO.sources]
    rows = [m for m in NATO.members if m.signed is not None and m.signed != NATO.signed]
    assert {m.state for m in rows} >= {"GRC", "TUR", "DEU", "ESP", "CZE", "HUN", "POL", "EST", "ALB", "HRV", "MNE",
                                        "MKD", "FIN", "SWE"}
    unsourced = sorted({(m.state, said(m.signed)) for m in rows if m.signed and not any(
        f"({said(m.signed)})" in t for t in titles)})
    assert unsourced == []


def test_signature_days_come_before_accession_and_are_not_listed_as_unverified() -> None:
    """A protocol is signed before the state can deposit its accession; once sourced, the days leave `unverified`."""
    for m in NATO.members:
        if m.signed is not None and m.joined is not None and m.left is None:
            assert m.signed < m.joined, m.state
    assert not any("signature" in fact for fact in NATO.unverified)
