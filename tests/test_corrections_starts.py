"""The correction layer's `starts`: an ATOP alliance's (or one member's) first day from a page that dates it. ATOP
dates an alliance from its signature and the import reads it in force from that day too; `starts` sets the entry
into force (`date`: the in-force basis) and, where ATOP's day is not the signature either, the signature (`signed`:
the signed basis). The bundled one: the 1995 Framework Treaty on Democratic Security in Central America (ATOP 4678),
which ATOP dates from 15 Mar 1995, nine months before its signature at San Pedro Sula on 15 Dec 1995
(docs/history.md). Reads ATOP from the data folder."""

from __future__ import annotations

import datetime as dt

import pytest

import foedus
from foedus.errors import TreatyDataError
from foedus.model.parties import party_on
from foedus.model.treaty import Treaty
from foedus.model.treatymap import TreatyMap
from foedus.model.world import World
from foedus.sources.correction_apply import apply_corrections
from foedus.sources.corrections import load_corrections
from samples import cli_line, correction_refused

pytestmark = pytest.mark.needs_data

PAGE = "sources: [{url: 'https://www.example.org/a'}], note: n"
D = dt.date
FOUNDERS = {"GTM", "HND", "SLV", "NIC", "PAN"}


def bound_by(world: World, day: str, basis: str = "in-force") -> set[str]:
    """The treaties that bind Guatemala to defend Honduras, attacked by Nicaragua on `day`, and those the attack
    violates."""
    result = foedus.cascade("NIC", "HND", day, world=world, basis=basis)
    j = result.joiner("GTM")
    return ({o.treaty for o in (j.primary, *j.also)} if j else set()) | {v.treaty for v in result.violations}


def corrected(world: World, entry: str, treaty: str) -> Treaty:
    """`treaty` (as the merged world has it) with the one correction `entry` applied."""
    [t] = apply_corrections([world.treaties[treaty]], load_corrections(f"- {entry}"), world.states)
    return t


def test_the_framework_treaty_starts_at_its_signature(world: World) -> None:
    """Its founders' rows, and the alliance, date from 15 Dec 1995 on both bases; the later accessions keep theirs."""
    t = world.treaties["atop_4678"]
    assert (t.signed, t.in_force, t.in_force_certainty) == (D(1995, 12, 15), D(1995, 12, 15), None)
    rows = {m.state: (m.signed, m.joined) for m in t.members}
    assert all(rows[s] == (D(1995, 12, 15), D(1995, 12, 15)) for s in FOUNDERS)
    assert (rows["BLZ"], rows["DOM"]) == ((D(2003, 7, 17),) * 2, (D(2017, 8, 15),) * 2)
    assert "correction (starts, signed 1995-12-15): The Framework Treaty" in (t.note or "")
    assert "https://2009-2017.state.gov/p/wha/rls/50997.htm" in {s.url for s in t.sources}


@pytest.mark.parametrize("basis", ["in-force", "signed"])
def test_nothing_binds_under_it_before_its_signature(world: World, basis: str) -> None:
    """Nicaragua attacks Honduras: before 15 Dec 1995 the treaty binds no one (ATOP's day, 15 Mar 1995, had it bind
    Guatemala and Nicaragua's attack violate it from then), from it as ATOP codes it, carried past 2018."""
    days = ("1995-06-01", "1995-12-14", "1995-12-15", "2025-06-01")
    assert ["atop_4678" in bound_by(world, day, basis) for day in days] == [False, False, True, True]


def test_treaties_show_dates_it_from_its_signature() -> None:
    code, out, _ = cli_line(["treaties", "show", "atop_4678"], env={"COLUMNS": "400"})
    assert code == 0 and "signed 1995-12-15; in force 1995-12-15" in out
    assert "correction (starts, signed 1995-12-15)" in out


def test_an_entry_into_force_after_the_signature_splits_the_two_bases(world: World) -> None:
    """The Switzerland-Philippines treaty (ATOP 3320) put in force on a day after its signature (one of the days
    docs/history.md records; the bundled file does not, as no page settles it): the signed basis reads it from the
    signature, the in-force basis from that day, known as the correction says, in the engine as in the rows."""
    t = corrected(world, "{atopid: 3320, action: starts, date: 1957-11-18, certainty: secondary, date_certainty: "
                  "{within: unknown, since: 1957-01-21, until: 1957-12-09}, " + PAGE + "}", "atop_3320")
    assert (t.signed, t.in_force) == (D(1956, 8, 30), D(1957, 11, 18))
    assert t.in_force_certainty is not None and t.in_force_certainty.since == D(1957, 1, 21)
    assert [(m.signed, m.joined) for m in t.members] == [(D(1956, 8, 30), D(1957, 11, 18))] * 2
    assert any(u.startswith("correction (starts from 1957-11-18)") for u in t.unverified)
    assert t.carried_from == D(2018, 12, 31)  # still carried
    on = D(1957, 6, 1)
    assert [party_on(t, m, on, basis) for m in t.members for basis in ("signed", "in-force")] == [True, False] * 2
    alone = World(TreatyMap({**world.treaties.curated, t.id: t}), world.states, world.places)
    violated = {b: {v.treaty for v in foedus.cascade("CHE", "PHL", on, world=alone, basis=b).violations}
                for b in ("signed", "in-force")}
    assert ("atop_3320" in violated["signed"], "atop_3320" in violated["in-force"]) == (True, False)


