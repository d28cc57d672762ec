"""Fit the shipped model from a training table and make its coefficients file (`foedus likely fit`).

Steps: the two-stage fit (`foedus.likely.fit`), a war-clustered bootstrap for the coefficients'
covariance (the intervals shown beside each forecast), the statsmodels table, the training base
rates, the empirical honour rates, the out-of-sample checks against the base rate (`Check`), and the
data files' versions and SHA-256s. Needs `foedus[model]`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from foedus._version import __version__
from foedus.backtest.multiclass import CLASSES
from foedus.likely.data_files import DATA_FILES
from foedus.likely.dataset import HORIZONS
from foedus.likely.fit import C_JOIN, C_SIDE, bootstrap_params, coefficient_table, fit_two_stage
from foedus.likely.folds import SCHEMES
from foedus.likely.model_schema import Check, DataVersion, LogitFile, ModelFile, SpecFile
from foedus.likely.scores import Scored, summary
from foedus.likely.spec import SHIPPED, Logit, TwoStage
from foedus.likely.validate import forecasts

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DATA_FILES", "SUBSETS", "build_model", "checks", "checks_of", "data_versions", "honour_rates",
           "subset_masks"]

SUBSETS = ("all", "pre1945", "post1945", "no-world-wars")
WORLD_WARS = (106, 139)
_STRONG = ("S1", "S2")
_WEAK = ("S3", "S5")


def data_versions() -> list[DataVersion]:
    """Each data file the model reads: its dataset, version and the SHA-256 of the copy in the data folder."""
    from foedus.datasets.files import sha256_path
    from foedus.datasets.registry import find_file
    from foedus.datasets.verify import dataset_file

    out = []
    for rel in DATA_FILES:
        found = find_file(name=rel.rsplit("/", 1)[-1])
        path = dataset_file(rel)
        out.append(DataVersion(file=rel, dataset=found[0].name if found else "?",
                               version=found[0].version if found else "?",
                               sha256=sha256_path(path) if path is not None else None))
    return out


def subset_masks(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """The subsets every score is also given for: by era, and with the World Wars left out."""
    era, wars = frame["era"].to_numpy(), frame["war"].to_numpy()
    return {"all": np.ones(len(frame), bool), "pre1945": era == "pre1945", "post1945": era == "post1945",
            "no-world-wars": ~np.isin(wars, WORLD_WARS)}


def checks(frame: pd.DataFrame, on_fold: Callable[[], None] | None = None) -> list[Check]:
    """The shipped model against the training fold's base rate, in every scheme, horizon and subset."""
    out = []
    masks = subset_masks(frame)
    for scheme in SCHEMES:
        got, tested = forecasts(frame, scheme, HORIZONS, on_fold=on_fold)
        rows = np.flatnonzero(tested)
        for h in got:
            s = Scored(got[h]["shipped"][rows], got[h]["base-rate"][rows], frame[f"outcome_{h}"].to_numpy()[rows],
                       frame["war"].to_numpy()[rows])
            for name, mask in masks.items():
                if not mask[rows].any() or (name != "all" and mask[rows].all()):
                    continue  # empty, or the same pairs as "all"
                p = summary(s, mask[rows])
                out.append(Check(scheme=scheme, horizon=h, subset=name, pairs=int(p["pairs"]),  # type: ignore[call-overload]
                                 **{k: p[k] for k in ("brier_skill", "log_skill", "auc", "calibration_slope",
                                                      "calibration_intercept")}))
    return out


def honour_rates(frame: pd.DataFrame, model: TwoStage) -> dict[str, dict[str, float]]:
    """P(an obligated ally fights on the side it is bound to, at any time): the model's mean in-sample
    forecast over the training pairs bound in the legal reading, by era and strength (S1/S2, S3/S5; S4,
    consultation, is 0). A cell with fewer than 5 pairs takes its era's rate; an era with none, the overall."""
    values = {c: frame[c].to_numpy() for c in frame.columns}
    probs = model.predict(values, "ever", values["war"])
    era = frame["era"].to_numpy()
    bound_att, bound_def = values["legal_attack"] > 0, values["legal_defense"] > 0
    p_side = np.where(bound_att, probs[:, 1], probs[:, 2])
    bound = bound_att | bound_def
    strong = (values["strong_attack"] > 0) | (values["strong_defense"] > 0)
    overall = float(p_side[bound].mean()) if bound.any() else 0.0
    out: dict[str, dict[str, float]] = {}
    for e in ("pre1945", "post1945"):
        in_era = bound & (era == e)
        era_rate = float(p_side[in_era].mean()) if in_era.any() else overall
        rates: dict[str, float] = {}
        for keys, m in ((_STRONG, in_era & strong), (_WEAK, in_era & ~strong)):
            rate = float(p_side[m].mean()) if m.sum() >= 5 else era_rate
            rates |= {k: round(rate, 4) for k in keys}
        out[e] = {**rates, "S4": 0.0}
    return out


