"""Arab League JDEC membership of the Yemens and of later accessions (ATOP 5.1 atopid 3205) (curated set alone)."""

from __future__ import annotations

import datetime as dt

import pytest

import foedus
from foedus.engine.table import compile_table

CURATED = foedus.World.load(history=False)
NORTH, SOUTH = CURATED.states.resolve_id("YAR"), CURATED.states.resolve_id("YPR")


def members(day: str) -> frozenset[str]:
    return frozenset(compile_table(CURATED, dt.date.fromisoformat(day)).members["arab_jdec_1950"])


def joins(attacker: str, target: str, day: str, state: str) -> bool:
    j = foedus.cascade(attacker, target, day, world=CURATED).joiner(state)
    return j is not None and any(o.treaty == "arab_jdec_1950" for o in (j.primary, *j.also))


def test_north_yemen_not_unified_yemen_is_bound_at_suez() -> None:
    """Suez 1956: the Kingdom of Yemen (COW 678) signed in 1950; unified Yemen (COW 679) did not exist until 1990."""
    assert joins("ISR", "EGY", "1956-10-29", NORTH)
    assert not joins("ISR", "EGY", "1956-10-29", "YEM")


@pytest.mark.parametrize(("day", "member"), [
    ("1971-11-22", False), ("1971-11-23", True), ("1990-05-21", True), ("1990-05-22", False)])
def test_south_yemen_is_a_member_from_its_accession_to_unification(day: str, member: bool) -> None:
    """South Yemen (COW 680) is a party from its ATOP accession (23 Nov 1971) until unification (22 May 1990)."""
    assert (SOUTH in members(day)) is member


def test_unified_yemen_replaces_both_yemens_by_the_invasion_of_kuwait() -> None:
    """Iraq-Kuwait 1990: from unification (22 May 1990) YEM is the party and neither former Yemen is; not before."""
    before = members("1990-05-21")
    assert NORTH in before and "YEM" not in before
    on = members("1990-08-02")
    assert "YEM" in on and NORTH not in on and SOUTH not in on
    assert joins("IRQ", "KWT", "1990-08-02", "YEM")


@pytest.mark.parametrize("state", ["LBY", "SDN"])
def test_libya_and_sudan_are_bound_from_treaty_accession_not_league_admission(state: str) -> None:
    """ATOP dates their treaty accession 11 Sep 1964, after League admission (1953, 1956): not bound at Suez."""
    assert not joins("ISR", "EGY", "1956-10-29", state)
    assert state not in members("1964-09-10") and state in members("1964-09-11")


def test_kuwait_is_a_party_from_its_treaty_accession_not_its_league_admission() -> None:
    """Kuwait joined the League on 20 Jul 1961 and the treaty, per ATOP 5.1, on 12 Aug 1961: during the 1961
    crisis with Iraq nobody was bound by this treaty to defend it before that day."""
    assert "KWT" not in members("1961-08-11") and "KWT" in members("1961-08-12")
    assert not joins("IRQ", "KWT", "1961-08-01", "SAU") and joins("IRQ", "KWT", "1961-08-12", "SAU")


def test_the_uaes_conflicting_1972_day_is_kept_as_a_doubt_on_its_december_1971_accession() -> None:
    """The UAE is a party from 6 Dec 1971, its League admission (The National) and ATOP's accession day
    (tests/test_facts.py); the fact sheet's 1972 and Gibler's 12 Jun 1972 conflict, so its joining day is tagged
    conflicting and may be as late as 12 Jun 1972."""
    row = next(m for m in CURATED.treaties["arab_jdec_1950"].members if m.state == "ARE")
    how = row.joined_certainty
    assert how is not None and (row.joined, how.within, how.until, how.certainty.value) == (
        dt.date(1971, 12, 6), "unknown", dt.date(1972, 6, 12), "conflicting")
