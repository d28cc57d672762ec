"""Which states coexist in a year (`foedus.research.coexist`), on made-up spells: the state that leaves and comes back
within one year, which no year of the COW system has, is compared window by window, not by its first and last day."""

from __future__ import annotations

import datetime as dt

import numpy as np

from foedus.research.coexist import Spells, YearWindows

D = dt.date
# 1: a member throughout; 2: out from 1 March to 30 September 1950, then back; 3: a member only in that gap;
# 4: a member from 1 October 1950 to 1951; 5: gone before 1950.
SPELLS: Spells = {1: [(D(1900, 1, 1), None)], 2: [(D(1900, 1, 1), D(1950, 2, 28)), (D(1950, 10, 1), None)],
                  3: [(D(1950, 3, 1), D(1950, 9, 30))], 4: [(D(1950, 10, 1), D(1951, 12, 31))],
                  5: [(D(1900, 1, 1), D(1949, 6, 30))]}


def test_a_state_out_and_back_in_within_a_year_meets_no_state_of_its_gap() -> None:
    """State 2's first and last day of 1950 span state 3's whole spell, but no day of theirs is shared."""
    w = YearWindows.of(SPELLS, 1949, 1951)
    k = 1950 - 1949
    codes = np.array([1, 2, 3, 4])
    assert w.member[k, codes].all() and not w.member[k, 5]
    together = w.together(k, codes)
    assert together.tolist() == [[True, True, True, True], [True, True, False, True],
                                 [True, False, True, False], [True, True, False, True]]
    a, b = np.array([2, 3, 2, 1, 3]), np.array([3, 2, 4, 3, 4])
    assert w.coexist(a, b, np.full(5, k)).tolist() == [False, False, True, True, False]
    assert not w.whole_year(k, codes) and w.whole_year(1951 - 1949, np.array([1, 2, 4]))


def test_the_reference_day_reads_the_window_it_falls_in() -> None:
    """On 1 July 1950 state 2 is out (in its gap) and state 3 in; on 1 November 1950, the other way round."""
    w = YearWindows.of(SPELLS, 1949, 1951)
    k = 1950 - 1949
    july, november = w.on_day((7, 1)), w.on_day((11, 1))
    assert (july[k, 1], july[k, 2], july[k, 3], july[k, 4]) == (True, False, True, False)
    assert (november[k, 1], november[k, 2], november[k, 3], november[k, 4]) == (True, True, False, True)
    assert july[0, 5] is np.False_ and w.member[0, 5]  # 1949: a member until 30 June only
