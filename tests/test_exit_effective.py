"""A curated exit (or a suspension's end) known to the month or year ends as the fact sheet says.

The fact sheet gives these as the month or year an exit took effect, the first day out: the window of the recorded
`left` (exclusive) is then that month or year itself (`DateCertainty.effective`), not the window of the last day in,
one day on, which ATOP's exit months need (docs/certainty.md). Made-up treaties for the rule, the curated rows for
the encoding.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from foedus.engine.certainty import date_window, party_facts
from foedus.engine.doubts import doubts
from foedus.model.treaty import DateCertainty
from foedus.model.world import World
from test_atop_dates import pact  # the made-up pact of the last-day-in rule's tests

D = dt.date.fromisoformat

# (treaty, state, recorded end, the window the fact sheet gives for the first day out, its words)
CURATED = [
    ("tiar_1947", "MEX", "2004-09-06", ("2004-09-01", "2004-09-30"), "effective Sep 2004"),
    ("tiar_1947", "VEN", "2023-01-05", ("2023-01-01", "2023-01-31"), "dissolved Jan 2023"),
    ("manila_1954", "PAK", "1973-11-07", ("1973-01-01", "1973-12-31"), "withdrew 1973"),
    ("arab_jdec_1950", "SYR", "2023-05-07", ("2023-05-01", "2023-05-31"), "readmitted May 2023"),
]


def _end(world: World, treaty: str, state: str, end: str) -> tuple[dt.date, DateCertainty]:
    """The recorded exclusive end `end` of `state` in `treaty` (its `left`, or a suspension's `end`) and its window."""
    for m in world.treaty(treaty).members:
        if m.state == state and m.left == D(end) and m.left_certainty is not None:
            return m.left, m.left_certainty
        for span in m.suspended:
            if m.state == state and span.end == D(end) and span.end_certainty is not None:
                return span.end, span.end_certainty
    raise AssertionError(f"no end {end} of {state} in {treaty}")


@pytest.mark.parametrize(("treaty", "state", "end", "window", "words"), CURATED)
def test_a_curated_exit_known_to_the_month_or_year_is_unsure_in_that_month_or_year_only(
        world: World, treaty: str, state: str, end: str, window: tuple[str, str], words: str) -> None:
    day, how = _end(world, treaty, state, end)
    assert date_window(day, how, end=True) == (D(window[0]), D(window[1]))
    assert words in (how.note or "")  # the sheet's own words, cited in the row


def test_mexico_may_have_left_on_1_september_and_had_surely_left_on_30_september(world: World) -> None:
    """Effective Sep 2004 (the first day out is in September): on 1 September Mexico's duty rests on a date that may
    be past; on 29 September it may still have been a party; on 30 September (the latest first day out) it is out,
    with no doubt left."""
    rio = world.treaty("tiar_1947")
    art = rio.provisions[0]
    names = world.states.names
    on_first = [r.fact for r in party_facts(rio, art, "USA", "MEX", D("2004-09-01"), names=names).reasons
                if r.kind == "date"]
    assert on_first == ["tiar_1947: Mexico (MEX) left on 2004-09-06, its day reported, but sure only to the month "
                        "(month: verified; day: "
                        "known from secondary reporting only)"]
    assert [r.fact for r in party_facts(rio, art, "USA", "MEX", D("2004-08-31"), names=names).reasons
            if r.kind == "date"] == []
    assert [d.fact for d, _ in doubts([rio], D("2004-09-29"), names=names) if d.state == "MEX"] != []
    assert [d.fact for d, _ in doubts([rio], D("2004-09-30"), names=names) if d.state == "MEX"] == []


def test_an_effective_exit_in_april_is_unsure_in_april() -> None:
    """`left` 1 April 1964 as the month the exit took effect: a party on 31 March whatever the day, unsure from 1
    April; out on 30 April, whatever the day. The last-day-in reading (ATOP's) is unsure from 2 March to 1 April."""
    how = DateCertainty(within="month", effective=True)
    assert date_window(D("1964-04-01"), how, end=True) == (D("1964-04-01"), D("1964-04-30"))
    assert date_window(D("1964-04-01"), DateCertainty(within="month"), end=True) == (D("1964-03-02"), D("1964-04-01"))
    treaty = pact(left="1964-04-15", left_certainty={"within": "month", "effective": True})
    facts = [r.fact for r in party_facts(treaty, treaty.provisions[0], "AAA", "BBB", D("1964-04-01"), names={}).reasons]
    assert facts == ["test_pact: BBB left on 1964-04-15, known only to the month (day: not verified)"]
    assert [d.fact for d, _ in doubts([treaty], D("1964-04-29"), names={})] != []
    assert [d.fact for d, _ in doubts([treaty], D("1964-04-30"), names={})] == []


@pytest.mark.parametrize(("member", "said"), [
    ({"left": "1964-04-15", "left_certainty": {"within": "week", "effective": True}},
     "only with within: month or year"),
    ({"joined": "1955-04-15", "joined_certainty": {"within": "month", "effective": True}},
     "members[1].joined_certainty: effective is read only on an exit"),
    ({"suspended": [{"start": "1960-01-05", "start_certainty": {"within": "year", "effective": True}}]},
     "members[1].suspended[0].start_certainty: effective is read only on an exit"),
])
def test_effective_where_it_means_nothing_is_refused(member: dict[str, Any], said: str) -> None:
    with pytest.raises(ValidationError, match=said.replace("[", r"\[").replace("]", r"\]")):
        pact(**member)
