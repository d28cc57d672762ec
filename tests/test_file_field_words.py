"""A malformed field of a treaty, overlay, war or gazetteer file is said in foedus's words after the file and the
field, as a value typed on the command line is (`foedus.errors`): pydantic's wording came through ("Extra inputs are
not permitted", "Input should be a valid list" for `changes: {…}`, "Input tag 'x' found using 'op' does not match any
of the expected tags: …", "Field required", "Input should be a valid string")."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from foedus.model import gazetteer
from foedus.model.loader import read_treaty_file
from foedus.model.overlay import as_changes, load_overlay
from foedus.model.place_coords import load_place_coords
from foedus.model.states import StateRegistry
from foedus.war.loader import read_war_file
from samples import GOOD_TREATY, refusal
from samples import WAR_ONE_ATTACK as WAR
from samples import file_error as _file

OVERLAY = "changes:\n  - {op: drop_treaty, treaty: nato_1949}\n"
PLACE = {"id": "atlantis", "name": "Atlantis", "kind": "island"}


def _places(monkeypatch: pytest.MonkeyPatch, name: str, data: Any) -> str:
    """The error the gazetteer's load gives with its bundled file `name` read as `data`."""
    bundled = gazetteer.read_bundled
    monkeypatch.setattr(gazetteer, "read_bundled", lambda file: data if file == name else bundled(file))
    return refusal(gazetteer.Gazetteer.load, StateRegistry.load())


FILES: dict[str, Callable[[Path, str], str]] = {
    "treaty": lambda tmp, text: _file(tmp, read_treaty_file, GOOD_TREATY + text),
    "overlay": lambda tmp, text: _file(tmp, load_overlay, text),
    "war": lambda tmp, text: _file(tmp, read_war_file, text),
}


@pytest.mark.parametrize(("file", "text", "said"), [
    ("treaty", "colour: red\n", "colour: unknown field 'colour' (the fields are: id, name, short_name, signed, "),
    ("overlay", OVERLAY.replace("}", ", state: UKR}"), "change 1 (drop_treaty.state): unknown field 'state' (the "
     "fields are: op, treaty)"),
    ("war", WAR.replace("}", ", colour: red}"), "events[0].colour: unknown field 'colour' (the fields are: date, "
     "note, sources, type, attacker, victim, place, target_kind, …, 3 more)"),
    ("overlay", OVERLAY.replace("drop_treaty", "frob", 1), "change 1: op 'frob' is not one of add_member, "
     "remove_member, drop_treaty, add_treaty, set_strength, set_scope"),
    ("war", WAR.replace("type: attack", "type: invade"), "events[0]: type 'invade' is not one of attack, entry, exit, "
     "ceasefire"),
    ("overlay", "changes: {op: drop_treaty, treaty: nato_1949}\n", "changes: must be a list, got a mapping"),
    ("treaty", "atop_ids: 3001\n", "atop_ids: must be a list, got 3001"),
    ("war", "id: w\nname: W\nevents: {type: attack}\n", "events: must be a list, got a mapping"),
    ("overlay", OVERLAY.replace(", treaty: nato_1949", ""), "change 1 (drop_treaty.treaty): missing field 'treaty'"),
    ("war", WAR.replace(", victim: UKR", ""), "events[0].victim: missing field 'victim'"),
    ("treaty", "note: [a, b]\n", "note: must be text, got a list"),
    ("overlay", OVERLAY.replace("nato_1949", "[nato_1949]"), "change 1 (drop_treaty.treaty): must be text, got a "
     "list"),
    ("war", WAR.replace("name: W", "name: {en: W}"), "name: must be text, got a mapping"),
    ("treaty", "type: trilateral\n", "type: must be 'bilateral', 'multilateral' or 'unilateral' (got "
     "'trilateral')"),
    ("war", WAR.replace("victim: UKR}", "victim: UKR, target_kind: ships}"), "events[0].target_kind: must be "
     "'territory' or 'forces' (got 'ships')"),
    ("war", WAR.replace("{type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}", "attack"), "events[0]: must "
     "be a mapping of fields, got 'attack'"),
    ("war", WAR.replace("name: W", "name: ''"), "name: must not be empty"),
], ids=["treaty-unknown-field", "overlay-unknown-field", "war-unknown-field", "overlay-op", "war-type",
        "overlay-list", "treaty-list", "war-list", "overlay-missing", "war-missing", "treaty-text", "overlay-text",
        "war-text", "treaty-choice", "war-choice", "war-mapping", "war-empty"])
