"""A treaty file is named in every error as the user wrote it (`foedus.written.as_written`), whether it cannot be read
or fails validation, by `--add-treaty`, `--treaties` and `treaties validate` alike (model/loader.py named a file that
failed validation with str(path), which drops the trailing slash a user wrote, where its read error kept it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples import GOOD_TREATY
from test_input_messages import CASCADE, _error_line

HOW = ["--add-treaty", "--treaties"]


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize(("text", "said"), [
    (None, "cannot read treaty file: no such file or folder"),
    ("id: my_pact\nname: [\n", "line 3: invalid YAML"),
    (GOOD_TREATY.replace("strength: S2", "strength: S9"), "provisions[0].strength: must be 'S1', 'S2', "
     "'S3', 'S4' or 'S5' (got 'S9')"),
])
def test_a_relative_treaty_path_is_named_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str,
                                                    text: str | None, said: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x").mkdir()
    if text is not None:
        (tmp_path / "pact.yaml").write_text(text, encoding="utf-8")
    line = _error_line([*CASCADE, how, "./x/../pact.yaml"])
    assert line.startswith(f"./x/../pact.yaml: {said}"), line  # the leading ./ too, which pathlib drops


@pytest.mark.parametrize("how", [*HOW, "validate"])
def test_a_folder_given_with_its_slash_is_named_with_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        how: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pacts.yaml").mkdir()
    args = ["treaties", "validate", "pacts.yaml/"] if how == "validate" else [*CASCADE, how, "pacts.yaml/"]
    assert "pacts.yaml/: " in _error_line(args)
