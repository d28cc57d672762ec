"""`foedus treaties show` says how well each membership's days are known, in the words invocations use
(`how_sure`): text and JSON."""

from __future__ import annotations

import pytest

from foedus.catalog import treaty_detail
from foedus.model.world import World


def _sure(world: World, treaty: str, state: str) -> list[str]:
    return [m["how_sure"] for m in treaty_detail(world, treaty)["members"] if m["state"] == state]


def test_the_json_says_how_well_each_members_days_are_known(world: World) -> None:
    assert _sure(world, "manila_1954", "PAK") == [
        "verified; left: its day reported, but sure only to the year (year: verified; day: known from secondary "
        "reporting only)"]
    assert _sure(world, "nato_1949", "EST") == ["verified"]  # the deposit day, 29 Mar 2004, is sourced
    assert _sure(world, "tiar_1947", "VEN")[1] == ("conflicting; left: known only to the month (month: not verified; "
                                                   "day: not verified)")
    assert _sure(world, "arab_jdec_1950", "SYR") == [
        "unverified; suspension start 2011-11-16: known only to the month (month: not verified; day: not verified); "
        "suspension end 2023-05-07: known only to the month (month: not verified; day: not verified)"]
    assert _sure(world, "usa_jpn_1960", "USA") == ["verified"]
    assert _sure(world, "nato_1949", "USA") == ["verified; joined: its day reported, but sure only to the year "
                                                "(year: verified; day: known "
                                                "from secondary reporting only)"]  # joined on the entry into force


def test_the_text_says_it_in_the_certainty_column(world: World, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.cli.treaty_show import print_treaty

    monkeypatch.setenv("COLUMNS", "300")
    print_treaty(world, "tiar_1947", as_json=False)
    mexico = next(line for line in capsys.readouterr().out.splitlines() if "Mexico (MEX)" in line)
    assert ("verified; left: its day reported, but sure only to the month (month: verified; day: known from "
            "secondary reporting only)"
            in mexico)


@pytest.mark.parametrize(("treaty", "said"), [
    # §2.1: 'in force about 12-14 Feb 2022' [V]: verified to the week
    ("tur_aze_shusha_2021", "verified; date: known only to within a week (week: verified)"),
    # §1.1: 'entry into force 24 Aug 1949 [V year / U day]', said till now only through the founders' rows; the day
    # from CVCE (secondary)
    ("nato_1949", "verified; date: its day reported, but sure only to the year (year: verified; day: known from "
                  "secondary reporting only)"),
    # ATOP 5.1 codes the entry month with no day: the import reads the 1st
    ("atop_1115", "verified; date: known only to the month (day: not verified)"),
    ("atop_1005", "verified"),  # ATOP gives the day
    ("ecowas_pmad_1981", "conflicting; date: known only to the month (month: sources conflict; day: not verified)"),
])
def test_the_json_says_how_sure_the_treatys_own_entry_into_force_is(world: World, treaty: str, said: str) -> None:
    assert treaty_detail(world, treaty)["in_force_how_sure"] == said


def test_a_treaty_not_in_force_says_no_entry_into_force(world: World) -> None:
    assert world.treaty("aukus_2021").in_force is None
    assert "in_force_how_sure" not in treaty_detail(world, "aukus_2021")


@pytest.mark.parametrize("treaty", ["tur_aze_shusha_2021", "nato_1949", "atop_1115", "atop_1005"])
def test_the_text_says_it_after_the_entry_into_force(world: World, treaty: str, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.cli.treaty_show import print_treaty

    monkeypatch.setenv("COLUMNS", "400")
    print_treaty(world, treaty, as_json=False)
    t = world.treaty(treaty)
    header = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("signed "))
    assert f"; in force {t.in_force} ({treaty_detail(world, treaty)['in_force_how_sure']}" in header
