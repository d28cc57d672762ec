"""The likelihood model file's schema (pydantic): what `foedus likely fit` builds and writes
(`model_dump_json`), and what a model file that the plain reader (`foedus.likely.model_plain`) does not vouch
for is checked against, so every bad file is told in the words of every data file's fields.

The one place the file's fields are spelled: the plain records and their readers (`foedus.likely.model_records`)
are generated from it. Run `python -m foedus.likely.model_gen` after changing it (`--check`: exit 1 when stale);
tests/test_likely_model_records.py fails until the records are current.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from foedus.likely.model_methods import CheckMethods, LogitMethods, ModelMethods, SpecMethods
from foedus.model.facts import Line, Text
from foedus.model.numbers import Number, One, Whole

__all__ = ["Check", "DataVersion", "LogitFile", "ModelFile", "SpecFile"]


Penalty = Annotated[Number, Field(gt=0)]
"""A penalty's C (scikit-learn's inverse L2 strength, `foedus.likely.fit.C_JOIN`): above 0, as a fit takes it."""
Count = Annotated[Whole, Field(ge=0)]
"""The bootstrap's replicates or seed: 0 or more (`foedus likely fit --bootstrap`, `--seed`)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LogitFile(LogitMethods, _Strict):
    """One logistic model: column names, standardisation, intercept, coefficients, bootstrap covariance."""

    names: list[str]
    mean: list[Number]
    scale: list[Number]
    intercept: Number
    coef: list[Number]
    cov: list[list[Number]] = Field(description="covariance of (intercept, coef) over the bootstrap")



class SpecFile(SpecMethods, _Strict):
    """Which features enter the two stages."""

    name: Line
    join_side: list[str]
    join_state: list[str]
    side_diff: list[str]
    side_state: list[str]



class DataVersion(_Strict):
    """One data file the model was fitted on (its texts are shown in every likelihood answer, so they are checked
    as a data file's are: one line each, no hidden character)."""

    file: Line
    dataset: Line
    version: Line
    sha256: Line | None


class Check(CheckMethods, _Strict):
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



class ModelFile(ModelMethods, _Strict):
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
