"""Each war's opening attack: the initiators against the states they attacked first, on the start date.

Attackers are the participants COW codes as initiators (Initiator == 1, all on one side). Targets are
the opponents whose participation starts on the war's start date; when there are several, the dyadic
war file narrows them to those the initiators fought earliest (if it lists any of them). When no
opponent starts on that date, the opponents the dyadic file shows fought first, else those that
entered earliest, are taken.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from foedus.backtest.wars import DyadicStarts, War

__all__ = ["OpeningAttack", "opening_attack"]

How = Literal["start-date", "dyadic", "dyadic-fallback", "earliest-opponent"]


@dataclass(frozen=True)
class OpeningAttack:
    """Who attacked whom (COW codes) on `date`, and how the targets were chosen."""

    war: War
    date: dt.date
    attackers: tuple[int, ...]
    targets: tuple[int, ...]
    how: How
    attack_side: int  # the COW side of the attackers

    @property
    def originals(self) -> frozenset[int]:
        """The original parties: the attackers and their first targets."""
        return frozenset((*self.attackers, *self.targets))


def opening_attack(war: War, dyadic: DyadicStarts) -> OpeningAttack | None:
    """The opening attack of `war`, or None when COW codes no initiator (or initiators on both sides)."""
    side = war.initiating_side
    if side is None:
        return None
    start = war.start
    attackers = tuple(sorted({p.ccode for p in war.initiators if p.start == start}
                             or {p.ccode for p in war.initiators}))
    opponents = [p for p in war.participations if p.side != side and p.ccode not in attackers]
    if not opponents:
        return None
    on_day = {p.ccode for p in opponents if p.start == start}
    how: How = "start-date"
    if len(on_day) > 1:
        narrowed = dyadic.first_fought(war.num, set(attackers), on_day)
        if narrowed and narrowed != on_day:
            on_day, how = narrowed, "dyadic"
    elif not on_day:
        on_day = dyadic.first_fought(war.num, set(attackers), {p.ccode for p in opponents})
        how = "dyadic-fallback"
        if not on_day:
            first = min(p.start for p in opponents)
            on_day, how = {p.ccode for p in opponents if p.start == first}, "earliest-opponent"
    return OpeningAttack(war=war, date=start, attackers=attackers, targets=tuple(sorted(on_day)), how=how,
                         attack_side=side)
