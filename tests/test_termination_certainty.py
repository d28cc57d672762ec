"""A treaty's end has a certainty of its own (`Treaty.terminated_certainty`), as its entry into force and a member's
exit have: `treaties show` and the API say it, and a finding that rests on the end cites it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

import foedus
from foedus.catalog import treaty_detail
from foedus.engine.certainty import date_window
from foedus.model.facts import DateCertainty
from foedus.model.overlay_changes import DropTreaty
from foedus.model.vocab import Certainty
from foedus.model.world import World
from foedus.war.changes import treaty_changes

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning")]

# France-Comoros (ATOP 3830), ended by the correction dated to the Journal officiel of 8 Mar 2011, within a week, the
# day from one secondary source (data/atop_corrections.yaml)
COMOROS = ("atop_3830: the treaty ended on 2011-03-08, its day reported, but sure only to within a week (day: known "
           "from secondary "
           "reporting only)")


@pytest.mark.parametrize(("treaty", "said"), [
    ("usa_roc_1954", "verified"),  # §3: 'terminated effective 1 Jan 1980 [V]': to the day
    # §1.11: 'The WEU closed on 30 Jun 2011 [V]'; the denunciations took effect on 30 Jun (France's letter, in the
    # Journal officiel), the first day out, unless 'closed on 30 Jun' makes it the last day in
    ("weu_1948", "verified; date: the true date may be later, up to 2011-07-01 (day: verified)"),
    ("rus_prk_2000", "verified"),  # §1.2: the 2024 treaty, in force 4 Dec 2024 [V], 'replaced' it [V]
    # not in the sheet: ATOP's exit day (10 Sep 1996, the last day in), one secondary source; Gibler's 7 Sep 1995
    # earlier, and none later: the term's 35th anniversary of an entry into force known to the day (10 Sep 1961)
    ("sun_prk_1961", "unverified; date: the true date may be anywhere from 1995-09-07 to 1996-09-11 (day: known from "
                     "secondary reporting only)"),
    ("atop_3830", "verified; date: its day reported, but sure only to within a week (day: known from secondary "
                  "reporting only)"),
    # Gabon: the new treaty's entry into force, 1 Jun 2014, from one source (the 2019 letters renewing it)
    ("atop_3410", "verified; date: its day reported, but sure only to within a week (day: known from secondary "
                  "reporting only)"),
    # the 1960 France/CAR/Congo/Chad pact, ended when its last party but France left (the CAR's exit, within a week)
    ("atop_3395", "verified; date: its day reported, but sure only to within a week (day: known from secondary "
                  "reporting only)"),
    # Senegal: the signature; the entry into force came later, at the latest when France published it (27 Oct 2014)
    ("atop_3730", "verified; date: the true date may be later, up to 2014-10-27 (day: known from secondary reporting "
                  "only)"),
])
def test_the_json_says_how_sure_the_end_is(world: World, treaty: str, said: str) -> None:
    assert treaty_detail(world, treaty)["terminated_how_sure"] == said


def test_an_end_reads_as_its_first_day_out(world: World, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The end and the exits are kept as the first day out of force (ATOP's last day in, 27 Sep 1939, plus one):
    "terminated 1939-09-28" and a "left" column read as ATOP's day moved by one."""
    from foedus.cli.show import print_treaty_list
    from foedus.cli.treaty_show import print_treaty

    monkeypatch.setenv("COLUMNS", "400")
    print_treaty(world, "atop_2070_p2", as_json=False)
    lines = capsys.readouterr().out.splitlines()
    assert "; out of force from 1939-09-28 (verified)" in next(line for line in lines if line.startswith("signed "))
    assert any("out from" in line and "left" not in line for line in lines if "joined" in line)
    print_treaty_list(world, "1939-01-01", "table")
    assert "out of force from" in capsys.readouterr().out


def test_a_treaty_in_force_says_no_end(world: World) -> None:
    assert "terminated_how_sure" not in treaty_detail(world, "nato_1949")


def test_the_text_says_it_after_the_end(world: World, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.cli.treaty_show import print_treaty

    monkeypatch.setenv("COLUMNS", "400")
    print_treaty(world, "atop_3830", as_json=False)
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if line.startswith("signed "))
    assert ("; out of force from 2011-03-08 (verified; date: its day reported, but sure only to within a week (day: "
            "known from secondary "
            "reporting only); publication in the Journal officiel") in header


def test_the_api_says_it(api_client: TestClient, world: World) -> None:
    body = api_client.get("/api/treaties/atop_3830").json()
    assert body["terminated_how_sure"] == treaty_detail(world, "atop_3830")["terminated_how_sure"]
    assert body["terminated_certainty"]["within"] == "week"


def test_a_duty_bound_inside_the_ends_window_cites_the_end(world: World) -> None:
    """Five days before the recorded end, France's duty to the Comoros may already have lapsed: it says so, as a
    member's duty inside its exit's window cites the exit; well before the window, nothing."""
    near = foedus.cascade("MDG", "COM", "2011-03-03", world=world)
    france = next(j.primary for j in near.joiners if j.state == "FRA" and j.primary.treaty == "atop_3830")
    assert [r.fact for r in france.certainty_reasons] == [COMOROS]
    assert france.certainty == "secondary"
    early = foedus.cascade("MDG", "COM", "2011-02-20", world=world)
    assert [j.primary.certainty_reasons for j in early.joiners if j.primary.treaty == "atop_3830"] == [()]


