"""Recent war history from the COW inter-state war data, as known on a war's first day.

For a candidate and one side: whether, in the `WINDOW` years before the day, it fought in a COW war
alongside a state of that side (co-belligerence) or against one (enmity), counting only spells that had
begun before the day; how many such wars it fought in; and whether it was already at war elsewhere on
the day. The COW data end in 2003
(v4.0): for later dates the window holds fewer wars, and the caller says so.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

from foedus.backtest.cowdata import Spell, load_spells

__all__ = ["WINDOW", "History", "last_war_year"]

WINDOW = 20  # years


@functools.cache
def _spells() -> dict[int, list[Spell]]:
    return load_spells()


def last_war_year() -> int:
    """The start year of the last war in the data."""
    return max(s.start.year for spells in _spells().values() for s in spells)


class History:
    """Who fought with and against whom in the window before `day` (COW codes), leaving out war `skip`."""

    def __init__(self, day: dt.date, skip: int | None = None) -> None:
        since = dt.date(day.year - WINDOW, day.month, min(day.day, 28))
        self.sides: list[dict[int, set[int]]] = []
        self.at_war: set[int] = set()
        self.fought: dict[int, int] = {}
        for war, spells in _spells().items():
            if war == skip:
                continue
            begun = [s for s in spells if s.start < day]
            recent: dict[int, set[int]] = {}
            for s in begun:
                if s.start >= since:
                    recent.setdefault(s.ccode, set()).add(s.side)
                if s.end >= day:
                    self.at_war.add(s.ccode)
            if recent:
                self.sides.append(recent)
                for code in recent:
                    self.fought[code] = self.fought.get(code, 0) + 1

    def with_side(self, code: int | None, side: Iterable[int]) -> tuple[float, float]:
        """(fought alongside, fought against) a state of `side`, as 1.0 / 0.0."""
        if code is None:
            return 0.0, 0.0
        members = set(side) - {code}
        alongside = against = False
        for war in self.sides:
            mine = war.get(code)
            if not mine:
                continue
            for s in members & set(war):
                alongside |= bool(mine & war[s])
                against |= bool(mine - war[s]) or bool(war[s] - mine)
        return float(alongside), float(against)
