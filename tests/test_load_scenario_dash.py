"""`foedus.load_scenario("-")` said "-: cannot read scenario: no such file or folder", as if a file named - were
meant: it says, in the CLI's words (`--scenario -`), that standard input is not read (until 2026-12-07)."""

from __future__ import annotations

from pathlib import Path

import pytest

import foedus
from test_input_messages import _error_line


def test_load_scenario_of_dash_says_standard_input_is_not_read() -> None:
    with pytest.raises(foedus.FoedusError) as err:
        foedus.load_scenario("-")
    said = "'-' (standard input) is not read: give a file's path (./- for a file named -)"
    assert str(err.value) == f"scenario: {said}"
    assert f"'--scenario': {said} (see" in _error_line(["cascade", "--scenario", "-"])  # the CLI's words


def test_a_file_named_dash_is_still_read_as_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(foedus.FoedusError, match=r"^-: cannot read scenario: no such file or folder"):
        foedus.load_scenario(Path("./-"))  # a Path cannot tell ./- from -: a file named -
