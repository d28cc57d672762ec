"""Forecasts with intervals at run time, in numpy only: the coefficients file's point estimates, and the
5th–95th percentiles over draws of the coefficients (their war-clustered bootstrap covariance) and of the
expected joiners per war (within 30 and 365 days: of the count ever and of the answer's era's share within the
horizon). The draws use a fixed seed, so the same question gives the same answer, and each model draws from a
stream of its own, keyed by its name (`_stream`): a change to one model (a coefficient added to the side model, say)
leaves the other models' draws, and so their intervals, as they were.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from foedus.likely.model import LogitFile, ModelFile
from foedus.likely.spec import FLOOR, HORIZON_ORDER, join_matrix, shifted, side_matrix, war_eras

__all__ = ["DRAWS", "INTERVAL", "Forecast", "forecast"]

DRAWS = 400
INTERVAL = 0.90
_SEED = 1815


@dataclass(frozen=True)
class Forecast:
    """Per candidate (rows) and horizon: the point (out, attack, defence), and the interval's ends of
    P(join either side), P(attack side) and P(defence side), in that order; and the side model's own answer, the
    same for every horizon: P(attack side | joins) with its interval's ends."""

    point: dict[str, np.ndarray]  # horizon -> (n, 3)
    low: dict[str, np.ndarray]  # horizon -> (n, 3): join, attack, defence
    high: dict[str, np.ndarray]
    side: np.ndarray  # (n, 3): P(attack side | joins), its interval's low end, its high end


def _stream(name: str) -> np.random.Generator:
    """The generator of the draws named `name` ("side", "join 30", "joiners ever"...): the fixed seed's child keyed by
    the name's bytes, so no model's draws depend on how many another model took before it, or on which horizons
    were asked. The side model keeps the seed's own stream, whose first draws were its own before the streams were
    split, so its answers (and the words they give a side) kept their numbers."""
    key = () if name == "side" else tuple(name.encode())
    return np.random.default_rng(np.random.SeedSequence(_SEED, spawn_key=key))


def _draws(m: LogitFile, rng: np.random.Generator) -> np.ndarray:
    mean = np.array([m.intercept, *m.coef])
    cov = np.array(m.cov)
    return rng.multivariate_normal(mean, cov, size=DRAWS, method="eigh", check_valid="ignore")


def forecast(model: ModelFile, values: Mapping[str, np.ndarray], horizons: tuple[str, ...] = HORIZON_ORDER
             ) -> Forecast:
    """The forecasts of one war's candidates (`values`: the feature table's columns). Horizons nest: each
    forecast, and each end of its interval, is at least the one of the shorter horizon."""
    two = model.two_stage()
    xj, xs = join_matrix(values, two.spec), side_matrix(values, two.spec)
    q_side = two.side.prob(xs)
    q_draws = 1 / (1 + np.exp(-np.clip(two.side.eta_draws(xs, _draws(model.side, _stream("side"))), -35, 35)))
    tail = (1 - INTERVAL) / 2 * 100
    joins = two.p_joins(values)
    era: Any = str(war_eras(values)[0]) if len(xj) else "pre1945"
    point, low, high = {}, {}, {}
    before: tuple[np.ndarray, np.ndarray] | None = None
    for h in horizons:
        key: Any = h
        lam = _joiner_draws(model, key, era, _stream(f"joiners {h}"))
        p_draws = shifted(two.join[h].eta_draws(xj, _draws(model.join[key], _stream(f"join {h}"))), lam)
        point[h] = _three(joins[h], q_side)
        sims = np.stack([p_draws, p_draws * q_draws, p_draws * (1 - q_draws)], axis=-1)  # (draws, n, 3)
        lo, hi = np.percentile(sims, tail, axis=0), np.percentile(sims, 100 - tail, axis=0)
        if before is not None:
            lo, hi = np.maximum(lo, before[0]), np.maximum(hi, before[1])
        low[h], high[h] = np.maximum(lo, FLOOR), np.maximum(hi, FLOOR)  # both ends floored, as the point is
        before = (lo, hi)
    side = np.column_stack([q_side, np.percentile(q_draws, tail, axis=0), np.percentile(q_draws, 100 - tail, axis=0)])
    return Forecast(point, low, high, side.reshape(len(q_side), 3))


def _joiner_draws(model: ModelFile, h: Any, era: Any, rng: np.random.Generator) -> np.ndarray:
    """Draws of the war's expected joiners within `h`: of the pooled count, or, where the file has the era's share
    within `h`, of the count ever times the share (each drawn from its bootstrap spread, independently)."""
    share = model.share.get(h, {}).get(era)
    if share is None:
        lam = rng.normal(model.expected[h]["mean"], model.expected[h]["sd"], DRAWS)
    else:
        ever = model.expected["ever"]
        lam = rng.normal(ever["mean"], ever["sd"], DRAWS) * np.clip(rng.normal(share["mean"], share["sd"], DRAWS), 0, 1)
    return np.asarray(np.maximum(lam, 0.05))


def _three(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    att, dfn = np.maximum(p * q, FLOOR), np.maximum(p * (1 - q), FLOOR)
    return np.column_stack([1 - att - dfn, att, dfn])
