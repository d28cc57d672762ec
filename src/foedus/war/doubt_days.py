"""The days a war replay's doubts may start or stop: where the window of a treaty's day known less than to the day
opens or closes, so that a frame is made there and says what a cascade on its day says.

A cascade's `doubts` (`foedus.engine.doubts.assumed_doubts`) list the states, treaties and clauses left out on its
day by a recorded day whose window holds it. The set changes only on a window's first or last day, a floor it does
not reach back before (`foedus.war.window_changes.window_days`), or a recorded day itself; on each such day the
doubts of the day before and of the day are found by that one rule and compared (what each says may have been so,
not its words, which name the day), and the day is kept where they differ. A replay evaluates such a day and
keeps its frame only where the doubts it gives differ from the frame before's (`doubt_keys`): a doubt may change no
answer in the war (a state not yet in the state system), and a cascade then lists none.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from foedus.engine.doubts import assumed_doubts
from foedus.model.parties import member_start
from foedus.model.windows import has_window
from foedus.war.window_changes import window_days

if TYPE_CHECKING:
    from foedus.engine.assumption import Assumption
    from foedus.engine.scenario import Basis
    from foedus.model.treaty import Treaty

__all__ = ["doubt_days", "doubt_keys"]

_DAY = dt.timedelta(days=1)


def doubt_days(treaties: Iterable[Treaty], basis: Basis) -> dict[dt.date, list[str]]:
    """Each day on which a treaty's doubts (`assumed_doubts`) differ from the day before's, with the ids of those
    treaties, by date (none for a treaty with no day known less than to the day: most)."""
    out: dict[dt.date, list[str]] = defaultdict(list)
    for treaty in treaties:
        if not has_window(treaty):
            continue
        for day in sorted(_candidates(treaty, basis)):
            if dt.date.min < day and _held(treaty, day - _DAY, basis) != _held(treaty, day, basis):
                out[day].append(treaty.id)
    return dict(sorted(out.items()))


def _held(treaty: Treaty, day: dt.date, basis: Basis) -> frozenset[tuple[str | None, Assumption]]:
    """What the treaty's doubts on `day` say may have been so, each with the party it leaves out."""
    return frozenset((doubt.state, assumed) for doubt, _, assumed in assumed_doubts([treaty], day, basis, names={}))


def _candidates(treaty: Treaty, basis: Basis) -> set[dt.date]:
    """The days the treaty's doubts may change on: its window days (`window_days`), every day it records (entry into
    force, end, signatures, each row's first day and exit, each clause's span, each suspension's), and the first day
    an entry into force not found may have come (`DateCertainty.since`)."""
    days = set(window_days(treaty, basis))
    recorded = [treaty.in_force, treaty.terminated, treaty.signed]
    if treaty.in_force_certainty is not None:
        recorded.append(treaty.in_force_certainty.since)
    for m in treaty.members:
        recorded += [member_start(treaty, m, basis)[0], m.joined, m.left, m.signed]
        recorded += [d for span in m.suspended for d in (span.start, span.end)]
    for p in treaty.provisions:
        if p.valid is not None:
            recorded += [p.valid.start, p.valid.end]
        recorded += [d for leg in p.suspensions for d in (leg.span.start, leg.span.end)]
    days.update(d for d in recorded if d is not None)
    return days


def doubt_keys(doubts: Iterable[Mapping[str, Any]], day: str) -> frozenset[tuple[object, ...]]:
    """A frame's doubts (each a cascade's JSON doubt) as what each says and whom it concerns, without the frame's
    `day`, on which each doubt's fact ends: two frames whose keys are equal say the same doubts, each of its day."""
    return frozenset((d["treaty"], d["state"], d["fact"].removesuffix(day), tuple(d["concerns"])) for d in doubts)