def test_a_files_field_is_said_in_foedus_words(tmp_path: Path, file: str, text: str, said: str) -> None:
    message = FILES[file](tmp_path, text)
    assert message.startswith(said) if said.endswith(" ") else message == said


def test_a_treaty_files_unknown_field_lists_its_first_fields_and_how_many_more(tmp_path: Path) -> None:
    from foedus.model.treaty import Treaty

    fields = ", ".join(list(Treaty.model_fields)[:8])
    more = len(Treaty.model_fields) - 8
    assert FILES["treaty"](tmp_path, "colour: red\n") == (f"colour: unknown field 'colour' (the fields are: {fields}, "
                                                          f"…, {more} more)")


def test_every_field_missing_from_one_mapping_is_named_in_the_one_line(tmp_path: Path) -> None:
    """A treaty file holding only its id said "name: missing field 'name' (and 3 more)", leaving the user to guess
    the three; the fields missing at one place are named together, a problem elsewhere still counted after them."""
    assert _file(tmp_path, read_treaty_file, "id: x\n") == "missing fields: name, signed, sources, members"
    assert _file(tmp_path, read_treaty_file, "id: x\nsigned: 1900\n") == ("missing fields: name, sources, members "
                                                                          "(and 1 more)")
    assert _file(tmp_path, read_war_file, WAR.replace(", attacker: RUS, victim: UKR", "")) == (
        "events[0]: missing fields: attacker, victim")


def test_every_field_missing_from_an_overlay_change_or_a_scenario_file_is_named(tmp_path: Path) -> None:
    """An overlay's `{op: add_member}` said "change 1 (add_member.treaty): missing field 'treaty'" and a scenario
    file of its kind and schema alone "attacker: missing field 'attacker'", each run telling one more field; the
    treaty and war files named them together already, as the overlay and scenario readers now do, a change built in
    Python too."""
    from foedus.model.overlay import AddMember, Overlay
    from foedus.scenario_io import load_scenario

    said = "change 1 (add_member): missing fields: treaty, state"
    assert _file(tmp_path, load_overlay, "changes:\n  - {op: add_member}\n") == said
    assert refusal(as_changes, [{"op": "add_member"}]) == f"what_if: {said}"
    assert refusal(Overlay, changes=[{"op": "add_member"}]) == f"Overlay: {said}"
    assert refusal(AddMember) == "AddMember: missing fields: treaty, state"
    head = "kind: scenario\nschema: 1\n"
    assert _file(tmp_path, load_scenario, head) == "missing fields: attacker, target, date"
    assert _file(tmp_path, load_scenario, head + "what_if:\n- {op: set_strength, treaty: nato_1949}\n") == (
        "missing fields: attacker, target, date")  # the file's first problem: its own fields
    assert _file(tmp_path, load_scenario, head + "attacker: RUS\ntarget: EST\ndate: 2025-06-01\nwhat_if:\n"
                 "- {op: set_strength, treaty: nato_1949}\n") == (
        "what_if[0].set_strength: missing fields: article, strength")


def test_the_fields_missing_together_are_cut_after_eight_as_every_field_list_is() -> None:
    """Eleven fields missing from one mapping are said as eleven unknown fields' choices are: the first eight, then
    '…, 3 more', so the line stays short."""
    from pydantic import ValidationError, create_model

    from foedus.model.yamlio import file_data_error

    model = create_model("Many", **{f"f{i}": (int, ...) for i in range(11)})  # type: ignore[call-overload]
    with pytest.raises(ValidationError) as caught:
        model.model_validate({})
    assert str(file_data_error(caught.value, model, {}, "m.yaml")) == (
        "m.yaml: missing fields: f0, f1, f2, f3, f4, f5, f6, f7, …, 3 more")


def test_an_unknown_field_close_to_one_is_told_it_first_in_a_short_line(tmp_path: Path) -> None:
    text = GOOD_TREATY.replace("strength: S2}", "strength: S2, notes: x}")
    message = _file(tmp_path, read_treaty_file, text)
    assert message.startswith("provisions[0].notes: unknown field 'notes', did you mean 'note'? (the fields are: ")
    assert message.endswith(" more)") and len(message) < 200, message


