"""A small Bayesian graded-response IRT model (Samejima) in numpy: fit item parameters, score with intervals.

Model: latent trait θ ~ N(0, 1); for item j with ordered categories 0..K-1,
P(x_j >= k | θ) = logistic(a_j θ - c_jk), c_j1 < ... < c_j,K-1. Item parameters are fitted by marginal
maximum a posteriori (EM over a quadrature grid; priors a ~ N(0, 2²), c ~ N(0, 5²)), so rare items
cannot run off to infinity; missing responses simply drop out of the likelihood. Scores are posterior
summaries on a fine grid, averaged over bootstrap draws of the item parameters, so an interval carries
both the uncertainty about the alliance and about the items.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from foedus.errors import FoedusError, out_of_range, shown
from foedus.numerals import shortest

__all__ = ["Item", "Score", "bootstrap", "check_level", "fit", "score"]

FIT_GRID = np.linspace(-4.0, 4.0, 49)
SCORE_GRID = np.linspace(-5.0, 5.0, 201)
PRIOR_A, PRIOR_C = 2.0, 5.0


@dataclass(frozen=True)
class Item:
    """One item's fitted parameters: discrimination `a` and increasing thresholds `c` (one fewer than categories)."""

    a: float
    c: tuple[float, ...]

    @property
    def categories(self) -> int:
        """How many categories the item has."""
        return len(self.c) + 1


@dataclass(frozen=True)
class Score:
    """A posterior summary of one latent score."""

    mean: float
    sd: float
    lo: float
    hi: float


def _probs(a: float, c: np.ndarray, theta: np.ndarray) -> np.ndarray:
    """(len(theta), K) category probabilities."""
    s = 1.0 / (1.0 + np.exp(-(a * theta[:, None] - c[None, :])))
    ones, zeros = np.ones((len(theta), 1)), np.zeros((len(theta), 1))
    upper, lower = np.hstack([ones, s]), np.hstack([s, zeros])
    out: np.ndarray = np.clip(upper - lower, 1e-12, 1.0)
    return out


def _loglik(x: np.ndarray, items: Sequence[Item], theta: np.ndarray) -> np.ndarray:
    """(n, len(theta)) log-likelihood of each row's observed responses (x < 0 = missing)."""
    out = np.zeros((x.shape[0], len(theta)))
    for j, item in enumerate(items):
        logp = np.log(_probs(item.a, np.asarray(item.c), theta))
        seen = x[:, j] >= 0
        out[seen] += logp[:, x[seen, j]].T
    return out


def _posterior(x: np.ndarray, items: Sequence[Item], theta: np.ndarray) -> np.ndarray:
    ll = _loglik(x, items, theta) - 0.5 * theta[None, :] ** 2
    ll -= ll.max(axis=1, keepdims=True)
    post = np.exp(ll)
    result: np.ndarray = post / post.sum(axis=1, keepdims=True)
    return result


def _objective(params: np.ndarray, r: np.ndarray, theta: np.ndarray) -> float:
    a, c = params[0], params[1:]
    if np.any(np.diff(c) <= 0):
        return -np.inf
    p = _probs(a, c, theta)
    return float((r * np.log(p)).sum() - a * a / (2 * PRIOR_A**2) - (c * c).sum() / (2 * PRIOR_C**2))


def _gradient(params: np.ndarray, r: np.ndarray, theta: np.ndarray) -> np.ndarray:
    a, c = params[0], params[1:]
    s = 1.0 / (1.0 + np.exp(-(a * theta[:, None] - c[None, :])))
    d = s * (1 - s)
    zero = np.zeros((len(theta), 1))
    dfull = np.hstack([zero, d, zero])  # D_0 .. D_K
    ratio = r / _probs(a, c, theta)  # (Q, K)
    ga = (ratio * (dfull[:, :-1] - dfull[:, 1:]) * theta[:, None]).sum() - a / PRIOR_A**2
    gc = (d * (ratio[:, :-1] - ratio[:, 1:])).sum(axis=0) - c / PRIOR_C**2
    return np.concatenate([[ga], gc])


