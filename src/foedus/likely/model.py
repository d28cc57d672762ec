"""The likelihood model's coefficients file: a small JSON (`foedus/data/likely_model.json` ships with the
package; `foedus likely fit` writes another), read and checked with numpy and pydantic only.

It names the data it was fitted on (file, dataset version, SHA-256), the training window, the penalties,
each logistic model's standardisation, coefficients and war-clustered bootstrap covariance, the
training base rates, the empirical honour rates, the out-of-sample checks and the statsmodels table.
No data and no per-row table are in it.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from foedus.errors import FoedusError, LikelyModelError
from foedus.likely.features import columns
from foedus.likely.spec import HORIZON_ORDER, Logit, Spec, TwoStage
from foedus.model.facts import Line, Text
from foedus.model.numbers import Number, One, Whole
from foedus.wording import json_stops

__all__ = ["DEFAULT_MODEL", "Check", "DataVersion", "LogitFile", "ModelFile", "load_model"]

DEFAULT_MODEL = "likely_model.json"  # in foedus/data
_EXPECTED = "expected the JSON of a likelihood-model file (write one with `foedus likely fit`)"
# Bounds far beyond any fit (the shipped model's magnitudes are all below 10) that keep the predictor's arithmetic
# finite: a file past them is damaged, not fitted. Columns: |mean|, scale and 1/scale; coefficients on the logit
# scale; covariance entries; expected joiners per war (more than there have ever been states).
MAX_COLUMN, MAX_COEF, MAX_COV, MAX_JOINERS = 1e6, 1e3, 1e6, 1e3


Penalty = Annotated[Number, Field(gt=0)]
"""A penalty's C (scikit-learn's inverse L2 strength, `foedus.likely.fit.C_JOIN`): above 0, as a fit takes it."""
Count = Annotated[Whole, Field(ge=0)]
"""The bootstrap's replicates or seed: 0 or more (`foedus likely fit --bootstrap`, `--seed`)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LogitFile(_Strict):
    """One logistic model: column names, standardisation, intercept, coefficients, bootstrap covariance."""

    names: list[str]
    mean: list[Number]
    scale: list[Number]
    intercept: Number
    coef: list[Number]
    cov: list[list[Number]] = Field(description="covariance of (intercept, coef) over the bootstrap")

    def logit(self) -> Logit:
        """The numpy form."""
        return Logit(np.array(self.mean), np.array(self.scale), self.intercept, np.array(self.coef))


class SpecFile(_Strict):
    """Which features enter the two stages."""

    name: Line
    join_side: list[str]
    join_state: list[str]
    side_diff: list[str]
    side_state: list[str]

    def spec(self) -> Spec:
        """The spec, checked against the features this version of foedus computes."""
        known = set(columns())
        wanted = [f"{f}_attack" for f in [*self.join_side, *self.side_diff]] + [*self.join_state, *self.side_state]
        unknown = sorted(set(wanted) - known)
        if unknown:
            raise LikelyModelError(f"the model uses features this version of foedus does not compute: "
                                   f"{', '.join(unknown)}")
        return Spec(self.name, tuple(self.join_side), tuple(self.join_state), tuple(self.side_diff),
                    tuple(self.side_state))


class DataVersion(_Strict):
    """One data file the model was fitted on (its texts are shown in every likelihood answer, so they are checked
    as a data file's are: one line each, no hidden character)."""

    file: Line
    dataset: Line
    version: Line
    sha256: Line | None


class Check(_Strict):
    """One out-of-sample check of the model against the training fold's base rate (scores finite or null: they
    are shown in the JSON output, where NaN is not valid)."""

    scheme: Line
    horizon: Line
    subset: Line
    pairs: Whole
    brier_skill: Number | None
    log_skill: Number | None
    auc: Number | None
    calibration_slope: Number | None
    calibration_intercept: Number | None

    @property
    def beats_base_rate(self) -> bool:
        """Both skills above zero."""
        return (self.brier_skill or 0.0) > 0 and (self.log_skill or 0.0) > 0


class ModelFile(_Strict):
    """The coefficients file. Its texts are checked as a data file's (`foedus.model.facts`): the version, quoted in
    every answer ("model …, trained on …"), is a one-line text given, and none hides a character from the terminal."""

    format: One
    version: Text
    foedus: Line
    spec: SpecFile
    penalty: dict[str, Penalty]
    training: dict[str, Any]
    data: list[DataVersion]
    join: dict[Literal["30", "365", "ever"], LogitFile]
    side: LogitFile
    expected: dict[Literal["30", "365", "ever"], dict[str, Number]] = Field(
        description="per horizon: mean joiners per training war, and its bootstrap standard deviation")
    share: dict[Literal["30", "365"], dict[Literal["pre1945", "post1945"], dict[str, Number]]] = Field(
        default_factory=dict, description="per shorter horizon and era: the share of the ever-joiners who joined "
        "within it, and its bootstrap standard deviation (an era not given takes the pooled count)")
    base_rate: dict[str, dict[str, Number]]
    honour: dict[Literal["pre1945", "post1945"], dict[str, Number]]
    validation: list[Check]
    table: dict[str, Any]
    bootstrap: dict[str, Count]

    def two_stage(self) -> TwoStage:
        """The numpy predictor."""
        return TwoStage(self.spec.spec(), {h: m.logit() for h, m in self.join.items()}, self.side.logit(),
                        {h: e["mean"] for h, e in self.expected.items()},
                        {h: {era: v["mean"] for era, v in by.items()} for h, by in self.share.items()})

    def window(self) -> str:
        """The training window, e.g. `1823–2003 (95 wars)`."""
        t = self.training
        return f"{t['first_year']}–{t['last_year']}, {t['wars']} wars"


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

    from foedus.model.filedata import load_json, read_text_file, validate_file_data  # JSON: no PyYAML imported
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
    try:  # worded as every file's fields are (`coef[3]: must be a finite number`), naming what the file should be
        model = validate_file_data(ModelFile, raw, as_written(path), "likelihood-model fields")
    except FoedusError as exc:
        raise LikelyModelError(f"{exc} (not a likelihood-model file?)") from None
    _check(as_written(path), model)
    return model


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
