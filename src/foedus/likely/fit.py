"""Fitting, with scikit-learn (the shipped penalised model) and statsmodels (the coefficient table).

Both live in the optional extra `foedus[model]`; the run-time predictor needs neither. The shipped model
is `foedus.likely.spec`'s two stages, each an L2-penalised logistic regression on standardised features
(`C_JOIN`, `C_SIDE`: chosen once, by leave-one-war-out log loss, and then fixed). Its uncertainty comes
from a war-clustered bootstrap (wars drawn with replacement, every model refitted). The published table
is the same design fitted without a penalty by statsmodels' binomial GLM, with standard errors
clustered by war (the join model's intercept there is the pooled one, before each war's shift).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from foedus.errors import OptionalDependencyError
from foedus.likely.spec import ERAS, Logit, Spec, TwoStage, join_matrix, side_matrix

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["C_JOIN", "C_SIDE", "ERA_MIN_WARS", "bootstrap_params", "coefficient_table", "era_shares",
           "expected_joiners", "fit_logit", "fit_two_stage", "require_model_extra"]

C_JOIN = 0.05
C_SIDE = 0.1
ERA_MIN_WARS = 5  # an era's share of the ever-joiners is read from at least this many training wars of it


def require_model_extra() -> None:
    """Check scikit-learn and statsmodels are installed.

    Raises:
        OptionalDependencyError: one is missing; the message says how to install them.
    """
    import importlib.util

    missing = [m for m in ("sklearn", "statsmodels") if importlib.util.find_spec(m) is None]
    if missing:
        raise OptionalDependencyError(f"fitting the likelihood model needs {' and '.join(missing)}: "
                                      "pip install 'foedus[model]'")


def fit_logit(x: np.ndarray, y: np.ndarray, c: float, mean: np.ndarray | None = None,
              scale: np.ndarray | None = None) -> Logit:
    """An L2-penalised logistic regression on standardised columns (the given mean and scale, else the data's)."""
    from sklearn.linear_model import LogisticRegression

    mu = x.mean(axis=0) if mean is None else mean
    sd = x.std(axis=0) if scale is None else scale
    sd = np.where(sd > 0, sd, 1.0)
    if y.min() == y.max():  # one class only (a tiny slice): the constant model
        p = min(max(float(y.mean()), 1e-4), 1 - 1e-4)
        return Logit(mu, sd, float(np.log(p / (1 - p))), np.zeros(x.shape[1]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = LogisticRegression(C=c, max_iter=5000).fit((x - mu) / sd, y)
    return Logit(mu, sd, float(model.intercept_[0]), model.coef_[0].astype(np.float64))


def _labels(frame: pd.DataFrame, horizon: str) -> np.ndarray:
    return np.asarray(frame[f"outcome_{horizon}"].to_numpy() != "out", dtype=np.int64)


def _side_rows(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    joined = frame["outcome_ever"].to_numpy() != "out"
    return joined, (frame["outcome_ever"].to_numpy()[joined] == "attack").astype(np.int64)


def fit_two_stage(frame: pd.DataFrame, spec: Spec, horizons: tuple[str, ...], c_join: float = C_JOIN,
                  c_side: float = C_SIDE, like: TwoStage | None = None, by_era: bool = False) -> TwoStage:
    """Fit the join models (one per horizon) and the side model on `frame` (`like`: reuse its scaling); `by_era`:
    with each era's share of the ever-joiners per shorter horizon (`era_shares`), as the shipped model is."""
    values = {c: frame[c].to_numpy() for c in frame.columns}
    xj, xs = join_matrix(values, spec), side_matrix(values, spec)
    join = {}
    for h in horizons:
        ref = like.join[h] if like is not None else None
        join[h] = fit_logit(xj, _labels(frame, h), c_join, *((ref.mean, ref.scale) if ref else (None, None)))
    joined, attack = _side_rows(frame)
    ref_side = like.side if like is not None else None
    if not attack.size:  # no joiner (a bootstrap sample of a few quiet wars): nothing is known of the side
        if ref_side is None:
            from foedus.errors import FoedusError

            raise FoedusError("no state joined a war in the training wars: nothing to fit")
        side = Logit(ref_side.mean, ref_side.scale, 0.0, np.zeros(xs.shape[1]))  # even odds, as the data say
    else:
        side = fit_logit(xs[joined], attack, c_side, *((ref_side.mean, ref_side.scale) if ref_side else (None, None)))
    return TwoStage(spec, join, side, {h: expected_joiners(frame, h) for h in horizons},
                    era_shares(frame, horizons) if by_era else {})


def era_shares(frame: pd.DataFrame, horizons: tuple[str, ...]) -> dict[str, dict[str, float]]:
    """Per horizon short of ever, per era with at least `ERA_MIN_WARS` wars and an ever-joiner in `frame`: the share
    of the ever-joiners who joined within the horizon (issue #14's `horizon-era`; the other eras take the pooled
    count). The wars from 1945 joined later than those before: 18% within 30 days against 51% (docs/likelihood.md)."""
    if "ever" not in horizons:
        return {}
    eras, wars, ever = frame["era"].to_numpy(), frame["war"].to_numpy(), _labels(frame, "ever")
    out: dict[str, dict[str, float]] = {}
    for h in (h for h in horizons if h != "ever"):
        within = _labels(frame, h)
        for era in ERAS:
            rows = eras == era
            if len(np.unique(wars[rows])) >= ERA_MIN_WARS and ever[rows].sum():
                out.setdefault(h, {})[era] = int(within[rows].sum()) / int(ever[rows].sum())
    return out


def expected_joiners(frame: pd.DataFrame, horizon: str) -> float:
    """The mean number of joiners per war within `horizon` in the training wars."""
    wars = frame["war"].to_numpy()
    return float(_labels(frame, horizon).sum() / max(len(np.unique(wars)), 1))


def bootstrap_params(frame: pd.DataFrame, model: TwoStage, replicates: int, seed: int,
                     progress: Callable[[], None] | None = None) -> dict[str, np.ndarray]:
    """Parameter draws (intercept, then coefficients) of each model, of each horizon's expected joiners
    (`expected_<h>`) and of each era's share (`share_<h>_<era>`, where the model has one and the sample gives one),
    over a war-clustered bootstrap."""
    rng = np.random.default_rng(seed)
    wars = frame["war"].to_numpy()
    groups = {w: np.flatnonzero(wars == w) for w in np.unique(wars)}
    keys = list(groups)
    draws: dict[str, list[np.ndarray]] = {k: [] for k in [*model.join, "side", *(f"expected_{h}" for h in model.join)]}
    for _ in range(replicates):
        picked = rng.choice(len(keys), size=len(keys), replace=True)
        rows = np.concatenate([groups[keys[i]] for i in picked])
        refit = fit_two_stage(frame.iloc[rows], model.spec, tuple(model.join), like=model, by_era=bool(model.shares))
        for h, logit in refit.join.items():
            draws[h].append(logit.params)
        draws["side"].append(refit.side.params)
        for h, lam in refit.expected.items():
            draws[f"expected_{h}"].append(np.array([lam]))
        for h, by in refit.shares.items():
            for era, share in by.items():
                draws.setdefault(f"share_{h}_{era}", []).append(np.array([share]))
        if progress is not None:
            progress()
    return {k: np.array(v) for k, v in draws.items()}


def coefficient_table(frame: pd.DataFrame, model: TwoStage) -> dict[str, Any]:
    """The unpenalised fits (statsmodels binomial GLM) with war-clustered standard errors, per model.

    A model statsmodels cannot estimate (perfect separation, a singular design) is reported with the reason.
    """
    values = {c: frame[c].to_numpy() for c in frame.columns}
    wars = frame["war"].to_numpy()
    out: dict[str, Any] = {}
    xj = join_matrix(values, model.spec)
    for h, logit in model.join.items():
        out[h] = _glm(xj, _labels(frame, h), wars, logit, model.spec.join_names)
    joined, attack = _side_rows(frame)
    out["side"] = _glm(side_matrix(values, model.spec)[joined], attack, wars[joined], model.side,
                       model.spec.side_names)
    return out


def _glm(x: np.ndarray, y: np.ndarray, wars: np.ndarray, scaled: Logit, names: list[str]) -> dict[str, Any]:
    import statsmodels.api as sm

    z = sm.add_constant((x - scaled.mean) / scaled.scale, has_constant="add")
    groups = np.unique(wars, return_inverse=True)[1]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fit = sm.GLM(y, z, family=sm.families.Binomial()).fit(cov_type="cluster", cov_kwds={"groups": groups})
    except Exception as exc:
        return {"estimable": False, "reason": f"{type(exc).__name__}: {exc}", "rows": []}
    rows = [{"name": n, "coef": float(b), "se": float(s), "z": float(t), "p": float(p)}
            for n, b, s, t, p in zip(["intercept", *names], fit.params, fit.bse, fit.tvalues, fit.pvalues,
                                     strict=True)]
    finite = bool(np.all(np.isfinite(np.asarray(fit.bse, dtype=np.float64))))
    return {"estimable": finite, "reason": None if finite else "standard errors not finite (separation)",
            "rows": rows, "pairs": len(y), "events": int(y.sum()), "clusters": int(groups.max() + 1)}
