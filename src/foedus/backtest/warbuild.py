"""Build each COW inter-state war's event sequence, as a war the replay (`foedus.war`) can play.

Events, in engine ids:
- the opening attack: the initiators against the opening targets, on the war's start date;
- an entry at the start of each participation spell (on its side), an exit the day after each spell ends
  (unless the war ends then);
- an attack for every pair of the dyadic file, by the state that started it (else by the state on the
  initiators' side), from its start date, or from the first later date on which both states are in a
  spell on opposite sides, until the day after the pair's end (pairs that never qualify are dropped);
- each attack placed by `foedus.backtest.theatre`.
On one day, exits come first, then entries, then attacks. States the engine cannot place on their entry
date are left out with the reason, and events that would contradict the war so far are dropped, logged.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass, field

from foedus.backtest.cowdata import Dyad, Spell
from foedus.backtest.opening import OpeningAttack
from foedus.backtest.placing import Placer, Skip
from foedus.backtest.roles import Participant, roles
from foedus.backtest.theatre import Placement
from foedus.backtest.wars import War as CowWarData
from foedus.engine.scenario import Attack
from foedus.errors import WarDataError
from foedus.model.world import World
from foedus.war.course import Course
from foedus.war.events import War, WarEvent, WarSide

__all__ = ["CowWar", "build_war"]

log = logging.getLogger("foedus.backtest")
_DAY = dt.timedelta(days=1)
_ORDER = {"exit": 0, "entry": 1, "attack": 2, "ceasefire": 3}


@dataclass
class CowWar:
    """A COW war ready to replay, with its participants (by engine id) and what was left out."""

    num: int
    name: str
    start: dt.date
    war: War
    participants: dict[str, Participant]
    opening: OpeningAttack
    skips: list[Skip] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    placements: Counter[str] = field(default_factory=Counter)
    unplaced: frozenset[str] = frozenset()  # engine ids of participants left out


def _covering(spells: list[Spell], day: dt.date) -> Spell | None:
    return next((s for s in spells if s.start <= day <= s.end), None)


class _Builder:
    def __init__(self, data: CowWarData, opening: OpeningAttack, spells: list[Spell], world: World,
                 placer: Placer) -> None:
        self.data, self.opening, self.spells, self.world, self.placer = data, opening, spells, world, placer
        self.ids: dict[int, str] = {}
        self.events: list[WarEvent] = []
        self.out = CowWar(data.num, data.name, opening.date, War("", "", ()), {}, opening)
        where: dict[int, int] = {}
        for s in sorted(spells, key=lambda s: s.start):
            where.setdefault(s.ccode, s.where)
        self.placement = Placement(world, data.num, where, ())

    def side(self, spell: Spell) -> WarSide:
        return "attack" if spell.side == self.opening.attack_side else "defense"

    def place_states(self) -> None:
        names = {s.ccode: s.name for s in self.spells}
        for ccode in dict.fromkeys(s.ccode for s in self.spells):
            entry = min(s.start for s in self.spells if s.ccode == ccode)
            state, reason = self.placer.place(ccode, entry)
            if state is None:
                self.out.skips.append(Skip(self.data.num, ccode, names[ccode], "participant", reason))
                known = self.world.states.by_ccode.get(ccode)
                if known is not None:
                    self.out.unplaced |= {known}
            else:
                self.ids[ccode] = state
        openers = tuple((c, self.ids[c]) for c in self.opening.targets if c in self.ids)
        self.placement = Placement(self.world, self.data.num, self.placement.where, openers)

    def add(self, kind: str, day: dt.date, **kw: object) -> None:
        self.events.append(WarEvent(len(self.events), kind, day, **kw))  # type: ignore[arg-type]

    def attack(self, a: int, v: int, day: dt.date, until: dt.date | None, note: str) -> None:
        place, kind, how = self.placement.place(v, self.ids[v])
        self.out.placements[how] += 1
        self.add("attack", day, attacks=(Attack(self.ids[a], self.ids[v], place, kind),), until=until, note=note)

    def spells_and_opening(self, end: dt.date) -> None:
        for s in self.spells:
            if s.ccode not in self.ids:
                continue
            self.add("entry", s.start, states=(self.ids[s.ccode],), side=self.side(s), note=f"COW spell of {s.name}")
            if s.end < end:
                self.add("exit", s.end + _DAY, states=(self.ids[s.ccode],), note=f"end of {s.name}'s spell")
        for a in self.opening.attackers:
            for v in self.opening.targets:
                if a in self.ids and v in self.ids:
                    self.attack(a, v, self.opening.date, None, "opening attack")

    def dyad(self, d: Dyad) -> None:
        if d.a not in self.ids or d.b not in self.ids:
            return
        mine = {c: sorted((s for s in self.spells if s.ccode == c), key=lambda s: s.start) for c in (d.a, d.b)}
        days = sorted({d.start, *(s.start for c in mine for s in mine[c] if d.start < s.start <= d.end)})
        for day in days:
            sa, sb = _covering(mine[d.a], day), _covering(mine[d.b], day)
            if sa is None or sb is None or self.side(sa) == self.side(sb):
                continue
            attacker = d.initiator if d.initiator is not None else (d.a if sa.side == self.opening.attack_side
                                                                    else d.b)
            victim = d.b if attacker == d.a else d.a
            self.attack(attacker, victim, day, d.end + _DAY, "dyadic file")
            return
        self.out.dropped.append(f"pair {d.a}-{d.b} ({d.start}): never on opposite sides in the participant file")

    def finish(self, end: dt.date) -> War:
        ordered = sorted(self.events, key=lambda e: (e.date, _ORDER[e.kind], e.index))
        kept: list[WarEvent] = []
        course = Course(War(f"cow_{self.data.num}", self.data.name, (), end, f"COW war {self.data.num}"))
        for e in ordered:
            trial = Course(course.war, dict(course.sides), dict(course.entered), dict(course.ongoing))
            try:
                trial.apply(e)
            except WarDataError as exc:
                self.out.dropped.append(f"{e.label} on {e.date}: {exc.problem}")
                continue
            course = trial
            kept.append(WarEvent(len(kept), e.kind, e.date, e.attacks, e.until, e.states, e.side, e.note))
        return War(f"cow_{self.data.num}", self.data.name, tuple(kept), end, f"COW war {self.data.num}")


def build_war(data: CowWarData, opening: OpeningAttack, spells: list[Spell], dyads: list[Dyad], world: World,
              placer: Placer) -> CowWar:
    """The replayable war of one COW war (see the module docstring)."""
    b = _Builder(data, opening, spells, world, placer)
    b.place_states()
    end = max(s.end for s in spells)
    b.spells_and_opening(end)
    for d in dyads:
        b.dyad(d)
    b.out.war = b.finish(end)
    people = roles(opening, spells, dyads)
    b.out.participants = {b.ids[c]: p for c, p in people.items() if c in b.ids}
    for reason in b.out.dropped:
        log.info("war %s: %s", data.num, reason)
    return b.out
