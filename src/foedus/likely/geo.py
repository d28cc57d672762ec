"""Where a candidate lies relative to each side: COW direct contiguity on the war's first day, hops
through the contiguity network (a stand-in for distance: the data hold no coordinates), and COW regions.

Contiguity ends in 2016 (COW Direct Contiguity 3.2): later dates read the last month covered, and say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np

from foedus.backtest.theatre import cow_regions
from foedus.sources.contiguity import CONTIGUITY_END, contiguity_spells

__all__ = ["NEAR", "Geography", "contiguity_on"]

NEAR = 5  # conttype 1 (land or river) to 5 (at most 400 miles of water)
_LAST_MONTH = CONTIGUITY_END * 100 + 12


def contiguity_on(day: dt.date) -> tuple[dict[tuple[int, int], int], bool]:
    """The closest contiguity type of every contiguous ordered pair on `day`, and whether it was carried
    forward from the data's last month."""
    month = day.year * 100 + day.month
    carried = month > _LAST_MONTH
    month = min(month, _LAST_MONTH)
    out: dict[tuple[int, int], int] = {}
    for pair, spells in contiguity_spells().items():
        kinds = [kind for kind, first, last in spells if first <= month <= last]
        if kinds:
            out[pair] = min(kinds)
    return out, carried


class Geography:
    """Contiguity, hops and regions of the candidates of one date toward a set of states."""

    def __init__(self, day: dt.date, codes: Iterable[int]) -> None:
        self.contiguity, self.carried = contiguity_on(day)
        self.codes = sorted(set(codes))
        self.adjacent: dict[int, set[int]] = {}
        for a, b in self.contiguity:
            self.adjacent.setdefault(a, set()).add(b)

    def closest(self, code: int | None, side: Iterable[int]) -> int:
        """The closest contiguity type (1 land … 5 sea) between `code` and any state of `side`; 0 for none."""
        if code is None:
            return 0
        kinds = [self.contiguity.get((code, s), 0) for s in side]
        found = [k for k in kinds if k]
        return min(found, default=0)

    def hops(self, side: Iterable[int], limit: int = 3) -> dict[int, int]:
        """Steps through the contiguity network from `side` to each state reached within `limit` steps."""
        seen = {s: 0 for s in side}
        frontier = list(seen)
        for step in range(1, limit + 1):
            nxt = []
            for s in frontier:
                for t in self.adjacent.get(s, ()):
                    if t not in seen:
                        seen[t] = step
                        nxt.append(t)
            frontier = nxt
        return seen

    @staticmethod
    def same_region(code: int | None, side: Iterable[int]) -> bool:
        """Whether `code` shares a COW region with any state of `side`."""
        if code is None:
            return False
        mine = cow_regions(code)
        return any(mine & cow_regions(s) for s in side)

    def within(self, codes: list[int | None], side: list[int], steps: int) -> np.ndarray:
        """1.0 for each code within `steps` contiguity steps of `side` (0 steps: a member of it), else 0.0."""
        reach = self.hops(side, steps)
        return np.array([1.0 if c is not None and c in reach else 0.0 for c in codes])
