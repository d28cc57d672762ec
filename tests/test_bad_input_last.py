"""Leftovers of the bad-input sweeps (tests/test_bad_input_left.py, tests/test_bad_input_leftovers.py): a Python
caller's switch of the wrong type was shown as Python's repr, and a depth-parameter file's `data.file` was not
checked to be one line of text. Each is now refused in one line, in every message's words (`foedus.errors.shown`)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

import foedus
from foedus.errors import DataFormatError, ScenarioError


@pytest.mark.parametrize(("value", "said"), [(["legal"], "a list"), ({"r": 1}, "a mapping"), (True, "true"),
                                             (None, "nothing")])
def test_a_switch_of_the_wrong_type_is_said_as_every_message_says_a_value(value: object, said: str) -> None:
    """`reading=['legal']` said "unknown reading ['legal']" (Python's repr), where every message says 'a list'."""
    with pytest.raises(ScenarioError) as caught:
        foedus.cascade("UKR", "RUS", "2025-01-15", reading=value)
    assert str(caught.value) == f"reading: expected one of legal, escalatory, not {said}"


@pytest.mark.parametrize(("file", "said"), [("atop\nmore.csv", "'atop\\nmore.csv'"), ("  ", "'  '")])
def test_a_depth_parameter_files_data_file_is_one_line_of_text(tmp_path: Path, file: str, said: str) -> None:
    """`data.file` (the ATOP file it was fitted on, quoted in a note) was only escaped when shown: a second line or a
    blank name was read without a word. It is checked as the file's other texts are (`foedus.research.depth_meta`)."""
    from foedus.research.depth import DepthModel

    payload = json.loads(resources.files("foedus.data").joinpath("depth_params.json").read_text(encoding="utf-8"))
    payload["data"]["file"] = file
    path = tmp_path / "p.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(DataFormatError) as caught:
        DepthModel.from_file(path)
    assert str(caught.value) == f"{path}: data.file: expected a one-line text, got {said}"
