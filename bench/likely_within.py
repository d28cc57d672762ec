"""`war-effect`, `era-split` and `war-effect-era-split` for bench/likely_experiments.py (issue #14; session 64,
registered in docs/likelihood-experiments.md before any score of them was seen).

- `war-effect`: the join models fitted with one intercept per training war (a war-level effect), so each feature's
  weight is read from the contrasts inside wars, the only thing the per-war shift leaves the weights to do; the
  shipped fit reads them also from which wars drew many joiners. Each war's intercept is a column 0/1 scaled by
  `WAR_SCALE` / sqrt(C), so under scikit-learn's L2 penalty its prior sd is `WAR_SCALE` on the log-odds (near-free:
  the conditional-logit analogue); the features keep the shipped penalty. The war intercepts are dropped at
  prediction, where the per-war shift sets each war's level.
- `era-split`: the join model's legal features `legal` and `unmet` each split into a before-1945 and a from-1945
  column (`ERA_SPLIT`), so a binding's weight is fitted per era instead of once across the change of meaning session
  62 measured (before 1945 `unmet` marks 10 pairs, 9 joined; from 1946 148, 7 joined).
- `war-effect-era-split`: both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

WITHIN_VARIANTS = ("war-effect", "era-split", "war-effect-era-split")
WAR_SCALE = 3.0  # prior sd of a war's intercept on the log-odds, fixed before any score
ERA_SPLIT = ("legal", "unmet")  # the join model's legal features, split by era
SIDES = ("attack", "defense")


def add_era_split(frame: Any) -> None:
    """`<f>_pre_<side>` and `<f>_post_<side>` for each `ERA_SPLIT` feature: its value in the wars before 1945, else 0,
    and in the wars from 1945 (the frame's `post1945`), else 0."""
    post = np.asarray(frame["post1945"].to_numpy(), dtype=np.float64)
    for f in ERA_SPLIT:
        for side in SIDES:
            v = np.asarray(frame[f"{f}_{side}"].to_numpy(), dtype=np.float64)
            frame[f"{f}_pre_{side}"], frame[f"{f}_post_{side}"] = v * (1 - post), v * post


def split_spec(spec: Any) -> Any:
    """`spec` with each `ERA_SPLIT` feature of its join model read as its two era columns; its side model as it is."""
    join: list[str] = []
    for f in spec.join_side:
        join += [f"{f}_pre", f"{f}_post"] if f in ERA_SPLIT else [f]
    return replace(spec, name="era-split", join_side=tuple(join))


def war_dummies(wars: np.ndarray, c: float, scale: float = WAR_SCALE) -> np.ndarray:
    """One column per war, 1 on its rows, scaled so an L2 penalty at `c` gives its coefficient prior sd `scale`.

    >>> war_dummies(np.array([7, 7, 9]), 1.0, 2.0).tolist()
    [[2.0, 0.0], [2.0, 0.0], [0.0, 2.0]]
    """
    ids = np.unique(wars, return_inverse=True)[1]
    out = np.zeros((len(wars), int(ids.max()) + 1))
    out[np.arange(len(wars)), ids] = scale / np.sqrt(c)
    return out


def fit_within(x: np.ndarray, y: np.ndarray, wars: np.ndarray, c: float) -> Any:
    """The join model's `Logit` fitted with a war-level intercept per war (`war_dummies`), those dropped: the
    features' mean, scale and coefficients, the intercept the mean of the war intercepts (the per-war shift replaces
    it). One class only: the constant model, as `fit_logit` gives."""
    from sklearn.linear_model import LogisticRegression

    from foedus.likely.fit import fit_logit
    from foedus.likely.spec import Logit

    if y.min() == y.max():
        return fit_logit(x, y, c)
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd = np.where(sd > 0, sd, 1.0)
    d = war_dummies(wars, c)
    model = LogisticRegression(C=c, max_iter=5000).fit(np.hstack([(x - mu) / sd, d]), y)
    k = x.shape[1]
    effects = model.coef_[0][k:] * d.max()
    return Logit(mu, sd, float(model.intercept_[0] + effects.mean()), model.coef_[0][:k].astype(np.float64))


def within_model(spec: Any, train: Any, horizons: tuple[str, ...]) -> Any:
    """`fit_two_stage` on `train` with its join models refitted by `fit_within` (the side model and expected joiners
    as shipped)."""
    from foedus.likely.fit import C_JOIN, fit_two_stage
    from foedus.likely.spec import join_matrix
    from foedus.likely.validate import frame_values

    model = fit_two_stage(train, spec, horizons)
    xj, wars = join_matrix(frame_values(train), spec), train["war"].to_numpy()
    join = {h: fit_within(xj, np.asarray(train[f"outcome_{h}"].to_numpy() != "out", dtype=np.int64), wars, C_JOIN)
            for h in horizons}
    return replace(model, join=join)


def within_variants(make: Callable[..., Any], spec: Any, frame: Any, names: list[str]) -> dict[str, Any]:
    """The variants' predictors (`make(spec, fit=...)`, likely_experiments' `_predict`); when an era-split one is
    asked, its columns added to `frame` first."""
    split = split_spec(spec)
    if set(names) & {"era-split", "war-effect-era-split"}:
        add_era_split(frame)
    return {"war-effect": make(spec, fit=within_model), "era-split": make(split),
            "war-effect-era-split": make(split, fit=within_model)}
