"""A command-line value typer refuses is said in foedus's words, and a blank path is refused as an empty one is,
said to be blank (the Python API's word).

typer (0.29) converts values with pydantic and passed its wording on: "Invalid value for '--draws': Input should be
a valid integer, unable to parse string as an integer". A path of only spaces crashed `--add-treaty ' '` as an
internal error (exit 1) and was read as a file of no visible name by `--overlay ' '` ("error:  : cannot read
overlay"); every path option now refuses it as it refuses an empty one."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_input_messages import CASCADE, _error_line


@pytest.mark.parametrize(("args", "message"), [
    ([*CASCADE, "--draws", "nan"], "Invalid value for '--draws': must be a whole number (got 'nan') (see `foedus "
     "cascade --help`)"),
    ([*CASCADE, "--draws", "1.5"], "Invalid value for '--draws': must be a whole number (got '1.5')"),
    ([*CASCADE, "--draws", "a"], "Invalid value for '--draws': must be a whole number (got 'a')"),  # not 'a whole'
    ([*CASCADE, "--draws", "x" * 100], f"Invalid value for '--draws': must be a whole number (got '{'x' * 56}…') "),
    ([*CASCADE, "--draws", "10", "--seed", "-1"], "Invalid value for '--seed': must be greater than or equal to 0 "
     "(got '-1')"),
    (["atlas", "--out", "a.csv", "--from", "1990s", "--to", "1991"], "Invalid value for '--from': must be a whole "
     "number (got '1990s')"),
    (["depth", "--out", "d.csv", "--level", "wide"], "Invalid value for '--level': must be a number (got 'wide')"),
])
def test_a_value_of_the_wrong_type_is_said_in_foedus_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert _error_line(args).startswith(message)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [
    [*CASCADE, "--add-treaty", " "], [*CASCADE, "--overlay", "  "], [*CASCADE, "--treaties", "\t"],
    [*CASCADE, "--drop-treaty", "nato_1949", "--save-overlay", " "], ["schema", "--out", " "],
    ["treaties", "validate", " "], ["compare", *CASCADE[1:], "--add-treaty", " "],
])
def test_a_blank_path_is_refused_as_an_empty_one_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    line = _error_line(args)
    assert line.startswith("Invalid value for '") and ": the path is blank (see `foedus " in line, line
    assert list(tmp_path.iterdir()) == []
