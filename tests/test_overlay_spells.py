"""A `remove_member` with `left` ends the state's membership from that day on, and only shortens it.

It set `left` on every row of the state: a spell already over was lengthened (PAK, out of SEATO on 1973-11-07, came
out a party in 1975 with `left: 1980-01-01`), and a state listed in two spells (ARM in csto_1992, its row split where
the freeze began; UZB, out in 1999 and back in 2006) got two overlapping rows, refused as "listed twice". The last
spell begun by `left` now ends then, later ones go, earlier ones stay; a removal that would shorten nothing is
refused, naming the change and the real exit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import foedus
from foedus.errors import FoedusError
from foedus.model.overlay import AddMember, Overlay, RemoveMember
from foedus.model.world import World
from test_input_messages import _error_line


def _spells(world: World, treaty: str, state: str, *changes: AddMember | RemoveMember) -> list[tuple[str, str]]:
    """(joined, left) of each of `state`'s rows in `treaty` once `changes` apply."""
    members = Overlay(changes=list(changes)).apply(world).treaty(treaty).members
    return [(str(m.joined), str(m.left)) for m in members if m.state == state]


def _left(treaty: str, state: str, left: str) -> RemoveMember:
    return RemoveMember(treaty=treaty, state=state, left=dt.date.fromisoformat(left))


def test_a_removal_later_than_the_exit_is_refused_naming_the_change(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("pak.yaml").write_text("changes:\n  - {op: remove_member, treaty: manila_1954, state: PAK, "
                                "left: 1980-01-01}\n", encoding="utf-8")
    assert _error_line(["cascade", "-a", "IND", "-t", "PAK", "-d", "1975-06-01", "--overlay", "pak.yaml"]) == (
        "pak.yaml: change 1: what-if remove_member manila_1954:PAK: PAK left manila_1954 on 1973-11-07, before "
        "1980-01-01: a removal cannot lengthen a membership; give a 'left' before 1973-11-07")
    with pytest.raises(FoedusError) as caught:  # on the exit day itself: nothing to end
        foedus.cascade("IND", "PAK", "1975-06-01", what_if=[_left("manila_1954", "PAK", "1973-11-07")])
    assert str(caught.value) == (
        "what_if: change 1: what-if remove_member manila_1954:PAK: PAK left manila_1954 on 1973-11-07, the day "
        "given: the removal changes nothing; give a 'left' before 1973-11-07")


def test_a_removal_ends_the_last_spell_and_leaves_earlier_ones(world: World) -> None:
    arm = _spells(world, "csto_1992", "ARM", _left("csto_1992", "ARM", "2030-01-01"))
    assert arm == [("None", "2024-06-12"), ("2024-06-12", "2025-11-25"), ("2025-11-25", "2030-01-01")]
    uzb = _spells(world, "csto_1992", "UZB", _left("csto_1992", "UZB", "2010-01-01"))
    assert uzb == [("None", "1999-04-20"), ("2006-06-23", "2010-01-01")]
    assert _spells(world, "manila_1954", "PAK", _left("manila_1954", "PAK", "1970-01-01")) == [("None", "1970-01-01")]


def test_a_removal_drops_the_spells_begun_after_it(world: World) -> None:
    """ARM leaving before its row is split leaves no row from the split on: it is no party from `left` on."""
    arm = _spells(world, "csto_1992", "ARM", _left("csto_1992", "ARM", "2024-01-01"))
    assert arm == [("None", "2024-01-01")]
    uzb = _spells(world, "csto_1992", "UZB", _left("csto_1992", "UZB", "2003-01-01"))  # out then: no rejoining
    assert uzb == [("None", "1999-04-20")]
    with pytest.raises(FoedusError, match="UZB left csto_1992 on 2012-12-19, before 2015-01-01"):
        _spells(world, "csto_1992", "UZB", _left("csto_1992", "UZB", "2015-01-01"))


def test_rejoining_is_added_and_can_be_bounded(world: World) -> None:
    back = AddMember(treaty="manila_1954", state="PAK", joined=dt.date(1975, 1, 1))
    assert _spells(world, "manila_1954", "PAK", back) == [("None", "1973-11-07"), ("1975-01-01", "None")]
    assert _spells(world, "manila_1954", "PAK", back, _left("manila_1954", "PAK", "1976-01-01")) == [
        ("None", "1973-11-07"), ("1975-01-01", "1976-01-01")]
    uzb = AddMember(treaty="csto_1992", state="UZB", joined=dt.date(2015, 1, 1))
    assert _spells(world, "csto_1992", "UZB", uzb, _left("csto_1992", "UZB", "2020-01-01")) == [
        ("None", "1999-04-20"), ("2006-06-23", "2012-12-19"), ("2015-01-01", "2020-01-01")]
    with pytest.raises(FoedusError, match=r"PAK is already a member of manila_1954 \(from 1955-02-19 to 1973-11-07"):
        _spells(world, "manila_1954", "PAK", AddMember(treaty="manila_1954", state="PAK"))


def test_a_later_removal_of_a_state_out_on_the_day_is_said_to_be_later() -> None:
    """UZB, out of the CSTO in 2000, leaving in 2010 changes nothing in 2000 (it was not said: a later `left` was
    taken to lengthen a spell already over)."""
    notes = foedus.cascade("RUS", "EST", "2000-06-01", what_if=[_left("csto_1992", "UZB", "2010-01-01")]).notes
    assert notes[-1] == ("what_if change 1 (remove_member csto_1992:UZB) takes effect only from 2010-01-01, after the "
                         "scenario's date (2000-06-01): this what-if change does not touch the scenario")


def test_removing_a_member_who_once_invoked_the_treaty_still_applies(world: World) -> None:
    """The invocation record stays (the United States asked NATO's Art. 5 on 2001-09-12); only a treaty file's
    invocations must be by parties (`check_written`), not a treaty a what-if changed."""
    nato = Overlay(changes=[RemoveMember(treaty="nato_1949", state="USA")]).apply(world).treaty("nato_1949")
    assert "USA" not in {m.state for m in nato.members} and nato.invocations[0].requester == ["USA"]
