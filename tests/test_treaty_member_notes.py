"""`foedus treaties show` listed a membership as "unverified" without its row's note (what is doubted and why:
Palestine's Arab League row, "admitted to the League as the PLO; status under the treaty unverified"), though the
JSON (`--json`) carries it. The notes of the memberships not verified now follow the members table, one a row
beside the state's name, as the JSON says them; the rows of verified memberships, and their notes, are as before."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from foedus.cli.app import app

pytestmark = pytest.mark.needs_data

TITLE = "notes on the memberships not verified"


def _show(monkeypatch: pytest.MonkeyPatch, treaty: str, columns: int, *more: str) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    done = CliRunner().invoke(app, ["treaties", "show", treaty, *more])
    assert done.exit_code == 0, done.output
    return done.output


def _members(monkeypatch: pytest.MonkeyPatch, treaty: str) -> list[dict[str, object]]:
    members: list[dict[str, object]] = json.loads(_show(monkeypatch, treaty, 100, "--json"))["members"]
    return members


def test_each_unverified_memberships_note_is_shown_beside_its_state(monkeypatch: pytest.MonkeyPatch) -> None:
    members = _members(monkeypatch, "arab_jdec_1950")
    shown = _show(monkeypatch, "arab_jdec_1950", 400)  # one note a line
    notes = shown[shown.index(TITLE):].splitlines()
    doubted = [m for m in members if m["certainty"] != "verified" and m.get("note")]
    assert any(m["state"] == "PSE" for m in doubted)
    for m in doubted:
        assert any(f"({m['state']}):" in line and line.rstrip().endswith(str(m.get("note"))) for line in notes)
    for m in members:  # a verified row's note (Iraq's) is not among them
        if m["certainty"] == "verified" and m.get("note"):
            assert str(m.get("note")) not in shown


def test_the_notes_fit_100_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _show(monkeypatch, "arab_jdec_1950", 100)
    assert all(len(line) <= 100 for line in shown.splitlines())
    notes = shown[shown.index(TITLE):]
    palestine = next(line for line in notes.splitlines() if "Palestine (PSE):" in line)
    assert "admitted to the League as the PLO" in palestine


def test_a_treaty_of_verified_memberships_shows_no_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    members = _members(monkeypatch, "nato_1949")
    assert any(m.get("note") for m in members) and all(m["certainty"] == "verified" for m in members if m.get("note"))
    assert TITLE not in _show(monkeypatch, "nato_1949", 100)
