"""The in-fold penalty choice of bench/likely_experiments.py (issue #14): the inner cross-validated loss of each
(join C, side C) on one dealing of the training wars into inner folds, and that loss averaged over several dealings.

Session 58 found that `tie2-bound-cv`'s choice, and whether it meets the adoption rule, moves with the one dealing
(`--inner-seed`) its inner folds use. The `-avg` variants (session 59, registered in docs/likelihood-experiments.md
before any score of them was seen) make one choice per training fold from the loss averaged over the dealings
`--inner-seeds` names, so no single dealing decides it.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import numpy as np

from likely_size import inner_folds

H = ("30", "365", "ever")
AVG_VARIANTS = {"tie2-bound-cv-avg": "tie2-bound", "shipped-cv-avg": "shipped"}  # variant -> the spec it picks for
# the registered K (docs/likelihood-experiments.md): chosen from a timing of the inner search, before any score
K_DEALINGS = 3
SEED_SETS = ((0, 1, 2), (3, 4, 5))  # the two registered, disjoint sets of dealings; adoption needs the rule at both


def inner_loss(spec: Any, train: Any, seed: int, join_grid: tuple[float, ...],
               side_grid: tuple[float, ...]) -> np.ndarray:
    """The held-out wars' multi-class log loss (clipped at 0.001), summed over the horizons and the 5 war-grouped
    inner folds dealt by `seed`, of each (join C, side C) of `join_grid` × `side_grid` (rows: join C)."""
    from foedus.backtest.multiclass import CLASSES
    from foedus.likely.fit import expected_joiners, fit_logit
    from foedus.likely.spec import combine, join_matrix, side_matrix
    from foedus.likely.validate import frame_values

    k_of = inner_folds(train["war"].to_numpy(), seed)
    loss = np.zeros((len(join_grid), len(side_grid)))
    for k in range(5):
        inner, held = train[k_of != k], train[k_of == k]
        tr, te = frame_values(inner), frame_values(held)
        xj, xs, joined = join_matrix(tr, spec), side_matrix(tr, spec), tr["outcome_ever"] != "out"
        attack = (tr["outcome_ever"][joined] == "attack").astype(np.int64)
        expected = {h: expected_joiners(inner, h) for h in H}
        qs = [fit_logit(xs[joined], attack, c).prob(side_matrix(te, spec)) for c in side_grid]
        hot = {h: te[f"outcome_{h}"][:, None] == np.array(CLASSES)[None, :] for h in H}
        ys = {h: np.asarray(inner[f"outcome_{h}"].to_numpy() != "out", dtype=np.int64) for h in H}
        x_held = join_matrix(te, spec)
        etas = {h: np.stack([fit_logit(xj, ys[h], cj).eta(x_held) for cj in join_grid]) for h in H}
        p = shifted_joins(etas, expected, held["war"].to_numpy())
        for i in range(len(join_grid)):
            for j, q in enumerate(qs):
                loss[i, j] -= sum(np.log(np.clip(combine(p[h][i], q)[hot[h]], 1e-3, 1)).sum() for h in H)
    return loss


def shifted_joins(etas: dict[str, np.ndarray], expected: dict[str, float], wars: np.ndarray) -> dict[str, np.ndarray]:
    """P(join) per horizon of each row of `etas[h]` (one per join C; columns the held-out pairs), as
    `TwoStage.p_joins` gives it: each war's predictors shifted to `expected[h]`, the horizons nested; every row and
    horizon of one war shifted in one call of `shifted`, which bisects each row on its own, so the numbers are the
    same as war by war, C by C (tests/test_bench.py checks it) at a seventh of the calls or less."""
    from foedus.likely.spec import shifted

    rows_per = len(next(iter(etas.values())))
    out = {h: np.empty_like(etas[h]) for h in H}
    target = np.repeat([expected[h] for h in H], rows_per)
    keys, groups = np.unique(wars, return_inverse=True)
    for g in range(len(keys)):
        cols = groups == g
        got = shifted(np.concatenate([etas[h][:, cols] for h in H]), target)
        for k, h in enumerate(H):
            out[h][:, cols] = got[k * rows_per:(k + 1) * rows_per]
    for before, h in pairwise(H):
        out[h] = np.maximum(out[h], out[before])
    return out


def averaged_loss(spec: Any, train: Any, seeds: tuple[int, ...], join_grid: tuple[float, ...],
                  side_grid: tuple[float, ...]) -> np.ndarray:
    """`inner_loss` averaged over the dealings `seeds` (with one seed, that dealing's loss)."""
    return np.asarray(np.mean([inner_loss(spec, train, s, join_grid, side_grid) for s in seeds], axis=0))


def best(loss: np.ndarray, join_grid: tuple[float, ...], side_grid: tuple[float, ...]) -> tuple[float, float]:
    """The (join C, side C) of the least loss (the first, in grid order, on a tie)."""
    i, j = np.unravel_index(np.argmin(loss), loss.shape)
    return float(join_grid[i]), float(side_grid[j])


def seeds_arg(text: str) -> tuple[int, ...]:
    """`--inner-seeds`: distinct whole numbers, comma-separated ("0,1,2")."""
    import argparse

    try:
        seeds = tuple(int(s) for s in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected whole numbers, comma-separated (0,1,2)") from None
    if len(set(seeds)) != len(seeds) or min(seeds) < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: expected distinct seeds, none negative")
    return seeds
