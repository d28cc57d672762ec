"""A YAML error in a data file names its line once, before the problem, in every reader (treaty, war, overlay)."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.errors import FoedusError
from foedus.model.loader import read_treaty_file
from foedus.model.yamlio import read_yaml_file
from foedus.war.loader import read_war_file

BAD = [  # (text, line, problem)
    ("id: a\nname: x\nid: b\n", 3, "duplicate key 'id'"),
    ("id: a\nname: x\n\tsigned: 1\n", 3, "tab character"),
    ("id: a\nname: *nope\n", 2, "undefined alias"),
    ("id: a\nname:\n  - x\n y: 2\n", 4, "did not find expected key"),
]


@pytest.mark.parametrize(("text", "line", "problem"), BAD)
@pytest.mark.parametrize("read", [read_treaty_file, read_war_file, lambda p: read_yaml_file(p, "overlay")])
def test_line_named_once(tmp_path: Path, read, text: str, line: int, problem: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FoedusError) as caught:
        read(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: line {line}: invalid YAML") and problem in message
    assert message.removeprefix(f"{path}: ").count("line") == 1, message
