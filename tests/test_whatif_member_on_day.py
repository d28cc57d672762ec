"""A what-if membership is read on the scenario's date: a state that joins (or left) on another day is no member then.

`--add-member nato_1949:SWE` for 1979 was refused as "SWE is already a member of nato_1949 (from 2024-03-07)": the
added membership (from the treaty's entry into force, with no end) overlapped the real one of 2024. It now runs up
to the real accession, so the two never overlap; a state that is a member on the scenario's date is refused "on"
that date, and so is the removal of a state that is no member on it (the what-if would change nothing)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import foedus
from foedus.errors import ScenarioError
from foedus.model.overlay import AddMember, Overlay
from foedus.model.world import World
from samples import cli_line, error_line

SWE_1979 = ["cascade", "-a", "RUS", "-t", "SWE", "-d", "1979-06-01"]


def _nato_defenders(result: Any) -> set[str]:
    return {j.primary.state for j in result.joiners if j.primary.treaty == "nato_1949" and j.primary.side == "defense"}


def test_sweden_added_to_nato_for_1979_is_bound_as_a_member() -> None:
    result = foedus.cascade("RUS", "SWE", "1979-06-01", add_member="nato_1949:SWE")
    assert {"USA", "GBR", "FRA"} <= _nato_defenders(result)
    assert not _nato_defenders(foedus.cascade("RUS", "SWE", "1979-06-01"))


def test_the_added_row_ends_where_the_real_membership_begins(world: World) -> None:
    day = dt.date(1979, 6, 1)
    swe = AddMember(treaty="nato_1949", state="SWE")
    members = Overlay(changes=[swe]).apply(world, day).treaty("nato_1949").members
    assert [(str(m.joined), str(m.left)) for m in members if m.state == "SWE"] == [
        ("2024-03-07", "None"), ("None", "2024-03-07")]


def test_the_cli_runs_it_and_its_saved_overlay_loads_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runs = []
    for args in (["--add-member", "nato_1949:SWE", "--save-overlay", "o.yaml"], ["--overlay", "o.yaml"]):
        code, out, err = cli_line([*SWE_1979, "--format", "json", *args])
        assert code == 0, err
        assert '"treaty": "nato_1949"' in out
        runs.append(out)
    assert runs[0] == runs[1]


def test_a_state_that_is_a_member_on_the_day_is_refused_on_that_day() -> None:
    said = "what-if: SWE is already a member of nato_1949 on 2025-06-01 (from 2024-03-07)"
    args = ["cascade", "-a", "RUS", "-t", "SWE", "-d", "2025-06-01", "--add-member", "nato_1949:SWE"]
    assert error_line(args) == said
    with pytest.raises(ScenarioError, match=r"^what-if: SWE is already a member of nato_1949 on 2025-06-01 "):
        foedus.cascade("RUS", "SWE", "2025-06-01", add_member="nato_1949:SWE")


def test_removing_a_state_that_is_no_member_on_the_day_is_refused_saying_when_it_is() -> None:
    said = ("what-if: SWE is not a member of nato_1949 on 1979-06-01 (a member from 2024-03-07): removing it does "
            "not change the scenario")
    assert error_line([*SWE_1979, "--remove-member", "nato_1949:SWE"]) == said
    with pytest.raises(ScenarioError) as caught:
        foedus.cascade("RUS", "SWE", "1979-06-01", remove_member="nato_1949:SWE")
    assert str(caught.value) == said
    assert error_line(["cascade", "-a", "IND", "-t", "PAK", "-d", "1975-06-01", "--remove-member",
                        "manila_1954:PAK"]).startswith("what-if: PAK is not a member of manila_1954 on 1975-06-01 "
                                                       "(a member from 1955-02-19 to 1973-11-07)")


def test_a_state_out_by_the_day_is_added_back_from_its_exit(world: World) -> None:
    """PAK left SEATO in 1973: added for 1975, it is a party from its exit on, not refused for its earlier spell."""
    members = Overlay(changes=[AddMember(treaty="manila_1954", state="PAK")]).apply(
        world, dt.date(1975, 6, 1)).treaty("manila_1954").members
    assert [(str(m.joined), str(m.left)) for m in members if m.state == "PAK"] == [
        ("None", "1973-11-07"), ("1973-11-07", "None")]
    uzb = AddMember(treaty="csto_1992", state="UZB")  # out 1999-2006 and from 2012: a gap filled to the next spell
    rows = [[(str(m.joined), str(m.left)) for m in Overlay(changes=[uzb]).apply(world, dt.date(year, 1, 1)).treaty(
        "csto_1992").members if m.state == "UZB"][-1] for year in (2003, 2015)]
    assert rows == [("1999-04-20", "2006-06-23"), ("2012-12-19", "None")]


def test_what_is_a_membership_on_another_basis_or_day_is_not_refused(world: World) -> None:
    """The refusals read the day: SWE, a NATO signatory from 2022, may be removed for 2023 (a party then on the
    signed basis, which the overlay does not know), and PAK added back to SEATO from 1975 for a scenario of 1960,
    when it was a member, is a later change (noted by the cascade), not refused."""
    gone = foedus.cascade("RUS", "SWE", "2023-06-01", basis="signed", remove_member="nato_1949:SWE")
    assert "nato_1949" not in {j.primary.treaty for j in gone.joiners}
    back = AddMember(treaty="manila_1954", state="PAK", joined=dt.date(1975, 1, 1))
    members = Overlay(changes=[back]).apply(world, dt.date(1960, 6, 1)).treaty("manila_1954").members
    assert [(str(m.joined), str(m.left)) for m in members if m.state == "PAK"] == [
        ("None", "1973-11-07"), ("1975-01-01", "None")]
