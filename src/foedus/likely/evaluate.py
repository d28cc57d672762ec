"""Every figure of the validation report (`foedus likely report`), as one plain dict (metrics.json).

For each scheme (leave one war out, the two forward splits), horizon and model (`foedus.likely.validate`):
the scores of `foedus.likely.scores` over all tested pairs, by era and without the World Wars; war-clustered
bootstrap intervals for the shipped model; reliability bins; and whether the targets of issue #14 are met.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from foedus.likely.build import subset_masks
from foedus.likely.dataset import HORIZONS
from foedus.likely.folds import SCHEMES
from foedus.likely.scores import Scored, reliability, summary
from foedus.likely.targets import TARGETS, judged
from foedus.likely.validate import forecasts

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TARGETS", "evaluate", "targets_met"]



def _scheme(frame: pd.DataFrame, scheme: str, *, challengers: bool, replicates: int, seed: int,
            on_fold: Callable[[], None] | None) -> dict[str, Any]:
    got, tested = forecasts(frame, scheme, HORIZONS, challengers=challengers, on_fold=on_fold)
    rows = np.flatnonzero(tested)
    if not len(rows):
        return {"pairs": 0, "wars": 0, "horizons": {}}
    masks = {k: m[rows] for k, m in subset_masks(frame).items()}
    wars = frame["war"].to_numpy()[rows]
    out: dict[str, Any] = {"pairs": len(rows), "wars": len(np.unique(wars)), "horizons": {}}
    for h in HORIZONS:
        outcomes = frame[f"outcome_{h}"].to_numpy()[rows]
        per_model: dict[str, Any] = {}
        for name, probs in got[h].items():
            s = Scored(probs[rows], got[h]["base-rate"][rows], outcomes, wars)
            reps = replicates if name == "shipped" else 0
            per_model[name] = {sub: summary(s, m, reps, seed) for sub, m in masks.items()
                               if m.any() and (sub == "all" or not m.all())}
            if name == "base-rate":  # one number per fold: ranking and recalibration mean nothing
                for sub in per_model[name].values():
                    sub.update(auc=None, calibration_slope=None, calibration_intercept=None)
            if name in ("shipped", "treaty-only", "monte-carlo", "base-rate"):
                per_model[name]["reliability"] = reliability(1 - probs[rows, 0], s.joined)
        out["horizons"][h] = per_model
    return out


def targets_met(metrics: dict[str, Any]) -> dict[str, Any]:
    """Each target of the issue, per scheme and horizon (shipped model, all pairs), and the base-rate check
    over every subset."""
    out: dict[str, Any] = {}
    for scheme, body in metrics["schemes"].items():
        for h, models in body["horizons"].items():
            s = models["shipped"]["all"]
            subsets = {k: v for k, v in models["shipped"].items() if k != "reliability"}
            out[f"{scheme}/{h}"] = {
                "beats_base_rate_everywhere": all((v["brier_skill"] or 0) > 0 and (v["log_skill"] or 0) > 0
                                                  for v in subsets.values()),
                **judged(scheme, auc=s["auc"], log_skill=s["log_skill"], brier_skill=s["brier_skill"],
                         slope=s["calibration_slope"])}
    return out


def evaluate(frame: pd.DataFrame, *, challengers: bool, replicates: int, seed: int,
             on_fold: Callable[[], None] | None = None) -> dict[str, Any]:
    """The report's metrics (no file is written here)."""
    metrics: dict[str, Any] = {"schemes": {}}
    for scheme in SCHEMES:
        metrics["schemes"][scheme] = _scheme(frame, scheme, challengers=challengers, replicates=replicates,
                                             seed=seed, on_fold=on_fold)
    metrics["targets"] = {k: list(v) if isinstance(v, tuple) else v for k, v in TARGETS.items()}
    metrics["targets_met"] = targets_met(metrics)
    return metrics
