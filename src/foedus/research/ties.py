"""Yearly alliance portfolios for the similarity measures: valued ATOP ties and CINC weights.

Tie between i and k in a year (either direction, any time in the year): 3 defence or offence,
2 neutrality or consultation, 1 non-aggression only, 0 none; each state's tie with itself is 3.
Weights are CINC shares among that year's system members (NMC ends in 2016; later years carry
each state's last value forward).
"""

from __future__ import annotations

import numpy as np

from foedus.model.world import World
from foedus.research.atop_flags import YEAR_SPAN as _YEAR_SPAN
from foedus.research.atop_flags import cached_flag_keys
from foedus.research.dyads import Spells, _year_windows, system_spells
from foedus.sources.cow import capabilities

__all__ = ["TIE_VALUES", "yearly_portfolios"]

TIE_VALUES = {"defense": 3, "offense": 3, "neutrality": 2, "consultation": 2, "nonaggression": 1}


def _tie_entries(world: World) -> dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """year -> (a, b, tie value) arrays, both directions, one entry per obligation kind that ties them."""
    found = cached_flag_keys(world)
    if found is None:
        from foedus.errors import DataMissingError

        raise DataMissingError("ATOP 5.1 is not in the data folder: run `foedus data fetch atop`")
    keys = np.concatenate([found[kind] for kind in TIE_VALUES])
    values = np.concatenate([np.full(len(found[kind]), value, dtype=np.int64) for kind, value in TIE_VALUES.items()])
    pairs, years = keys // _YEAR_SPAN, keys % _YEAR_SPAN
    a, b = pairs // 1000, pairs % 1000
    a, b, years, values = np.concatenate([a, b]), np.concatenate([b, a]), np.tile(years, 2), np.tile(values, 2)
    order = np.argsort(years, kind="stable")
    a, b, years, values = a[order], b[order], years[order], values[order]
    cuts = np.flatnonzero(np.diff(years)) + 1
    return {int(ys[0]): (aa, bb, vv) for aa, bb, ys, vv in zip(np.split(a, cuts), np.split(b, cuts),
                                                                np.split(years, cuts), np.split(values, cuts),
                                                                strict=True) if len(ys)}


def yearly_portfolios(world: World, first: int, last: int) -> dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """year -> (ccodes, tie matrix, CINC-share weights) over that year's COW system members."""
    spells: Spells = system_spells(world, "cow")
    caps = capabilities()
    ties = _tie_entries(world)
    none = (np.zeros(0, np.int64),) * 3
    out: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    for year in range(first, last + 1):
        codes = np.array(sorted(_year_windows(spells, year)), dtype=np.int64)
        t = np.zeros((len(codes), len(codes)), dtype=np.int64)
        np.fill_diagonal(t, 3)
        a, b, values = ties.get(year, none)
        if len(codes) and len(a):
            ia, ib = np.searchsorted(codes, a), np.searchsorted(codes, b)
            ia, ib = np.minimum(ia, len(codes) - 1), np.minimum(ib, len(codes) - 1)
            keep = (codes[ia] == a) & (codes[ib] == b)
            np.maximum.at(t, (ia[keep], ib[keep]), values[keep])  # the strongest tie, either direction
        cinc, _ = caps.cinc(year)
        w = np.array([cinc.get(int(c), 0.0) for c in codes])
        out[year] = (codes, t, w / w.sum() if w.sum() > 0 else w)
    return out
