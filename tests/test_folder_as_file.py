"""A folder (or an empty path) given where a file is expected is refused in one line naming the path the user gave,
not the file descriptor number the reader happened to hold (`cannot use 3: Is a directory`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from foedus.errors import FoedusError
from foedus.model.yamlio import read_text_file
from samples import cli_line

CASCADE = ["cascade", "-a", "RUS", "-t", "UKR", "-d", "2025-06-01"]


FOLDER_CASES = [
    pytest.param([*CASCADE, "--overlay", "{d}"], "overlay", id="cascade-overlay"),
    pytest.param([*CASCADE, "--draws", "10", "--honour", "{d}"], "honour model", id="cascade-honour"),
    pytest.param([*CASCADE, "--likelihood", "--likely-model", "{d}"], "likelihood-model file", id="likely-model"),
    pytest.param(["depth", "--out", "d.csv", "--params", "{d}"], "depth-parameter file", id="depth-params",
                 marks=pytest.mark.needs_data),
    pytest.param(["atlas", "-d", "2025-06-01", "--draws", "10", "--honour", "{d}", "--out", "a.csv"], "honour model",
                 id="atlas-honour"),
    pytest.param(["compare", "-a", "RUS", "-t", "UKR", "-d", "2025-06-01", "--overlay", "{d}"], "overlay",
                 id="compare-overlay"),
    pytest.param(["war", "{d}"], "war file", id="war"),
]


@pytest.mark.parametrize(("args", "what"), FOLDER_CASES)
def test_a_folder_given_as_a_file_is_named_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       args: list[str], what: str) -> None:
    folder = tmp_path / "a folder"
    folder.mkdir()
    monkeypatch.chdir(tmp_path)
    code, _, err = cli_line([a.format(d=folder) for a in args])
    assert code == 2, err
    assert err == f"error: {folder}: cannot read {what}: it is a folder, not a file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a folder"]  # no output was written


def test_the_reader_names_the_folder_and_leaves_no_descriptor_open(tmp_path: Path) -> None:
    before = len(list(Path("/proc/self/fd").iterdir())) if Path("/proc/self/fd").is_dir() else None
    expected = f"^{re.escape(str(tmp_path))}: cannot read thing: it is a folder, not a file$"
    for _ in range(3):
        with pytest.raises(FoedusError, match=expected):
            read_text_file(tmp_path, "thing")
    if before is not None:
        assert len(list(Path("/proc/self/fd").iterdir())) == before


def test_an_empty_path_is_refused_not_read_as_the_current_folder() -> None:
    with pytest.raises(FoedusError, match=r"^cannot read thing: the path is empty$"):
        read_text_file("", "thing")
    code, _, err = cli_line(["war", ""])
    assert code == 2 and err.startswith("error: war: the path is empty; give a war file or a bundled war (bundled: ")
    assert len(err.splitlines()) == 1
