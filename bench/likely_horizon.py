"""`horizon-era` and `era-intercept` for bench/likely_experiments.py (issue #14; session 65, registered in
docs/likelihood-experiments.md before any score of them was seen). `horizon-era` met the adoption rule and ships: the
model's `foedus.likely.fit.era_shares` and `TwoStage.joiners_of` compute it, and tests/test_likely_horizon_era.py checks
that `foedus likely report` scores it to the digit as this variant does.

- `horizon-era`: each war's expected joiners within 30 and 365 days the shipped expected joiners ever (the mean over
  every training war) times the share of the ever-joiners who joined within that horizon, over the training wars of
  the test war's era (before 1945, from 1945); the pooled share (the shipped counts exactly) where the fold has fewer
  than `ERA_MIN_WARS` wars of that era or no ever-joiner in them. Only the horizon's scaling is read per era: the
  count ever, the ranking and the side model are the shipped ones (session 65 measured the share: 51% before 1945,
  18% from 1945, within 30 days).
- `era-intercept`: the join models fitted with a near-free intercept per era (the two eras' columns, prior sd
  `WAR_SCALE` on the log-odds, as `war-effect`'s war intercepts), dropped at prediction, where the per-war shift sets
  each war's level: one shared ranking of the features, read within eras.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

HORIZON_VARIANTS = ("horizon-era", "era-intercept")
ERA_MIN_WARS = 5  # as bench/likely_experiments.py's `era-count` and `foedus likely fit` ask of a training window


def horizon_share(frame: Any, h: str) -> float | None:
    """The share of the ever-joiners of `frame` who joined within `h`; None where none joined ever.

    >>> import pandas as pd
    >>> f = pd.DataFrame({"outcome_30": ["out", "attack", "out"], "outcome_ever": ["defense", "attack", "out"]})
    >>> horizon_share(f, "30"), horizon_share(f.iloc[2:], "30")
    (0.5, None)
    """
    ever = int((frame["outcome_ever"].to_numpy() != "out").sum())
    return int((frame[f"outcome_{h}"].to_numpy() != "out").sum()) / ever if ever else None


def horizon_expected(model: Any, train: Any, test_war: Any, h: str) -> float:
    """`horizon-era`'s expected joiners of the test war within `h`: ever as shipped; a shorter horizon the shipped
    count ever times the share within `h` of the training wars of the test war's era (the shipped count where that
    era has fewer than `ERA_MIN_WARS` training wars or no ever-joiner)."""
    if h == "ever":
        return float(model.expected[h])
    same = train[train["era"].to_numpy() == test_war["era"].to_numpy()[0]]
    share = horizon_share(same, h) if len(np.unique(same["war"].to_numpy())) >= ERA_MIN_WARS else None
    return float(model.expected[h]) if share is None else float(model.expected["ever"]) * share


def era_intercept_model(spec: Any, train: Any, horizons: tuple[str, ...]) -> Any:
    """`fit_two_stage` on `train` with its join models refitted with one near-free intercept per era (likely_within's
    `fit_within` with the eras as its groups); the side model and expected joiners as shipped."""
    from foedus.likely.fit import C_JOIN, fit_two_stage
    from foedus.likely.spec import join_matrix
    from foedus.likely.validate import frame_values
    from likely_within import fit_within

    model = fit_two_stage(train, spec, horizons)
    xj, eras = join_matrix(frame_values(train), spec), train["era"].to_numpy()
    join = {h: fit_within(xj, np.asarray(train[f"outcome_{h}"].to_numpy() != "out", dtype=np.int64), eras, C_JOIN)
            for h in horizons}
    return replace(model, join=join)


def horizon_variants(make: Callable[..., Any], spec: Any) -> dict[str, Any]:
    """The two variants' predictors (`make`, likely_experiments' `_predict`)."""
    return {"horizon-era": make(spec, expected=horizon_expected), "era-intercept": make(spec, fit=era_intercept_model)}
