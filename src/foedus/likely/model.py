"""The likelihood model's coefficients file: a small JSON (`foedus/data/likely_model.json` ships with the
package; `foedus likely fit` writes another), read into plain records (`foedus.likely.model_records`): pydantic
is imported only for a file the plain reader does not vouch for (`foedus.likely.model_schema` words its error).

It names the data it was fitted on (file, dataset version, SHA-256), the training window, the penalties,
each logistic model's standardisation, coefficients and war-clustered bootstrap covariance, the
training base rates, the empirical honour rates, the out-of-sample checks and the statsmodels table.
No data and no per-row table are in it.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import numpy as np

from foedus.errors import FoedusError, LikelyModelError
from foedus.likely.model_plain import records_of
from foedus.likely.model_records import Check, DataVersion, LogitFile, ModelFile
from foedus.likely.spec import HORIZON_ORDER
from foedus.wording import json_stops

__all__ = ["DEFAULT_MODEL", "Check", "DataVersion", "LogitFile", "ModelFile", "as_records", "load_model"]

DEFAULT_MODEL = "likely_model.json"  # in foedus/data
_EXPECTED = "expected the JSON of a likelihood-model file (write one with `foedus likely fit`)"
# Bounds far beyond any fit (the shipped model's magnitudes are all below 10) that keep the predictor's arithmetic
# finite: a file past them is damaged, not fitted. Columns: |mean|, scale and 1/scale; coefficients on the logit
# scale; covariance entries; expected joiners per war (more than there have ever been states).
MAX_COLUMN, MAX_COEF, MAX_COV, MAX_JOINERS = 1e6, 1e3, 1e6, 1e3


def load_model(path: str | Path | None = None) -> ModelFile:
    """The shipped model, or the one in `path` (a file written by `foedus likely fit`).

    Raises:
        LikelyModelError: the file is missing, is not JSON, or does not match the format.
    """
    if path is None:
        return _shipped()
    from foedus.written import kept

    return _read(kept(path))  # `model.json/` is refused as the system refuses it, not read as model.json


@functools.cache
def _shipped() -> ModelFile:
    from importlib.resources import files

    resource = files("foedus.data").joinpath(DEFAULT_MODEL)
    return _read(Path(str(resource)))


def _read(path: Path) -> ModelFile:
    import os

    from foedus.model.filedata import load_json, read_text_file  # JSON: no PyYAML, no pydantic imported
    from foedus.written import as_written

    try:  # the safe reader: a named pipe or a device is refused, not waited on; an oversized file is not read
        text = read_text_file(path, "likelihood-model file")
        if not text.strip():  # json's "Expecting value: line 1 column 1 (char 0)": said as the YAML readers say it
            raise LikelyModelError(f"{as_written(path)}: nothing in the file (it is empty); {_EXPECTED}")
        raw = load_json(text)
        if raw is None:  # JSON `null` parses to None, which the field check would call an empty file: it is not one
            raise LikelyModelError(f"{as_written(path)}: the file holds JSON null, not a likelihood model; {_EXPECTED}")
    except LikelyModelError:
        raise
    except FoedusError as exc:  # worded as every reader words it, and a missing one says how to make one
        hint = "" if os.path.lexists(path) else " (write one with `foedus likely fit`)"
        raise LikelyModelError(f"{exc}{hint}") from None
    except (ValueError, RecursionError) as exc:  # a YAML file, text: where it stops being JSON, not json's words
        problem = json_stops(exc) if isinstance(exc, ValueError) else str(exc)
        raise LikelyModelError(f"{as_written(path)}: not a readable JSON file ({problem}); {_EXPECTED}") from None
    model = records_of(raw) or _schema_checked(raw, as_written(path))
    _check(as_written(path), model)
    return model


def _schema_checked(raw: Any, path: str) -> ModelFile:
    """A file the plain reader does not vouch for, checked against the schema (pydantic): its error, worded as every
    file's fields are (`coef[3]: must be a finite number`), naming what the file should be; or, if the schema takes
    it, its records."""
    from foedus.likely.model_schema import ModelFile as Schema
    from foedus.model.filedata import validate_file_data

    try:
        checked = validate_file_data(Schema, raw, path, "likelihood-model fields")
    except FoedusError as exc:
        raise LikelyModelError(f"{exc} (not a likelihood-model file?)") from None
    return as_records(checked)


def as_records(model: Any) -> ModelFile:
    """The records of a schema-checked model (`foedus.likely.build.build_model`'s, or a file's), or `model` itself
    when it is records already."""
    if isinstance(model, ModelFile):
        return model
    made = records_of(model.model_dump())
    if made is None:  # the schema took it, so the plain reader should: a reader out of step with the schema
        raise LikelyModelError("the likelihood model's records could not be made from it (a foedus bug)")
    return made


def _check(path: str, model: ModelFile) -> None:
    """Refuse a file the predictor would fail on or misread: a missing horizon, a wrong size, a non-positive scale,
    a number far beyond any fit, a covariance that is not symmetric positive semi-definite (the schema refuses a
    non-finite number), or a version or foedus version not of the form `foedus likely fit` writes."""
    try:
        spec = model.spec.spec()
    except LikelyModelError as exc:
        raise LikelyModelError(f"{path}: spec: {exc}") from None
    _check_tables(path, model)
    from foedus.likely.model_names import check_names

    check_names(path, model.version, model.foedus, model.training)
    for name, m, wanted in [*((f"join.{h}", m, spec.join_names) for h, m in model.join.items()),
                            ("side", model.side, spec.side_names)]:
        _check_logit(path, name, m, wanted)


def _check_tables(path: str, model: ModelFile) -> None:
    """Every horizon in join, expected and base_rate; base rates and honour rates are probabilities
    (base rates summing to 1); expected joiners within MAX_JOINERS; the training window readable."""
    for field, given in (("join", model.join), ("expected", model.expected), ("base_rate", model.base_rate)):
        missing = [h for h in HORIZON_ORDER if h not in given]
        if missing:
            raise LikelyModelError(f"{path}: {field}: missing horizon(s) {', '.join(missing)}")
    expected: dict[str, dict[str, float]] = {str(h): v for h, v in model.expected.items()}
    for h in HORIZON_ORDER:
        _need(path, f"expected.{h}", expected[h], ("mean", "sd"))
        _need(path, f"base_rate.{h}", model.base_rate[h], ("out", "attack", "defense"))
        if expected[h]["sd"] < 0:
            raise LikelyModelError(f"{path}: expected.{h}.sd: a standard deviation below zero")
        for key in ("mean", "sd"):
            if not 0 <= expected[h][key] <= MAX_JOINERS:
                raise LikelyModelError(f"{path}: expected.{h}.{key}: {expected[h][key]:.3g} joiners per war; expected "
                                       f"0 to {MAX_JOINERS:g}")
        rates = model.base_rate[h]
        wrong = [k for k in ("out", "attack", "defense") if not 0 <= rates[k] <= 1]
        if wrong or abs(rates["out"] + rates["attack"] + rates["defense"] - 1) > 1e-3:
            raise LikelyModelError(f"{path}: base_rate.{h}{'.' + wrong[0] if wrong else ''}: expected the shares of "
                                   "out, attack and defense: probabilities from 0 to 1 that sum to 1")
    from foedus.likely.model_training import check_shares, check_training

    check_training(path, model.training)
    check_shares(path, model.share)
    for era, rates in model.honour.items():
        _need(path, f"honour.{era}", rates, ("S1", "S2", "S3", "S4", "S5"))
        wrong = [k for k, v in rates.items() if k not in ("S1", "S2", "S3", "S4", "S5") or not 0 <= v <= 1]
        if wrong:
            raise LikelyModelError(f"{path}: honour.{era}.{wrong[0]}: expected a strength S1–S5 with a probability "
                                   "from 0 to 1")
    missing = [era for era in ("pre1945", "post1945") if era not in model.honour]
    if missing:  # the published default would stand in for it silently under --honour empirical
        raise LikelyModelError(f"{path}: honour: missing era(s) {', '.join(missing)}")


def _check_logit(path: str, name: str, m: LogitFile, columns: list[str]) -> None:
    """One logistic model: sizes match the spec's `columns`, and names too, in order (the predictor reads the
    coefficients by the spec's order, whatever the file's names say), scales positive, numbers in bounds, cov
    valid."""
    width = len(columns)
    sizes = {len(m.names), len(m.mean), len(m.scale), len(m.coef)}
    if sizes != {width} or len(m.cov) != width + 1 or any(len(r) != width + 1 for r in m.cov):
        raise LikelyModelError(f"{path}: {name}: sizes do not match the spec's {width} columns")
    if (wrong := next((i for i, (a, b) in enumerate(zip(m.names, columns, strict=True)) if a != b), None)) is not None:
        raise LikelyModelError(f"{path}: {name}.names[{wrong}]: {m.names[wrong]!r}, where the spec's column is "
                               f"{columns[wrong]!r} (the coefficients are read in the spec's order)")
    if any(v <= 0 for v in m.scale):
        raise LikelyModelError(f"{path}: {name}.scale: a scale of zero or below")
    for part, values, low, high in (("mean", m.mean, -MAX_COLUMN, MAX_COLUMN),
                                    ("scale", m.scale, 1 / MAX_COLUMN, MAX_COLUMN),
                                    ("intercept", [m.intercept], -MAX_COEF, MAX_COEF),
                                    ("coef", m.coef, -MAX_COEF, MAX_COEF),
                                    ("cov", [v for row in m.cov for v in row], -MAX_COV, MAX_COV)):
        outside = [v for v in values if not low <= v <= high]
        if outside:
            raise LikelyModelError(f"{path}: {name}.{part}: {outside[0]:.3g} is outside {low:g} to {high:g}, far "
                                   "beyond any fitted model (a damaged file?)")
    _check_cov(path, f"{name}.cov", np.array(m.cov))


def _need(path: str, where: str, values: dict[str, float], keys: tuple[str, ...]) -> None:
    """The named keys are present (the schema checked the numbers finite)."""
    missing = [k for k in keys if k not in values]
    if missing:
        raise LikelyModelError(f"{path}: {where}: missing {', '.join(missing)}")


def _check_cov(path: str, where: str, cov: np.ndarray) -> None:
    """A covariance matrix: symmetric and positive semi-definite, within rounding (relative tolerance 1e-8)."""
    size = max(1.0, float(np.abs(cov).max(initial=0.0)))
    if not np.allclose(cov, cov.T, rtol=0.0, atol=1e-8 * size):
        raise LikelyModelError(f"{path}: {where}: not symmetric, so not a covariance matrix")
    lowest = float(np.linalg.eigvalsh((cov + cov.T) / 2).min(initial=0.0))
    if lowest < -1e-8 * size:
        raise LikelyModelError(f"{path}: {where}: not positive semi-definite (an eigenvalue of {lowest:.3g}), "
                               "so not a covariance matrix")
