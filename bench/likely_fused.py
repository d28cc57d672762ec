"""`era-fused` and `era-fused-1` for bench/likely_experiments.py (issue #14; session 64, registered in
docs/likelihood-experiments.md before any score of them was seen).

`era-split` (bench/likely_within.py) fits each era's weight of `legal` and `unmet` on its own, penalised towards 0.
Here each era's weight is a shared weight plus an era deviation, the deviation penalised towards 0 (a fused,
hierarchical penalty): the eras' weights are pooled towards each other, and where an era has few pairs (before 1945
`unmet` marks 10) its weight borrows from the other. The design is the shipped join model's standardised columns `z`
plus, for each `ERA_SPLIT` feature, `s·z·pre` and `s·z·post`, under the shipped L2 penalty (join C): `s` is the
deviation's prior sd over the shared weight's. `s = 0` is the shipped model; a large `s` tends to `era-split`.

- `era-fused`: `s` from `S_GRID` chosen in each training fold, one for every horizon, by the held-out wars' log loss
  of P(join) (each war shifted to the training wars' mean, as at prediction), summed over the horizons and over a
  leave-one-war-out of the training wars. Each inner fit is one Newton step from the training fold's fit, the
  held-out war's part taken out (`inner_loo`): deterministic, no dealing of inner folds.
- `era-fused-1`: `s = 1` (the deviation as free as the shared weight), fixed before any score: the control.

Each fit is the exact optimum of scikit-learn's L2 logistic objective (intercept free), found by Newton's method
(`ridge_logit`), so `s = 0` gives the shipped join weights. The side model and the expected joiners are the
shipped ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

from likely_within import ERA_SPLIT, add_era_split, split_spec

FUSED_VARIANTS = ("era-fused", "era-fused-1")
S_GRID = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0)  # the deviation's prior sd over the shared weight's, fixed before any score
S_FIXED = 1.0  # `era-fused-1`'s, fixed before any score
H = ("30", "365", "ever")
CHOSEN: list[tuple[int, float]] = []  # (training wars, s) per training fold of `era-fused`


def ridge_logit(a: np.ndarray, y: np.ndarray, c: float, iters: int = 100) -> np.ndarray:
    """(intercept, coefficients) minimising ½|coef|² + c·Σ log-loss on the design `a` (no constant column): the
    objective of scikit-learn's `LogisticRegression(C=c)`, by Newton's method with step halving."""
    x = np.column_stack([np.ones(len(a)), a])
    pen = np.ones(x.shape[1])
    pen[0] = 0.0
    beta = np.zeros(x.shape[1])
    p0 = min(max(float(y.mean()), 1e-6), 1 - 1e-6)
    beta[0] = np.log(p0 / (1 - p0))

    def objective(b: np.ndarray) -> float:
        eta = x @ b
        return float(0.5 * (pen * b * b).sum() + c * (np.logaddexp(0.0, eta) - y * eta).sum())

    current = objective(beta)
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -35, 35)))
        grad = c * x.T @ (p - y) + pen * beta
        hess = c * (x * (p * (1 - p))[:, None]).T @ x + np.diag(pen)
        step = np.linalg.solve(hess + 1e-12 * np.eye(len(beta)), grad)
        t = 1.0
        while t > 1e-6:
            trial = objective(beta - t * step)
            if trial <= current:
                break
            t /= 2
        beta, previous, current = beta - t * step, current, objective(beta - t * step)
        if previous - current < 1e-12 * max(1.0, abs(previous)):
            break
    return beta


def inner_loo(a: np.ndarray, y: np.ndarray, wars: np.ndarray, c: float, beta: np.ndarray) -> dict[Any, np.ndarray]:
    """Per war, the fit without its rows: one Newton step from `beta` (the optimum on every row) with the war's part
    of the gradient and curvature taken out, β + (H − H_w)⁻¹·g_w."""
    x = np.column_stack([np.ones(len(a)), a])
    p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -35, 35)))
    w = p * (1 - p)
    pen = np.ones(x.shape[1])
    pen[0] = 0.0
    full = c * (x * w[:, None]).T @ x + np.diag(pen)
    out = {}
    for war in np.unique(wars):
        rows = wars == war
        xw = x[rows]
        h_w = c * (xw * w[rows][:, None]).T @ xw
        g_w = c * xw.T @ (p[rows] - y[rows])
        out[war] = beta + np.linalg.solve(full - h_w + 1e-12 * np.eye(len(beta)), g_w)
    return out


def fused_design(z: np.ndarray, post: np.ndarray, split: list[int], s: float) -> np.ndarray:
    """The standardised join columns `z`, then for each column of `split` its `s·z` on the wars before 1945 and on
    those from 1945 (`post` 0 or 1 per row).

    >>> fused_design(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([0.0, 1.0]), [0], 0.5).tolist()
    [[1.0, 2.0, 0.5, 0.0], [3.0, 4.0, 0.0, 1.5]]
    """
    extra = []
    for j in split:
        extra += [s * z[:, j] * (1 - post), s * z[:, j] * post]
    return np.column_stack([z, *extra])


def era_weights(beta: np.ndarray, k: int, split: list[int], s: float) -> np.ndarray:
    """The join weights per era from a fused fit's (intercept, shared, deviations): for each feature of `split`,
    shared + s·deviation before 1945, then from 1945; the other features' shared weights, in the split spec's order
    (the split features first, as `split_spec` puts `legal` and `unmet` first)."""
    shared, dev = beta[1:k + 1], beta[k + 1:]
    eras = []
    for i, j in enumerate(split):
        eras += [shared[j] + s * dev[2 * i], shared[j] + s * dev[2 * i + 1]]
    rest = [shared[j] for j in range(k) if j not in split]
    return np.array([*eras, *rest], dtype=np.float64)


def _standardised(train: Any, spec: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    from foedus.likely.spec import join_matrix
    from foedus.likely.validate import frame_values

    x = join_matrix(frame_values(train), spec)
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd = np.where(sd > 0, sd, 1.0)
    return (x - mu) / sd, mu, sd


def choose_s(train: Any, spec: Any, c: float, grid: tuple[float, ...] = S_GRID) -> tuple[float, np.ndarray]:
    """The `s` of `grid` with the least held-out log loss of P(join) summed over the horizons and the training wars
    left out one at a time (`inner_loo`), and each s's loss."""
    from foedus.likely.spec import FLOOR, shifted

    z, _, _ = _standardised(train, spec)
    post = np.asarray(train["post1945"].to_numpy(), dtype=np.float64)
    wars = train["war"].to_numpy()
    split = [spec.join_side.index(f) for f in ERA_SPLIT]
    keys = np.unique(wars)
    ys = [np.asarray(train[f"outcome_{h}"].to_numpy() != "out", dtype=np.float64) for h in H]
    etas: dict[Any, list[np.ndarray]] = {war: [] for war in keys}
    targets: dict[Any, list[float]] = {war: [] for war in keys}
    for s in grid:
        a = fused_design(z, post, split, s)
        for y in ys:
            left = inner_loo(a, y, wars, c, ridge_logit(a, y, c))
            for war in keys:
                rows = wars == war
                etas[war].append(left[war][0] + a[rows] @ left[war][1:])
                targets[war].append((y.sum() - y[rows].sum()) / (len(keys) - 1))
    loss = np.zeros(len(grid) * len(ys))
    for war in keys:  # every (s, horizon) of one war shifted in one call, as likely_avg's `shifted_joins`
        rows = wars == war
        p = np.clip(shifted(np.stack(etas[war]), np.array(targets[war])), FLOOR, 1 - FLOOR)
        y = np.tile(np.stack([v[rows] for v in ys]), (len(grid), 1))
        loss -= (y * np.log(p) + (1 - y) * np.log(1 - p)).sum(axis=1)
    total = loss.reshape(len(grid), len(ys)).sum(axis=1)
    return float(grid[int(np.argmin(total))]), total


