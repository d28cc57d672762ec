"""`foedus treaties show` listed a membership as "unverified" without its row's note (what is doubted and why:
Palestine's Arab League row, "admitted to the League as the PLO; status under the treaty unverified"), though the
JSON (`--json`) carries it. The notes of the memberships not verified now follow the members table, one a row
beside the state's name, as the JSON says them; the rows of verified memberships, and their notes, are as before.

A membership's other notes were in the JSON only: a suspension's (Egypt's 1979-89 Arab League suspension), a
date's (`joined_certainty`'s: the UAE's joined day, 6 Dec 1971 or as late as 12 Jun 1972), a span edge's. The same
table now says each note of a doubted fact once, against the state and the fact: a membership or a span not
verified, a date known less than to the day (a `*_certainty` with a note)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from foedus.cli.app import app
from foedus.cli.treaty_show import NOTES_TITLE as TITLE

pytestmark = pytest.mark.needs_data

WIDE = 2000  # one row a line, however long its note


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


def test_a_treaty_of_verified_memberships_with_no_doubted_date_shows_no_notes(monkeypatch: pytest.MonkeyPatch
                                                                               ) -> None:
    members = _members(monkeypatch, "usa_cofa")
    assert any(m.get("note") for m in members) and all(m["certainty"] == "verified" for m in members)
    assert not any(m.get("joined_certainty") or m.get("left_certainty") or m.get("suspended") or m.get("frozen")
                   for m in members)
    assert TITLE not in _show(monkeypatch, "usa_cofa", 100)


def _notes(monkeypatch: pytest.MonkeyPatch, treaty: str) -> list[str]:
    shown = _show(monkeypatch, treaty, WIDE)
    rows = shown[shown.index(TITLE):shown.index("provisions", shown.index(TITLE))].splitlines()[1:]
    return [line for line in rows if line.strip()]  # not the provisions table's title line


def _said(notes: list[str], fact: str, note: object) -> int:
    """How many rows say `note` against `fact` (the state and the fact, as the row's first words)."""
    return sum(line.lstrip().startswith(f"{fact}: ") and line.rstrip().endswith(str(note)) for line in notes)


def test_a_suspensions_note_is_said_against_its_state_and_span(monkeypatch: pytest.MonkeyPatch) -> None:
    members = {m["state"]: m for m in _members(monkeypatch, "arab_jdec_1950")}
    notes = _notes(monkeypatch, "arab_jdec_1950")
    egypt = members["EGY"]["suspended"][0]  # type: ignore[index]
    assert _said(notes, "Egypt (EGY), suspended 1979-03-31–1989-05-23", egypt["note"]) == 1
    syria = members["SYR"]["suspended"][0]  # type: ignore[index]
    assert _said(notes, "Syria (SYR), suspended 2011-11-16–2023-05-07", syria["note"]) == 1
    assert _said(notes, "Syria (SYR), suspension end 2023-05-07", syria["end_certainty"]["note"]) == 1


def test_a_dates_note_is_said_against_its_state_and_day(monkeypatch: pytest.MonkeyPatch) -> None:
    uae = next(m for m in _members(monkeypatch, "arab_jdec_1950") if m["state"] == "ARE")
    joined = uae["joined_certainty"]["note"]  # type: ignore[index]
    assert "12 Jun 1972" in joined
    assert _said(_notes(monkeypatch, "arab_jdec_1950"), "United Arab Emirates (ARE), joined 1971-12-06", joined) == 1


def _doubted(m: dict[str, Any]) -> list[str]:
    """The notes of a JSON member row's doubted facts: the row's and its spans' when not verified, every date's."""
    dated = [m.get("joined_certainty"), m.get("left_certainty"),
             *(s.get(edge) for s in m["suspended"] + m["frozen"] for edge in ("start_certainty", "end_certainty"))]
    return [note for note in [m["note"] if m["certainty"] != "verified" else None,
                              *(s.get("note") for s in m["suspended"] + m["frozen"] if s["certainty"] != "verified"),
                              *(d.get("note") for d in dated if d)] if note]


@pytest.mark.parametrize("treaty", ["arab_jdec_1950", "csto_1992", "tiar_1947", "nato_1949"])
def test_each_doubted_facts_note_is_said_once_and_no_verified_ones(monkeypatch: pytest.MonkeyPatch, treaty: str
                                                                   ) -> None:
    members = _members(monkeypatch, treaty)
    notes = _notes(monkeypatch, treaty)
    expected = {(str(m["state"]), note) for m in members for note in _doubted(m)}
    assert expected  # each of these has one
    for state, note in expected:  # once, though Armenia's two CSTO rows carry the same freeze
        assert sum(f"({state})" in line and line.rstrip().endswith(note) for line in notes) == 1, (state, note)
    assert len(notes) == len(expected)
    said = {note for _, note in expected}
    for m in members:  # a verified membership's or span's own note stays in the JSON (NATO's Germany, Iraq's)
        for fact in [m, *m["suspended"], *m["frozen"]]:
            if fact["certainty"] == "verified" and fact.get("note") and fact["note"] not in said:
                assert not any(fact["note"] in line for line in notes)


@pytest.mark.parametrize("treaty", ["arab_jdec_1950", "csto_1992", "tiar_1947"])
def test_the_notes_on_dates_and_spans_fit_100_columns(monkeypatch: pytest.MonkeyPatch, treaty: str) -> None:
    assert all(len(line) <= 100 for line in _show(monkeypatch, treaty, 100).splitlines())


@pytest.mark.parametrize("treaty", ["arab_jdec_1950", "csto_1992", "tiar_1947", "usa_cofa"])
def test_the_json_gives_the_notes_the_table_says(monkeypatch: pytest.MonkeyPatch, treaty: str) -> None:
    """`--json` (and so `GET /api/treaties/{id}`, the same serializer, which the web's treaty list shows) gives the
    notes on the doubted facts as the table says them, in its order: `member_notes`, each {state, fact, note}, the
    state the one its fact names (the web shows a state its own notes only); none for a treaty of verified memberships
    with no doubted date (usa_cofa)."""
    given = json.loads(_show(monkeypatch, treaty, 100, "--json"))["member_notes"]
    assert all(set(n) == {"state", "fact", "note"} for n in given)
    assert all(f"({n['state']})" in n["fact"].split(",")[0] for n in given), given
    if treaty == "usa_cofa":
        assert given == [] and TITLE not in _show(monkeypatch, treaty, 100)
        return
    notes = _notes(monkeypatch, treaty)
    assert len(given) == len(notes) > 0
    for line, n in zip(notes, given, strict=True):
        assert line.lstrip().startswith(f"{n['fact']}: ") and line.rstrip().endswith(n["note"]), (line, n)
    facts = [n["fact"] for n in given]
    if treaty == "arab_jdec_1950":  # the suspensions and the UAE's joined day, each against its fact
        assert {"Egypt (EGY), suspended 1979-03-31–1989-05-23", "Syria (SYR), suspended 2011-11-16–2023-05-07",
                "United Arab Emirates (ARE), joined 1971-12-06"} <= set(facts)
