"""A malformed field of a treaty, overlay, war or gazetteer file is said in foedus's words after the file and the
field, as a value typed on the command line is (`foedus.errors`): pydantic's wording came through ("Extra inputs are
not permitted", "Input should be a valid list" for `changes: {…}`, "Input tag 'x' found using 'op' does not match any
of the expected tags: …", "Field required", "Input should be a valid string")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from foedus.errors import FoedusError
from foedus.model import gazetteer
from foedus.model.loader import read_treaty_file
from foedus.model.overlay import load_overlay
from foedus.model.place_coords import load_place_coords
from foedus.model.states import StateRegistry
from foedus.war.loader import read_war_file
from samples import GOOD_TREATY

WAR = "id: w\nname: W\nevents:\n  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
OVERLAY = "changes:\n  - {op: drop_treaty, treaty: nato_1949}\n"
PLACE = {"id": "atlantis", "name": "Atlantis", "kind": "island"}


def _file(tmp_path: Path, read: Callable[[Path], object], text: str) -> str:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FoedusError) as caught:
        read(path)
    return str(caught.value).removeprefix(f"{path}: ")


def _places(monkeypatch: pytest.MonkeyPatch, name: str, data: Any) -> str:
    """The error the gazetteer's load gives with its bundled file `name` read as `data`."""
    bundled = gazetteer._read
    monkeypatch.setattr(gazetteer, "_read", lambda file: data if file == name else bundled(file))
    with pytest.raises(FoedusError) as caught:
        gazetteer.Gazetteer.load(StateRegistry.load())
    return str(caught.value)


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
     "note, sources, type, attacker, victim, place, target_kind, until)"),
    ("overlay", OVERLAY.replace("drop_treaty", "frob", 1), "change 1: op 'frob' is not one of add_member, "
     "remove_member, drop_treaty, add_treaty, set_strength, set_scope"),
    ("war", WAR.replace("type: attack", "type: invade"), "events[0]: type 'invade' is not one of attack, entry, exit, "
     "ceasefire"),
    ("overlay", "changes: {op: drop_treaty, treaty: nato_1949}\n", "changes: a list of changes is needed, got a "
     "mapping"),
    ("treaty", "atop_ids: 3001\n", "atop_ids: a list of atop_ids is needed, got 3001"),
    ("war", "id: w\nname: W\nevents: {type: attack}\n", "events: a list of events is needed, got a mapping"),
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
    ("war", WAR.replace("name: W", "name: ''"), "name: must not be empty (got '')"),
], ids=["treaty-unknown-field", "overlay-unknown-field", "war-unknown-field", "overlay-op", "war-type",
        "overlay-list", "treaty-list", "war-list", "overlay-missing", "war-missing", "treaty-text", "overlay-text",
        "war-text", "treaty-choice", "war-choice", "war-mapping", "war-empty"])
def test_a_files_field_is_said_in_foedus_words(tmp_path: Path, file: str, text: str, said: str) -> None:
    message = FILES[file](tmp_path, text)
    assert message.startswith(said) if said.endswith(" ") else message == said


def test_a_treaty_files_unknown_field_lists_every_field_it_takes(tmp_path: Path) -> None:
    from foedus.model.treaty import Treaty

    fields = ", ".join(Treaty.model_fields)
    assert FILES["treaty"](tmp_path, "colour: red\n") == f"colour: unknown field 'colour' (the fields are: {fields})"


@pytest.mark.parametrize(("name", "data", "said"), [
    ("places.yaml", [{**PLACE, "colour": "blue"}], "places.yaml: [0].colour: unknown field 'colour' (the fields "
     "are: id, name, kind, aliases, sovereign, administrator, claimants, regions, history, note)"),
    ("places.yaml", [{"id": "atlantis", "kind": "island"}], "places.yaml: [0].name: missing field 'name'"),
    ("places.yaml", [{**PLACE, "regions": "europe"}], "places.yaml: [0].regions: a list of regions is needed, got "
     "'europe'"),
    ("places.yaml", [{**PLACE, "name": ["Atlantis"]}], "places.yaml: [0].name: must be text, got a list"),
    ("places.yaml", [{**PLACE, "kind": "isle"}], "places.yaml: [0].kind: must be 'home', 'subnational', 'island', "
     "'territory', 'sea' or 'area' (got 'isle')"),
    ("place_history.yaml", {"crimea": {"holders": [{"administrator": "UKR", "by": "RUS"}]}}, "place_history.yaml: "
     "crimea: by: unknown field 'by' (the fields are: start, end, sovereign, administrator, claimants, regions, note)"),
], ids=["unknown-field", "missing", "list", "text", "choice", "history-unknown-field"])
def test_a_gazetteer_files_field_is_said_in_foedus_words(monkeypatch: pytest.MonkeyPatch, name: str, data: Any,
                                                         said: str) -> None:
    message = _places(monkeypatch, name, data)
    assert message.startswith(said) if said.endswith(" ") else message == said


def test_a_place_coordinates_field_is_said_in_foedus_words() -> None:
    with pytest.raises(FoedusError) as caught:
        load_place_coords("crimea: {lat: 45.3, lon: 34.2, alt: 3}")
    said = "place_coords.yaml: crimea.alt: unknown field 'alt' (the fields are: lat, lon, outline)"
    assert str(caught.value) == said
