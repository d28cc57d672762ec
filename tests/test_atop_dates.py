"""ATOP dates known only to the month (or year) are marked so, and an exit's window is that of its last day.

ATOP 5.1 gives some entries and exits a month but no day; the import reads the day as the 1st (entry) or the
month's last (exit) and marks the membership `joined_certainty` / `left_certainty` (docs/history.md). `left` is
exclusive, so a window around it is that of the last day as a party, one day on (docs/certainty.md). The first
tests build made-up rows and treaties; the last read ATOP from the data folder.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import foedus
from foedus.engine.certainty import date_window, party_facts
from foedus.engine.doubts import doubts
from foedus.engine.result import Obligation
from foedus.model.treaty import DateCertainty, Treaty
from foedus.sources.atop import atop_treaties

CURATED = foedus.World.load(history=False)
D = dt.date.fromisoformat


def row(member: int, entry: tuple[int, str, str], exit: tuple[int, str, str] = (0, "0", "0"), **codes: str
        ) -> dict[str, str]:
    """A member row of ATOP's file with a defence clause; `entry` and `exit` as (year, month, day), "" missing."""
    base = {"atopid": "9001", "phase": "0", "member": str(member), "bilat": "1", "asymm": "0", "defense": "1",
            "offense": "0", "neutral": "0", "nonagg": "0", "consul": "0"}
    (ye, me, de), (yx, mx, dx) = entry, exit
    return base | {"yrent": str(ye), "moent": me, "dayent": de, "yrexit": str(yx), "moexit": mx, "dayexit": dx} | codes


def one(rows: list[dict[str, str]]) -> Treaty:
    [treaty] = atop_treaties(rows, CURATED.states)
    return treaty


def test_a_month_without_a_day_is_marked_known_only_to_the_month() -> None:
    """Entry March 1950 and exit July 1960, no days: the longest membership the coding allows, marked, and the
    alliance's first day and end with it; where one member's day on the edge is known, the edge is known."""
    t = one([row(2, (1950, "3", "")), row(200, (1950, "3", "")) | {"yrexit": "1960", "moexit": "7", "dayexit": ""}])
    usa, gbr = t.members
    assert (usa.joined, usa.joined_certainty and usa.joined_certainty.within) == (D("1950-03-01"), "month")
    assert (gbr.left, gbr.left_certainty and gbr.left_certainty.within) == (D("1960-08-01"), "month")
    assert usa.left_certainty is None and usa.left is None
    for how in (usa.joined_certainty, gbr.left_certainty):
        assert how is not None and how.certainty.value == "unverified"
        assert how.note is not None and how.note.startswith("ATOP 5.1 codes the") and "with no day" in how.note
    assert t.in_force_certainty is not None and t.in_force_certainty.within == "month"
    assert t.terminated is None and t.unverified == []  # USA is coded in it still: no end
    ended = one([row(2, (1950, "3", "1"), (1960, "7", "")), row(200, (1950, "3", ""), (1960, "7", ""))])
    assert ended.terminated == D("1960-08-01") and ended.unverified[0].startswith("its end, 1960-08-01: ATOP 5.1")
    assert ended.in_force_certainty is None  # the USA's day, 1 March, is known: the alliance began then
    assert ended.members[0].joined_certainty is None and ended.members[1].joined_certainty is not None
    known = one([row(2, (1950, "3", "9"), (1960, "7", "4")), row(200, (1950, "3", "9"), (1960, "7", "4"))])
    assert all(m.joined_certainty is None and m.left_certainty is None for m in known.members)
    assert (known.in_force_certainty, known.unverified) == (None, [])


def test_a_year_without_a_month_is_marked_known_only_to_the_year() -> None:
    t = one([row(2, (1950, "", ""), (1960, "", "")), row(200, (1950, "", ""), (1960, "", ""))])
    usa = t.members[0]
    assert (usa.joined, usa.left) == (D("1950-01-01"), D("1961-01-01"))
    assert usa.joined_certainty is not None and usa.joined_certainty.within == "year"
    assert usa.left_certainty is not None and usa.left_certainty.within == "year"
    assert "with no month or day" in (usa.left_certainty.note or "")
    assert t.in_force_certainty is not None and t.in_force_certainty.within == "year"


