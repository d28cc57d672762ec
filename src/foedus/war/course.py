"""The course of a war: who is fighting on which side, and which attacks are ongoing, event by event.

`Course.apply` enforces the rules of a war file: an attack puts its two parties on opposite sides (when
neither is fighting yet, the attacker joins the attack side: the side of the war's first attacker); an
entry names its side; nobody changes sides without an
exit first; an exit ends the attacks by and on the state; a ceasefire ends the attacks among its states (at least
one: one that ends none names the wrong states, or comes after the attacks ended).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from foedus.engine.scenario import Attack
from foedus.errors import WarDataError
from foedus.war.events import War, WarEvent, WarSide

__all__ = ["Course", "Entered", "Ongoing"]

_OTHER: dict[WarSide, WarSide] = {"attack": "defense", "defense": "attack"}


@dataclass(frozen=True, slots=True)
class Ongoing:
    """An attack in progress: since when, until when (exclusive; None: open), the event that began it and its place
    among that event's attacks (`at`: the file's order, victims then attackers as listed)."""

    attack: Attack
    since: dt.date
    until: dt.date | None
    event: int
    at: int = 0


@dataclass(frozen=True, slots=True)
class Entered:
    """How a belligerent came into the war: attacked, attacking, or by an entry; when; by which event."""

    side: WarSide
    date: dt.date
    how: str  # attacker | attacked | entry
    event: int


@dataclass
class Course:
    """The war's state after the events applied so far."""

    war: War
    sides: dict[str, WarSide] = field(default_factory=dict)
    entered: dict[str, Entered] = field(default_factory=dict)
    ongoing: dict[tuple[str, str, str, str], Ongoing] = field(default_factory=dict)

    def _fail(self, event: WarEvent, problem: str) -> WarDataError:
        return WarDataError(self.war.source, f"events[{event.index}] ({event.date})", problem)

    def apply(self, event: WarEvent) -> None:
        """Apply one event (events must come in date order).

        Raises:
            WarDataError: the event contradicts the war so far (sides, exits, unknown belligerents).
        """
        self.expire(event.date)
        if event.kind == "attack":
            for at, attack in enumerate(event.attacks):
                self._attack(event, attack, at)
        elif event.kind == "entry":
            side = event.side
            if side is None:  # the war file's schema (`EntryEvent.side`) requires one
                raise RuntimeError(f"events[{event.index}]: an entry event without its side")
            for state in event.states:
                if (was := self.entered.get(state)) is not None and was.side == side:  # a slip: another state
                    raise self._fail(event, f"{state} is already fighting on the {was.side} side since {was.date} "
                                            f"(events[{was.event}]): the entry would change nothing")
                self._enter(event, state, side, "entry")
        elif event.kind == "exit":
            for state in event.states:
                self._exit(event, state)
        else:
            self._ceasefire(event)

    def _exit(self, event: WarEvent, state: str) -> None:
        """One state of an exit leaves the war: its attacks, and the attacks on it, end."""
        if state not in self.sides:
            raise self._fail(event, f"{state} leaves the war but is not fighting on {event.date}"
                                    f"{self._enters_later(event, state)}")
        if self.entered[state].date == event.date:
            raise self._fail(event, f"{state} leaves the war on the day it entered it (events["
                                    f"{self.entered[state].event}]), so it would never be counted as fighting "
                                    "(an exit is the first day out of the war): give the day after its last day at war")
        del self.sides[state]
        del self.entered[state]
        self._end(event, _involving(state))

    def _ceasefire(self, event: WarEvent) -> None:
        """The attacks among the ceasefire's states end (every attack when it names none): at least one."""
        among = set(event.states)
        if len(among) == 1:  # attacks *among* one state: there are none, so it would end nothing
            raise self._fail(event, f"a ceasefire among one state ({', '.join(among)}) ends no attack: list the "
                                    "states it is between, or none for every attack")
        missing = sorted(among - set(self.sides))
        if missing:
            raise self._fail(event, f"ceasefire names {', '.join(missing)}, not fighting on {event.date}")
        between = _between(among)
        if not any(between(o.attack) for o in self.ongoing.values()):  # allies, or attacks already over: a slip
            states = f" between {', '.join(sorted(among))}" if among else ""
            raise self._fail(event, f"the ceasefire ends no attack: none{states} is ongoing on {event.date} (a "
                                    "ceasefire ends the attacks among its states, on opposite sides)")
        self._end(event, between)

    def _enters_later(self, event: WarEvent, state: str) -> str:
        """Where an exit comes before the state's entry: that entry's event and date, said after the problem."""
        later = [e for e in self.war.events if (e.date, e.index) > (event.date, event.index)
                 and (state in e.states if e.kind == "entry" else
                      e.kind == "attack" and any(state in (a.attacker, a.victim) for a in e.attacks))]
        return f" (it enters the war later: events[{later[0].index}], {later[0].date})" if later else ""

    def _enter(self, event: WarEvent, state: str, side: WarSide, how: str) -> None:
        current = self.sides.get(state)
        if current is None:
            self.sides[state] = side
            self.entered[state] = Entered(side, event.date, how, event.index)
        elif current != side:
            raise self._fail(event, f"{state} is fighting on the {current} side; it must leave the war (an exit) "
                                    f"before it can fight on the {side} side")

    def _attack(self, event: WarEvent, attack: Attack, at: int = 0) -> None:
        a, v = attack.attacker, attack.victim
        side_a, side_v = self.sides.get(a), self.sides.get(v)
        if side_a is None:  # neither fighting yet: the attacker takes the attack side
            side_a = "attack" if side_v is None else _OTHER[side_v]
        if side_v is None:
            side_v = _OTHER[side_a]
        if side_a == side_v:
            raise self._fail(event, f"{a} attacks {v}, but both fight on the {side_a} side")
        self._enter(event, a, side_a, "attacker")
        self._enter(event, v, side_v, "attacked")
        key = (a, v, attack.place, attack.kind)
        if key not in self.ongoing:
            self.ongoing[key] = Ongoing(attack, event.date, event.until, event.index, at)

    def _end(self, event: WarEvent, test: Callable[[Attack], bool]) -> None:
        """End the attacks `test` picks; one begun on the event's own day would end unevaluated, so is refused
        (as an attack's `until` on its own date is)."""
        ended = {k: o for k, o in self.ongoing.items() if test(o.attack)}
        for o in ended.values():
            if o.since == event.date:
                raise self._fail(event, f"the {event.kind} ends {o.attack.attacker}'s attack on {o.attack.victim} "
                                        f"begun that same day (events[{o.event}]), so it would never be counted: "
                                        "date the end the day after the attack's last day")
        self.ongoing = {k: o for k, o in self.ongoing.items() if k not in ended}

    def expire(self, day: dt.date) -> list[Ongoing]:
        """Drop the attacks whose `until` has come by `day`; return them."""
        gone = [o for o in self.ongoing.values() if o.until is not None and o.until <= day]
        if gone:
            self.ongoing = {k: o for k, o in self.ongoing.items() if o.until is None or o.until > day}
        return gone

    def attacks(self) -> list[Ongoing]:
        """The ongoing attacks, oldest first, then in the war file's order (an event's victims, then its attackers, as
        listed): the order a binding's `because` is chosen in, among the attacks its duty answers alike (the
        engine keeps a state's finds of one rank in the order found; docs/war.md, "Which attack a binding names")."""
        return sorted(self.ongoing.values(), key=lambda o: (o.since, o.event, o.at))

    def side(self, side: WarSide) -> tuple[str, ...]:
        """The belligerents on one side, in order of entry."""
        chosen = [(e.date, e.event, s) for s, e in self.entered.items() if e.side == side]
        return tuple(s for _, _, s in sorted(chosen))


def _involving(state: str) -> Callable[[Attack], bool]:
    """A test: does an attack involve `state` (as attacker or victim)?"""
    return lambda a: state in (a.attacker, a.victim)


def _between(among: set[str]) -> Callable[[Attack], bool]:
    """A test: is an attack among these states (attacker and victim both; any attack when none are listed)?"""
    return lambda a: not among or (a.attacker in among and a.victim in among)
