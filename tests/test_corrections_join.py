"""The correction layer's `join`: a state that never was a member accedes to an alliance carried past ATOP's coverage
from a dated, sourced day (Guyana in the Regional Security System treaty, ATOP 4778, from September 2022), bound as
every member then is. Reads ATOP from the data folder."""

from __future__ import annotations

import datetime as dt

import pytest

import foedus
from foedus.errors import FoedusError, TreatyDataError
from foedus.model.world import World
from foedus.sources.corrections import apply_corrections, load_corrections

pytestmark = pytest.mark.needs_data

PAGE = "sources: [{url: 'https://www.example.org/a'}], note: n"
KAIETEUR = "https://www.kaieteurnewsonline.com/2023/03/24/minister-benn-assumes-chairmanship-of-rss-council/"
RSS = {"ATG", "BRB", "DMA", "GRD", "KNA", "LCA", "VCT"}


def guyana_bound(world: World, day: str) -> list[tuple[str, str]]:
    """The treaties under which Guyana is bound to defend Barbados, attacked by Venezuela on `day`, with their tags."""
    j = foedus.cascade("VEN", "BRB", day, world=world).joiner("GUY")
    return [] if j is None else [(o.treaty, o.certainty) for o in (j.primary, *j.also)]


def test_guyanas_row_in_the_regional_security_system(world: World) -> None:
    """One new row, from the correction's day known to the month (the day a stand-in), sourced by its first page and
    tagged as it is (press reports: secondary); the members' rows are as ATOP codes them."""
    t = world.treaties["atop_4778"]
    [row] = [m for m in t.members if m.state == "GUY"]
    assert (row.joined, row.signed, row.left) == (dt.date(2022, 9, 1), dt.date(2022, 9, 1), None)
    assert row.joined_certainty is not None and row.joined_certainty.within == "month"
    assert (row.joined_certainty.certainty.value, row.joined_certainty.window) == ("unverified", "secondary")
    assert (str(row.source), row.certainty.value) == (KAIETEUR, "secondary")
    assert (row.note or "").startswith("joined by a correction: Guyana acceded")
    assert {m.state for m in t.members} == RSS | {"GUY"} and all(m.source is None for m in t.members if m.state in RSS)
    assert "correction (join GUY from 2022-09-01)" in (t.note or "")
    assert any(u.startswith("correction (join GUY from 2022-09-01)") for u in t.unverified)


def test_guyana_takes_the_provisions_every_member_owes(world: World) -> None:
    """ATOP codes a defence and a consultation provision that all seven members owe, to every member: Guyana owes
    both, and is owed them (no beneficiaries list: every member)."""
    provisions = world.treaties["atop_4778"].provisions
    assert sorted(p.kind for p in provisions) == ["consultation", "defense"]
    assert all(p.obligors == sorted(RSS | {"GUY"}) and p.beneficiaries is None for p in provisions)


def test_guyana_defends_barbados_from_its_accession(world: World) -> None:
    """Venezuela attacks Barbados: Guyana is bound under the RSS treaty from its accession, not before."""
    days = ("2022-06-01", "2022-08-31", "2022-09-15", "2025-06-01")
    assert ["atop_4778" in {tid for tid, _ in guyana_bound(world, day)} for day in days] == [False, False, True, True]


def test_a_duty_resting_on_the_join_says_its_correction(world: World) -> None:
    """Guyana's duty on 2025-06-01 says it rests on the correction: its membership is a reason of its own, tagged
    as the correction's, with the correction's first page; inside its month, the day is doubted too."""
    j = foedus.cascade("VEN", "BRB", "2025-06-01", world=world).joiner("GUY")
    assert j is not None
    [duty] = [o for o in (j.primary, *j.also) if o.treaty == "atop_4778"]
    [member] = [r for r in duty.certainty_reasons if r.fact.startswith("atop_4778: Guyana (GUY) is a party")]
    assert (member.certainty, member.source) == ("secondary", KAIETEUR)
    assert 'noted: "joined by a correction: ' in member.fact
    j = foedus.cascade("VEN", "BRB", "2022-09-15", world=world).joiner("GUY")
    assert j is not None
    [duty] = [o for o in (j.primary, *j.also) if o.treaty == "atop_4778"]
    assert duty.certainty == "unverified"
    assert any(r.fact.startswith("atop_4778: Guyana (GUY) became a party on 2022-09-01, known only to the month")
               and r.source == KAIETEUR for r in duty.certainty_reasons)


