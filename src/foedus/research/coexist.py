"""Which states are members of a state system together in a year, one rule for every research table: a state's
windows in a year are its membership spells cut to the year (an open end runs to 31 December), and two states
coexist in a year when a window of one shares a day with a window of the other (ends inclusive). `foedus dyads`
keeps such pairs as its rows and reads its cascade covariates on a day the windows hold; `foedus similarity` ties
only such pairs. `cow_spells` is the one reading of the COW spells off the state registry that both use."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from foedus.model.states import StateRegistry

__all__ = ["Spells", "Windows", "YearWindows", "cow_spells", "overlap", "year_windows"]

Spells = dict[int, list[tuple[dt.date, dt.date | None]]]
Windows = dict[int, list[tuple[dt.date, dt.date]]]
_NONE_LO, _NONE_HI = np.iinfo(np.int64).max, np.iinfo(np.int64).min


def cow_spells(states: StateRegistry, needs: str) -> Spells:
    """COW membership spells by ccode, of the states that have any; `needs` begins the message when there are none
    ("dyad-years need"), as the COW list is a dataset the user fetches."""
    spells = {s.ccode: list(s.spells) for s in states if s.ccode is not None and s.spells}
    if not spells:
        from foedus.errors import DataMissingError

        raise DataMissingError(f"{needs} the COW state system: run `foedus data fetch cow_states`")
    return spells


def year_windows(spells: Spells, year: int) -> Windows:
    """Each member's windows in `year` as dates, by code (non-members absent): for what needs the day's month."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    out: Windows = {}
    for code, spans in spells.items():
        parts = [(max(a, start), min(b or end, end)) for a, b in spans if a <= end and (b is None or b >= start)]
        if parts:
            out[code] = parts
    return out


def overlap(xs: list[tuple[int, int]], ys: list[tuple[int, int]]) -> bool:
    """Whether a window of `xs` shares a day with a window of `ys` (day numbers)."""
    return any(a1 <= b2 and a2 <= b1 for a1, b1 in xs for a2, b2 in ys)


@dataclass(frozen=True)
class YearWindows:
    """The windows of the years `first`… as day numbers, built once for all of them: `lo[k, code]` and
    `hi[k, code]` the first and last day state `code` is a member in year first + k (lo > hi: not a member), and
    `split` the windows of the few states with more than one in a year (out and back in), by (k, code), which
    `is_split[k, code]` marks. Pairs of states with one window each (nearly all) are compared by first and last
    day, array-wide; the others window by window."""

    first: int
    lo: np.ndarray
    hi: np.ndarray
    split: dict[tuple[int, int], list[tuple[int, int]]]
    is_split: np.ndarray

    @classmethod
    def of(cls, spells: Spells, first: int, last: int) -> YearWindows:
        """The windows of `spells` (by code ≥ 0) in the years first–last."""
        jan1 = np.array([dt.date(y, 1, 1).toordinal() for y in range(first, last + 1)], dtype=np.int64)
        dec31 = np.array([dt.date(y, 12, 31).toordinal() for y in range(first, last + 1)], dtype=np.int64)
        shape = (last - first + 1, max(spells, default=0) + 1)
        lo, hi = np.full(shape, _NONE_LO, dtype=np.int64), np.full(shape, _NONE_HI, dtype=np.int64)
        count = np.zeros(shape, dtype=np.int64)
        for code, spans in spells.items():
            for start, end in spans:
                y0, y1 = max(start.year, first), min(end.year if end else last, last)
                if y0 > y1:  # a spell wholly before or after the years
                    continue
                years = slice(y0 - first, y1 - first + 1)
                day1 = np.maximum(jan1[years], start.toordinal())
                day2 = dec31[years] if end is None else np.minimum(dec31[years], end.toordinal())
                lo[years, code] = np.minimum(lo[years, code], day1)
                hi[years, code] = np.maximum(hi[years, code], day2)
                count[years, code] += 1
        split: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for k, code in zip(*np.nonzero(count > 1), strict=True):
            year, opens, closes = first + int(k), int(jan1[k]), int(dec31[k])
            split[(int(k), int(code))] = [(max(a.toordinal(), opens), min(b.toordinal(), closes) if b else closes)
                                          for a, b in spells[int(code)] if a.year <= year <= (b or dt.date.max).year]
        return cls(first, lo, hi, split, count > 1)

    @property
    def member(self) -> np.ndarray:
        """member[k, code]: the state is a member at some time in year first + k."""
        out: np.ndarray = self.lo <= self.hi
        return out

    def whole_year(self, k: int, codes: np.ndarray) -> bool:
        """Whether every state of `codes` (members in year first + k) is a member all that year."""
        jan1, dec31 = dt.date(self.first + k, 1, 1).toordinal(), dt.date(self.first + k, 12, 31).toordinal()
        return bool((self.lo[k, codes] == jan1).all() and (self.hi[k, codes] == dec31).all()
                    and not self.is_split[k, codes].any())

    def _parts(self, k: int, code: int) -> list[tuple[int, int]]:
        return self.split.get((k, code)) or [(int(self.lo[k, code]), int(self.hi[k, code]))]

    def together(self, k: int, codes: np.ndarray) -> np.ndarray:
        """together[i, j]: states `codes[i]` and `codes[j]` (members in year first + k) share a day of it."""
        first, last = self.lo[k, codes], self.hi[k, codes]
        out: np.ndarray = (first[:, None] <= last[None, :]) & (first[None, :] <= last[:, None])
        for i in np.flatnonzero(self.is_split[k, codes]):
            mine = self.split[(k, int(codes[i]))]
            for j, other in enumerate(codes):
                out[i, j] = out[j, i] = overlap(mine, self._parts(k, int(other)))
        return out

    def coexist(self, a: np.ndarray, b: np.ndarray, k: np.ndarray) -> np.ndarray:
        """Row by row, whether states a and b (members in year first + k) share a day of that year."""
        at_a, at_b = k * self.lo.shape[1] + a, k * self.lo.shape[1] + b  # flat positions: one index, four reads
        lo, hi = self.lo.ravel(), self.hi.ravel()
        out: np.ndarray = (lo.take(at_a) <= hi.take(at_b)) & (lo.take(at_b) <= hi.take(at_a))
        if not self.split:
            return out
        for p in np.flatnonzero(out & (self.is_split.ravel().take(at_a) | self.is_split.ravel().take(at_b))):
            kp = int(k[p])
            out[p] = overlap(self._parts(kp, int(a[p])), self._parts(kp, int(b[p])))
        return out

    def on_day(self, month_day: tuple[int, int]) -> np.ndarray:
        """present[k, code]: state `code` is a member on day `month_day` (month, day) of year first + k."""
        days = np.array([dt.date(self.first + k, *month_day).toordinal() for k in range(len(self.lo))])
        out: np.ndarray = (self.lo <= days[:, None]) & (days[:, None] <= self.hi)
        for (k, code), parts in self.split.items():
            out[k, code] = any(d1 <= days[k] <= d2 for d1, d2 in parts)
        return out
