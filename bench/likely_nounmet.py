"""`size-no-unmet` for bench/likely_experiments.py (issue #14; session 62, registered in docs/likelihood-experiments.md
before any score of it was seen): `size-free`'s war-size forecast with each war's regressor read from the fold's join
linear predictor less its `unmet` term, the part bench/likely_why.py found carrying the large forecasts after 1945 (a
binding rare and nearly always honoured before 1945, standardised on those wars, common and seldom honoured after). The
join model is not refitted: the ranking and the per-war shift use the full linear predictor.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np

from likely_size import CHOICES, Expected, H, _joined, _per_fold, fit_size, scale_free, war_regressor

DROPPED = "unmet_either"  # the registered term: the join model's `unmet` toward the closer side
NO_UNMET_VARIANTS = ("size-no-unmet",)


def unshifted_without(model: Any, spec: Any, frame: Any, h: str, column: str = DROPPED) -> np.ndarray:
    """Each row's unshifted P(join) under the fold's join model for `h`, its `column` term (coefficient × the value
    standardised by the fold's scaling) left out of the linear predictor."""
    from foedus.likely.spec import join_matrix
    from foedus.likely.validate import frame_values

    logit, j = model.join[h], spec.join_names.index(column)
    xj = join_matrix(frame_values(frame), spec)
    eta = logit.eta(xj) - logit.coef[j] * (xj[:, j] - logit.mean[j]) / logit.scale[j]
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(eta, -35, 35))))


def _forecast(fit: Any, model: Any, spec: Any, h: str, test: Any) -> float:
    return float(fit.forecast(scale_free(unshifted_without(model, spec, test, h))))


def size_no_unmet(spec: Any, name: str = "size-no-unmet") -> Expected:
    """The `size-no-unmet` callback: per fold and horizon, `size-free`'s Poisson fit (clipped, capped at the largest
    count) on the training wars' regressor without the `unmet` term, and each test war's forecast from the same."""
    def prepare(model: Any, train: Any) -> dict[str, Callable[[Any], float]]:
        out: dict[str, Callable[[Any], float]] = {}
        for h in H:
            x, counts = war_regressor(unshifted_without(model, spec, train, h), train["war"].to_numpy(),
                                      _joined(train, h))
            fit = fit_size(x, counts)
            CHOICES.setdefault(name, []).append((len(counts), h, "slope", fit.b))
            out[h] = partial(_forecast, fit, model, spec, h)
        return out

    return _per_fold(name, spec, prepare)


def no_unmet_variants(make: Callable[..., Any], spec: Any) -> dict[str, Any]:
    """The variant's predictor, `make(spec, expected=...)` (likely_experiments' `_predict`)."""
    return {"size-no-unmet": make(spec, expected=size_no_unmet(spec))}