def test_the_members_defend_guyana_from_its_accession(world: World) -> None:
    """The duty runs both ways: Venezuela attacking Guyana binds the seven members under the RSS treaty from September
    2022, not before."""
    def rss(day: str) -> set[str]:
        r = foedus.cascade("VEN", "GUY", day, world=world)
        return {j.state for j in r.joiners if any(o.treaty == "atop_4778" for o in (j.primary, *j.also))}

    assert rss("2022-06-01") == set()
    assert rss("2025-06-01") == RSS


def test_a_join_needs_a_day_and_the_states_and_a_page() -> None:
    with pytest.raises(TreatyDataError, match=r"\[0\]\.date: action 'join' needs a date"):
        load_corrections(f"- {{atopid: 4778, action: join, states: [GUY], {PAGE}}}")
    with pytest.raises(TreatyDataError, match=r"\[0\]\.states: action 'join' needs the states"):
        load_corrections(f"- {{atopid: 4778, action: join, date: 2022-09-01, {PAGE}}}")
    with pytest.raises(TreatyDataError, match=r"\[0\] \(atopid 4778\)\.sources: needs at least 1 item") as caught:
        load_corrections("- {atopid: 4778, action: join, states: [GUY], date: 2022-09-01, sources: [], note: n}")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("entry", "said"), [
    ("{atopid: 4778, action: join, states: [SUR], date: 1990-01-01, ",
     r"\[0\] \(atopid 4778\): 1990-01-01 is before atop_4778 took effect \(1996-03-05\)"),
    ("{atopid: 6050, action: join, states: [PAK], date: 2022-01-01, ",
     r"\[0\] \(atopid 6050\): atop_6050 ended on 2021-08-15, on or before 2022-01-01"),
    ("{atopid: 4778, action: join, states: [GRD], date: 2024-01-01, ",
     r"\[0\] \(atopid 4778\): GRD is already a member of atop_4778 on 2024-01-01"),
    ("{atopid: 3015, action: join, states: [SYR], date: 2015-01-01, ",
     r"\[0\] \(atopid 3015\): SYR has a membership row in atop_3015 already \(a state that left comes back by a "
     r"rejoin\)"),
    ("{atopid: 4678, action: join, states: [CRI], date: 2024-01-01, ",
     r"\[0\] \(atopid 4678\): atop_4678's members are not bound alike on 2024-01-01: its defense provision \(ATOP "
     r"defense\) is owed by BLZ, DOM, GTM, HND, NIC, SLV and not PAN; a join cannot say which the new member takes"),
    ("{atopid: 2340, phase: 1, action: join, states: [FRA], date: 1960-01-01, ",
     r"\[0\] \(atopid 2340\): atop_2340_p1 is not carried past its source's coverage: a join adds a member to a "
     r"carried alliance only"),
    ("{atopid: 4875, action: join, states: [BLR], date: 2018-01-01, ",
     r"\[0\] \(atopid 4875\): no alliance of atopid 4875 is carried past ATOP's coverage in the merged world .*: "
     r"there is nothing to join"),  # ended in 2019 (a correction above it in the file): no longer carried
    ("{atopid: 99999, action: join, states: [GUY], date: 2022-09-01, ",
     r"\[0\] \(atopid 99999\): no alliance of atopid 99999 is carried"),
    ("{atopid: 4778, action: join, states: [XYZ], date: 2022-09-01, ", r"\[0\]\.states: .*XYZ"),
])
def test_a_join_that_cannot_be_is_one_line(world: World, entry: str, said: str) -> None:
    """A day before the alliance took effect or from its end, a state that is or was a member, provisions not the same
    for every member, an alliance not carried (a phase ATOP ends, one a correction ended, an unknown one; a curated
    treaty is edited directly), an unknown state: refused, naming the entry."""
    treaties = [world.treaties[t] for t in ("atop_4778", "atop_6050", "atop_3015", "atop_4678", "atop_2340_p1",
                                            "atop_2340_p2", "atop_4875")]
    with pytest.raises(TreatyDataError, match=said) as caught:
        apply_corrections(treaties, load_corrections(f"- {entry}{PAGE}}}"), world.states)
    assert "\n" not in str(caught.value) and isinstance(caught.value, FoedusError)
