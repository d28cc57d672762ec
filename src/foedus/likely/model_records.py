"""The likelihood model file as plain records (frozen dataclasses), read without pydantic
(`foedus.likely.model_plain`): a fresh `foedus cascade … --likelihood` reads the shipped model on every run, and
pydantic (41 modules) was imported only to check it. The methods the records share with the schema's models
(`foedus.likely.model_schema`, which `foedus likely fit` writes) live in the `_…Methods` bases; `_Copied` gives the
records pydantic's `model_copy` and `model_dump`, so a model read is changed and written as a fitted one is.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Self

import numpy as np

from foedus.errors import LikelyModelError
from foedus.likely.spec import Logit, Spec, TwoStage

__all__ = ["Check", "DataVersion", "LogitFile", "ModelFile", "SpecFile"]


class _Copied:
    """pydantic's `model_copy` (shallow), `model_dump` and `model_dump_json` on a record."""

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Self:
        """A copy with `update`'s fields replaced."""
        return dataclasses.replace(self, **(update or {}))  # type: ignore[type-var]

    def model_dump(self, mode: str = "python") -> dict[str, Any]:
        """The fields as plain data, nested records too (`mode`: "python" or "json", the same for these fields)."""
        return dataclasses.asdict(self)  # type: ignore[call-overload, no-any-return]

    def model_dump_json(self, indent: int | None = None) -> str:
        """The fields as JSON."""
        return json.dumps(self.model_dump(), indent=indent, ensure_ascii=False,
                          separators=(",", ":") if indent is None else (",", ": "))


class _LogitMethods:
    if TYPE_CHECKING:  # not fields: pydantic would take a base's annotations as the first fields of its models
        mean: list[float]
        scale: list[float]
        intercept: float
        coef: list[float]

    def logit(self) -> Logit:
        """The numpy form."""
        return Logit(np.array(self.mean), np.array(self.scale), self.intercept, np.array(self.coef))


class _SpecMethods:
    if TYPE_CHECKING:  # not fields: pydantic would take a base's annotations as the first fields of its models
        name: str
        join_side: list[str]
        join_state: list[str]
        side_diff: list[str]
        side_state: list[str]

    def spec(self) -> Spec:
        """The spec, checked against the features this version of foedus computes."""
        from foedus.likely.features import columns

        known = set(columns())
        wanted = [f"{f}_attack" for f in [*self.join_side, *self.side_diff]] + [*self.join_state, *self.side_state]
        unknown = sorted(set(wanted) - known)
        if unknown:
            raise LikelyModelError(f"the model uses features this version of foedus does not compute: "
                                   f"{', '.join(unknown)}")
        return Spec(self.name, tuple(self.join_side), tuple(self.join_state), tuple(self.side_diff),
                    tuple(self.side_state))


class _CheckMethods:
    if TYPE_CHECKING:  # not fields: pydantic would take a base's annotations as the first fields of its models
        brier_skill: float | None
        log_skill: float | None

    @property
    def beats_base_rate(self) -> bool:
        """Both skills above zero."""
        return (self.brier_skill or 0.0) > 0 and (self.log_skill or 0.0) > 0


class _ModelMethods:
    if TYPE_CHECKING:  # not fields: pydantic would take a base's annotations as the first fields of its models
        spec: Any
        join: Any
        side: Any
        expected: Any
        share: Any
        training: dict[str, Any]

    def two_stage(self) -> TwoStage:
        """The numpy predictor."""
        return TwoStage(self.spec.spec(), {h: m.logit() for h, m in self.join.items()}, self.side.logit(),
                        {h: e["mean"] for h, e in self.expected.items()},
                        {h: {era: v["mean"] for era, v in by.items()} for h, by in self.share.items()})

    def window(self) -> str:
        """The training window, e.g. `1823–2003 (95 wars)`."""
        t = self.training
        return f"{t['first_year']}–{t['last_year']}, {t['wars']} wars"


@dataclass(frozen=True)
class LogitFile(_LogitMethods, _Copied):
    """One logistic model: column names, standardisation, intercept, coefficients, bootstrap covariance."""

    names: list[str]
    mean: list[float]
    scale: list[float]
    intercept: float
    coef: list[float]
    cov: list[list[float]]


@dataclass(frozen=True)
class SpecFile(_SpecMethods, _Copied):
    """Which features enter the two stages."""

    name: str
    join_side: list[str]
    join_state: list[str]
    side_diff: list[str]
    side_state: list[str]


@dataclass(frozen=True)
class DataVersion(_Copied):
    """One data file the model was fitted on."""

    file: str
    dataset: str
    version: str
    sha256: str | None


@dataclass(frozen=True)
class Check(_CheckMethods, _Copied):
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


@dataclass(frozen=True)
class ModelFile(_ModelMethods, _Copied):
    """The coefficients file, as the schema (`foedus.likely.model_schema.ModelFile`) takes it."""

    format: int
    version: str
    foedus: str
    spec: SpecFile
    penalty: dict[str, float]
    training: dict[str, Any]
    data: list[DataVersion]
    join: dict[str, LogitFile]
    side: LogitFile
    expected: dict[str, dict[str, float]]
    base_rate: dict[str, dict[str, float]]
    honour: dict[str, dict[str, float]]
    validation: list[Check]
    table: dict[str, Any]
    bootstrap: dict[str, int]
    share: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
