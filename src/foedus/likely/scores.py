"""Out-of-sample scores of three-outcome forecasts, with war-clustered bootstrap intervals.

Brier and log loss per pair come from `foedus.backtest.multiclass` (the backtest's own definitions: the
multi-class Brier score, 0 best and 2 worst, and −ln P(outcome) with probabilities clipped at 0.001);
skill is 1 − score / the base rate's score on the same pairs, the base rate being the training fold's
outcome shares. AUC ranks P(joins, either side) against whether the state joined. The calibration slope
and intercept are those of a logistic recalibration, logit P(joined) = a + b·logit(forecast) (b = 1, a = 0
when calibrated; a is also given with b held at 1, "calibration in the large"); a fit that does not
converge (forecasts without spread, or mostly exact zeros) gives None. Reliability bins are on
P(joins) with counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from foedus.backtest.multiclass import CLASSES, brier3, log_loss3

__all__ = ["BINS", "MIN_REPLICATES", "Scored", "auc", "calibration", "per_pair", "reliability", "summary"]

BINS = (0.0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0)
_DEGENERATE = 50.0  # a recalibration slope beyond this did not converge: reported as None


def per_pair(probs: np.ndarray, outcomes: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Brier score and log loss of each (out, attack, defence) forecast."""
    brier = np.array([brier3(p[1], p[2], y) for p, y in zip(probs, outcomes, strict=True)])
    loss = np.array([log_loss3(p[1], p[2], y) for p, y in zip(probs, outcomes, strict=True)])
    return brier, loss


def auc(score: np.ndarray, label: np.ndarray) -> float | None:
    """Area under the ROC curve (ties count half); None without both classes.

    >>> auc(np.array([0.1, 0.4, 0.35, 0.8]), np.array([0, 0, 1, 1]))
    0.75
    """
    pos, neg = label == 1, label == 0
    if not pos.any() or not neg.any():
        return None
    ranks = _ranks(score)
    return float((ranks[pos].sum() - pos.sum() * (pos.sum() + 1) / 2) / (pos.sum() * neg.sum()))


def _ranks(x: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x))
    ranks[order] = np.arange(1, len(x) + 1)
    _, inverse, counts = np.unique(x, return_inverse=True, return_counts=True)
    sums = np.bincount(inverse, weights=ranks)
    return np.asarray(sums[inverse] / counts[inverse])


def calibration(p: np.ndarray, label: np.ndarray) -> tuple[float | None, float | None, float | None]:
    """(slope, intercept, intercept with the slope held at 1) of logit P(label) on logit(p), by Newton."""
    if label.min() == label.max():
        return None, None, None
    q = np.clip(p, 1e-6, 1 - 1e-6)
    lg = np.log(q / (1 - q))
    x = np.column_stack([np.ones_like(lg), lg])
    beta = np.array([0.0, 1.0])
    for _ in range(50):
        mu = 1 / (1 + np.exp(-np.clip(x @ beta, -35, 35)))
        w = mu * (1 - mu)
        newton = np.linalg.solve((x * w[:, None]).T @ x + 1e-9 * np.eye(2), x.T @ (label - mu))
        beta += newton
        if np.abs(newton).max() < 1e-10:
            break
    a = 0.0
    for _ in range(50):
        mu = 1 / (1 + np.exp(-np.clip(a + lg, -35, 35)))
        step = float((label - mu).sum() / max((mu * (1 - mu)).sum(), 1e-12))
        a += step
        if abs(step) < 1e-12:
            break
    if not np.all(np.isfinite(beta)) or abs(beta[1]) > _DEGENERATE:
        return None, None, a  # no usable spread in the forecasts (a constant, or mostly exact zeros)
    return float(beta[1]), float(beta[0]), a


def reliability(p: np.ndarray, label: np.ndarray) -> list[dict[str, float | int | None]]:
    """Per bin of P(joins): the range, pairs, mean forecast and share that joined."""
    idx = np.clip(np.digitize(p, BINS[1:-1]), 0, len(BINS) - 2)
    rows: list[dict[str, float | int | None]] = []
    for b in range(len(BINS) - 1):
        m = idx == b
        rows.append({"low": BINS[b], "high": BINS[b + 1], "pairs": int(m.sum()),
                     "forecast": float(p[m].mean()) if m.any() else None,
                     "observed": float(label[m].mean()) if m.any() else None, "joined": int(label[m].sum())})
    return rows


@dataclass
class Scored:
    """A model's forecasts and its base rate's on the same pairs, with per-pair scores and the war of each."""

    probs: np.ndarray
    base: np.ndarray
    outcomes: np.ndarray
    wars: np.ndarray

    def __post_init__(self) -> None:
        self.brier, self.loss = per_pair(self.probs, list(self.outcomes))
        self.base_brier, self.base_loss = per_pair(self.base, list(self.outcomes))
        self.joined = (self.outcomes != "out").astype(np.int64)


def _point(s: Scored, rows: np.ndarray) -> dict[str, float | None]:
    brier, base_brier = s.brier[rows].mean(), s.base_brier[rows].mean()
    loss, base_loss = s.loss[rows].mean(), s.base_loss[rows].mean()
    p_join = 1 - s.probs[rows, 0]
    slope, intercept, large = calibration(p_join, s.joined[rows])
    return {"brier": float(brier), "base_brier": float(base_brier), "log_loss": float(loss),
            "base_log_loss": float(base_loss), "brier_skill": float(1 - brier / base_brier) if base_brier else None,
            "log_skill": float(1 - loss / base_loss) if base_loss else None, "auc": auc(p_join, s.joined[rows]),
            "calibration_slope": slope, "calibration_intercept": intercept, "calibration_in_the_large": large}


_INTERVAL = ("brier_skill", "log_skill", "auc", "calibration_slope")

MIN_REPLICATES = 2
"""The fewest bootstrap replicates that measure an uncertainty (a validation score's interval here, a fitted model's
covariance: `foedus.likely.attach.no_bootstrap`, the report's words `foedus.likely.report`): one resample's
"interval" is its point, said as if measured."""


def summary(s: Scored, mask: np.ndarray | None = None, replicates: int = 0, seed: int = 0) -> dict[str, object]:
    """Point scores over the pairs in `mask`, with 95% war-clustered bootstrap intervals for the skills, the AUC
    and the calibration slope (`replicates` resamples of the wars)."""
    rows = np.flatnonzero(mask if mask is not None else np.ones(len(s.outcomes), bool))
    out: dict[str, object] = {"pairs": len(rows), "wars": len(np.unique(s.wars[rows])),
                              "counts": {c: int((s.outcomes[rows] == c).sum()) for c in CLASSES}}
    out |= _point(s, rows)
    if replicates >= MIN_REPLICATES and len(rows):
        rng = np.random.default_rng(seed)
        by_war = [rows[s.wars[rows] == w] for w in np.unique(s.wars[rows])]
        draws: dict[str, list[float]] = {k: [] for k in _INTERVAL}
        for _ in range(replicates):
            pick = np.concatenate([by_war[i] for i in rng.integers(0, len(by_war), len(by_war))])
            point = _point(s, pick)
            for k in _INTERVAL:
                if point[k] is not None:
                    draws[k].append(float(point[k]))  # type: ignore[arg-type]
        out["interval95"] = {k: [float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))] if v else None
                             for k, v in draws.items()}
    return out
