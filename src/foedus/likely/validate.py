"""Out-of-sample forecasts of every model in every validation scheme, each fold fitted on its training wars.

Models: `shipped` (the two-stage model of `foedus.likely.spec`, its shorter horizons' counts read by era),
`base-rate` (the training fold's outcome shares), `treaty-only` (the same two stages on the engine's legal answer
alone, the pooled counts), `monte-carlo` (today's probabilistic mode on the opening attack: legal reading,
default honour model; needs the training table's `mc_*` columns), and with `challengers`: `gated` (the shipped
model, pooled counts, fitted inside a relevance gate —
contiguous or within two steps, allied, a major power, or bound — with the training rate outside it),
`multinomial` (one multinomial penalised logistic regression on every feature) and `boosting`
(scikit-learn's histogram gradient boosting); and two diagnostics that are not forecasts, since each reads
one fact of the test war's outcome: `known-count` (the shipped ranking, shifted to the war's real number
of joiners instead of the training mean) and `known-side` (the shipped P(join), each joiner put on the
side it really took). They bound what a war-size model or a better side model could add. Needs
scikit-learn (`foedus[model]`).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from foedus.backtest.multiclass import CLASSES
from foedus.likely.features import columns
from foedus.likely.fit import fit_two_stage
from foedus.likely.folds import folds
from foedus.likely.spec import (
    SHIPPED,
    TREATY_ONLY,
    TwoStage,
    combine,
    in_gate,
    side_matrix,
)
from foedus.likely.threads import one_thread

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BASELINES", "CHALLENGERS", "DIAGNOSTICS", "Forecasts", "base_rate", "forecasts", "frame_values", "gate"]

BASELINES = ("base-rate", "treaty-only", "monte-carlo")
CHALLENGERS = ("gated", "multinomial", "boosting")
DIAGNOSTICS = ("known-count", "known-side")  # read the test war's outcome: bounds, not forecasts
Forecasts = dict[str, dict[str, np.ndarray]]  # horizon -> model -> (rows, 3), NaN outside the test rows


def gate(frame: pd.DataFrame) -> np.ndarray:
    """The relevance gate (`foedus.likely.spec.in_gate`) of each row."""
    return in_gate(frame_values(frame))


def base_rate(frame: pd.DataFrame, horizon: str) -> np.ndarray:
    """The share of each outcome class (`CLASSES`) among the frame's rows at `horizon`."""
    y = frame[f"outcome_{horizon}"].to_numpy()
    return np.array([(y == c).mean() for c in CLASSES])


