"""Why `size-free` trained to 1945 forecasts large wars after it (issue #14; session 62): for the post-1945 wars with
the largest forecast joiners, each regressor's contribution to the war-size forecast on its link scale, against the
training fold's mean.

The forecast is exp(a + b·x), x = log(S5 / n): S5 the five largest unshifted P(join) of the war summed, n its
candidates (bench/likely_size.py). Write m the mean linear predictor η of the five (η = c0 + Σ_j c_j·z_j, z the
standardised join features) and r = log S5 − m. Then x = m + r − log n exactly, and against the training wars' means

    b·(x − x̄) = Σ_j b·c_j·(z̄5_j − mean over training wars of z̄5_j) + b·(r − r̄) − b·(log n − mean log n),

z̄5_j the feature's mean over the war's five. The regressor is clipped to the training range before the forecast, and
the forecast capped at the largest training count: both are printed with each war.

Run: FOEDUS_DATA_DIR=../shared/data python bench/likely_why.py [--horizon ever] [--top 10] [--to 1945]
(needs `foedus[model]`; well under a minute on one core).
"""

from __future__ import annotations

import argparse
import warnings
from typing import Any, NamedTuple

import numpy as np

from likely_size import H, _joined, fit_size, scale_free
from likely_threads import one_thread

TOP = 5  # the regressor's five largest P(join), as bench/likely_size.py's `scale_free`


class WarParts(NamedTuple):
    """One war's regressor parts: each join feature's coefficient times its mean z over the war's five largest
    P(join) (`terms`, in the join model's column order), the intercept, the remainder r, log n, and x."""

    terms: np.ndarray
    intercept: float
    rest: float
    log_n: float
    x: float


def war_parts(eta: np.ndarray, z: np.ndarray, coef: np.ndarray, intercept: float) -> WarParts:
    """The parts of one war's regressor from its candidates' linear predictors `eta` and standardised features `z`
    (rows: candidates): intercept + Σ terms + rest − log n equals `scale_free` of the war's P(join), to rounding.

    >>> eta = np.array([0.5, -1.0, -2.0, -3.0, -4.0, -5.0]); z = np.column_stack([eta - 0.5])
    >>> w = war_parts(eta, z, np.array([1.0]), 0.5)
    >>> round(w.intercept + w.terms.sum() + w.rest - w.log_n, 9) == round(w.x, 9)
    True
    """
    top = np.argsort(-eta, kind="stable")[:TOP]
    p = 1.0 / (1.0 + np.exp(-eta))
    x = scale_free(p, TOP)
    terms = coef * z[top].mean(axis=0)
    m = intercept + float(terms.sum())
    log_n = float(np.log(len(eta)))
    return WarParts(terms, intercept, x + log_n - m, log_n, x)


def all_parts(model: Any, spec: Any, frame: Any, h: str) -> tuple[np.ndarray, list[WarParts]]:
    """Every war's parts (wars in sorted order) under the fold's join model for horizon `h`."""
    from foedus.likely.spec import join_matrix
    from foedus.likely.validate import frame_values

    logit = model.join[h]
    xj = join_matrix(frame_values(frame), spec)
    z = (xj - logit.mean) / logit.scale
    eta = logit.eta(xj)
    wars = frame["war"].to_numpy()
    keys = np.unique(wars)
    return keys, [war_parts(eta[wars == w], z[wars == w], logit.coef, float(logit.intercept)) for w in keys]


def top_features(frame: Any, model: Any, spec: Any, h: str, war: int, names: list[str]) -> str:
    """The raw join features of the war's five largest P(join): the states and, per feature, its mean."""
    from foedus.likely.spec import join_matrix
    from foedus.likely.validate import frame_values

    rows = frame[frame["war"] == war]
    xj = join_matrix(frame_values(rows), spec)
    top = np.argsort(-model.join[h].eta(xj), kind="stable")[:TOP]
    states = ", ".join(str(s) for s in rows["state"].to_numpy()[top])
    means = ", ".join(f"{n} {v:.2f}" for n, v in zip(names, xj[top].mean(axis=0), strict=True))
    return f"five: {states}; their means: {means}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--horizon", default="ever", choices=H)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--to", type=int, default=1945, help="the last start year of the training wars")
    args = parser.parse_args()
    from foedus.likely.dataset import training_data
    from foedus.likely.fit import fit_two_stage
    from foedus.likely.spec import SHIPPED

    warnings.simplefilter("ignore")
    frame, h = training_data().frame, args.horizon
    with one_thread():
        train = frame[frame["year"] <= args.to]
        model = fit_two_stage(train, SHIPPED, H)
    keys, parts = all_parts(model, SHIPPED, frame, h)
    first = np.unique(frame["war"].to_numpy(), return_index=True)[1]
    years, names = frame["year"].to_numpy()[first], frame["war_name"].to_numpy()[first]
    counts = np.bincount(np.unique(frame["war"].to_numpy(), return_inverse=True)[1], weights=_joined(frame, h))
    in_train = years <= args.to
    x = np.array([p.x for p in parts])
    fit = fit_size(x[in_train], counts[in_train])
    cols = [*SHIPPED.join_names]
    table = np.array([[*p.terms, p.rest, -p.log_n] for p in parts])
    mean = table[in_train].mean(axis=0)
    print(f"size-free trained on the {int(in_train.sum())} wars to {args.to}, horizon {h}: log E[joiners] = "
          f"{fit.a:+.3f} {fit.b:+.3f}·x, x clipped to [{fit.lo:.3f}, {fit.hi:.3f}], capped at {fit.cap:.0f}; "
          f"training mean x {x[in_train].mean():.3f}, mean forecast joiners "
          f"{np.mean([fit.forecast(v) for v in x[in_train]]):.2f}")
    print("join coefficients (per standard deviation): " + ", ".join(
        f"{n} {c:+.3f}" for n, c in zip(cols, model.join[h].coef, strict=True)) + f"; intercept "
          f"{model.join[h].intercept:+.3f}")
    print("\nContributions to log E[joiners] (b × the part's gap from the training wars' mean; link scale):\n")
    print("| war | year | forecast | joined | x (clipped) | " + " | ".join(cols) + " | remainder r | −log n | sum |")
    print("|---|---|---:|---:|---:|" + "---:|" * (len(cols) + 3))
    test = np.flatnonzero(~in_train)
    forecast = np.array([fit.forecast(x[i]) for i in test])
    for i in test[np.argsort(-forecast, kind="stable")][:args.top]:
        gap = fit.b * (table[i] - mean)
        clip = float(np.clip(x[i], fit.lo, fit.hi))
        print(f"| {names[i]} | {years[i]} | {fit.forecast(x[i]):.2f} | {int(counts[i])} | {x[i]:.3f} ({clip:.3f}) | "
              + " | ".join(f"{v:+.2f}" for v in gap) + f" | {gap.sum():+.2f} |")
    gaps = fit.b * (table[test] - mean)
    print("| mean of the wars from " + f"{args.to + 1} | | {forecast.mean():.2f} | {counts[test].mean():.2f} | "
          f"{x[test].mean():.3f} | " + " | ".join(f"{v:+.2f}" for v in gaps.mean(axis=0)) +
          f" | {gaps.sum(axis=1).mean():+.2f} |")
    print()
    for i in test[np.argsort(-forecast, kind="stable")][:args.top]:
        print(f"{names[i]} {years[i]}: " + top_features(frame, model, SHIPPED, h, int(keys[i]), cols))


if __name__ == "__main__":
    main()
