"""The state-system rule under the Gleditsch–Ward list (`foedus dyads --system gw`): a world whose states carry GW's
dates, so that the cascade covariates withhold a party out of the table's system by the day
(`foedus.engine.rules.system`), not one out of COW's. GW keeps a state under occupation in its list (Norway, Poland,
the Netherlands 1940–1944; Austria 1938–1955; Japan 1946–1951), where COW has it out: the GW table counts such a
state a member, so it is a defender there, and is owed its allies' help, as any member is."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from foedus.model.per_world import per_world
from foedus.research.gw_cow import GW_ONLY, UNIFICATIONS

if TYPE_CHECKING:
    from foedus.model.states import StateRegistry
    from foedus.model.world import World
    from foedus.research.coexist import Spells

__all__ = ["gw_registry", "gw_world"]

_DAY = dt.timedelta(days=1)
_SERBIA = (340, 345)  # GW 340, Serbia before 1918 and from 2006, is COW 345 throughout (`gw_cow.gw_to_cow`)


def _periods(code: int) -> list[tuple[int, dt.date, dt.date]]:
    """The COW code GW `code` names, with the days it names it (`gw_cow.gw_to_cow`'s reading, by the day): GW 260 is
    COW 260 to 2 Oct 1990 and COW 255 from 3 Oct; GW 678 COW 678 to 21 May 1990 and COW 679 from 22 May; GW 340 COW
    345; any other its own code."""
    for gw, cow, united in UNIFICATIONS:
        if code == gw:
            return [(gw, dt.date.min, united - _DAY), (cow, united, dt.date.max)]
    return [(_SERBIA[1] if code == _SERBIA[0] else code, dt.date.min, dt.date.max)]


def _merged(spans: Iterable[tuple[dt.date, dt.date]]) -> tuple[tuple[dt.date, dt.date | None], ...]:
    """Spans joined where one ends the day before the next begins (Serbia's GW 340 then Yugoslavia's 345), an open
    end as None, as the registry's spells are written."""
    out: list[list[dt.date]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1] + _DAY:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple((a, None if b == dt.date.max else b) for a, b in out)


def gw_registry(states: StateRegistry, gw: Spells) -> StateRegistry:
    """`states`, each COW-coded state with the spells of the GW codes that name it (`_periods`); a state GW never
    lists has none, and the rule takes it to be one (as a state COW does not list: `in_system`). A GW state COW never
    lists (`GW_ONLY`) has no state here."""
    spans: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for code, spells in gw.items():
        if code in GW_ONLY:
            continue
        for cow, first, last in _periods(code):
            for start, end in spells:
                a, b = max(start, first), min(end or dt.date.max, last)
                if a <= b:
                    spans[cow].append((a, b))
    return dataclasses.replace(states, states={
        sid: s if s.ccode is None else dataclasses.replace(s, spells=_merged(spans.get(s.ccode, ())))
        for sid, s in states.states.items()})


@per_world
def gw_world(world: World) -> World:
    """`world` with the Gleditsch–Ward list's dates for its states (`gw_registry`): the world the GW table's cascade
    covariates read (`foedus.research.defenders.yearly_defenders`); built once per world and dropped with it
    (`per_world`, as the replay's caches: an `lru_cache` kept its last two worlds alive)."""
    from foedus.sources.cow import read_gw_spells

    return dataclasses.replace(world, states=gw_registry(world.states, read_gw_spells()))
