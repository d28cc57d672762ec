"""A likelihood-model file's texts were read as any text: a version of "a\\u202eb" reached the terminal in every answer
("How likely to join (model a‮b, …"), reversed, and an empty version was quoted as "model , trained on …". They are
now checked as a data file's texts are (`foedus.model.facts`: one line, no control character nor bidirectional
control; the version given), field named, as every other problem of the file is."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import foedus
from foedus.errors import LikelyModelError
from foedus.likely.model import load_model

SHIPPED = Path(foedus.__file__).parent / "data" / "likely_model.json"


def _edited(tmp_path: Path, where: tuple[Any, ...], value: object) -> Path:
    """The shipped model with the text at `where` (keys and indexes) set to `value`."""
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    inner = data
    for key in where[:-1]:
        inner = inner[key]
    inner[where[-1]] = value
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("where", "value", "problem"), [
    (("version",), "user-\u202e1823", "has U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control"),
    (("version",), "", "must not be empty"),
    (("version",), "v1\nv2", "has U+000A LINE FEED, a control character"),
    (("foedus",), "0.1\x1b[31m", "has U+001B ESCAPE, a control character"),
    (("spec", "name"), "ship\u2066ped", "has U+2066 LEFT-TO-RIGHT ISOLATE, a bidirectional control"),
    (("data", 0, "version"), "5.1\u202e", "has U+202E RIGHT-TO-LEFT OVERRIDE"),
    (("validation", 0, "subset"), "all\x07", "has U+0007 BELL, a control character"),
])
def test_a_model_text_that_hides_a_character_is_refused(tmp_path: Path, where: tuple[Any, ...], value: str,
                                                         problem: str) -> None:
    path = _edited(tmp_path, where, value)
    field = ".".join(f"[{k}]" if isinstance(k, int) else k for k in where).replace(".[", "[")
    with pytest.raises(LikelyModelError, match=f"^{re.escape(f'{path}: {field}: {problem}')}") as caught:
        load_model(path)
    assert "\n" not in str(caught.value)


def test_the_shipped_model_and_plain_texts_are_still_read(tmp_path: Path) -> None:
    relabelled = "my model, 2025" + load_model(SHIPPED).version.removeprefix("shipped")  # any label: LABEL-FIRST-…
    assert load_model(_edited(tmp_path, ("version",), relabelled)).version == relabelled
    assert load_model(SHIPPED).version == load_model().version
