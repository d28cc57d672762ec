"""The Monte Carlo part of a cascade result (`--draws`): the record its JSON keys come from.

Kept apart from `foedus.engine.records` (which re-exports it) so each module keeps to one job and its size;
the numbers themselves are computed in `foedus.engine.fast.montecarlo.MonteCarloResult`.
"""

from __future__ import annotations

from typing import Any

from foedus.datarecord import dataclass, field
from foedus.engine.contract import Contracted, meta

__all__ = ["SHARE_CONFIDENCE", "MonteCarloSummary"]

SHARE_CONFIDENCE = 0.95
"""The coverage of each share's interval (`probability_intervals`): the Wilson score interval's."""


@dataclass(frozen=True)
class MonteCarloSummary(Contracted):
    """The probabilistic part of a result: draws, the seed they came from (always recorded), each state's
    probability of fighting on each side with its Monte Carlo interval, the war's size, major powers on opposite
    sides, the honour model used, and the expected coalition power."""

    draws: int = field(metadata=meta("Monte Carlo draws", "number"))
    seed: int = field(metadata=meta("the seed of the draws (chosen and reported when none was given)", "number"))
    probabilities: dict[str, dict[str, float]] = field(metadata=meta(
        "per state that ever fights: P(attack side), P(defense side)",
        "Record<string, { attack: number; defense: number }>"))
    probability_intervals: dict[str, dict[str, list[float]]] = field(metadata=meta(
        "per state in `probabilities`: each share's 95% Wilson score interval [low, high] over the draws; the "
        "simulation's error only (more draws narrow it), not the uncertainty of the honour rates themselves",
        "Record<string, { attack: [number, number]; defense: [number, number] }>"))
    war_size: dict[str, Any] = field(metadata=meta("belligerents per draw: mean, p5, p50, p95, distribution",
                                                   "WarSize"))
    p_major_powers_opposite: float | None = field(metadata=meta(
        "share of draws with major powers on both sides; null when not known (`p_major_powers_unknown` says why)",
        "number | null"))
    honour_model: dict[str, Any] = field(metadata=meta("the honour probabilities used", "Record<string, unknown>"))
    expected_power: dict[str, Any] | None = field(default=None, metadata=meta(
        "each side's CINC over the draws (mean, 5th and 95th percentiles)", "Power | null"))
    p_major_powers_unknown: str | None = field(default=None, metadata=meta(
        "why `p_major_powers_opposite` is not known (COW's major-power list not loaded, or a day before it begins); "
        "null when it is", "string | null"))
