"""A whole number of more digits than Python converts (4,300 by default), in a likelihood-model or depth-parameter
JSON file or a YAML data file, was refused in Python's words, advice to a programmer ('…; use
sys.set_int_max_str_digits() to increase the limit'; cut in the middle in a YAML file's message). The one rule of
`foedus.model.yamlio` (its JSON and YAML readers) now says it in foedus's: 'a whole number of 5,000 digits: more than
the 4,300 a number may have', still naming the file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import foedus
from foedus.errors import FoedusError
from foedus.likely.model import load_model
from foedus.research.depth import DepthModel
from foedus.war.loader import load_war

LONG = "9" * 5000
EXPECTED = "expected the JSON of a likelihood-model file (write one with `foedus likely fit`)"
PROBLEM = f"a whole number of 5,000 digits: more than the {sys.get_int_max_str_digits():,} a number may have"


def _model(tmp_path: Path) -> Path:
    """The shipped likelihood model with its bootstrap seed 5,000 digits long."""
    text = (Path(foedus.__file__).parent / "data" / "likely_model.json").read_text(encoding="utf-8")
    data = json.loads(text)
    data["bootstrap"]["seed"] = 1815
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data).replace("1815}", LONG + "}"), encoding="utf-8")
    return path


def test_a_likelihood_model_says_the_number_is_too_long(tmp_path: Path) -> None:
    path = _model(tmp_path)
    with pytest.raises(FoedusError) as caught:
        load_model(path)
    assert str(caught.value) == f"{path}: not a readable JSON file ({PROBLEM}); {EXPECTED}"


def test_a_depth_parameter_file_says_it_too(tmp_path: Path) -> None:
    path = tmp_path / "params.json"
    path.write_text('{"draws": ' + LONG + "}", encoding="utf-8")
    with pytest.raises(FoedusError) as caught:
        DepthModel.from_file(path)
    assert str(caught.value).startswith(f"{path}: ") and PROBLEM in str(caught.value)
    assert "sys." not in str(caught.value)


def test_a_yaml_file_says_it_too(tmp_path: Path) -> None:
    path = tmp_path / "war.yaml"
    path.write_text("id: t\nname: t\nevents:\n  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR, "
                    f"until: {LONG}}}\n", encoding="utf-8")
    with pytest.raises(FoedusError) as caught:
        load_war(path)
    assert str(caught.value) == f"{path}: invalid YAML: unusable value ({PROBLEM})"


def test_the_cli_says_it_in_one_line(tmp_path: Path) -> None:
    path = _model(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "foedus", "cascade", "-a", "DEU", "-t", "POL", "-d", "1939-09-01",
                           "--likelihood", "--likely-model", str(path)], capture_output=True, text=True, check=False)
    assert proc.returncode == 2 and proc.stderr == f"error: {path}: not a readable JSON file ({PROBLEM}); {EXPECTED}\n"


def test_numbers_within_the_limit_still_read(tmp_path: Path) -> None:
    from foedus.model.yamlio import load_json, load_yaml

    assert load_json('{"a": 12, "b": -3}') == {"a": 12, "b": -3} and load_yaml("a: 1_000\nb: 0x1f\n") == {
        "a": 1000, "b": 31}
