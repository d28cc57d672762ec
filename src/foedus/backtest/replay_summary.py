"""The opening-attack backtest and the replayed one, side by side, on the replayed outcomes.

Both are scored on the same pairs and labels (`foedus.backtest.outcomes`, `foedus.backtest.horizon`): the
opening attack's forecasts date from the war's start; the replay's from the day the engine first bound the
state before it entered. Everything here is plain JSON-ready data for metrics.json and report.md.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from foedus.backtest.horizon import HORIZON_KEYS, Forecast, counts_at, new_target_split, probabilistic_at, scored
from foedus.backtest.predict import Variant
from foedus.backtest.replay_run import ReplayBacktest
from foedus.backtest.run import Backtest

__all__ = ["ERAS", "VARIANTS", "compare", "opening_forecasts", "replay_forecasts"]

ERAS = ("overall", "pre1945", "post1945")
VARIANTS: tuple[Variant, ...] = ("legal", "escalatory", "legal-unmet")
Key = tuple[int, str]


def replay_forecasts(rb: ReplayBacktest, variant: str) -> dict[Key, Forecast]:
    """(war, state) -> (first date bound before entering, side), for one variant of the replay."""
    return {(w.cow.num, s): (b.date, b.side) for w in rb.wars for s, b in w.bound.get(variant, {}).items()}


def opening_forecasts(bt: Backtest, variant: Variant) -> dict[Key, Forecast]:
    """(war, state) -> (war start, side): the opening attack's predicted joiners in one variant."""
    return {(r.war.num, s): (r.opening.date, p.side) for r in bt.records
            for s, p in r.predictions[variant].joiners.items()}


def _replay_probs(rb: ReplayBacktest, days: int | None) -> dict[Key, tuple[float, float]]:
    return {(w.cow.num, s): p for w in rb.wars for s, p in w.probabilities.get(days, {}).items()}


def _opening_probs(bt: Backtest) -> dict[Key, tuple[float, float]]:
    return {(r.war.num, s): p for r in bt.records for s, p in r.predictions["legal"].probabilities.items()}


def compare(rb: ReplayBacktest, bt: Backtest | None, draws: bool) -> dict[str, Any]:
    """Every side-by-side figure: by era, horizon and reading; the multi-class scores; the new targets."""
    rows = rb.all_rows()
    modes: dict[str, dict[str, dict[Key, Forecast]]] = {}
    if bt is not None:
        modes["opening"] = {v: opening_forecasts(bt, v) for v in VARIANTS}
    modes["replay"] = {v: replay_forecasts(rb, v) for v in VARIANTS}
    out: dict[str, Any] = {"wars": len(rb.wars), "skipped": rb.skipped, "pairs": {}, "joiners": {},
                           "deterministic": {}, "probabilistic": {}, "new_targets": {}}
    for era in ERAS:
        pairs = scored(rows, era)
        out["pairs"][era] = len(pairs)
        out["joiners"][era] = {k: sum(1 for r in pairs if getattr(r, f"outcome_{k}") != "out") for k, _ in HORIZON_KEYS}
        out["deterministic"][era] = {
            mode: {v: {k: counts_at(pairs, f, k, days).to_dict() for k, days in HORIZON_KEYS}
                   for v, f in per.items()} for mode, per in modes.items()}
        if draws:
            probs: dict[str, dict[str, dict[Key, tuple[float, float]]]] = {}
            if bt is not None:
                opening = _opening_probs(bt)
                probs["opening"] = {k: opening for k, _ in HORIZON_KEYS}
            probs["replay"] = {k: _replay_probs(rb, days) for k, days in HORIZON_KEYS}
            out["probabilistic"][era] = {mode: {k: probabilistic_at(pairs, p[k], k).to_dict() for k, _ in HORIZON_KEYS}
                                         for mode, p in probs.items()}
    out["new_targets"] = {mode: {v: new_target_split(rows, f) for v, f in per.items()} for mode, per in modes.items()}
    out["roles"] = {role: sum(1 for r in rows if r.role == role) for role in ("original", "new_target", "joiner")}
    out["placements"] = dict(sum((w.cow.placements for w in rb.wars), start=Counter()))
    out["dropped_events"] = [{"war": w.cow.num, "reason": d} for w in rb.wars for d in w.cow.dropped]
    return out
