"""Proper scores for three-outcome forecasts: stays out / joins the attack / joins the defence.

A forecast is (P(attack), P(defence)); P(out) is the rest. The multi-class Brier score is the squared
distance between the forecast vector and the outcome's indicator vector (0 best, 2 worst); the log loss is
−ln P(outcome), with probabilities clipped to [`EPS`, 1] and renormalised so a state given no chance that
joined costs −ln `EPS` rather than infinity. Both are compared with the base rate: the constant forecast
equal to the three outcomes' shares among the same pairs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["CLASSES", "EPS", "MultiScore", "brier3", "log_loss3", "score3"]

CLASSES = ("out", "attack", "defense")
EPS = 1e-3


def _vector(p_attack: float, p_defense: float) -> tuple[float, float, float]:
    return (max(0.0, 1.0 - p_attack - p_defense), p_attack, p_defense)


def brier3(p_attack: float, p_defense: float, outcome: str) -> float:
    """Multi-class Brier score of one forecast.

    >>> round(brier3(0.0, 0.8, "defense"), 4), round(brier3(0.0, 0.0, "attack"), 4)
    (0.08, 2.0)
    """
    v = _vector(p_attack, p_defense)
    return sum((p - (c == outcome)) ** 2 for p, c in zip(v, CLASSES, strict=True))


def log_loss3(p_attack: float, p_defense: float, outcome: str, eps: float = EPS) -> float:
    """Log loss of one forecast, clipped at `eps`.

    >>> round(log_loss3(0.0, 0.5, "defense"), 4), round(log_loss3(0.0, 0.0, "attack"), 4)
    (0.6941, 6.9098)
    """
    v = [max(p, eps) for p in _vector(p_attack, p_defense)]
    return -math.log(v[CLASSES.index(outcome)] / sum(v))


@dataclass(frozen=True, slots=True)
class MultiScore:
    """Mean Brier and log loss of a set of forecasts, against the base rate on the same pairs."""

    n: int
    counts: dict[str, int]
    brier: float | None
    log_loss: float | None
    base_brier: float | None
    base_log_loss: float | None

    @property
    def brier_skill(self) -> float | None:
        """1 − Brier / base-rate Brier (above 0 beats the base rate)."""
        return None if not self.base_brier or self.brier is None else 1 - self.brier / self.base_brier

    @property
    def log_skill(self) -> float | None:
        """1 − log loss / base-rate log loss."""
        return None if not self.base_log_loss or self.log_loss is None else 1 - self.log_loss / self.base_log_loss

    def to_dict(self) -> dict[str, object]:
        """Plain form, rounded."""
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 6)

        return {"pairs": self.n, "counts": self.counts, "brier": r(self.brier), "log_loss": r(self.log_loss),
                "base_brier": r(self.base_brier), "base_log_loss": r(self.base_log_loss),
                "brier_skill": r(self.brier_skill), "log_skill": r(self.log_skill)}


def score3(forecasts: Sequence[tuple[float, float, str]]) -> MultiScore:
    """Score (P(attack), P(defence), outcome) triples against their base rate.

    >>> s = score3([(0.0, 0.9, "defense"), (0.0, 0.0, "out"), (0.0, 0.0, "out"), (0.0, 0.0, "out")])
    >>> round(s.brier, 4), round(s.base_brier, 4), s.brier_skill > 0
    (0.005, 0.375, True)
    """
    n = len(forecasts)
    counts = {c: sum(1 for *_, y in forecasts if y == c) for c in CLASSES}
    if not n:
        return MultiScore(0, counts, None, None, None, None)
    rate = {c: counts[c] / n for c in CLASSES}
    brier = sum(brier3(a, d, y) for a, d, y in forecasts) / n
    loss = sum(log_loss3(a, d, y) for a, d, y in forecasts) / n
    base_brier = sum(brier3(rate["attack"], rate["defense"], y) for *_, y in forecasts) / n
    base_loss = sum(log_loss3(rate["attack"], rate["defense"], y) for *_, y in forecasts) / n
    return MultiScore(n, counts, brier, loss, base_brier, base_loss)
