"""`size-recent` for bench/likely_experiments.py (issue #14; session 61, registered in docs/likelihood-experiments.md
before any score of it was seen): `size-free`'s war-size forecast with each war's regressor read against the median of
the same regressor over its window, the war itself and the 9 wars that started before it, so the level a regressor takes
from its era (its blocs, its candidates) is taken out with features known on the war's first day, never an outcome.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from likely_size import Expected, H, _joined, _per_fold, _unshifted, fit_size, war_regressor

WINDOW = 10  # the registered window: the war itself and the 9 wars of the frame that started before it
RECENT_VARIANTS = ("size-recent",)


def windows(years: np.ndarray, wars: np.ndarray) -> list[np.ndarray]:
    """For each war (`years`[i], `wars`[i]: its start year and COW number), the indices of its window: itself and the
    `WINDOW` − 1 wars that started before it, ordered by start year, then war number (fewer where fewer came before).

    >>> [w.tolist() for w in windows(np.array([1900, 1850, 1900]), np.array([5, 9, 3]))]
    [[0, 1, 2], [1], [1, 2]]
    """
    order = np.lexsort((wars, years))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return [np.sort(order[max(0, r - WINDOW + 1):r + 1]) for r in rank]


def recentred(x: np.ndarray, years: np.ndarray, wars: np.ndarray) -> np.ndarray:
    """Each war's regressor minus the median of the regressor over its window (`windows`).

    >>> recentred(np.array([1.0, 3.0, 8.0]), np.array([1, 2, 3]), np.array([1, 2, 3])).tolist()
    [0.0, 1.0, 5.0]
    """
    return np.array([x[i] - float(np.median(x[w])) for i, w in enumerate(windows(years, wars))])


def size_recent(spec: Any, frame: Any, name: str = "size-recent") -> Expected:
    """The `size-recent` callback: per fold and horizon, every war's `size-free` regressor from the fold's own join
    model on the whole frame's features, recentred on its window; the Poisson fit (clipped, capped at the largest
    count) on the training wars' recentred regressor and joiners only."""
    from likely_size import CHOICES

    all_wars = frame["war"].to_numpy()
    keys, first = np.unique(all_wars, return_index=True)
    years = frame["year"].to_numpy()[first]

    def prepare(model: Any, train: Any) -> dict[str, Callable[[Any], float]]:
        in_train = np.isin(keys, np.unique(train["war"].to_numpy()))
        out: dict[str, Callable[[Any], float]] = {}
        for h in H:
            x, _ = war_regressor(_unshifted(model, spec, frame, h), all_wars, np.zeros(len(frame)))
            centred = recentred(x, years, keys)
            _, counts = war_regressor(np.zeros(len(train)), train["war"].to_numpy(), _joined(train, h))
            fit = fit_size(centred[in_train], counts)
            CHOICES.setdefault(name, []).append((int(in_train.sum()), h, "slope", fit.b))
            out[h] = _forecaster(fit, dict(zip(keys.tolist(), centred.tolist(), strict=True)))
        return out

    return _per_fold(name, spec, prepare)


def _forecaster(fit: Any, centred: dict[int, float]) -> Callable[[Any], float]:
    def forecast(test: Any) -> float:
        return float(fit.forecast(centred[int(test["war"].iloc[0])]))

    return forecast


def recent_variants(make: Callable[..., Any], spec: Any, frame: Any) -> dict[str, Any]:
    """The variant's predictor, `make(spec, expected=...)` (likely_experiments' `_predict`)."""
    return {"size-recent": make(spec, expected=size_recent(spec, frame))}
