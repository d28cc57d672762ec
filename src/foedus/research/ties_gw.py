"""Yearly alliance portfolios over the Gleditsch–Ward state system (`foedus similarity --system gw`), as `foedus dyads
--system gw` reads it: each year's GW members, each read as the COW state that held its code on 1 July
(`foedus.research.gw_cow.gw_to_cow`: GW 260 is unified Germany, COW 255, from 1991), whose ATOP ties and CINC it
takes. A state the COW list never has (`GW_ONLY`) is left out of every portfolio: ATOP does not code it, so its ties
are unknown, not none, and counting it as a third state with no ally would move every other pair's measures; its
own dyad-years are rows without measures (`with_gw_only`), as its rows of `foedus dyads --system gw` have no ATOP
flags."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from foedus.research.coexist import YearWindows
from foedus.research.gw_cow import GW_ONLY, gw_to_cow
from foedus.research.ties import need_all_data, portfolios, refuse_after_atop, tie_keys

if TYPE_CHECKING:
    from foedus.model.states import StateRegistry

__all__ = ["READ_ON", "Members", "gw_only_count", "gw_portfolios", "with_gw_only"]

Members = dict[int, tuple[np.ndarray, np.ndarray]]
"""year -> (the GW members of the year, those of them in `GW_ONLY`), codes ascending."""

READ_ON = (7, 1)
"""The day of the year a GW code is read as a COW state on: `foedus dyads`'s reference day (`DyadOptions`)."""


def gw_portfolios(states: StateRegistry, first: int, last: int
                  ) -> tuple[dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]], Members]:
    """year -> (gwcodes, tie matrix, CINC-share weights) over that year's GW members but `GW_ONLY`, and the
    `Members` of each year, whose rows `with_gw_only` completes."""
    from foedus.sources.cow import read_gw_spells

    refuse_after_atop(first, last)
    need_all_data(states, gw=True)
    windows = YearWindows.of(read_gw_spells(), first, last)
    member = windows.member.copy()
    only = [c for c in sorted(GW_ONLY) if c < member.shape[1]]
    left_out = {first + k: (np.flatnonzero(member[k]), np.intersect1d(np.flatnonzero(member[k]), only))
                for k in range(member.shape[0])}
    member[:, only] = False
    k, gw = np.nonzero(member)
    years = k + first
    cow = gw_to_cow(np.stack([gw, gw, years], axis=1), READ_ON)[:, 0]
    a, b, tie_years, values = tie_keys(states, first, last)  # COW codes: each as the GW states read as it
    i, ga = _as_gw(a, tie_years, cow, gw, years)
    j, gb = _as_gw(b[i], tie_years[i], cow, gw, years)
    keys = (ga[j], gb, tie_years[i][j], values[i][j])

    def cinc_codes(codes: np.ndarray, year: int) -> np.ndarray:
        return gw_to_cow(np.stack([codes, codes, np.full(len(codes), year)], axis=1), READ_ON)[:, 0]

    return portfolios(windows, member, first, last, keys, cinc_codes), left_out


def _as_gw(codes: np.ndarray, years: np.ndarray, cow: np.ndarray, gw: np.ndarray,
           member_years: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For COW `codes` in `years`, the GW members read as each (`cow`, `gw`, `member_years`: one row a member-year):
    (the index of the code each comes from, the GW code); a code no member is read as gives none, one two are read as
    (COW 345, Serbia, in a year GW 340 and GW 345 share) gives both."""
    span = int(max(years.max(initial=0), member_years.max(initial=0))) + 1
    table = cow.astype(np.int64) * span + member_years
    order = np.argsort(table, kind="stable")
    table, by = table[order], gw[order]
    wanted = codes.astype(np.int64) * span + years
    lo, hi = np.searchsorted(table, wanted, "left"), np.searchsorted(table, wanted, "right")
    counts = hi - lo
    index = np.repeat(np.arange(len(codes)), counts)
    within = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    return index, by[lo[index] + within].astype(np.int64)


def gw_only_count(members: Members) -> int:
    """The ordered dyad-years with a state of `GW_ONLY` (`gw_portfolios`' `Members`): rows without measures."""
    return sum(len(c) * (len(c) - 1) - (len(c) - len(o)) * (len(c) - len(o) - 1) for c, o in members.values())


def with_gw_only(batch: dict[str, np.ndarray], members: Members, code_names: tuple[str, str]) -> dict[str, np.ndarray]:
    """A batch of similarity columns (`similarity_batches`, whole years) with the rows of the ordered pairs that
    have a state of `GW_ONLY` added, their measures empty (NaN), in the table's order (year, code1, code2)."""
    code1, code2 = code_names
    added: list[np.ndarray] = []
    for year in np.unique(batch["year"]):
        codes, only = members[int(year)]
        if not len(only):
            continue
        a, b = np.repeat(codes, len(codes)), np.tile(codes, len(codes))
        pick = (a != b) & (np.isin(a, only) | np.isin(b, only))
        added.append(np.stack([a[pick], b[pick], np.full(int(pick.sum()), year)], axis=1))
    if not added:
        return batch
    rows = np.concatenate(added)
    out = {}
    for name, column in batch.items():
        extra = {code1: rows[:, 0], code2: rows[:, 1], "year": rows[:, 2]}.get(name)
        filler = extra.astype(column.dtype) if extra is not None else np.full(len(rows), np.nan, column.dtype)
        out[name] = np.concatenate([column, filler])
    order = np.lexsort((out[code2], out[code1], out["year"]))
    return {name: column[order] for name, column in out.items()}
