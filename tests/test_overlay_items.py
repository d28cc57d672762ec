"""An overlay file's `changes:` item that is not a mapping (`- 5`, `- "drop nato"`) is refused in one line naming
the change by its number and what it holds: it got pydantic's "Input should be a valid dictionary or object to
extract fields from"."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_input_messages import _error_line

RUN = ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"]
EXPECTED = "must be a mapping such as {op: drop_treaty, treaty: nato_1949}, got"


@pytest.mark.parametrize(("item", "number", "got"), [
    ("5", 1, "5"),
    ('"drop nato"', 1, "'drop nato'"),
    ("[drop_treaty, nato_1949]", 1, "a list"),
    ("", 1, "nothing"),
    ("true", 1, "true"),
    ("{op: drop_treaty, treaty: nato_1949}\n  - 2.5", 2, "2.5"),
])
def test_a_change_that_is_not_a_mapping_is_named_with_what_it_holds(tmp_path: Path, item: str, number: int,
                                                                      got: str) -> None:
    overlay = tmp_path / "ov.yaml"
    overlay.write_text(f"changes:\n  - {item}\n", encoding="utf-8")
    assert _error_line([*RUN, "--overlay", str(overlay)]) == f"{overlay}: change {number}: {EXPECTED} {got}"


def test_a_json_overlay_is_read_alike(tmp_path: Path) -> None:
    overlay = tmp_path / "ov.json"
    overlay.write_text('{"changes": [{"op": "drop_treaty", "treaty": "nato_1949"}, "drop nato"]}', encoding="utf-8")
    assert _error_line([*RUN, "--overlay", str(overlay)]) == f"{overlay}: change 2: {EXPECTED} 'drop nato'"