def fused_model(spec: Any, train: Any, horizons: tuple[str, ...], s: float | None = None) -> Any:
    """`fit_two_stage(train, spec)` with its join models refitted fused at `s` (None: chosen by `choose_s`, kept in
    `CHOSEN`), as a model of the era-split spec: each era's weights on the split columns, the others as fitted. The
    era columns are read uncentred, so a war's linear predictor moves by a constant of its era, which the per-war
    shift takes away (each war is of one era)."""
    from foedus.likely.fit import C_JOIN, fit_two_stage
    from foedus.likely.spec import Logit

    model = fit_two_stage(train, spec, horizons)
    if s is None:
        s, _ = choose_s(train, spec, C_JOIN, S_GRID)
        CHOSEN.append((len(np.unique(train["war"].to_numpy())), s))
    z, mu, sd = _standardised(train, spec)
    post = np.asarray(train["post1945"].to_numpy(), dtype=np.float64)
    split = [spec.join_side.index(f) for f in ERA_SPLIT]
    assert split == list(range(len(split))), "era_weights puts the split features first, as split_spec does"
    a = fused_design(z, post, split, s)
    rest = [j for j in range(z.shape[1]) if j not in split]
    mean = np.array([*(0.0 for _ in range(2 * len(split))), *mu[rest]])
    scale = np.array([*(v for j in split for v in (sd[j], sd[j])), *sd[rest]])
    join = {}
    for h in horizons:
        y = np.asarray(train[f"outcome_{h}"].to_numpy() != "out", dtype=np.float64)
        beta = ridge_logit(a, y, C_JOIN)
        join[h] = Logit(mean, scale, float(beta[0]), era_weights(beta, z.shape[1], split, s))
    return replace(model, spec=split_spec(spec), join=join)


def choices_line() -> str:
    """`era-fused`'s choices of s: each forward split's, and how often each value was chosen leaving one war out."""
    got, CHOSEN[:] = list(CHOSEN), []
    most = max((n for n, _ in got), default=0)
    lowo = [s for n, s in got if n == most]
    counts = ", ".join(f"{v:g} in {lowo.count(v)}" for v in S_GRID if lowo.count(v))
    forward = "; ".join(f"trained on {n} wars: s {s:g}" for n, s in got if n < most)
    return f"era-fused: s leave one war out {counts or 'none'}; {forward}"


def fused_variants(make: Callable[..., Any], spec: Any, frame: Any, names: list[str]) -> dict[str, Any]:
    """The variants' predictors (`make(split spec, fit=...)`, likely_experiments' `_predict`); when one is asked,
    the era columns added to `frame` first."""
    if set(names) & set(FUSED_VARIANTS):
        add_era_split(frame)
    split = split_spec(spec)

    def chosen(_: Any, train: Any, horizons: tuple[str, ...]) -> Any:
        return fused_model(spec, train, horizons)

    def fixed(_: Any, train: Any, horizons: tuple[str, ...]) -> Any:
        return fused_model(spec, train, horizons, S_FIXED)

    return {"era-fused": make(split, fit=chosen), "era-fused-1": make(split, fit=fixed)}
