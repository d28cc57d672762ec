"""Coalition power: each side's combined CINC and share of world capabilities (COW NMC 6.0).

NMC ends in 2016; later years carry each 2016 state's 2016 value forward (states gone by then count no more,
so that the world's total stays that of 2016), and the output says so.
States without a COW code or a CINC value count as 0.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from foedus.model.states import StateRegistry

if TYPE_CHECKING:
    import numpy as np

__all__ = ["coalition_power", "expected_power"]


def _table(states: StateRegistry, day: dt.date) -> tuple[dict[str, float], float, bool] | None:
    from foedus.errors import DataMissingError
    from foedus.sources.cow import cinc_in

    try:
        by_code, carried = cinc_in(day.year)
    except DataMissingError:
        return None
    if not by_code:
        return None
    cinc = {sid: by_code.get(code, 0.0) for code, sid in states.by_ccode.items()}
    return cinc, sum(by_code.values()), carried


def _note(day: dt.date, carried: bool, world_total: float) -> dict[str, Any]:
    """The source and year, and a note of what a reader would otherwise misread: values carried past NMC's end, and
    a year whose CINC values do not sum to 1 (2016: 1.0068; 1860: 1.0747), which a share divides by."""
    out: dict[str, Any] = {"source": "COW NMC 6.0 CINC", "year": day.year}
    said = ["NMC ends in 2016: each state's 2016 CINC value is carried forward"] if carried else []
    if round(world_total, 4) != 1:
        year = 2016 if carried else day.year
        said.append(f"NMC's {year} CINC values sum to {world_total:.4f}, not 1: a share is of that sum")
    if said:
        out["note"] = "; ".join(said)
    return out


def coalition_power(states: StateRegistry, sides: dict[str, list[str]], day: dt.date) -> dict[str, Any] | None:
    """Combined CINC and world share per side, or None without NMC data (or before 1816)."""
    table = _table(states, day)
    if table is None:
        return None
    cinc, world_total, carried = table
    out = _note(day, carried, world_total)
    for side, members in sides.items():
        total = sum(cinc.get(s, 0.0) for s in members)
        out[side] = {"cinc": round(total, 6), "share": round(total / world_total, 6) if world_total else None}
    return out


def expected_power(states: StateRegistry, names: list[str], sides: np.ndarray, day: dt.date) -> dict[str, Any] | None:
    """Mean (and 5th/95th percentile) CINC per side over Monte Carlo draws (sides: 1 attack, 2 defense)."""
    import numpy as np

    table = _table(states, day)
    if table is None:
        return None
    cinc, world_total, carried = table
    vec = np.array([cinc.get(s, 0.0) for s in names])
    out = _note(day, carried, world_total)
    for code, side in ((1, "attack"), (2, "defense")):
        totals = (sides == code) @ vec
        out[side] = {"cinc_mean": round(float(totals.mean()), 6),
                     "cinc_p5": round(float(np.percentile(totals, 5)), 6),
                     "cinc_p95": round(float(np.percentile(totals, 95)), 6),
                     "share_mean": round(float(totals.mean() / world_total), 6) if world_total else None}
    return out