def _logit_file(logit: Logit, names: list[str], draws: np.ndarray) -> LogitFile:
    cov = np.cov(draws, rowvar=False) if len(draws) > 1 else np.zeros((len(names) + 1, len(names) + 1))
    return LogitFile(names=names, mean=logit.mean.tolist(), scale=logit.scale.tolist(), intercept=logit.intercept,
                     coef=logit.coef.tolist(), cov=np.atleast_2d(cov).tolist())


def _sd(draws: np.ndarray | None) -> float:
    """The bootstrap's standard deviation of one number (0 without two draws: nothing was measured)."""
    return float(np.std(draws)) if draws is not None and len(draws) > 1 else 0.0


def checks_of(metrics: dict[str, Any]) -> list[Check]:
    """The same checks, read from the report's metrics (`foedus.likely.evaluate`)."""
    out = []
    for scheme, body in metrics["schemes"].items():
        for h, models in body["horizons"].items():
            for subset, p in models["shipped"].items():
                if subset != "reliability":
                    out.append(Check(scheme=scheme, horizon=h, subset=subset, pairs=p["pairs"],
                                     **{k: p[k] for k in ("brier_skill", "log_skill", "auc", "calibration_slope",
                                                          "calibration_intercept")}))
    return out


def build_model(frame: pd.DataFrame, *, replicates: int, seed: int, validate: bool = True,
                progress: Callable[[], None] | None = None, validation: list[Check] | None = None,
                label: str | None = None) -> ModelFile:
    """The coefficients file for a training table (the table itself is not kept); `validation`: checks already
    made (else they are made here, when `validate`). Its version is LABEL-FIRST-LAST-DIGEST, the label by default
    the spec's name (`shipped`: the model `foedus likely report` makes and foedus ships); the digest is of the
    file without its version, so the same coefficients have the same digest under any label. A fit without a
    bootstrap (`replicates` 0) records no seed: nothing was drawn with it."""
    from foedus.likely.threads import one_thread

    with one_thread():
        model = fit_two_stage(frame, SHIPPED, HORIZONS, by_era=True)
        draws = bootstrap_params(frame, model, replicates, seed, progress)
        table = coefficient_table(frame, model)
    spec = model.spec
    years, wars = frame["year"].to_numpy(), frame["war"].to_numpy()
    training: dict[str, Any] = {"first_year": int(years.min()), "last_year": int(years.max()),
                                "wars": len(np.unique(wars)), "pairs": len(frame),
                                "outcomes": {h: {c: int((frame[f"outcome_{h}"] == c).sum()) for c in CLASSES}
                                             for h in HORIZONS}}
    base = {h: {c: round(float((frame[f"outcome_{h}"] == c).mean()), 6) for c in CLASSES} for h in HORIZONS}
    body: dict[str, Any] = {
        "format": 1, "version": "(unnamed)", "foedus": __version__,  # named below, from the digest of the rest
        "spec": SpecFile(name=spec.name, join_side=list(spec.join_side), join_state=list(spec.join_state),
                         side_diff=list(spec.side_diff), side_state=list(spec.side_state)),
        "penalty": {"C_join": C_JOIN, "C_side": C_SIDE}, "training": training, "data": data_versions(),
        "join": {h: _logit_file(model.join[h], spec.join_names, draws.get(h, np.zeros((0,)))) for h in HORIZONS},
        "side": _logit_file(model.side, spec.side_names, draws.get("side", np.zeros((0,)))),
        "expected": {h: {"mean": model.expected[h], "sd": float(np.std(draws[f"expected_{h}"]))
                         if len(draws.get(f"expected_{h}", ())) > 1 else 0.0} for h in HORIZONS},
        "share": {h: {era: {"mean": v, "sd": _sd(draws.get(f"share_{h}_{era}"))} for era, v in by.items()}
                  for h, by in model.shares.items()},
        "base_rate": base, "honour": honour_rates(frame, model),
        "validation": validation if validation is not None else checks(frame, progress) if validate else [],
        "table": table,
        "bootstrap": {"replicates": replicates, "seed": seed} if replicates else {"replicates": 0},  # none drawn
    }
    made = ModelFile.model_validate(body)
    unnamed = made.model_dump(mode="json") | {"version": ""}  # digested as it always was, with an empty version
    digest = hashlib.sha256(json.dumps(unnamed, sort_keys=True).encode()).hexdigest()[:10]
    version = f"{label or spec.name}-{training['first_year']}-{training['last_year']}-{digest}"
    return made.model_copy(update={"version": version})
