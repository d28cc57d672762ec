"""The changes a war replay's treaty timeline makes where a freeze of a state's participation starts or ends.

A freeze (`Member.frozen`: political, the state still a party, bound and owed) is a fact of the state's membership
while it lasts (`foedus.engine.certainty.member_facts`), so the facts a cascade gives of a duty to or from the state
change on the day it starts and the day it ends: `foedus.war.changes` makes a change on each such day, so that a
replay's frame says what a cascade on its day says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from foedus.engine.records import CertaintyReason
from foedus.war.across import member_shift, party_across

if TYPE_CHECKING:
    from foedus.engine.scenario import Basis
    from foedus.model.treaty import Treaty

__all__ = ["freezes"]

Named = Callable[[dt.date], Mapping[str, str]]  # the states' display names on a day (`StateRegistry.names_on`)


def freezes(treaty: Treaty, basis: Basis, named: Named, made: set[tuple[dt.date, str | None]]
            ) -> Iterator[tuple[dt.date, str, str, tuple[CertaintyReason, ...]]]:
    """The days a freeze of a state's participation starts or ends while the state is a party on the day before and
    on the day (`foedus.war.across.party_across`), and the facts the cascade reads of its membership (`member_facts`,
    the freeze among them while it lasts) differ across the day (`member_shift`): its participation is `frozen`, or
    `unfrozen`, resting on the facts of both days; none where another change of its membership is made that day
    (`made`: each change's day and state), nor where the facts stay the same (a freeze on a row that does not cover
    the day, another freeze covering it). Each change is given as `(day, kind, state, reasons)`."""
    days: dict[tuple[str, dt.date], str] = {}
    for m in treaty.members:
        for span in m.frozen:
            days.setdefault((m.state, span.start), "frozen")
            if span.end is not None:
                days.setdefault((m.state, span.end), "unfrozen")
    for (state, day), what in sorted(days.items()):
        if (day, state) in made or not party_across(treaty, state, day, basis):
            continue
        if (moved := member_shift(treaty, state, day, basis, named(day))) is not None:
            yield day, what, state, tuple(dict.fromkeys(moved[0] + moved[1]))
