"""A YAML tag beyond JSON's kinds of value (`!!binary`, `!!set`, `!!timestamp`, `!!python/object`, `!mine`) is
refused in a data file, in one line naming the line and the tag; the standard tags of those kinds are read."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from foedus.errors import TreatyDataError
from foedus.model.loader import read_treaty_file
from foedus.model.yamlio import load_yaml, yaml_error

EXAMPLE = Path(__file__).parent.parent / "examples" / "treaty.yaml"


@pytest.mark.parametrize(("value", "tag"), [
    ("!!binary aGVsbG8=", "!!binary"),  # was taken as the text 'hello'
    ("!!timestamp 2020-01-01", "!!timestamp"),
    ("!!set {x, y}", "!!set"),
    ("!!omap [x: 1]", "!!omap"),
    ("!!pairs [x: 1]", "!!pairs"),
    ("!!python/object:os.system x", "!!python/object:os.system"),
    ("!mine x", "!mine"),
])
def test_a_tag_beyond_json_kinds_is_refused(value: str, tag: str) -> None:
    with pytest.raises(yaml.YAMLError) as caught:
        load_yaml(f"id: a\nnote: {value}\n")
    assert yaml_error(caught.value) == ("line 2", f"the tag {tag!r} is not one foedus reads (a data file holds "
                                                  "text, numbers, true/false, null, lists and mappings)")


def test_a_binary_note_in_a_treaty_file_is_refused(tmp_path: Path) -> None:
    """The example treaty with its note as `!!binary`: validated before, the bytes read as the note's text."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("note:"))
    end = next(i for i in range(at + 1, len(lines)) if not lines[i].startswith(" "))
    path = tmp_path / "t.yaml"
    path.write_text("\n".join([*lines[:at], "note: !!binary aGVsbG8=", *lines[end:]]) + "\n", encoding="utf-8")
    with pytest.raises(TreatyDataError, match=rf"line {at + 1}: invalid YAML: the tag '!!binary' is not one"):
        read_treaty_file(path)


def test_the_standard_tags_of_json_kinds_are_read() -> None:
    text = "a: !!str 1\nb: !!int '3'\nc: !!float 1\nd: !!null ~\ne: !!bool true\nf: !!seq [1]\ng: !!map {h: 1}\n"
    assert load_yaml(text) == {"a": "1", "b": 3, "c": 1.0, "d": None, "e": True, "f": [1], "g": {"h": 1}}
    assert load_yaml("b: &x {c: 1}\na: {<<: *x, d: 2}") == {"b": {"c": 1}, "a": {"c": 1, "d": 2}}
