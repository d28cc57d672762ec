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

__all__ = ["coalition_power", "expected_power", "series_sum_note", "sum_note"]


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


def sum_note(years: str, sums: str, of: str = "that sum") -> str:
    """The one sentence saying a share divides by NMC's CINC sum, not 1: the cascade's coalition power (`_note`) and
    the atlas's capability share (`series_sum_note`).

    >>> sum_note("1914", "1.0209")
    "NMC's 1914 CINC values sum to 1.0209, not 1: a share is of that sum"
    """
    return f"NMC's {years} CINC values sum to {sums}, not 1: a share is of {of}"


def series_sum_note(first: int, last: int) -> list[str]:
    """The note of a yearly series' capability share (`foedus atlas --from --to`) over the years whose CINC values
    do not sum to 1 (most of them: 1860's sum to 1.0747), in `sum_note`'s words; none without NMC."""
    from foedus.errors import DataMissingError
    from foedus.sources.cow import cinc_in

    sums = []
    for year in range(first, last + 1):
        try:
            sums.append(round(sum(cinc_in(year)[0].values()), 4))
        except DataMissingError:
            continue
    off = [total for total in sums if total and total != 1]
    if not off:
        return []
    low, high = f"{min(off):.4f}", f"{max(off):.4f}"
    span = str(first) if first == last else f"{first}–{last}"
    said = low if low == high else f"{low}–{high}"
    if len(sums) > 1:
        said += " in each year" if len(off) == len(sums) else f" in {len(off)} of the {len(sums)} years"
    return [sum_note(span, said, "its year's sum" if len(sums) > 1 else "that sum")]


def _note(day: dt.date, carried: bool, world_total: float) -> dict[str, Any]:
    """The source and year, and a note of what a reader would otherwise misread: values carried past NMC's end, and
    a year whose CINC values do not sum to 1 (2016: 1.0068; 1860: 1.0747), which a share divides by."""
    out: dict[str, Any] = {"source": "COW NMC 6.0 CINC", "year": day.year}
    said = ["NMC ends in 2016: each state's 2016 CINC value is carried forward"] if carried else []
    if round(world_total, 4) != 1:
        year = 2016 if carried else day.year
        said.append(sum_note(str(year), f"{world_total:.4f}"))
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
