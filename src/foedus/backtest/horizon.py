"""Score forecasts by horizon on the replayed outcomes, for the replay and for the opening attack alike.

Scored pairs: every candidate that is neither an original party nor a new target (those are scored apart:
a state that was attacked did not choose to join). A deterministic forecast is a side from a date (the
replay: the first date the engine bound the state before it entered; the opening attack: the war's start);
it counts at a horizon when its date is within it. A hit is a state forecast on the side it really took by
the horizon; a forecast side it did not take by then is a false alarm; a state that took a side it was not
forecast on is a miss. The probabilistic forecasts are scored with `foedus.backtest.multiclass`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from foedus.backtest.metrics import Counts
from foedus.backtest.multiclass import MultiScore, score3
from foedus.backtest.outcomes import OutcomeRow

__all__ = ["HORIZON_KEYS", "Forecast", "counts_at", "new_target_split", "probabilistic_at", "scored"]

HORIZON_KEYS: tuple[tuple[str, int | None], ...] = (("30", 30), ("365", 365), ("ever", None))
Forecast = tuple[dt.date, str]  # (from when, which side)


def scored(rows: Iterable[OutcomeRow], era: str = "overall") -> list[OutcomeRow]:
    """The pairs scored as joiners: roles `joiner` and `none`, in the era (`overall`, `pre1945`, `post1945`)."""
    return [r for r in rows if r.role in ("joiner", "none") and (era == "overall" or r.era == era)]


def _outcome(row: OutcomeRow, key: str) -> str:
    return str(getattr(row, f"outcome_{key}"))


def _cut(row: OutcomeRow, days: int | None) -> dt.date:
    return row.war_start + dt.timedelta(days=days) if days is not None else dt.date.max


def counts_at(rows: Iterable[OutcomeRow], forecasts: Mapping[tuple[int, str], Forecast], key: str,
              days: int | None) -> Counts:
    """True positives, false alarms and misses at one horizon."""
    tp = fp = fn = 0
    for row in rows:
        f = forecasts.get((row.war, row.state))
        side = f[1] if f is not None and f[0] <= _cut(row, days) else None
        actual = _outcome(row, key)
        if side is not None and side == actual:
            tp += 1
            continue
        fp += side is not None
        fn += actual != "out"
    return Counts(tp, fp, fn)


def probabilistic_at(rows: Iterable[OutcomeRow], probs: Mapping[tuple[int, str], tuple[float, float]],
                     key: str) -> MultiScore:
    """Multi-class Brier and log loss at one horizon (`probs`: (P(attack), P(defence)) per pair)."""
    return score3([(*probs.get((r.war, r.state), (0.0, 0.0)), _outcome(r, key)) for r in rows])


def new_target_split(rows: Iterable[OutcomeRow], forecasts: Mapping[tuple[int, str], Forecast]) -> dict[str, Any]:
    """New targets: how many the engine had bound, before they were attacked, to the side they fought on."""
    targets = [r for r in rows if r.role == "new_target"]
    same = sum(1 for r in targets if (f := forecasts.get((r.war, r.state))) is not None and f[1] == r.side)
    other = sum(1 for r in targets if (f := forecasts.get((r.war, r.state))) is not None and f[1] != r.side)
    return {"new_targets": len(targets), "bound_to_their_side": same, "bound_to_the_other_side": other,
            "not_bound": len(targets) - same - other,
            "states": sorted(f"{r.war}:{r.state}" for r in targets)}
