"""Yearly alliance portfolios for the similarity measures: valued ATOP ties and CINC weights.

Tie between i and k in a year (either direction, any time in the year): 3 defence or offence,
2 neutrality or consultation, 1 non-aggression only, 0 none; each state's tie with itself is 3.
Weights are CINC shares among that year's system members (NMC ends in 2016; later years carry
each state's last value forward).
"""

from __future__ import annotations

import numpy as np

from foedus.model.world import World
from foedus.research.dyads import _YEAR_SPAN, Spells, _year_windows, atop_flag_keys, system_spells
from foedus.sources.atop import load_atop
from foedus.sources.cow import capabilities

__all__ = ["TIE_VALUES", "yearly_portfolios"]

TIE_VALUES = {"defense": 3, "offense": 3, "neutrality": 2, "consultation": 2, "nonaggression": 1}


def _tie_table(world: World) -> dict[int, dict[tuple[int, int], int]]:
    """year -> {(a, b): strongest tie value}, symmetric."""
    ccode = {s.id: s.ccode for s in world.states if s.ccode is not None}
    found = atop_flag_keys(load_atop(world.states), ccode)
    table: dict[int, dict[tuple[int, int], int]] = {}
    for kind, value in TIE_VALUES.items():
        keys = found[kind]
        years = keys % _YEAR_SPAN
        pairs = keys // _YEAR_SPAN
        for a, b, y in zip((pairs // 1000).tolist(), (pairs % 1000).tolist(), years.tolist(), strict=True):
            cell = table.setdefault(y, {})
            for key in ((a, b), (b, a)):
                if cell.get(key, 0) < value:
                    cell[key] = value
    return table


def yearly_portfolios(world: World, first: int, last: int) -> dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """year -> (ccodes, tie matrix, CINC-share weights) over that year's COW system members."""
    spells: Spells = system_spells(world, "cow")
    caps = capabilities()
    ties = _tie_table(world)
    out: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    for year in range(first, last + 1):
        codes = np.array(sorted(_year_windows(spells, year)), dtype=np.int64)
        pos = {int(c): i for i, c in enumerate(codes)}
        t = np.zeros((len(codes), len(codes)), dtype=np.int64)
        np.fill_diagonal(t, 3)
        for (a, b), value in ties.get(year, {}).items():
            if a in pos and b in pos:
                t[pos[a], pos[b]] = value
        cinc, _ = caps.cinc(year)
        w = np.array([cinc.get(int(c), 0.0) for c in codes])
        out[year] = (codes, t, w / w.sum() if w.sum() > 0 else w)
    return out
