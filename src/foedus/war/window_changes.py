"""The changes a war replay's treaty timeline makes where a window of a day known less than to the day opens or closes.

A date known only to the week, month or year (`foedus.model.windows.date_window`) makes the cascade's facts change
inside its window, not on the recorded day alone: a duty near it rests on the day's fact (`unsure_from`,
`unsure_before`). `foedus.war.changes` makes a change on each recorded day; `windowed` makes one where the window
of such a day opens or closes and the facts the cascade gives differ across the day, so that a replay's frame says
what a cascade on its day says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from foedus.engine.records import CertaintyReason
from foedus.model.parties import member_start, state_party_on
from foedus.model.windows import cited_twin, date_window
from foedus.war.across import clause_shift, leg_shift, member_shift, party_across

if TYPE_CHECKING:
    from foedus.engine.scenario import Basis
    from foedus.model.facts import DateCertainty
    from foedus.model.treaty import Provision, Treaty

__all__ = ["Mark", "window_days", "windowed"]

_DAY = dt.timedelta(days=1)
Named = Callable[[dt.date], Mapping[str, str]]  # the states' display names on a day (`StateRegistry.names_on`)
# a change: its day, kind, state and article, and (made here) the facts it rests on
Mark = tuple[dt.date, str, str | None, str | None]
Edge = tuple[dt.date | None, "DateCertainty | None", bool]  # a day, how well it is known, whether an exclusive end
# a change made here: its day, kind, state, article, the facts it rests on, and those of them from its day on
Made = tuple[dt.date, str, str | None, str | None, tuple[CertaintyReason, ...], tuple[CertaintyReason, ...]]

# a membership's own changes
_HELD = frozenset({"joins", "leaves", "continues", "suspended", "restored", "frozen", "unfrozen"})
_APPLIED = frozenset({"clause-starts", "clause-ends", "clause-continues"})  # a clause's
_LEG = frozenset({"leg-suspended", "leg-restored"})  # a directed duty's own


def windowed(treaty: Treaty, start: dt.date | None, basis: Basis, named: Named, made: Iterable[Mark]
             ) -> Iterator[Made]:
    """The days a window of a date known less than to the day opens or closes (`date_window`: its first day, the
    floor it does not reach back before, its last day), on which the facts the cascade gives of a membership, a
    clause or a directed duty suspended at times (`Provision.suspensions`) that holds across the day differ
    (`foedus.war.across`: `member_shift`, `clause_shift`, the rule `foedus.war.changes` reads where rows or twins
    overlap, and `leg_shift`): the state stays a party (`continues`), the clause goes on applying
    (`clause-continues`), the duty goes on (`leg-continues`), resting on the facts of both days, as where a twin
    takes over; none where another change of the state, the clause or the duty is made that day (`made`: each
    change's day, kind, state and article), nor where the facts stay the same. Each change is given as `(day, kind,
    state, article, reasons, now)`, `now` the facts of the day itself."""
    days = window_days(treaty, basis)
    if not days or start is None:
        return
    marks = list(made)
    held = {(day, state) for day, what, state, _ in marks if what in _HELD}
    applied: set[tuple[object, ...]] = {(day, article) for day, what, _, article in marks if what in _APPLIED}
    legs_made: set[tuple[object, ...]] = {(day, state, article) for day, what, state, article in marks if what in _LEG}
    touched = _member_days(treaty, basis)
    for day in sorted(days):
        if day <= start or (treaty.terminated is not None and day >= treaty.terminated):
            continue
        names = named(day)
        for state, near in touched.items():
            if day not in near or (day, state) in held or not party_across(treaty, state, day, basis):
                continue
            if (moved := member_shift(treaty, state, day, basis, names)) is not None:
                yield day, "continues", state, None, tuple(dict.fromkeys(moved[0] + moved[1])), moved[1]
        for p in treaty.provisions:
            if (day, p.article) not in applied and (shift := clause_shift(treaty, p, day)) is not None:
                yield (day, "clause-continues", None, p.article, tuple(dict.fromkeys(shift.before + shift.after)),
                       shift.after)
        yield from _legs(treaty, day, basis, names, applied | legs_made)


def _legs(treaty: Treaty, day: dt.date, basis: Basis, names: Mapping[str, str], made: set[tuple[object, ...]]
          ) -> Iterator[Made]:
    """The directed duties with a suspension of their own that bind across `day` by the record and whose facts
    (`leg_shift`) differ across it: each goes on (`leg-continues`), resting on the facts of both days; none where
    its clause or the duty itself has another change that day (`made`)."""
    for p in treaty.provisions:
        for obligor, beneficiary in dict.fromkeys((leg.obligor, leg.beneficiary) for leg in p.suspensions):
            if ((day, p.article) in made or (day, obligor, p.article) in made
                    or not all(_binds(treaty, p, obligor, beneficiary, d, basis) for d in (day - _DAY, day))):
                continue
            if (moved := leg_shift(treaty, p, obligor, beneficiary, day, names)) is not None:
                yield day, "leg-continues", obligor, p.article, tuple(dict.fromkeys(moved[0] + moved[1])), moved[1]


def window_days(treaty: Treaty, basis: Basis) -> set[dt.date]:
    """The first and last days of the window of each date of `treaty` known less than to the day, and the floors
    (signatures) an accession's window does not reach back before: the days the cascade's facts may change (none,
    at once, for a treaty with no day known less than to the day: most)."""
    if not _loosely_dated(treaty):
        return set()
    edges: list[Edge] = [
        (treaty.in_force, treaty.in_force_certainty, False), (treaty.terminated, treaty.terminated_certainty, True)]
    floors: list[dt.date | None] = [treaty.signed]
    for m in treaty.members:
        edges += [(*member_start(treaty, m, basis), False), (m.left, m.left_certainty, True)]
        edges += [(span.start, span.start_certainty, False) for span in m.suspended]
        edges += [(span.end, span.end_certainty, True) for span in m.suspended]
        floors.append(m.signed)
    for p in treaty.provisions:
        if p.valid is not None:
            edges += [(p.valid.start, p.valid.start_certainty, False), (p.valid.end, p.valid.end_certainty, True)]
        edges += [(leg.span.start, leg.span.start_certainty, False) for leg in p.suspensions]
        edges += [(leg.span.end, leg.span.end_certainty, True) for leg in p.suspensions]
    return _windows(edges, floors)


def _loosely_dated(treaty: Treaty) -> bool:
    """Whether any day of `treaty` `window_days` reads is known less than to the day (has a certainty)."""
    return (treaty.in_force_certainty is not None or treaty.terminated_certainty is not None
            or any(m.joined_certainty is not None or m.left_certainty is not None
                   or any(span.start_certainty is not None or span.end_certainty is not None for span in m.suspended)
                   for m in treaty.members)
            or any((p.valid is not None and (p.valid.start_certainty is not None or p.valid.end_certainty is not None))
                   or any(leg.span.start_certainty is not None or leg.span.end_certainty is not None
                          for leg in p.suspensions) for p in treaty.provisions))


def _windows(edges: list[Edge], floors: list[dt.date | None]) -> set[dt.date]:
    """The first and last days of the window of each of `edges` known less than to the day, and the `floors` it
    does not reach back before."""
    days: set[dt.date] = set()
    for edge, how, end in edges:
        if edge is None or how is None:
            continue
        first, last = date_window(edge, how, end=end)
        days |= {first, last} | {max(first, f) for f in floors if f is not None and f < edge}
    return {d for d in days if dt.date.min < d < dt.date.max}


def _member_days(treaty: Treaty, basis: Basis) -> dict[str, set[dt.date]]:
    """For each state, the days the facts of its membership (`member_facts`) may change on, and the day after each:
    the windows of its rows' days known less than to the day (the treaty's entry into force for a founder), and
    every day recorded of its rows (first day, signature, exit, suspensions, freezes). A window day of the treaty
    that is none of a state's changes none of its facts: `windowed` reads only these, the same changes in less
    time."""
    out: dict[str, set[dt.date]] = {}
    for m in treaty.members:
        begin, how = member_start(treaty, m, basis)
        edges: list[Edge] = [(begin, how, False), (m.left, m.left_certainty, True)]
        edges += [(span.start, span.start_certainty, False) for span in m.suspended]
        edges += [(span.end, span.end_certainty, True) for span in m.suspended]
        said = {begin, m.joined, m.signed, m.left, *(d for span in (*m.suspended, *m.frozen) for d in (span.start,
                                                                                                       span.end))}
        days = _windows(edges, [treaty.signed, m.signed]) | {d for d in said if d is not None}
        out.setdefault(m.state, set()).update(d + k for d in days if d < dt.date.max for k in (dt.timedelta(), _DAY))
    return out


def _binds(treaty: Treaty, p: Provision, obligor: str, beneficiary: str, day: dt.date, basis: Basis) -> bool:
    """Whether `p` gives `obligor`'s duty to `beneficiary` on `day` by the record: the cascade cites it (`cited_twin`),
    both are parties, and no suspension of the duty covers the day."""
    return (cited_twin(treaty, p, day) is p and state_party_on(treaty, obligor, day, basis)
            and state_party_on(treaty, beneficiary, day, basis)
            and not any((leg.obligor, leg.beneficiary) == (obligor, beneficiary) and leg.span.covers(day)
                        for leg in p.suspensions))
