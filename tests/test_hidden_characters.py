"""A data file's text (a treaty's or a war's name, a note, a summary, a source's title, an article, a place's name)
with a control character or a bidirectional override, written by a YAML escape, is refused, field and character named:
it reached terminal output, tables and reports as it was (a NUL, an ESC that drives the terminal, a U+202E that shows
the rest of a name reversed). A note keeps its lines and tabs."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.errors import FoedusError, UnknownPlaceError
from foedus.model import gazetteer
from foedus.model.loader import read_treaty_file
from foedus.model.overlay import load_overlay
from foedus.model.states import StateRegistry
from foedus.war.loader import read_war_file
from samples import GOOD_TREATY
from samples import WAR_ONE_ATTACK as WAR
from samples import file_error as _said


@pytest.mark.parametrize(("text", "field", "char"), [
    (GOOD_TREATY.replace("name: My pact", 'name: "My\\0pact"'), "name", "U+0000 NULL, a control character"),
    (GOOD_TREATY.replace("name: My pact", 'name: "My\\u202Epact"'), "name",
     "U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control"),
    (GOOD_TREATY.replace("name: My pact", 'name: "My\\npact"'), "name", "U+000A LINE FEED, a control character"),
    (GOOD_TREATY + 'short_name: "\\u2066MP"\n', "short_name", "U+2066 LEFT-TO-RIGHT ISOLATE, a bidirectional"),
    (GOOD_TREATY + 'note: "see \\e[31m"\n', "note", "U+001B ESCAPE, a control character"),
    (GOOD_TREATY.replace("strength: S2}", 'strength: S2, summary: "a\\x85b"}'), "provisions[0].summary",
     "U+0085, a control character"),
    (GOOD_TREATY.replace('"https://example.org/pact"', '"https://example.org/pact", title: "\\u202Dx"'),
     "sources[0].title", "U+202D LEFT-TO-RIGHT OVERRIDE"),
    (GOOD_TREATY.replace('article: "1"', 'article: "I\\u202EV"'), "provisions[0].article",
     "U+202E RIGHT-TO-LEFT OVERRIDE"),  # an article is shown in every cascade's reasons
])
def test_a_treaty_text_with_a_hidden_character_is_refused(tmp_path: Path, text: str, field: str, char: str) -> None:
    assert _said(tmp_path, read_treaty_file, text).startswith(f"{field}: has {char}")


def test_a_war_or_overlay_text_with_a_hidden_character_is_refused(tmp_path: Path) -> None:
    said = _said(tmp_path, read_war_file, WAR.replace("name: W", 'name: "W\\u202E"'))
    assert said.startswith("name: has U+202E RIGHT-TO-LEFT OVERRIDE")
    said = _said(tmp_path, read_war_file, WAR.replace("victim: UKR", 'victim: UKR, note: "\\0"'))
    assert said.startswith("events[0].note: has U+0000 NULL")
    said = _said(tmp_path, load_overlay, 'description: "\\u2067"\nchanges: [{op: drop_treaty, treaty: nato_1949}]\n')
    assert said.startswith("description: has U+2067 RIGHT-TO-LEFT ISOLATE")


def test_a_source_url_with_a_hidden_character_is_refused(tmp_path: Path) -> None:
    """A source's address is shown as written too (`--cite`, reports): it takes the rule of a one-line text, in a
    treaty's and a war's sources and in a member's own `source`."""
    said = _said(tmp_path, read_treaty_file, GOOD_TREATY.replace('"https://example.org/pact"',
                                                                 '"https://example.org/\\e[31mpact"'))
    assert said.startswith("sources[0].url: has U+001B ESCAPE, a control character")
    member = '{state: CHL, source: "https://a.org/\\u202Ex"}'
    said = _said(tmp_path, read_treaty_file, GOOD_TREATY.replace("{state: CHL}", member))
    assert said.startswith("members[0] (CHL).source: has U+202E RIGHT-TO-LEFT OVERRIDE")
    war = WAR.replace("name: W", 'name: W\nsources: [{url: "https://a.org/\\0"}]')
    assert _said(tmp_path, read_war_file, war).startswith("sources[0].url: has U+0000 NULL")


def test_a_place_name_with_a_hidden_character_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = gazetteer.read_bundled
    place = {"id": "atlantis", "name": "Atl\u202eantis", "kind": "island"}
    monkeypatch.setattr(gazetteer, "read_bundled", lambda file: [place] if file == "places.yaml" else bundled(file))
    with pytest.raises(FoedusError, match=r"name: has U\+202E RIGHT-TO-LEFT OVERRIDE"):
        gazetteer.Gazetteer.load(StateRegistry.load())


def test_a_note_keeps_its_lines_and_tabs(tmp_path: Path) -> None:
    """Control (passes before and after): a note's line feeds and tabs are no hidden characters to refuse."""
    path = tmp_path / "f.yaml"
    path.write_text(GOOD_TREATY + 'note: "one\\n\\ttwo \\u05d0"\n', encoding="utf-8")
    assert read_treaty_file(path).note == "one\n\ttwo \u05d0"


@pytest.mark.parametrize("typed", ["Crim\u202eea", "u\u202esa", "crimea\x1b", "Crim\u200fea"])
def test_a_typed_place_name_with_a_hidden_character_is_refused(typed: str) -> None:
    """A typed place name was not checked as a typed state name is: "Crim\\u202eea" was Crimea, shown reversed."""
    states = StateRegistry.load()
    with pytest.raises(UnknownPlaceError) as caught:
        gazetteer.Gazetteer.load(states).resolve(typed, states)
    assert str(caught.value).startswith(f"the place {typed!r} has U+")
    assert str(caught.value).endswith(": write the text as it is to be shown")
