"""The likelihood model file read into plain records (`foedus.likely.model_plain`) without pydantic: the records
hold what the schema (`foedus.likely.model_schema`) gives, and a file the plain reader doubts goes to the schema.
The records and their readers are generated from the schema (`foedus.likely.model_gen`), the one place the file's
fields are spelled."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, Field

from foedus.errors import LikelyModelError
from foedus.likely import model_gen
from foedus.likely.model import load_model
from foedus.likely.model_plain import records_of
from foedus.likely.model_schema import Check, LogitFile, ModelFile
from foedus.model.filedata import validate_file_data
from foedus.model.numbers import Number, Whole


def _shipped() -> dict[str, Any]:
    return json.loads(files("foedus.data").joinpath("likely_model.json").read_text(encoding="utf-8"))


def _typed(value: Any) -> Any:
    """`value` with each number's type beside it (1 and 1.0 are equal, but JSON writes them apart)."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value).__name__, value)


def test_the_shipped_models_records_hold_what_the_schema_gives() -> None:
    schema = validate_file_data(ModelFile, _shipped(), "likely_model.json")
    records = load_model()
    assert _typed(dataclasses.asdict(records)) == _typed(schema.model_dump())  # type: ignore[call-overload]
    assert records.window() == schema.window() and records.two_stage().expected == schema.two_stage().expected
    assert [c.beats_base_rate for c in records.validation] == [c.beats_base_rate for c in schema.validation]


def test_the_schemas_fields_keep_the_files_order() -> None:
    """`foedus likely fit` writes the schema's `model_dump_json`: its fields in the shipped file's order (the shared
    methods' bases once put their annotations first)."""
    raw = _shipped()
    assert list(ModelFile.model_fields) == list(raw)
    assert list(LogitFile.model_fields) == list(raw["side"])
    assert list(Check.model_fields) == list(raw["validation"][0])


@pytest.mark.parametrize(("change", "said"), [
    (lambda d: d.__setitem__("format", 1.0), "format: must be 1 (got 1.0)"),
    (lambda d: d["side"].__setitem__("intercept", True), "side.intercept: must be a number, got true"),
    (lambda d: d["validation"][0].__setitem__("pairs", True), "validation[0].pairs: must be a whole number, got true"),
    (lambda d: d["spec"].__setitem__("name", "a\nb"), "spec.name: "),
    (lambda d: d.__setitem__("spare", {}), "spare: unknown field 'spare'"),
    (lambda d: d["share"].__setitem__("ever", {}), "share.ever: must be '30' or '365' (got 'ever')"),
])
def test_a_file_the_plain_reader_doubts_is_refused_in_the_schemas_words(tmp_path: Path, monkeypatch: Any,
                                                                         change: Any, said: str) -> None:
    raw = _shipped()
    change(raw)
    assert records_of(raw) is None
    monkeypatch.chdir(tmp_path)
    Path("m.json").write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(LikelyModelError) as err:
        load_model("m.json")
    assert str(err.value).startswith(f"m.json: {said}") and str(err.value).endswith("(not a likelihood-model file?)")


def test_a_whole_number_is_read_as_the_float_the_schema_gives(tmp_path: Path) -> None:
    raw = _shipped()
    raw["side"]["intercept"] = 0
    path = tmp_path / "m.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    intercept = load_model(path).side.intercept
    assert type(intercept) is float and intercept == 0.0


def test_the_records_are_generated_from_the_schema() -> None:
    """A field added to, renamed in or retyped in the schema changes the records and their readers with it."""
    assert model_gen.OUT.read_text(encoding="utf-8") == model_gen.render(), \
        "the schema changed: run `python -m foedus.likely.model_gen`"


def test_the_records_keep_the_schemas_field_order() -> None:
    """A model read and written again (`model_dump_json`) lists its fields as `foedus likely fit` writes them."""
    assert list(json.loads(load_model().model_dump_json())) == list(ModelFile.model_fields) == list(_shipped())


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Dated(_Strict):
    day: dt.date


class _Bounded(_Strict):
    wars: Whole = Field(ge=1)


class _Loose(BaseModel):
    name: str


class _Clash(_Strict):
    all: Number | None  # its reader's name, _CLASH_ALL, is the name of the model's field set


@pytest.mark.parametrize(("root", "said"), [
    (_Dated, "_Dated.day: the plain reader has no check for <class 'datetime.date'>"),
    (_Bounded, "_Bounded.wars: a constraint written on the field"),
    (_Loose, "_Loose: the plain reader takes models that forbid extras"),
    (_Clash, "two constants of the readers share a name: _CLASH_ALL"),
])
def test_the_generator_refuses_what_the_plain_reader_would_not_check(monkeypatch: Any, root: type[BaseModel],
                                                                      said: str) -> None:
    """A schema type with no plain check, or a check written where the generator does not look, stops it: the plain
    reader never takes a value the schema would refuse."""
    monkeypatch.setattr(model_gen, "ROOT", root)
    with pytest.raises(SystemExit, match=re.escape(said)):
        model_gen.render()