@pytest.mark.parametrize(("file", "text", "said"), [
    ("war", WAR.replace("type: attack", "type: null"), "events[0]: type nothing is not one of attack, entry, exit, "
     "ceasefire"),
    ("war", WAR.replace("type: attack", "type: true"), "events[0]: type true is not one of attack, entry, exit, "
     "ceasefire"),
    ("war", WAR.replace("type: attack", "type: [attack]"), "events[0]: type a list is not one of attack, entry, "
     "exit, ceasefire"),
    ("overlay", OVERLAY.replace("drop_treaty", "true", 1), "change 1: op true is not one of add_member, "
     "remove_member, drop_treaty, add_treaty, set_strength, set_scope"),
    ("treaty", "atop_ids: [[1]]\n", "atop_ids[0]: must be a whole number, got a list"),
    ("treaty", "atop_ids: [{a: 1}]\n", "atop_ids[0]: must be a whole number, got a mapping"),
    ("war", WAR.replace("attacker: RUS", "attacker: {a: 1}"), "events[0].attacker: must be a state or a list of "
     "states, got a mapping"),
    ("overlay", OVERLAY.replace("{op: drop_treaty, treaty: nato_1949}", "{op: add_member, treaty: nato_1949, "
     "state: UKR, joined: 1700-01-01}"), "change 1 (add_member.joined): 1700-01-01 is outside 1815-01-01 to "
     "2100-12-31, the days foedus reads"),
], ids=["tag-null", "tag-true", "tag-list", "op-true", "number-list", "number-mapping", "union-location",
        "value-said-once"])
def test_a_value_is_said_once_as_written_at_a_plain_location(tmp_path: Path, file: str, text: str, said: str) -> None:
    assert FILES[file](tmp_path, text) == said


def test_a_treaty_id_is_said_once(tmp_path: Path) -> None:
    assert _file(tmp_path, read_treaty_file, GOOD_TREATY.replace("id: my_pact", "id: My-Pact")) == (
        "id: id 'My-Pact' is not snake_case (e.g. nato_1949)")


