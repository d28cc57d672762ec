"""Yearly alliance portfolios for the similarity measures: valued ATOP ties and CINC weights.

Tie between i and k in a year (either direction, any time in the year), Signorino & Ritter's (1999) valued
alliance coding with ATOP's obligations in the places of COW's alliance types: 3 defence or offence (COW's
defence pact), 2 neutrality or non-aggression (COW's neutrality or non-aggression pact), 1 consultation only
(COW's entente), 0 none; each state's tie with itself is 3. Two states that are never COW members on the same
day of the year have no tie: a state and its successor (Germany and West Germany in 1990, whose NATO memberships
ATOP dates to meet on 3 October) are not allies in ATOP's own dyad-year file, nor rows of `foedus dyads`.
Weights are CINC shares among that year's system members (NMC ends in 2016; later years carry
the 2016 values forward). ATOP 5.1 ends in 2018: a later year has no ties to measure, so it is
refused rather than scored as if no state had an ally.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from foedus.research.atop_flags import YEAR_SPAN as _YEAR_SPAN
from foedus.research.atop_flags import cached_flag_keys_of
from foedus.research.coexist import YearWindows, cow_spells
from foedus.sources.atop_release import ATOP_END
from foedus.sources.cow import capabilities

if TYPE_CHECKING:
    from foedus.model.states import StateRegistry
    from foedus.model.world import World

__all__ = ["TIE_VALUES", "need_all_data", "portfolios", "refuse_after_atop", "tie_keys", "yearly_portfolios",
           "yearly_portfolios_of"]

TIE_VALUES = {"defense": 3, "offense": 3, "neutrality": 2, "nonaggression": 2, "consultation": 1}


def tie_keys(states: StateRegistry, first: int, last: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(a, b, year, tie value) of every ATOP obligation that ties a to b in a year of the range."""
    found = cached_flag_keys_of(states)
    if found is None:  # the file went after `_need_all` saw it (the callers check first): refused all the same
        from foedus.errors import DataMissingError

        raise DataMissingError("ATOP 5.1 is not in the data folder: run `foedus data fetch atop`")
    keys = np.concatenate([found[kind] for kind in TIE_VALUES])
    values = np.concatenate([np.full(len(found[kind]), value, dtype=np.int64) for kind, value in TIE_VALUES.items()])
    pairs, years = np.divmod(keys, _YEAR_SPAN)
    keep = (years >= first) & (years <= last)
    a, b = np.divmod(pairs[keep], 1000)
    return a, b, years[keep], values[keep]


def need_all_data(states: StateRegistry, gw: bool = False) -> None:
    """Refuse in one line naming every dataset the measures need and the data folder lacks (COW state system,
    ATOP, COW NMC, and with `gw` the Gleditsch–Ward list), rather than one per run
    (`foedus.sources.coverage.need_all`)."""
    from foedus.datasets.verify import dataset_file
    from foedus.sources.coverage import atop_present, need_all
    from foedus.sources.cow import CINC_FILE, GW_FILE

    need_all("alliance similarity needs", {name: words for name, words, ok in (
        ("cow_states", "the COW state system", states.has_system_dates), ("atop", "ATOP 5.1", atop_present()),
        ("cow_nmc", "COW NMC (the CINC weights)", dataset_file(CINC_FILE) is not None),
        ("gw_states", "the Gleditsch–Ward list", not gw or dataset_file(GW_FILE) is not None)) if not ok})


def yearly_portfolios(world: World, first: int, last: int) -> dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """year -> (ccodes, tie matrix, CINC-share weights) over that year's COW system members."""
    return yearly_portfolios_of(world.states, first, last)


def yearly_portfolios_of(states: StateRegistry, first: int,
                         last: int) -> dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """`yearly_portfolios` from the state registry alone (all it needs of the world)."""
    refuse_after_atop(first, last)
    need_all_data(states)
    spells = cow_spells(states, "alliance similarity needs")
    windows = YearWindows.of(spells, first, last)
    return portfolios(windows, windows.member, first, last, tie_keys(states, first, last))


def refuse_after_atop(first: int, last: int) -> None:
    """Refuse years after ATOP's end: they have no ties to measure."""
    if last > ATOP_END.year:
        from foedus.errors import DateOutOfRangeError

        start = max(first, ATOP_END.year + 1)
        span = f"year {last} has" if start == last else f"years {start}–{last} have"
        raise DateOutOfRangeError(f"alliance similarity needs ATOP's ties, which end in {ATOP_END.year}: {span} none "
                                  f"(ask for years up to {ATOP_END.year})")


def portfolios(windows: YearWindows, member: np.ndarray, first: int, last: int,
               keys: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
               cinc_codes: Callable[[np.ndarray, int], np.ndarray] | None = None
               ) -> dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """year -> (codes, tie matrix, CINC-share weights) over the states `member` marks (member[k, code]: in the
    portfolio of year first + k), from the tie `keys` (a, b, year, value) in the same codes; `cinc_codes` turns a
    year's codes into the COW codes whose CINC weighs them (None: they are COW codes)."""
    caps = capabilities()
    sizes = member.sum(axis=1)
    # Every year's tie matrix lies in one buffer: row-major, year after year; position[y, code] is the
    # state's row in its year (−1 if not a member).
    position = np.cumsum(member, axis=1) - 1
    position[~member] = -1
    offsets = np.concatenate([[0], np.cumsum(sizes**2)])
    ties = np.zeros(int(offsets[-1]), dtype=np.int64)
    a, b, years, values = keys
    inside = (a < member.shape[1]) & (b < member.shape[1])
    a, b, years, values = a[inside], b[inside], years[inside] - first, values[inside]
    ia, ib = position[years, a], position[years, b]
    keep = (ia >= 0) & (ib >= 0)
    keep &= windows.coexist(a, b, years)  # no tie between states that never share a day (a state, its successor)
    ia, ib, years, values = ia[keep], ib[keep], years[keep], values[keep]
    for value in sorted(set(TIE_VALUES.values())):  # ascending: the strongest tie, either direction, wins
        pick = values == value
        base, n = offsets[years[pick]], sizes[years[pick]]
        ties[base + ia[pick] * n + ib[pick]] = value
        ties[base + ib[pick] * n + ia[pick]] = value
    out: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    for k, year in enumerate(range(first, last + 1)):
        codes = np.flatnonzero(member[k]).astype(np.int64)
        t = ties[offsets[k]:offsets[k + 1]].reshape(len(codes), len(codes))
        np.fill_diagonal(t, 3)
        cinc, _ = caps.cinc(year)
        weighed = codes if cinc_codes is None else cinc_codes(codes, year)
        w = np.array([cinc.get(int(c), 0.0) for c in weighed])
        out[year] = (codes, t, w / w.sum() if w.sum() > 0 else w)
    return out