def test_a_duty_that_stopped_with_the_end_is_a_doubt_inside_its_window(world: World) -> None:
    after = foedus.cascade("MDG", "COM", "2011-03-10", world=world)
    assert not [j for j in after.joiners if j.primary.treaty == "atop_3830"]
    assert [(d.fact, d.certainty) for d in after.doubts if d.treaty == "atop_3830"] == [
        (f"{COMOROS}; it may still have been in force on 2011-03-10", "secondary")]
    later = foedus.cascade("MDG", "COM", "2011-03-20", world=world)  # past the week: settled
    assert not [d for d in later.doubts if d.treaty == "atop_3830"]


def test_the_timeline_cites_the_end(world: World) -> None:
    how = DateCertainty(within="month", window=Certainty.VERIFIED, effective=True)
    roc = world.treaty("usa_roc_1954").model_copy(update={"terminated_certainty": how})
    (change,) = [c for day in treaty_changes([roc], "in-force", dt.date(1979, 1, 1), dt.date(1981, 1, 1), {}).values()
                 for c in day if c.what == "terminated"]
    assert [r.fact for r in change.reasons] == [
        "usa_roc_1954: the treaty ended on 1980-01-01, known only to the month (month: verified; day: not verified)"]
    assert change.certainty == "unverified"
    assert date_window(roc.terminated, how, end=True) == (dt.date(1980, 1, 1), dt.date(1980, 1, 31))  # type: ignore[arg-type]


@pytest.mark.parametrize(("day", "doubted"), [("2014-06-15", True), ("2014-10-26", True), ("2014-10-27", False),
                                              ("2025-01-20", False)])
def test_an_end_known_only_to_a_bound_is_doubted_up_to_the_bound(world: World, day: str, doubted: bool) -> None:
    """France-Senegal 1974 (ATOP 3730) ended when the 2012 treaty entered into force, a day not known here but no
    later than France's publication of it (27 Oct 2014): a duty to Senegal is a doubt up to that bound, never after
    (without the bound every later cascade doubted it: 'it may still have been in force on 2025-01-20')."""
    run = foedus.cascade("MLI", "SEN", day, world=world)
    assert bool([d for d in run.doubts if d.treaty == "atop_3730"]) is doubted


@pytest.mark.parametrize(("day", "bound", "doubted"), [("2011-06-29", True, False), ("2011-06-30", False, True),
                                                       ("2011-07-01", False, False)])
def test_the_weu_may_still_have_bound_on_its_closing_day(world: World, day: str, bound: bool, doubted: bool) -> None:
    """The Modified Brussels Treaty's denunciations took effect on 30 Jun 2011 (France's letter of 21 May 2010, as
    the parties agreed): out of force that day. The WEU 'closed on 30 Jun 2011' [V] leaves it open whether that was
    its last day in force, so a duty on 30 Jun is a doubt, at the level verified; from 1 Jul it is settled. Only
    where the WEU would bind someone the others do not: NATO and the EU's 42(7) bind its parties to Belgium, so
    the doubt is listed with both dropped (a what-if), not on the record."""
    alone = [DropTreaty(treaty="nato_1949"), DropTreaty(treaty="eu_teu_42_7")]
    run = foedus.cascade("RUS", "BEL", day, world=world, what_if=alone)
    assert any(o.treaty == "weu_1948" for j in run.joiners for o in (j.primary, *j.also)) is bound
    weu = [d for d in run.doubts if d.treaty == "weu_1948"]
    assert [d.certainty for d in weu] == (["verified"] if doubted else [])
    assert all({"DEU", "FRA", "GBR"} <= set(d.concerns) for d in weu)  # those it would bind
    assert not [d for d in foedus.cascade("RUS", "BEL", day, world=world).doubts if d.treaty == "weu_1948"]


@pytest.mark.parametrize(("day", "bound"), [("1996-09-10", True), ("1996-09-11", False)])
def test_the_ussr_dprk_treaty_binds_through_atops_last_day(world: World, day: str, bound: bool) -> None:
    """ATOP 5.1 (3440) codes 10 Sep 1996 as the 1961 treaty's last day in force (ATOP exit days are inclusive): Russia
    still owes North Korea help that day, citing the end, whose day is from that one secondary source and which may
    have come as early as Gibler's 7 Sep 1995 (Russia's notice not to renew: tests/test_date_bounds.py); the next day
    it is out, with no doubt: the term ran from an entry into force known to the day (10 Sep 1961), so its 35th
    anniversary ended it at the latest."""
    run = foedus.cascade("KOR", "PRK", day, world=world)
    rus = run.joiner("RUS")
    end = ("sun_prk_1961: the treaty ended on 1996-09-11, the true date may be anywhere from 1995-09-07 to 1996-09-11 "
           "(day: known from secondary reporting only)")
    if bound:
        assert rus is not None and rus.primary.treaty == "sun_prk_1961"
        assert end in [r.fact for r in rus.primary.certainty_reasons]
    else:
        assert rus is None
        assert [d.fact for d in run.doubts if d.treaty == "sun_prk_1961"] == []
