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
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from foedus.errors import LikelyModelError
from foedus.likely.features import columns
from foedus.likely.spec import Logit, Spec, TwoStage

__all__ = ["DEFAULT_MODEL", "Check", "DataVersion", "LogitFile", "ModelFile", "load_model"]

DEFAULT_MODEL = "likely_model.json"  # in foedus/data


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LogitFile(_Strict):
    """One logistic model: column names, standardisation, intercept, coefficients, bootstrap covariance."""

    names: list[str]
    mean: list[float]
    scale: list[float]
    intercept: float
    coef: list[float]
    cov: list[list[float]] = Field(description="covariance of (intercept, coef) over the bootstrap")

    def logit(self) -> Logit:
        """The numpy form."""
        return Logit(np.array(self.mean), np.array(self.scale), self.intercept, np.array(self.coef))


class SpecFile(_Strict):
    """Which features enter the two stages."""

    name: str
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
    """One data file the model was fitted on."""

    file: str
    dataset: str
    version: str
    sha256: str | None


class Check(_Strict):
    """One out-of-sample check of the model against the training fold's base rate."""

    scheme: str
    horizon: str
    subset: str
    pairs: int
    brier_skill: float | None
    log_skill: float | None
    auc: float | None
    calibration_slope: float | None
    calibration_intercept: float | None

    @property
    def beats_base_rate(self) -> bool:
        """Both skills above zero."""
        return (self.brier_skill or 0.0) > 0 and (self.log_skill or 0.0) > 0


class ModelFile(_Strict):
    """The coefficients file."""

    format: Literal[1]
    version: str
    foedus: str
    spec: SpecFile
    penalty: dict[str, float]
    training: dict[str, Any]
    data: list[DataVersion]
    join: dict[Literal["30", "365", "ever"], LogitFile]
    side: LogitFile
    expected: dict[Literal["30", "365", "ever"], dict[str, float]] = Field(
        description="per horizon: mean joiners per training war, and its bootstrap standard deviation")
    base_rate: dict[str, dict[str, float]]
    honour: dict[Literal["pre1945", "post1945"], dict[str, float]]
    validation: list[Check]
    table: dict[str, Any]
    bootstrap: dict[str, int]

    def two_stage(self) -> TwoStage:
        """The numpy predictor."""
        return TwoStage(self.spec.spec(), {h: m.logit() for h, m in self.join.items()}, self.side.logit(),
                        {h: e["mean"] for h, e in self.expected.items()})

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
    return _read(Path(path))


@functools.cache
def _shipped() -> ModelFile:
    from importlib.resources import files

    resource = files("foedus.data").joinpath(DEFAULT_MODEL)
    return _read(Path(str(resource)))


def _read(path: Path) -> ModelFile:
    import json

    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LikelyModelError(f"{path}: no such likelihood-model file (write one with `foedus likely fit`)") from None
    except (OSError, ValueError) as exc:
        raise LikelyModelError(f"{path}: not a readable JSON file ({exc})") from None
    try:
        model = ModelFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise LikelyModelError(f"{path}: {where}: {first['msg']} (not a likelihood-model file?)") from None
    _check_shapes(path, model)
    return model


def _check_shapes(path: Path, model: ModelFile) -> None:
    spec = model.spec.spec()
    for name, m, width in [*((f"join.{h}", m, len(spec.join_names)) for h, m in model.join.items()),
                           ("side", model.side, len(spec.side_names))]:
        sizes = {len(m.names), len(m.mean), len(m.scale), len(m.coef)}
        if sizes != {width} or len(m.cov) != width + 1 or any(len(r) != width + 1 for r in m.cov):
            raise LikelyModelError(f"{path}: {name}: sizes do not match the spec's {width} columns")
        if not np.all(np.isfinite([*m.mean, *m.scale, m.intercept, *m.coef])) or min(m.scale) <= 0:
            raise LikelyModelError(f"{path}: {name}: non-finite coefficients or a non-positive scale")
