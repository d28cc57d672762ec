"""An exit's (or a suspension end's) date window is that of its last day, one day on.

`left` and a span's `end` are exclusive: a month or year known there is that of the last day covered
(docs/certainty.md). Made-up treaties only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from foedus.engine.certainty import date_window, party_facts
from foedus.engine.doubts import doubts
from foedus.model.treaty import DateCertainty, Treaty

D = dt.date.fromisoformat


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
    sure = party_facts(treaty, treaty.provisions[0], "AAA", "BBB", D(day))
    return [r.fact for r in sure.reasons if r.kind == "date"]


def doubted(treaty: Treaty, day: str) -> list[str]:
    """The doubts about BBB on `day` (BBB not a party then)."""
    return [d.fact for d, _ in doubts([treaty], D(day))]


@pytest.mark.parametrize(("day", "said"), [
    ("1964-03-01", []),  # its last day is in March: a party on the 1st whatever the day
    ("1964-03-02", ["test_pact: BBB left on 1964-04-01, known only to the month (not verified)"]),
    ("1964-03-31", ["test_pact: BBB left on 1964-04-01, known only to the month (not verified)"]),
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
