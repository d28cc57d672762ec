"""A data file's number is taken only as written, a finite number (pydantic's lax mode read `lat: true` as 1, `lat:
'45'` as 45 and `lat: .nan` as a latitude 'less than or equal to 90'), and named by its place in its list (`coef[3]`,
not `coef.3`), as every file's fields are."""

from __future__ import annotations

import copy
import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from foedus.errors import FoedusError, LikelyModelError
from foedus.likely.model import load_model
from foedus.model.loader import read_treaty_file
from foedus.model.place_coords import load_place_coords
from foedus.sources.corrections import load_corrections
from samples import GOOD_TREATY

CORRECTION = "- {atopid: 3001, action: end, date: 2020-01-01, note: x, sources: [{url: 'https://a.org', title: t}]}"


def _refused(read: Any, *args: Any) -> str:
    with pytest.raises(FoedusError) as caught:
        read(*args)
    return str(caught.value)


@pytest.mark.parametrize(("text", "said"), [
    ("{lat: true, lon: 34}", "crimea.lat: must be a number, got true"),
    ("{lat: 45, lon: false}", "crimea.lon: must be a number, got false"),
    ("{lat: .nan, lon: 34}", "crimea.lat: must be a finite number (got nan)"),
    ("{lat: 45, lon: -.inf}", "crimea.lon: must be a finite number (got -inf)"),
    ("{lat: '45', lon: 34}", "crimea.lat: must be a number, got '45'"),
    ("{lat: 45, lon: 34, outline: [[true, 1], [1, 2], [2, 3]]}", "crimea.outline[0][0]: must be a number, got true"),
], ids=["lat-true", "lon-false", "lat-nan", "lon-infinity", "lat-text", "outline-true"])
def test_a_coordinate_is_a_finite_number(text: str, said: str) -> None:
    assert _refused(load_place_coords, f"crimea: {text}") == f"place_coords.yaml: {said}"


def _model_file(tmp_path: Path, keys: list[Any], value: Any) -> Path:
    payload = copy.deepcopy(json.loads(files("foedus.data").joinpath("likely_model.json").read_text("utf-8")))
    inner = payload
    for key in keys[:-1]:
        inner = inner[key]
    inner[keys[-1]] = value
    path = tmp_path / "model.json"
    path.write_text(json.dumps(payload), encoding="utf-8")  # NaN and Infinity as JSON's extensions write them
    return path


@pytest.mark.parametrize(("keys", "value", "said"), [
    (["join", "30", "coef", 3], True, "join.30.coef[3]: must be a number, got true"),
    (["side", "intercept"], "0.5", "side.intercept: must be a number, got '0.5'"),
    (["honour", "pre1945", "S1"], True, "honour.pre1945.S1: must be a number, got true"),
    (["penalty", "C_join"], float("nan"), "penalty.C_join: must be a finite number (got nan)"),
    (["validation", 0, "pairs"], True, "validation[0].pairs: must be a whole number, got true"),
    (["bootstrap", "replicates"], "200", "bootstrap.replicates: must be a whole number, got '200'"),
], ids=["coef-true", "intercept-text", "honour-true", "penalty-nan", "pairs-true",
        "replicates-text"])
def test_a_likelihood_models_number_is_named_by_its_place(tmp_path: Path, keys: list[Any], value: Any,
                                                          said: str) -> None:
    path = _model_file(tmp_path, keys, value)
    with pytest.raises(LikelyModelError) as caught:
        load_model(path)
    assert str(caught.value) == f"{path}: {said} (not a likelihood-model file?)"


@pytest.mark.parametrize(("text", "said"), [
    ("atop_ids: [true]\n", "atop_ids[0]: must be a whole number, got true"),
    ("atop_ids: ['3001']\n", "atop_ids[0]: must be a whole number, got '3001'"),
    ("assistance:\n  forms:\n    - {form: bases, level: reciprocal, since: true}\n",
     "assistance.forms[0].since: must be a whole number, got true"),
], ids=["atop-id-true", "atop-id-text", "since-true"])
def test_a_treaty_files_whole_number_is_one_as_written(tmp_path: Path, text: str, said: str) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(GOOD_TREATY + text, encoding="utf-8")
    assert _refused(read_treaty_file, path) == f"{path}: {said}"


@pytest.mark.parametrize(("text", "said"), [
    (CORRECTION.replace("3001", "true"), "[0].atopid: must be a whole number, got true"),
    (CORRECTION.replace("[{url: 'https://a.org', title: t}]", "[{url: 5}]"),
     "[0] (atopid 3001).sources[0].url: must be text, got 5"),
], ids=["atopid-true", "list-item"])
def test_a_corrections_value_is_named_as_every_files(text: str, said: str) -> None:
    assert _refused(load_corrections, text) == f"atop_corrections.yaml: {said}"
