"""The days a date known less than to the day can truly lie in (`foedus.model.facts.DateCertainty`).

Kept in the model, apart from the engine, so that the data layer (which alliances can still bind after a date:
`foedus.sources.history.binds_after`) reads a date's window by the same rule as the engine's certainty
(`foedus.engine.certainty`, which re-exports it). The certainty reasons and the doubts test a span's edges by the
same two rules (`unsure_from`, `unsure_before`), and read a clause's span by the same twin rule (`twin_applies`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from foedus.model.facts import DateCertainty
    from foedus.model.treaty import Provision, Treaty

__all__ = ["cited_twin", "date_window", "has_window", "twin_applies", "twins", "unsure_before", "unsure_from",
           "unsure_unfound"]

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


def unsure_from(day: dt.date, edge: dt.date | None, how: DateCertainty | None, *, end: bool = False) -> bool:
    """Whether `day` is on or after `edge` (a span's first day; with `end`, its exclusive end), known as `how`, yet
    inside the window its true day can lie in: the edge may not have come yet (a clause may not yet apply; a
    suspension may not have ended)."""
    return how is not None and edge is not None and edge <= day < date_window(edge, how, end=end)[1]


def unsure_before(day: dt.date, edge: dt.date | None, how: DateCertainty | None, *, end: bool = False,
                  floor: dt.date | None = None) -> bool:
    """Whether `day` is before `edge`, known as `how`, yet inside its window, which does not reach back before
    `floor` (a signature: nothing of a treaty is in force before it): the edge may have come already."""
    if how is None or edge is None or day >= edge:
        return False
    first = date_window(edge, how, end=end)[0]
    return (first if floor is None else max(first, floor)) <= day


def unsure_unfound(day: dt.date, how: DateCertainty | None, *, floor: dt.date | None = None) -> bool:
    """Whether a day never recorded (an entry into force not found: `in_force` null), known only as `how`, an
    `unknown` window from `how.since` with no end (`Treaty._unfound_entry`), may have come by `day`: on or after
    `since` (and `floor`, the signature). `unsure_before` reads a recorded day; this one has none to be before."""
    return how is not None and how.since is not None and max(how.since, floor or how.since) <= day


def has_window(treaty: Treaty) -> bool:
    """Whether a day the doubts read (the entry into force, the end, a party's accession or exit, a clause's first
    or last day) is known less than to the day: only such a treaty can have a doubt
    (`foedus.model.treatymap.TreatyMap.windowed` keeps their ids at load; most treaties have none)."""
    return (treaty.in_force_certainty is not None or treaty.terminated_certainty is not None
            or any(m.joined_certainty is not None or m.left_certainty is not None for m in treaty.members)
            or any(p.valid is not None and (p.valid.start_certainty is not None or p.valid.end_certainty is not None)
                   for p in treaty.provisions))


# what a clause says of itself, not of the duty it gives: two clauses equal but for these give the same duty
_SAID = frozenset({"valid", "summary", "note", "source", "certainty", "doubt", "gates_certainty"})


def twin_applies(treaty: Treaty, provision: Provision, day: dt.date, *, surely: bool = False) -> bool:
    """Whether another clause of `treaty` giving the same duty as `provision` (the same article, kind, legs and
    wording; only its span and what is said of it differ: a term and its renewal) applies on `day` by its span, and
    with `surely` not inside a window of its span's first or last day: whether `provision` applies then changes no
    duty, so its span's uncertain day is no doubt (nor, if the other surely applies, a reason: docs/certainty.md)."""
    return any(_applies(other, day, surely) for other in twins(treaty, provision))


def twins(treaty: Treaty, provision: Provision) -> list[Provision]:
    """The other clauses of `treaty` giving the same duty as `provision` (the same article, kind, legs and wording;
    only its span and what is said of it differ: a term and its renewal)."""
    duty = _duty(provision)
    return [other for other in treaty.provisions
            if other is not provision and other.article == provision.article and _duty(other) == duty]


def cited_twin(treaty: Treaty, provision: Provision, day: dt.date) -> Provision | None:
    """Of `provision` and its twins, the clause a cascade cites on `day`: the first in the treaty's order whose span
    covers the day (None where none does). The leg table compiles a treaty's clauses in that order, the legs of twins
    sort alike (`Leg.sort_key`) and the cascade keeps the first find per obligor, treaty, article and side
    (`foedus.engine.ledger.Ledger.bind`), so the first twin's leg is the one cited, on its facts."""
    group = [provision, *twins(treaty, provision)]
    return next((o for o in treaty.provisions if any(o is g for g in group) and _applies(o, day, False)), None)


def _applies(provision: Provision, day: dt.date, surely: bool) -> bool:
    """Whether the clause applies on `day` by its span (with `surely`, whatever the true days of its edges)."""
    valid = provision.valid
    if valid is None:
        return True
    if not valid.covers(day):
        return False
    return not surely or not (unsure_from(day, valid.start, valid.start_certainty)
                              or unsure_before(day, valid.end, valid.end_certainty, end=True))


def _duty(provision: Provision) -> dict[str, object]:
    """The clause's fields that say the duty it gives (a schema model and a runtime record keep them alike)."""
    return {k: v for k, v in vars(provision).items() if k not in _SAID}
