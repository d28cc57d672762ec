"""The correction layer's `suspend`: a member of an ATOP alliance is suspended from a dated, sourced day, as a curated
treaty's `Member.suspended` span (Algeria's suspension of its 2002 treaty with Spain, ATOP 5022, from 8 Jun 2022).
Reads ATOP from the data folder."""

from __future__ import annotations

import datetime as dt

import pytest

import foedus
from foedus.engine.scenario import Attack
from foedus.errors import TreatyDataError
from foedus.model.world import World
from foedus.sources.correction_apply import apply_corrections
from foedus.sources.corrections import load_corrections
from foedus.war.changes import treaty_changes
from foedus.war.events import War, WarEvent
from foedus.war.replay import replay
from samples import correction_refused

pytestmark = pytest.mark.needs_data

SOURCE = "sources: [{url: 'https://x.org/a'}], note: n"


@pytest.mark.parametrize(("attacker", "target"), [("DZA", "ESP"), ("ESP", "DZA")])
@pytest.mark.parametrize(("day", "cited"), [("2021-06-01", True), ("2022-06-07", True), ("2022-06-08", False),
                                            ("2023-01-01", False), ("2025-06-01", False)])
def test_the_algeria_spain_treaty_binds_neither_party_while_algeria_suspends_it(
        world: World, attacker: str, target: str, day: str, cited: bool) -> None:
    """A suspended member neither owes nor is owed: from 8 Jun 2022 neither party's attack on the other breaks the
    treaty's non-aggression clause, as it did before."""
    broken = {v.treaty for v in foedus.cascade(attacker, target, day, world=world).violations if v.state == attacker}
    assert ("atop_5022" in broken) is cited


def test_the_suspension_is_a_span_of_algerias_row_with_its_source(world: World) -> None:
    t = world.treaties["atop_5022"]
    rows = {m.state: m for m in t.members}
    assert rows["ESP"].suspended == []
    [span] = rows["DZA"].suspended
    assert (span.start, span.end, span.certainty) == (dt.date(2022, 6, 8), None, "verified")
    assert span.source is not None and "ansa.it" in span.source
    assert t.carried_from is not None and t.terminated is None  # suspended, not ended: still carried
    assert "correction (suspend DZA from 2022-06-08)" in (t.note or "")


def test_a_war_across_the_day_shows_the_suspension(world: World) -> None:
    attack = Attack("DZA", "ESP", world.places.home("ESP").id, "territory")
    war = War("t", "t", (WarEvent(0, "attack", dt.date(2022, 1, 10), attacks=(attack,)),), end=dt.date(2023, 1, 1))
    changes = [(f.date, c["change"], c["state"]) for f in replay(war, world).frames for c in f.changes
               if c.get("treaty") == "atop_5022"]
    assert changes == [(dt.date(2022, 6, 8), "suspended", "DZA")]


def test_a_suspension_with_an_end_is_restored_on_it(world: World) -> None:
    fix = load_corrections(f"- {{atopid: 5022, action: suspend, states: [ESP], date: 2020-01-01, until: 2020-03-01, "
                           f"certainty: unverified, {SOURCE}}}")
    [t] = apply_corrections([world.treaties["atop_5022"]], fix, world.states)
    [span] = next(m for m in t.members if m.state == "ESP").suspended
    assert (span.start, span.end, span.certainty) == (dt.date(2020, 1, 1), dt.date(2020, 3, 1), "unverified")
    assert "correction (suspend ESP from 2020-01-01 until 2020-03-01)" in (t.unverified or [""])[-1]
    days = treaty_changes([t], "in-force", dt.date(2019, 1, 1), dt.date(2021, 1, 1), world.states.names_on)
    assert {(d, c.what, c.state) for d, cs in days.items() for c in cs} == {
        (dt.date(2020, 1, 1), "suspended", "ESP"), (dt.date(2020, 3, 1), "restored", "ESP")}


@pytest.mark.parametrize(("entry", "where", "problem"), [
    ("states: [DZA]", r"\[0\]\.date", "action 'suspend' needs a date"),
    ("date: 2022-06-08", r"\[0\]\.states", "action 'suspend' needs the states"),
    ("states: [DZA], date: 2022-06-08, until: 2022-06-01", r"\[0\] \(atopid 5022\)\.until",
     r"2022-06-01 is on or before the suspension's first day \(2022-06-08\)"),
    ("states: [DZA], date: 2022-06-08, until: 2022-06-08", r"\[0\] \(atopid 5022\)\.until",
     r"2022-06-08 is on or before the suspension's first day \(2022-06-08\)"),
])
def test_a_malformed_suspension_is_one_line_naming_the_entry(entry: str, where: str, problem: str) -> None:
    correction_refused(f"{{atopid: 5022, action: suspend, {entry}, {SOURCE}}}", rf"{where}: {problem}")


def test_until_goes_with_a_suspension_only() -> None:
    with pytest.raises(TreatyDataError, match=r"\[0\] \(atopid 3810\)\.until: goes with action 'suspend' only"):
        load_corrections(f"- {{atopid: 3810, action: exit, states: [MLI], date: 2025-01-29, until: 2025-03-01, "
                         f"{SOURCE}}}")


@pytest.mark.parametrize(("state", "day", "problem"), [
    ("FRA", "2022-06-08", "FRA is not a member of atop_5022 on 2022-06-08"),
    ("UNKNOWNLAND", "2022-06-08", "unknown state 'UNKNOWNLAND'"),
])
def test_only_a_member_on_the_day_can_be_suspended(world: World, state: str, day: str, problem: str) -> None:
    fix = load_corrections(f"- {{atopid: 5022, action: suspend, states: [{state}], date: {day}, {SOURCE}}}")
    with pytest.raises(TreatyDataError, match=rf"\[0\][^:]*: {problem}") as err:
        apply_corrections([world.treaties["atop_5022"]], fix, world.states)
    assert "\n" not in str(err.value)


def test_a_suspension_before_the_alliance_is_in_force_suspends_nothing(world: World) -> None:
    """A day on which no phase is in force (the treaty was signed on 8 Oct 2002) is refused, not passed over."""
    fix = load_corrections(f"- {{atopid: 5022, action: suspend, states: [DZA], date: 1999-01-01, {SOURCE}}}")
    with pytest.raises(TreatyDataError, match=r"\[0\] \(atopid 5022\): no alliance of atopid 5022 is in force on "
                                              r"1999-01-01 .*nothing to suspend"):
        apply_corrections([world.treaties["atop_5022"]], fix, world.states)