def test_a_place_id_is_said_once(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _places(monkeypatch, "places.yaml", [{**PLACE, "id": "Atlantis"}]) == (
        "places.yaml: [0].id: place id 'Atlantis' is not a lowercase slug (e.g. kursk-oblast)")


@pytest.mark.parametrize(("name", "data", "said"), [
    ("places.yaml", [{**PLACE, "colour": "blue"}], "places.yaml: [0].colour: unknown field 'colour' (the fields "
     "are: id, name, kind, aliases, sovereign, administrator, claimants, regions, …, 3 more)"),
    ("places.yaml", [{"id": "atlantis", "kind": "island"}], "places.yaml: [0].name: missing field 'name'"),
    ("places.yaml", [{**PLACE, "regions": "europe"}], "places.yaml: [0].regions: must be a list, got 'europe'"),
    ("places.yaml", [{**PLACE, "name": ["Atlantis"]}], "places.yaml: [0].name: must be text, got a list"),
    ("places.yaml", [{**PLACE, "kind": "isle"}], "places.yaml: [0].kind: must be 'home', 'subnational', 'island', "
     "'territory', 'sea' or 'area' (got 'isle')"),
    ("place_history.yaml", {"crimea": {"holders": [{"administrator": "UKR", "by": "RUS"}]}}, "place_history.yaml: "
     "crimea.holders[0].by: unknown field 'by' (the fields are: start, end, sovereign, administrator, claimants, "
     "regions, note)"),
    ("place_history.yaml", {"crimea": {"holders": [{"end": "1991-12-26"}, {"administrator": "UKR", "by": "RUS"}]}},
     "place_history.yaml: crimea.holders[1].by: unknown field 'by' "),
    ("place_history.yaml", {"crimea": {"holders": [{"end": "1991-12-26"}, {"sovereign": "XYZ"}]}},
     "place_history.yaml: crimea.holders[1].sovereign: unknown state 'XYZ'"),
    ("place_history.yaml", {"crimea": {"holders": [{"claimants": ["UKR", "XYZ"]}]}},
     "place_history.yaml: crimea.holders[0].claimants[1]: unknown state 'XYZ'"),
    ("place_history.yaml", {"crimea": {"holder": [{"sovereign": "UKR"}]}}, "place_history.yaml: crimea.holder: "
     "unknown field 'holder', did you mean 'holders'? (the fields are: holders, aliases, names)"),
    ("place_history.yaml", {"crimea": 5}, "place_history.yaml: crimea: must be a mapping of fields, got 5"),
    ("places.yaml", [{**PLACE, "claimants": ["USA", "XYZ"]}], "places.yaml: [0] (atlantis).claimants[1]: unknown "
     "state 'XYZ'"),
], ids=["unknown-field", "missing", "list", "text", "choice", "history-unknown-field", "history-second-holder",
        "history-unknown-state", "history-unknown-claimant", "history-unknown-key", "history-not-a-mapping",
        "unknown-claimant"])
def test_a_gazetteer_files_field_is_said_in_foedus_words(monkeypatch: pytest.MonkeyPatch, name: str, data: Any,
                                                         said: str) -> None:
    message = _places(monkeypatch, name, data)
    assert message.startswith(said) if said.endswith(" ") else message == said


@pytest.mark.parametrize(("field", "hint"), [("alt", ""), ("lng", ", did you mean 'lon'?")])
def test_a_place_coordinates_field_is_said_in_foedus_words(field: str, hint: str) -> None:
    """An unknown field is offered a close one that starts with its letter: 'alt' is no typo of 'lat'."""
    said = f"place_coords.yaml: crimea.{field}: unknown field '{field}'{hint} (the fields are: lat, lon, outline)"
    assert refusal(load_place_coords, f"crimea: {{lat: 45.3, lon: 34.2, {field}: 3}}") == said


@pytest.mark.parametrize(("text", "said"), [
    ("crimea: {lat: 45, lon: 34, outline: [[1]]}", "place_coords.yaml: crimea.outline[0][1]: needs a value at "
     "position 2"),
    ("crimea: 5", "place_coords.yaml: crimea: must be a mapping of fields, got 5"),
], ids=["tuple-position", "no-trailing-dot"])
def test_a_place_coordinates_position_is_named_by_number(text: str, said: str) -> None:
    assert refusal(load_place_coords, text) == said


@pytest.mark.parametrize(("given", "said"), [
    ("true", "events[0].attacker: must be a state or a list of states (got true)"),
    ("null", "events[0].attacker: must be a state or a list of states, got nothing"),
    ("[RUS, {a: 1}]", "events[0].attacker[1]: must be text, got a mapping"),
    ("''", "events[0].attacker: must not be empty"),
], ids=["true", "null", "list-item", "empty"])
def test_a_wars_states_are_a_state_or_a_list_of_states(tmp_path: Path, given: str, said: str) -> None:
    """It said 'must be text, got true (and 1 more)', the union's first member's words; a list's wrong item was
    'must be text, got a list'; an empty name 'needs at least 1 item, got 0', a list's words."""
    assert FILES["war"](tmp_path, WAR.replace("attacker: RUS", f"attacker: {given}")) == said


def test_an_empty_member_state_is_said_to_be_empty(tmp_path: Path) -> None:
    """It read `members[0] ().state: needs at least 1 item, got 0`: a list's words, and an empty name."""
    text = GOOD_TREATY.replace("{state: CHL}", "{state: ''}")
    assert _file(tmp_path, read_treaty_file, text) == "members[0].state: must not be empty"


@pytest.mark.parametrize("blank", ["'  '", "\"\\t\""])
def test_a_blank_member_or_war_state_is_said_to_be_blank(tmp_path: Path, blank: str) -> None:
    """A member's `state: '  '` read "unknown state ''" (the name stripped), a war's attacker too: blank, as an
    empty one is said to be empty."""
    text = GOOD_TREATY.replace("{state: CHL}", f"{{state: {blank}}}")
    assert _file(tmp_path, read_treaty_file, text) == "members[0].state: must not be blank"
    assert FILES["war"](tmp_path, WAR.replace("attacker: RUS", f"attacker: {blank}")) == (
        "events[0].attacker: must not be blank")


def test_a_changes_field_in_a_list_is_named_by_number(tmp_path: Path) -> None:
    """`(set_scope.scope.territory.1)` as the other files' fields are named: `territory[1]`."""
    change = {"op": "set_scope", "treaty": "nato_1949", "article": "5", "scope": {"territory": ["europe", 5]}}
    said = "change 1 (set_scope.scope.territory[1]): must be text, got 5"
    assert _file(tmp_path, load_overlay, json.dumps({"changes": [change]})) == said
    assert refusal(as_changes, [change]) == f"what_if: {said}"


@pytest.mark.parametrize("key", ["x(1)", "a[b]", "str"])
def test_a_place_coordinates_key_is_named_whatever_it_holds(key: str) -> None:
    """`field_path`, which drops pydantic's labels ('list[str]', 'function-after[…]'), dropped such a place id too:
    'place_coords.yaml: lat: …', no place named. Every reader of a file's entries (the gazetteer's files, the
    coordinates, the ATOP corrections, a user's file) words the error with `yamlio.file_data_error`, its `at` the
    entry's place in the file."""
    assert refusal(load_place_coords, f"'{key}': {{lat: 91, lon: 0}}") == (
        f"place_coords.yaml: {key}.lat: must be less than or equal to 90 (got 91)")
