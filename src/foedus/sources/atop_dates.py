"""ATOP 5.1's entry and exit dates as days, with how well each is known.

ATOP codes each member's entry into and exit from an alliance phase as a year, month and day, inclusive. Where a
row gives no day (or no month), the day is read as the 1st of the month (entry) or its last day (exit), a missing
month as January or December, so the membership is the longest the coding allows; the reading is then marked
with a `DateCertainty` (`month`, or `year` without a month), `unverified` as to the day: no source gives the day
read, and the window it opens is ATOP's own coding (docs/certainty.md: the tag is how well the recorded day is
sourced). An exit's `left` is the day after the exit day (exclusive), and its window is read as that of the exit
day, one day on (`foedus.engine.certainty.date_window` with `end`). An alliance's first or last day taken from
such dates is marked the same way (`edge`). Counts in docs/history.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import Any

from foedus.model.facts import Certainty, DateCertainty

__all__ = ["Dated", "edge", "entry_day", "exit_day", "number"]

Dated = tuple[dt.date, DateCertainty | None]  # a day, and how well it is known (None: to the day)
_WIDER = {"month": 0, "year": 1}


def number(value: str | None) -> int:
    """An ATOP cell as an integer: 0 when empty or not a number."""
    try:
        return int(float(value)) if value not in (None, "") else 0
    except ValueError:
        return 0


def _day(year: int, month: int, day: int, *, end: bool, what: str) -> Dated:
    """The day ATOP codes (the first or, with `end`, the last day it can be where the month or day is missing)."""
    has_month = 1 <= month <= 12
    month = month if has_month else (12 if end else 1)
    last = calendar.monthrange(year, month)[1]
    has_day = has_month and 1 <= day <= last
    out = dt.date(year, month, day if has_day else (last if end else 1))
    if has_day:
        return out, None
    coded, missing = (f"{year}-{month:02d}", "day") if has_month else (str(year), "month or day")
    note = f"ATOP 5.1 codes the {what} {'month' if has_month else 'year'} ({coded}) with no {missing}: read as {out}"
    return out, DateCertainty(within="month" if has_month else "year", certainty=Certainty.UNVERIFIED, note=note)


def entry_day(row: dict[str, str]) -> Dated:
    """A member's first day in the phase (ATOP: its signature), and how well it is known."""
    return _day(number(row["yrent"]), number(row["moent"]), number(row["dayent"]), end=False, what="entry")


def exit_day(row: dict[str, str]) -> Dated | None:
    """The first day the member is no longer in the phase (the day after ATOP's exit day), and how well ATOP's exit
    day is known; None while ATOP codes it in the alliance (no exit year)."""
    if number(row["yrexit"]) <= 0:
        return None
    last, how = _day(number(row["yrexit"]), number(row["moexit"]), number(row["dayexit"]), end=True, what="exit")
    if how is not None:
        how = how.model_copy(update={"note": f"{how.note} (its last day; `left` is the day after)"})
    return last + dt.timedelta(days=1), how


def edge(members: Iterable[dict[str, Any]], key: str, day: dt.date, certainty: str) -> DateCertainty | None:
    """How well an alliance's edge `day` (its first day, from the members' `joined`, or the first day after it, from
    their `left`) is known: to the day (None) when a member's own day on it is, else the widest window of those
    members' (`certainty` is the members' field for `key`)."""
    on = [m.get(certainty) for m in members if m.get(key) == day]
    hows: list[DateCertainty] = [h for h in on if h is not None]
    if not hows or len(hows) < len(on):
        return None
    return max(hows, key=lambda h: _WIDER[h.within])
