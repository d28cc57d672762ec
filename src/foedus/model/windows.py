"""The days a date known less than to the day can truly lie in (`foedus.model.facts.DateCertainty`).

Kept in the model, apart from the engine, so that the data layer (which alliances can still bind after a date:
`foedus.sources.history.binds_after`) reads a date's window by the same rule as the engine's certainty
(`foedus.engine.certainty`, which re-exports it).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from foedus.model.facts import DateCertainty

__all__ = ["date_window"]

_STAND_IN = dt.timedelta(days=365)
_WEEK = dt.timedelta(days=7)
_DAY = dt.timedelta(days=1)


def _shift(day: dt.date, by: dt.timedelta) -> dt.date:
    """`day + by`, held within the calendar (a window around a day near year 1 or 9999 stops at its end)."""
    try:
        return day + by
    except OverflowError:
        return dt.date.max if by > dt.timedelta(0) else dt.date.min


def date_window(day: dt.date, how: DateCertainty, *, end: bool = False) -> tuple[dt.date, dt.date]:
    """The days the true date can lie in, given the recorded `day` and how well it is known.

    With `end`, `day` is an exclusive end, the first day no longer covered (a member's `left`, a suspension's
    `end`): a month or year is then that of the last day covered, the day before, so the window is that day's,
    one day on (an exit known only to March 1964 is `left` 1 April, and the true `left` lies from 2 March to 1
    April), unless `how.effective`: the month or year is then that of `day` itself, the day the exit took
    effect (Mexico's Rio exit, effective Sep 2004: the true `left` lies in September). The other windows are the
    same either way.

    >>> from foedus.model.facts import DateCertainty
    >>> date_window(dt.date(2004, 3, 29), DateCertainty(within="month"))
    (datetime.date(2004, 3, 1), datetime.date(2004, 3, 31))
    >>> date_window(dt.date(1964, 4, 1), DateCertainty(within="month"), end=True)
    (datetime.date(1964, 3, 2), datetime.date(1964, 4, 1))
    >>> date_window(dt.date(2021, 10, 7), DateCertainty(within="unknown"))[1]
    datetime.date(9999, 12, 31)

    An unknown date runs from `how.since` (else the recorded day) to `how.until` (else no end), whichever day it is:
    an end recorded on 11 Sep 1996 that a source puts a year earlier lies from 7 Sep 1995 to the bound after it.

    >>> date_window(dt.date(1996, 9, 11), DateCertainty(within="unknown", since=dt.date(1995, 9, 7),
    ...                                                 until=dt.date(1996, 9, 18)), end=True)
    (datetime.date(1995, 9, 7), datetime.date(1996, 9, 18))
    """
    if end and how.within in ("month", "year") and not how.effective and day > dt.date.min:
        first, last = date_window(day - _DAY, how)
        return _shift(first, _DAY), _shift(last, _DAY)
    if how.within == "week":
        return _shift(day, -_WEEK), _shift(day, _WEEK)
    if how.within == "month":
        last = dt.date(day.year, 12, 31) if day.month == 12 else dt.date(day.year, day.month + 1, 1) - _DAY
        return day.replace(day=1), last
    if how.within == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if how.within == "stand-in":
        return _shift(day, -_STAND_IN), _shift(day, _STAND_IN)
    return how.since or day, how.until or dt.date.max
