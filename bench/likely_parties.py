"""`size-parties` and `size-allies` for bench/likely_experiments.py (issue #14; session 66, registered in
docs/likelihood-experiments.md before any score of them was seen): each war's expected joiners ever from a ridge Poisson
regression on first-day facts of its original belligerents, shrunk toward the training wars' mean by a penalty chosen
inside each training fold; within 30 and 365 days that count times the era's share, as the shipped `horizon-era`.

- `size-parties`: log(the number of original belligerents) and a major power among them (either side). Neither grows
  with the system or its blocs, the growth that sank every earlier war-size model trained before 1945.
- `size-allies`: the same plus log(1 + the candidates with an ATOP defence tie to a side on the first day), the
  bloc-sized fact the brief names: a control for the diagnosis that bloc-sized regressors are what fails after 1945.

The penalty α (on the standardised slopes; the intercept free) is chosen per training fold from `ALPHAS` by an inner
leave-one-war-out over the training wars (the held-out war's Poisson deviance); α = ∞ is every war at the training mean
(the shipped count). Each regressor is clipped to the training wars' range and the forecast capped at their largest
count, as `size-free`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from likely_horizon import ERA_MIN_WARS, horizon_share
from likely_size import CHOICES, FORECASTS

PARTIES_VARIANTS = ("size-parties", "size-allies")
ALPHAS = (0.0, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0, np.inf)  # fixed before any score; inf: the training mean


def war_table(frame: Any, allies: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per war (sorted ids): its first-day regressors and its joiners ever, and the ids."""
    keys, inv = np.unique(frame["war"].to_numpy(), return_inverse=True)
    first = np.array([np.flatnonzero(inv == g)[0] for g in range(len(keys))])

    def col(name: str) -> np.ndarray:
        return np.asarray(frame[name].to_numpy(), dtype=np.float64)

    cols = [col("log_parties")[first], np.maximum(col("attackers_major"), col("targets_major"))[first]]
    if allies:
        tied = ((col("tie_defense_attack") > 0) | (col("tie_defense_defense") > 0)).astype(np.float64)
        cols.append(np.log1p(np.bincount(inv, weights=tied, minlength=len(keys))))
    joined = np.asarray(frame["outcome_ever"].to_numpy() != "out", dtype=np.float64)
    return np.column_stack(cols), np.bincount(inv, weights=joined, minlength=len(keys)), keys


def ridge_poisson(x: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray:
    """(intercept, slopes) of log E[y] = a + x·b, maximising the log likelihood less α/2·|b|² (Newton); at α = ∞ the
    slopes are 0 and the intercept log(mean y).

    >>> ridge_poisson(np.array([[0.0], [1.0]]), np.array([1.0, 3.0]), np.inf).round(4).tolist()
    [0.6931, 0.0]
    """
    beta = np.zeros(x.shape[1] + 1)
    beta[0] = np.log(max(float(y.mean()), 1e-3))
    if np.isinf(alpha):
        return beta
    design, pen = np.column_stack([np.ones(len(x)), x]), np.diag([1e-9, *([alpha] * x.shape[1])])
    for _ in range(60):
        mu = np.exp(np.clip(design @ beta, -30, 30))
        step = np.linalg.solve((design * mu[:, None]).T @ design + pen, design.T @ (y - mu) - pen @ beta)
        beta = beta + step
        if np.abs(step).max() < 1e-10:
            break
    return beta


def _deviance(y: float, mu: float) -> float:
    mu = max(mu, 1e-9)
    return 2 * ((y * np.log(y / mu) if y > 0 else 0.0) - (y - mu))


class PartiesFit:
    """One training fold's war-size model: standardisation, clipping range, cap, the chosen α and its coefficients."""

    def __init__(self, x: np.ndarray, y: np.ndarray) -> None:
        self.mean, sd = x.mean(0), x.std(0)
        self.sd = np.where(sd > 0, sd, 1.0)
        z = (x - self.mean) / self.sd
        self.lo, self.hi, self.cap = z.min(0), z.max(0), float(y.max())
        loss = [sum(_deviance(y[i], self._mu(z[i], ridge_poisson(np.delete(z, i, 0), np.delete(y, i), a)))
                    for i in range(len(y))) for a in ALPHAS]
        best = min(range(len(ALPHAS)), key=lambda k: (round(loss[k], 9), -k))  # ties: the stronger penalty
        self.alpha, self.beta = ALPHAS[best], ridge_poisson(z, y, ALPHAS[best])

    def _mu(self, z: np.ndarray, beta: np.ndarray) -> float:
        return float(min(np.exp(beta[0] + np.clip(z, self.lo, self.hi) @ beta[1:]), self.cap))

    def forecast(self, x: np.ndarray) -> float:
        """The expected joiners ever of a war whose regressors are `x`."""
        return self._mu((x - self.mean) / self.sd, self.beta)


def parties_expected(name: str, allies: bool) -> Callable[[Any, Any, Any, str], float]:
    """The variant's expected joiners of one test war per horizon (likely_experiments' `expected` hook)."""
    held: dict[str, Any] = {}

    def expected(model: Any, train: Any, test_war: Any, h: str) -> float:
        if held.get("train") is not train:
            x, y, _ = war_table(train, allies)
            held.update(train=train, fit=PartiesFit(x, y), wars=len(y))
            CHOICES.setdefault(name, []).append((len(y), "ever", "log10 α (9: ∞)", float(
                9.0 if np.isinf(held["fit"].alpha) else np.log10(max(held["fit"].alpha, 1e-9)))))
        fit, n = held["fit"], held["wars"]
        x, y, _ = war_table(test_war, allies)
        ever = fit.forecast(x[0])
        if h == "ever":
            CHOICES[name].append((n, h, "forecast", ever))
            FORECASTS.setdefault(name, []).append((n, h, f"{test_war['war_name'].iloc[0]} {test_war['year'].iloc[0]}",
                                                   ever, int(y[0])))
            return ever
        same = train[train["era"].to_numpy() == test_war["era"].to_numpy()[0]]
        share = horizon_share(same, h) if len(np.unique(same["war"].to_numpy())) >= ERA_MIN_WARS else None
        return ever * (float(model.expected[h]) / float(model.expected["ever"]) if share is None else share)

    return expected


def parties_variants(make: Callable[..., Any], spec: Any) -> dict[str, Any]:
    """The two variants' predictors (`make`, likely_experiments' `_predict`)."""
    return {name: make(spec, expected=parties_expected(name, allies))
            for name, allies in zip(PARTIES_VARIANTS, (False, True), strict=True)}