def test_a_fixed_term_from_a_start_known_to_the_month_says_so() -> None:
    """A 30-year term without automatic renewal, from May 2000 (no day): it ends on 1 May 2030, a day that rests on
    the 1st read for the start."""
    term = {"speclgth": "1", "length": "360", "proren": "0"}
    t = one([row(2, (2000, "5", ""), **term), row(200, (2000, "5", ""), **term)])
    assert t.terminated == D("2030-05-01")
    assert any("fixed term" in u and "known only to the month" in u for u in t.unverified)


@pytest.mark.parametrize(("left", "within", "window"), [
    ("1964-04-01", "month", ("1964-03-02", "1964-04-01")),  # exit coded March 1964, no day
    ("1823-01-01", "month", ("1822-12-02", "1823-01-01")),  # December: the window ends in the next year
    ("2024-03-01", "month", ("2024-02-02", "2024-03-01")),  # February of a leap year
    ("2005-06-15", "month", ("2005-06-02", "2005-07-01")),  # a recorded day inside the month
    ("1974-01-01", "year", ("1973-01-02", "1974-01-01")),
])
def test_an_exclusive_ends_window_is_its_last_days_one_day_on(left: str, within: str, window: tuple[str, str]
                                                              ) -> None:
    how = DateCertainty(within=within)  # type: ignore[arg-type]
    assert date_window(D(left), how, end=True) == (D(window[0]), D(window[1]))


def test_the_other_windows_are_the_same_at_an_end() -> None:
    for how in (DateCertainty(within="week"), DateCertainty(within="stand-in"),
                DateCertainty(within="unknown", until=D("2020-01-01"))):
        assert date_window(D("2010-06-15"), how, end=True) == date_window(D("2010-06-15"), how)


def pact(**member: Any) -> Treaty:
    return Treaty.model_validate({
        "id": "test_pact", "name": "Test pact", "signed": "1950-01-01", "in_force": "1950-01-01",
        "type": "bilateral", "sources": [{"url": "https://example.org/pact"}],
        "members": [{"state": "AAA"}, {"state": "BBB", **member}],
        "provisions": [{"kind": "defense", "article": "1", "strength": "S2"}]})


def reasons(treaty: Treaty, day: str) -> list[str]:
    """The date reasons of AAA's duty to BBB on `day` (BBB a party then)."""
    sure = party_facts(treaty, treaty.provisions[0], "AAA", "BBB", D(day), names={})
    return [r.fact for r in sure.reasons if r.kind == "date"]


def doubted(treaty: Treaty, day: str) -> list[str]:
    """The doubts about BBB on `day` (BBB not a party then)."""
    return [d.fact for d, _ in doubts([treaty], D(day), names={})]


@pytest.mark.parametrize(("day", "said"), [
    ("1964-03-01", []),  # its last day is in March: a party on the 1st whatever the day
    ("1964-03-02", ["test_pact: BBB left on 1964-04-01, known only to the month (day: not verified)"]),
    ("1964-03-31", ["test_pact: BBB left on 1964-04-01, known only to the month (day: not verified)"]),
])
def test_an_exit_in_march_with_no_day_is_unsure_from_march_2(day: str, said: list[str]) -> None:
    """ATOP's exit coded March 1964 without a day is `left` 1 April: from 2 March on the true exit may be past;
    from 1 April the state is out, and surely so."""
    treaty = pact(left="1964-04-01", left_certainty={"within": "month", "certainty": "unverified"})
    assert reasons(treaty, day) == said
    assert doubted(treaty, day) == [] and doubted(treaty, "1964-04-01") == []


def test_a_recorded_exit_known_to_the_month_reads_the_month_as_its_last_days() -> None:
    """`left` 15 June 2005, month known: the last day as a party is some day of June, so the true `left` is from 2
    June to 1 July; a bound state is unsure from 2 June (not on 1 June), a state out may still have been in on
    30 June (not on 1 July)."""
    treaty = pact(left="2005-06-15", left_certainty={"within": "month"})
    for day, bound, unsure in (("2005-06-01", True, False), ("2005-06-02", True, True), ("2005-06-14", True, True),
                               ("2005-06-15", False, True), ("2005-06-30", False, True), ("2005-07-01", False, False)):
        facts = reasons(treaty, day) if bound else doubted(treaty, day)
        assert bool(facts) is unsure, day
        assert all(("may still have been a party" in f) is not bound for f in facts), day


