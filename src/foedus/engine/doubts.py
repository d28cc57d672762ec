"""The other side of the date windows: states left out of a treaty on a date by a recorded day known less than
exactly, whose window holds that date, so that they may have been bound after all.

`foedus.engine.certainty.assess` flags a *bound* state near an uncertain day; `doubts` lists the states left out
near one, for the result's `doubts` (docs/certainty.md). A suspension's edges are said where it withholds a leg.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from foedus.datarecord import dataclass
from foedus.engine.certainty import date_window, fact_reason, how_dated, party_on, source_of
from foedus.engine.records import CertaintyReason

if TYPE_CHECKING:
    from foedus.model.treaty import Treaty

__all__ = ["Doubt", "doubts"]


@dataclass(frozen=True, slots=True)
class Doubt:
    """A party (or a whole treaty) not counted on a date by its recorded day, although the true day may lie on the
    other side of that date: who may then be bound differs. `states` are the treaty's parties, whom it concerns."""

    reason: CertaintyReason
    states: frozenset[str]


def doubts(treaties: Iterable[Treaty], day: dt.date) -> list[Doubt]:
    """Each treaty not yet in force on `day`, party not yet joined, or party that has left, by a recorded day known
    less than to the day whose window holds `day`. Only for membership read from entry into force: signature dates
    are taken as recorded."""
    out: list[Doubt] = []
    for treaty in treaties:
        found: list[CertaintyReason] = []
        how, start = treaty.in_force_certainty, treaty.in_force
        if start is not None and how is not None and date_window(start, how)[0] <= day < start:
            fact = (f"{treaty.id}: the treaty entered into force on {start}, {how_dated(how)}; it may already have "
                    f"been in force on {day}")
            found.append(fact_reason("date", fact, how.certainty, source_of(treaty, how.source)))
        found += _members(treaty, day)
        if found:  # most treaties have none: their parties are not gathered
            states = frozenset(m.state for m in treaty.members)
            out += [Doubt(reason, states) for reason in found]
    return out


def _members(treaty: Treaty, day: dt.date) -> list[CertaintyReason]:
    """The treaty's parties left out on `day` by a joining or leaving day whose window holds it."""
    out: list[CertaintyReason] = []
    for m in treaty.members:
        found: list[CertaintyReason] = []
        joined, left = m.joined_certainty, m.left_certainty
        if m.joined is not None and joined is not None and date_window(m.joined, joined)[0] <= day < m.joined:
            fact = (f"{treaty.id}: {m.state} became a party on {m.joined}, {how_dated(joined)}; it may already have "
                    f"been one on {day}")
            found.append(fact_reason("date", fact, joined.certainty, source_of(treaty, joined.source, m.source)))
        if m.left is not None and left is not None and m.left <= day < date_window(m.left, left)[1]:
            fact = (f"{treaty.id}: {m.state} left on {m.left}, {how_dated(left)}; it may still have been a party "
                    f"on {day}")
            found.append(fact_reason("date", fact, left.certainty, source_of(treaty, left.source, m.source)))
        # a party on `day` by a row of its own: an uncertain edge of another row changes nothing
        if found and not any(party_on(treaty, other, day) for other in treaty.members if other.state == m.state):
            out += found
    return out
