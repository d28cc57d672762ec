"""The days a state leaves the state system or comes back to it, as a war replay's changes: a party out of the system
by the day is no party then (`foedus.engine.rules.system`), so a replay re-evaluates on such a day, as on a treaty
change, where the state is a party of a treaty in play, and its frame says what a cascade on its day says (Poland,
bound to no one and owed nothing from 1939-09-28 under COW's dates; Ethiopia, a party again from 1941-05-05)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from foedus.engine.rules.system import in_system, system_said
from foedus.model.per_world import per_world
from foedus.model.state_files import spells_text

if TYPE_CHECKING:
    from foedus.model.states import StateRegistry
    from foedus.model.world import World

__all__ = ["SystemChange", "out_days", "system_changes", "system_text"]

_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class SystemChange:
    """`state` leaves the state system on `date` (its first day out), or comes back to it then (`back`); `spells`:
    its system dates, as the rule's words give them (`foedus.model.state_files.spells_text`)."""

    date: dt.date
    state: str
    back: bool
    spells: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form: a frame's change record (`type` "system", `change` "leaves" or "re-enters"), its `label` the
        rule's words by ids, its `text` (`system_text`) by the names of the day."""
        out = {"type": "system", "date": self.date.isoformat(), "state": self.state,
               "change": "re-enters" if self.back else "leaves", "spells": self.spells}
        return {**out, "label": system_text(out, {})}


def system_text(change: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """A system change record in the rule's words ("Poland (POL) is not a member of the state system on 1939-09-28
    (a member 1918-11-03–1939-09-27; 1945-06-28–(open)), so it is no party then"), each state named by `names`."""
    return system_said(change["state"], change["date"], change["spells"], names, back=change["change"] == "re-enters")


@per_world
def system_changes(world: World) -> dict[dt.date, list[SystemChange]]:
    """Every day a state of `world` leaves or comes back to the state system, by date (each day's by state): a first
    day out after a spell, or a spell's first day after a time out, where the rule (`in_system`, on the registry's
    COW dates) answers otherwise than on the day before; a state's first spell is no change (before it, the rule
    takes it to be one). Built once per world, kept only while the world lives (`foedus.model.per_world`)."""
    out: dict[dt.date, list[SystemChange]] = defaultdict(list)
    for known in world.states:
        for start, end in known.spells:
            for day in (start, None if end is None else end + _DAY):
                if day is None or day == dt.date.min:
                    continue
                now = in_system(world.states, known.id, day)
                if now != in_system(world.states, known.id, day - _DAY):
                    out[day].append(SystemChange(day, known.id, now, spells_text(known.spells)))
    return {d: sorted(v, key=lambda c: c.state) for d, v in sorted(out.items())}


def out_days(states: StateRegistry, state: str, first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The runs of days from `first` to `last` (both included) on which `state` is out of the state system by the rule
    (`in_system`), each as its first and last day: Norway's, fighting from 1940-04-09 to 1940-06-09, are 1940-05-01 to
    1940-06-09. The rule's answer changes only on a spell's first day or the day after its last, so only those are
    asked."""
    known = states.states.get(state)
    turns = {first} | {day for start, end in (known.spells if known else ()) for day in (start, end and end + _DAY)
                       if day is not None and first < day <= last}
    days = sorted(turns)
    out: list[tuple[dt.date, dt.date]] = []
    for start, nxt in zip(days, [*days[1:], last + _DAY], strict=True):
        if not in_system(states, state, start):
            out.append((out.pop()[0], nxt - _DAY) if out and out[-1][1] + _DAY == start else (start, nxt - _DAY))
    return out