def _newton(params: np.ndarray, r: np.ndarray, theta: np.ndarray, steps: int = 3) -> np.ndarray:
    """A few damped Newton steps on one item's expected complete-data log posterior."""
    h = 1e-5
    for _ in range(steps):
        g = _gradient(params, r, theta)
        n = len(params)
        hess = np.empty((n, n))
        for i in range(n):
            e = np.zeros(n)
            e[i] = h
            hess[:, i] = (_gradient(params + e, r, theta) - _gradient(params - e, r, theta)) / (2 * h)
        hess = 0.5 * (hess + hess.T)
        try:
            step = np.linalg.solve(-hess + 1e-6 * np.eye(n), g)
        except np.linalg.LinAlgError:
            step = 0.1 * g
        base = _objective(params, r, theta)
        for _ in range(30):
            trial = params + step
            if _objective(trial, r, theta) >= base:
                params = trial
                break
            step = step / 2
        if np.abs(step).max() < 1e-8:
            break
    return params


def _start(x: np.ndarray, cats: Sequence[int]) -> list[Item]:
    items = []
    for j, k in enumerate(cats):
        seen = x[x[:, j] >= 0, j]
        shares = [(seen >= m).mean() if len(seen) else 0.5 for m in range(1, k)]
        c = -np.log(np.clip(shares, 0.01, 0.99) / (1 - np.clip(shares, 0.01, 0.99)))
        c = np.maximum.accumulate(c + np.arange(len(c)) * 1e-3)
        items.append(Item(1.0, tuple(float(v) for v in c)))
    return items


def fit(x: np.ndarray, cats: Sequence[int], anchor: int, start: Sequence[Item] | None = None,
        max_iter: int = 1000, tol: float = 1e-5) -> list[Item]:
    """Item parameters by marginal MAP (EM); the sign is fixed so that item `anchor` has a > 0.

    `x`: (n, J) integer responses, -1 = missing; `cats[j]`: number of categories of item j.
    """
    items = list(start) if start is not None else _start(x, cats)
    onehots = [np.eye(k)[np.where(x[:, j] >= 0, x[:, j], 0)] * (x[:, j] >= 0)[:, None] for j, k in enumerate(cats)]
    for _ in range(max_iter):
        post = _posterior(x, items, FIT_GRID)
        new = []
        for j, item in enumerate(items):
            r = post.T @ onehots[j]  # (Q, K) expected counts
            params = _newton(np.array([item.a, *item.c]), r, FIT_GRID)
            new.append(Item(float(params[0]), tuple(float(v) for v in params[1:])))
        change = max(abs(n.a - o.a) + max((abs(p - q) for p, q in zip(n.c, o.c, strict=True)), default=0.0)
                     for n, o in zip(new, items, strict=True))
        items = new
        if change < tol:
            break
    if items[anchor].a < 0:
        items = [Item(-i.a, i.c) for i in items]
    return items


def bootstrap(x: np.ndarray, cats: Sequence[int], anchor: int, estimate: Sequence[Item], draws: int,
              seed: int) -> list[list[Item]]:
    """Item parameters refitted on `draws` resamples of the rows (warm-started at `estimate`)."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(draws):
        rows = rng.integers(0, len(x), len(x))
        out.append(fit(x[rows], cats, anchor, start=estimate, max_iter=300, tol=1e-4))
    return out


def check_level(level: object, name: str = "level") -> None:
    """Refuse an interval width `score` cannot give: not a number, or outside [0.5, 1) (a width of 2 gave the grid's
    ends, -1 an interval with lo above hi, NaN NaN bounds, all silently). `name`: the option, as the user gave it.

    Raises:
        FoedusError: the width, named, in one line.
    """
    if isinstance(level, bool) or not isinstance(level, int | float) or not 0.5 <= level < 1:
        given = shortest(level) if isinstance(level, float) else shown(level)  # as typed: '--level 2', not 2.0
        raise FoedusError(out_of_range(name, 0.5, 1, given, below=True))  # as every bound is said (foedus.ranges)


def score(x: np.ndarray, draws: Sequence[Sequence[Item]], level: float = 0.9) -> list[Score]:
    """Posterior mean, sd and central `level` interval of each row's trait, mixing over item-parameter draws.

    Raises:
        FoedusError: `level` is not a width `check_level` takes.
    """
    check_level(level)
    post = np.mean([_posterior(x, items, SCORE_GRID) for items in draws], axis=0)
    mean = post @ SCORE_GRID
    sd = np.sqrt(np.maximum(post @ SCORE_GRID**2 - mean**2, 0.0))
    cdf = np.cumsum(post, axis=1)
    tail = (1 - level) / 2
    out = []
    for i in range(len(x)):
        lo = float(np.interp(tail, cdf[i], SCORE_GRID))
        hi = float(np.interp(1 - tail, cdf[i], SCORE_GRID))
        out.append(Score(float(mean[i]), float(sd[i]), lo, hi))
    return out
