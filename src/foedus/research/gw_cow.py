"""Gleditsch–Ward codes as COW codes, on the day a dyad-year is read: the two lists number a few states apart.

GW 260 is the Federal Republic of Germany from 1949 and unified Germany from 3 October 1990 (COW 260, then COW
255); GW 678 is the Yemen Arab Republic and unified Yemen from 22 May 1990 (COW 678, then COW 679); GW 340 is
Serbia before 1918 and from 2006 (COW 345 throughout). The unification days are the Gleditsch–Ward list's own:
the day after GW 265 (the German Democratic Republic) and GW 680 (South Yemen) leave it. The other codes the two
lists share name the same state (South Vietnam is 817 in both); a GW state COW does not list (`GW_ONLY`) keeps its
code and matches nothing: ATOP codes COW's states, so it says nothing about them.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

__all__ = ["GW_ONLY", "UNIFICATIONS", "gw_to_cow", "outside_atop"]

UNIFICATIONS = ((260, 255, dt.date(1990, 10, 3)), (678, 679, dt.date(1990, 5, 22)))
"""(GW code, the COW code it is from that day, the day): the day after GW 265 and GW 680 end in the GW list."""


GW_ONLY = frozenset({89, 99, 563, 564, 711, 815})
"""The GW codes of states the COW list (v2016) never has: Central America (1823-1839), Great Colombia, the Transvaal,
the Orange Free State, Tibet and Vietnam (Annam, to 1893). ATOP, coded on COW's states, has none of them."""


def outside_atop(rows: np.ndarray) -> np.ndarray:
    """For GW-coded (code1, code2, ...) rows, whether either state is one ATOP does not code (`GW_ONLY`): its ATOP
    flags are unknown, not 0 (the Transvaal and the Orange Free State allied in 1897; ATOP lists neither).

    >>> outside_atop(np.array([[563, 564, 1897], [2, 200, 1897], [2, 711, 1920]])).tolist()
    [True, False, True]
    """
    return np.asarray(np.isin(rows[:, :2], list(GW_ONLY)).any(axis=1))


def gw_to_cow(rows: np.ndarray, reference_day: tuple[int, int]) -> np.ndarray:
    """`rows` (code1, code2, year, ...) with both codes as COW codes: each GW code as the COW state that held it
    on the reference day (month, day) of the row's year, so that a year of unification reads the state of that
    day (GW 678 on 1990-03-01 is the Yemen Arab Republic, COW 678; on 1990-07-01 unified Yemen, COW 679), as the
    cascade covariates read that day, not one state for the whole year.

    >>> rows = np.array([[678, 2, 1990], [678, 2, 1991], [260, 2, 1990]])
    >>> gw_to_cow(rows, (3, 1))[:, 0].tolist(), gw_to_cow(rows, (12, 31))[:, 0].tolist()
    ([678, 679, 260], [679, 679, 255])
    """
    out = rows.copy()
    years = rows[:, 2]
    month, day = reference_day
    for gw, cow, united in UNIFICATIONS:
        after = united.year + (dt.date(united.year, month, day) < united)  # the first year read as the new state
        for col in (0, 1):
            codes = out[:, col]
            codes[(codes == gw) & (years >= after)] = cow
    for col in (0, 1):
        codes = out[:, col]
        codes[codes == 340] = 345
    return out
