"""Scores of predicted joiners against real ones: precision, recall, F1, Brier score, calibration bins.

Pure functions over small records, so the figures can be checked by hand (tests do).
A hit is a joiner predicted on the side it really fought on; a predicted joiner that stayed out or
fought on the other side is a false positive; a real joiner not predicted on its side a false negative.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = ["Bin", "Counts", "Pair", "brier", "brier_skill", "calibration", "reference_brier"]

Side = Literal["attack", "defense"]


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives, with the rates they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @staticmethod
    def total(items: Iterable[Counts]) -> Counts:
        """The pooled counts of many wars.

        >>> Counts.total([Counts(1, 2, 3), Counts(1, 0, 1)])
        Counts(tp=2, fp=2, fn=4)
        """
        out = Counts()
        for c in items:
            out = out + c
        return out

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp); None when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn); None when nothing happened."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall (0 when both are 0, None when either is undefined).

        >>> round(Counts(tp=2, fp=2, fn=6).f1, 4)
        0.3333
        """
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int | None]:
        """Counts and rates as plain data."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": _r(self.precision),
                "recall": _r(self.recall), "f1": _r(self.f1)}


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 6)


@dataclass(frozen=True, slots=True)
class Pair:
    """One (war, candidate state) forecast: P(joins the attackers), P(joins the defenders), what it did."""

    war: int
    state: str
    p_attack: float
    p_defense: float
    joined: Side | None  # the side it fought on, None if it stayed out

    @property
    def forecast(self) -> tuple[float, int]:
        """P(joins on the side the forecast favours) and whether it did (1) or not (0).

        The favoured side is the one with the higher probability; on a tie (both 0 included) it is the
        side the state really fought on, so a state given no chance that joined counts as a miss.

        >>> Pair(1, "X", 0.1, 0.7, "defense").forecast, Pair(1, "Y", 0.0, 0.0, "attack").forecast
        ((0.7, 1), (0.0, 1))
        """
        if self.p_attack > self.p_defense:
            return self.p_attack, int(self.joined == "attack")
        if self.p_defense > self.p_attack:
            return self.p_defense, int(self.joined == "defense")
        return self.p_defense, int(self.joined is not None)


def brier(pairs: Sequence[Pair]) -> float | None:
    """Mean squared error of the forecasts `Pair.forecast` over the pairs (None when there are none).

    >>> brier([Pair(1, "A", 0.0, 0.8, "defense"), Pair(1, "B", 0.0, 0.5, None)])
    0.145
    """
    if not pairs:
        return None
    return round(sum((p - y) ** 2 for p, y in (x.forecast for x in pairs)) / len(pairs), 12)


def reference_brier(pairs: Sequence[Pair]) -> float | None:
    """Brier score of the constant forecast equal to the pairs' base rate (the climatological reference)."""
    if not pairs:
        return None
    ys = [y for _, y in (x.forecast for x in pairs)]
    rate = sum(ys) / len(ys)
    return round(sum((rate - y) ** 2 for y in ys) / len(ys), 12)


def brier_skill(pairs: Sequence[Pair]) -> float | None:
    """1 - Brier / reference Brier: above 0 beats the base rate (None when undefined)."""
    b, ref = brier(pairs), reference_brier(pairs)
    if b is None or not ref:
        return None
    return round(1 - b / ref, 12)


@dataclass(frozen=True, slots=True)
class Bin:
    """One bin of the reliability diagram."""

    lo: float
    hi: float
    n: int
    mean_forecast: float | None
    observed: float | None

    def to_dict(self) -> dict[str, float | int | None]:
        """Plain form for the JSON report."""
        return {"lo": self.lo, "hi": self.hi, "n": self.n, "mean_forecast": _r(self.mean_forecast),
                "observed": _r(self.observed)}


def calibration(pairs: Sequence[Pair], bins: int = 10) -> list[Bin]:
    """Equal-width bins of the forecast probability, with the mean forecast and observed frequency in each.

    >>> [(b.n, b.observed) for b in calibration([Pair(1, "A", 0, 0.05, None), Pair(1, "B", 0, 0.95, "defense")], 2)]
    [(1, 0.0), (1, 1.0)]
    """
    sums = [[0, 0.0, 0] for _ in range(bins)]
    for p, y in (x.forecast for x in pairs):
        cell = sums[min(int(p * bins), bins - 1)]
        cell[0] += 1
        cell[1] += p
        cell[2] += y
    return [Bin(lo=round(i / bins, 6), hi=round((i + 1) / bins, 6), n=int(n),
                mean_forecast=(s / n if n else None), observed=(k / n if n else None))
            for i, (n, s, k) in enumerate(sums)]