def frame_values(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """The frame's columns as numpy arrays, by name (what the model's feature matrices read)."""
    return {c: frame[c].to_numpy() for c in frame.columns}


def _gated(train: pd.DataFrame, test: pd.DataFrame, horizon: str) -> np.ndarray:
    g_tr, g_te = gate(train), gate(test)
    model = fit_two_stage(train[g_tr], SHIPPED, (horizon,))
    out = model.predict(frame_values(test), horizon, test["war"].to_numpy())
    y = train[f"outcome_{horizon}"].to_numpy()[~g_tr]
    floor = (np.array([(y == c).sum() for c in CLASSES]) + 0.5) / (len(y) + 1.5)
    out[~g_te] = floor
    return out


def _multinomial(train: pd.DataFrame, test: pd.DataFrame, horizon: str) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    cols = columns()
    x, z = train[cols].to_numpy(), test[cols].to_numpy()
    mu, sd = x.mean(axis=0), np.where(x.std(axis=0) > 0, x.std(axis=0), 1.0)
    y = train[f"outcome_{horizon}"].to_numpy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = LogisticRegression(C=0.05, max_iter=5000).fit((x - mu) / sd, y)
    return _aligned(m.predict_proba((z - mu) / sd), list(m.classes_))


def _boosting(train: pd.DataFrame, test: pd.DataFrame, horizon: str) -> np.ndarray:
    from sklearn.ensemble import HistGradientBoostingClassifier

    cols = columns()
    m = HistGradientBoostingClassifier(max_iter=100, learning_rate=0.05, max_depth=3, min_samples_leaf=40,
                                       l2_regularization=1.0, early_stopping=False, random_state=0)
    m.fit(train[cols].to_numpy(), train[f"outcome_{horizon}"].to_numpy())
    return _aligned(m.predict_proba(test[cols].to_numpy()), list(m.classes_))


def _aligned(p: np.ndarray, classes: list[str]) -> np.ndarray:
    out = np.zeros((len(p), 3))
    for i, c in enumerate(CLASSES):
        if c in classes:
            out[:, i] = p[:, classes.index(c)]
    att, dfn = np.maximum(out[:, 1], 1e-4), np.maximum(out[:, 2], 1e-4)
    return np.column_stack([1 - att - dfn, att, dfn])


def _monte_carlo(test: pd.DataFrame) -> np.ndarray:
    att, dfn = test["mc_attack"].to_numpy(), test["mc_defense"].to_numpy()
    return np.column_stack([np.maximum(1 - att - dfn, 0.0), att, dfn])


def _known_count(model: TwoStage, test: pd.DataFrame) -> dict[str, np.ndarray]:
    """P(join) shifted, war by war, to the test war's real number of joiners (0.05 for a war nobody joined)."""
    wars = test["war"].to_numpy()
    joined = {h: test[f"outcome_{h}"].to_numpy() != "out" for h in model.join}
    joiners = {h: {w: max(float(joined[h][wars == w].sum()), 0.05) for w in np.unique(wars)} for h in model.join}
    return model.p_joins(frame_values(test), wars, joiners)


def _known_side(p_join: np.ndarray, p_attack: np.ndarray, test: pd.DataFrame) -> np.ndarray:
    took = test["outcome_ever"].to_numpy()
    return combine(p_join, np.where(took == "attack", 1.0, np.where(took == "defense", 0.0, p_attack)))


def _fold(train: pd.DataFrame, test: pd.DataFrame, horizons: tuple[str, ...],
          challengers: bool) -> dict[str, dict[str, np.ndarray]]:
    shipped = fit_two_stage(train, SHIPPED, horizons, by_era=True)  # each era's share of the ever-joiners
    treaty = fit_two_stage(train, TREATY_ONLY, horizons)
    values, wars = frame_values(test), test["war"].to_numpy()
    joins = {"shipped": shipped.p_joins(values, wars), "treaty-only": treaty.p_joins(values, wars)}
    sides = {"shipped": shipped.side.prob(side_matrix(values, SHIPPED)),
             "treaty-only": treaty.side.prob(side_matrix(values, TREATY_ONLY))}
    known = _known_count(shipped, test) if challengers else {}
    out: dict[str, dict[str, np.ndarray]] = {}
    for h in horizons:
        out[h] = {m: combine(joins[m][h], sides[m]) for m in joins}
        out[h]["base-rate"] = np.tile(base_rate(train, h), (len(test), 1))
        if "mc_attack" in test.columns:
            out[h]["monte-carlo"] = _monte_carlo(test)
        if challengers:
            out[h] |= {"gated": _gated(train, test, h), "multinomial": _multinomial(train, test, h),
                       "boosting": _boosting(train, test, h),
                       "known-count": combine(known[h], sides["shipped"]),
                       "known-side": _known_side(joins["shipped"][h], sides["shipped"], test)}
    return out


def forecasts(frame: pd.DataFrame, scheme: str, horizons: tuple[str, ...], *, challengers: bool = False,
              on_fold: Callable[[], None] | None = None) -> tuple[Forecasts, np.ndarray]:
    """Every model's out-of-sample forecasts in `scheme`, and the mask of the rows it tests."""
    wars, years = frame["war"].to_numpy(), frame["year"].to_numpy()
    out: Forecasts = {}
    tested = np.zeros(len(frame), bool)
    with one_thread():  # small fits: threads only contend (and oversubscribe a shared machine)
        for _, train, test in folds(scheme, wars, years):
            if not test.any() or not train.any() or not (frame["outcome_ever"][train] != "out").any():
                continue  # nothing to test, or nothing to learn from (a slice of the wars)
            got = _fold(frame[train], frame[test], horizons, challengers)
            for h, models in got.items():
                for name, probs in models.items():
                    out.setdefault(h, {}).setdefault(name, np.full((len(frame), 3), np.nan))[test] = probs
            tested |= test
            if on_fold is not None:
                on_fold()
    return out, tested