def test_one_members_first_day(world: World) -> None:
    """With `states`, only that member's first row moves (Belize from 2004): the others keep theirs."""
    t = corrected(world, "{atopid: 4678, action: starts, states: [BLZ], date: 2004-01-01, " + PAGE + "}", "atop_4678")
    rows = {m.state: (m.signed, m.joined) for m in t.members}
    assert rows["BLZ"] == (D(2003, 7, 17), D(2004, 1, 1)) and rows["GTM"] == (D(1995, 12, 15),) * 2
    assert t.in_force == D(1995, 12, 15) and "correction (starts BLZ from 2004-01-01)" in (t.note or "")


@pytest.mark.parametrize(("entry", "said"), [
    ("{atopid: 4678, action: starts, " + PAGE + "}",
     r"\[0\] \(atopid 4678\)\.date: action 'starts' needs the day in force \(date\) or the signature \(signed\)"),
    ("{atopid: 4678, action: starts, date: 1995-01-01, signed: 1995-12-15, " + PAGE + "}",
     r"\[0\] \(atopid 4678\)\.date: 1995-01-01 is before the signature \(1995-12-15\)"),
    ("{atopid: 4678, action: certainty, certainty: secondary, signed: 1995-12-15, " + PAGE + "}",
     r"\[0\] \(atopid 4678\)\.signed: goes with action 'starts' only"),
    ("{atopid: 4678, action: starts, signed: 1995-02-30, " + PAGE + "}",
     r"\[0\] \(atopid 4678\)\.signed: must be a valid date .*\(got '1995-02-30'\)"),
])
def test_a_malformed_first_day_is_one_line(entry: str, said: str) -> None:
    correction_refused(entry, said)


@pytest.mark.parametrize(("entry", "said"), [
    ("{atopid: 3320, action: starts, date: 1956-01-01, " + PAGE + "}",
     r"\[0\] \(atopid 3320\): 1956-01-01 is before atop_3320's signature \(1956-08-30\)"),
    ("{atopid: 3320, action: starts, states: [FRA], date: 1957-01-01, " + PAGE + "}",
     r"\[0\] \(atopid 3320\): FRA is not a member of atop_3320"),
    ("{atopid: 4678, action: starts, states: [BLZ], date: 1995-06-01, signed: 1995-06-01, " + PAGE + "}",
     r"\[0\] \(atopid 4678\): 1995-06-01 is before atop_4678 entered into force \(1995-12-15\)"),
    ("{atopid: 99999, action: starts, date: 1957-01-01, " + PAGE + "}",
     r"\[0\] \(atopid 99999\): no alliance of atopid 99999 in the merged world .*nothing to date"),
])
def test_an_impossible_first_day_is_one_line(world: World, entry: str, said: str) -> None:
    """A day in force before the signature, a state that is no member, a member's day before the alliance's own, an
    unknown alliance: refused naming the file and the entry."""
    treaties = [world.treaties["atop_3320"], world.treaties["atop_4678"]]
    with pytest.raises(TreatyDataError, match=said) as caught:
        apply_corrections(treaties, load_corrections(f"- {entry}"), world.states)
    assert "\n" not in str(caught.value) and "atop_corrections.yaml" in str(caught.value)


def test_a_first_day_after_the_end_is_refused(world: World) -> None:
    """An alliance a correction ended: no first day on or after its end."""
    with pytest.raises(TreatyDataError, match=r"\[1\] \(atopid 4678\): atop_4678 ended on 2000-01-01, on or before "
                       "its new first day 2001-01-01"):
        apply_corrections([world.treaties["atop_4678"]], load_corrections(
            "- {atopid: 4678, action: end, date: 2000-01-01, " + PAGE + "}\n"
            "- {atopid: 4678, action: starts, date: 2001-01-01, " + PAGE + "}"), world.states)