def test_a_suspension_that_ended_in_a_month_is_unsure_through_its_last_day() -> None:
    """A suspension's `end` is exclusive too: suspended until some day of May 2023, so on 31 May it may still
    have been; on 1 June it surely was not."""
    span = {"start": "2011-11-16", "end": "2023-05-07", "end_certainty": {"within": "month"}}
    facts = reasons(pact(suspended=[span]), "2023-05-31")
    assert facts and all("suspension ended on 2023-05-07" in f for f in facts)
    assert reasons(pact(suspended=[span]), "2023-06-01") == []


@pytest.mark.needs_data
def test_every_atop_date_without_a_day_is_marked(world: foedus.World) -> None:
    """ATOP 5.1 has 5 entries and 31 exits with a month but no day (and none without a month): each is marked."""
    from foedus.sources.atop import load_atop, read_member_rows

    rows = read_member_rows()
    entries = sum(r["dayent"] in ("", "-9") for r in rows)
    exits = sum(r["yrexit"] not in ("", "0") and r["dayexit"] in ("", "-9") for r in rows)
    assert (entries, exits) == (5, 31)
    atop = load_atop(world.states)
    members = [m for t in atop for m in t.members]
    assert sum(m.joined_certainty is not None for m in members) == entries
    assert sum(m.left_certainty is not None for m in members) == exits
    assert {h.within for m in members for h in (m.joined_certainty, m.left_certainty) if h} == {"month"}
    marked = [t for t in atop if any(m.joined_certainty or m.left_certainty for m in t.members)]
    assert len(marked) == 17 and all(t.id in world.treaties for t in marked)  # docs/history.md's figures
    assert [t.id for t in atop if t.in_force_certainty] == ["atop_1115"]
    assert sum(any(u.startswith("its end, ") for u in t.unverified) for t in marked) == 13
    assert not any("fixed term" in u for t in marked for u in t.unverified)


@pytest.mark.needs_data
def test_the_quadruple_alliance_ends_in_december_1822_with_no_day(world: foedus.World) -> None:
    """ATOP 1035 (the 1815 Quadruple Alliance against France) ends in December 1822, no day given: Russia's duty to
    Britain holds through the month, but from 2 December on the alliance may already have ended."""
    def duty(day: str) -> Obligation | None:
        joiner = foedus.cascade("FRA", "GBR", day, world=world).joiner("RUS")
        return next((o for o in (joiner.primary, *joiner.also) if o.treaty == "atop_1035"), None) if joiner else None

    first, last = duty("1822-12-01"), duty("1822-12-31")
    assert first is not None and (first.certainty, first.certainty_reasons) == ("verified", ())
    for unsure in (duty("1822-12-02"), last):
        assert unsure is not None and unsure.certainty == "unverified"
        assert "atop_1035: Russian Empire (RUS) left on 1823-01-01, known only to the month (day: not verified)" in [
            r.fact for r in unsure.certainty_reasons if r.kind == "date"]
    assert duty("1823-01-01") is None


@pytest.mark.needs_data
def test_rwanda_joined_the_african_malagasy_defence_pact_in_march_1963(world: foedus.World) -> None:
    """ATOP 3455 (the UAM defence pact) dates Rwanda's entry March 1963, no day: read as the 1st, and until the
    month's last day the true day may be later."""
    def duty(day: str) -> Obligation:
        joiner = foedus.cascade("COD", "RWA", day, world=world).joiner("SEN")
        assert joiner is not None
        return next(o for o in (joiner.primary, *joiner.also) if o.treaty == "atop_3455")

    said = ["atop_3455: Rwanda (RWA) became a party on 1963-03-01, known only to the month (day: not verified)"]
    for day in ("1963-03-01", "1963-03-30"):
        unsure = duty(day)
        assert (unsure.certainty, [r.fact for r in unsure.certainty_reasons if r.kind == "date"]) == (
            "unverified", said)
    assert (duty("1963-03-31").certainty, duty("1963-03-31").certainty_reasons) == ("verified", ())
