"""Read a war file into a resolved `War`, with one-line errors that name the file and the field.

Three passes: the YAML and the pydantic schema; the references, each read on its event's date as a
scenario's are on its date (states in the registry and in the state system, places in the gazetteer, each
attacked place the victim's territory as held that day under the territorial view), but for an exit's or a
ceasefire's name several states carried, which means the one of the war's belligerents by then; and the course of
the war (sides, exits), applied event by event.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from foedus.engine.rules.system import in_system
from foedus.engine.scenario import Attack, TerritoryView, check_place
from foedus.errors import FoedusError, WarDataError, field_path
from foedus.listed import listed_twice
from foedus.model.model_files import read_model_file
from foedus.model.states import Among
from foedus.model.world import World
from foedus.state_lists import held_later_said
from foedus.war.course import Course
from foedus.war.events import CitedPage, StateRemark, War, WarEvent
from foedus.war.schema import AttackEvent, CeasefireEvent, EntryEvent, ExitEvent, WarFile
from foedus.written import as_written, kept

__all__ = ["load_war", "read_war_file", "resolve_war"]

_RAW = AttackEvent | EntryEvent | ExitEvent | CeasefireEvent
_BELLIGERENTS = "the states in the war's earlier attacks and entries"


def read_war_file(path: Path) -> WarFile:
    """Parse and schema-validate one war file.

    Raises:
        WarDataError: unreadable file, bad YAML, or a schema violation (with its field path).
    """
    return read_model_file(path, "war", WarFile, WarDataError, _events_unnamed)


def _events_unnamed(loc: tuple[object, ...], raw: object) -> str:
    """pydantic's location of a problem as a field path without the event union's member names (`events[2].date`,
    not `events[2].attack.date`)."""
    return field_path(p for p in loc if p not in ("attack", "entry", "exit", "ceasefire"))


def _names(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


class _Resolver:
    """Resolves one war file's references against a world, naming the field on error."""

    def __init__(self, world: World, source: str, view: TerritoryView, events: list[_RAW]) -> None:
        self.world, self.source, self.view, self.raw = world, source, view, events
        self.done: dict[int, WarEvent] = {}

    def state(self, name: str, loc: str, event: Any, among: Among | None = None) -> str:
        """The id of the state `name` names on the event's date, as a scenario's typed name is read on its date: a
        name several states carried (Korea, Germany, Vietnam, Yemen) means the one of that name on that day, or, in
        an exit or a ceasefire (`among`), the one of the war's belligerents by then, whatever the day. A place or an
        area is refused as one (`World.state_named`). A state that attacks or enters out of the state system is
        refused, by the rule's reading (`in_system`: a day before its first spell is not out, Montenegro in 1914)."""
        try:
            state = self.world.state_named(name, event.date, among=among)
        except FoedusError as exc:
            raise WarDataError(self.source, loc, str(exc)) from None
        if event.type in ("attack", "entry") and not in_system(self.world.states, state.id, event.date):
            raise WarDataError(self.source, loc, f"{self.world.states.names_on(event.date)[state.id]} ({state.id}) is "
                                                 "not a member of the state system "
                                                 f"on {event.date}")
        return state.id

    def states(self, value: str | list[str] | None, loc: str, event: Any, among: Among | None = None
               ) -> tuple[str, ...]:
        """The states of one list of an event, each once: a state listed twice (as RUS and as Russia too) is a slip
        the file would hide, so it is refused naming both places."""
        names = _names(value)
        if isinstance(value, str):
            return (self.state(names[0], loc, event, among),)
        ids = [self.state(name, f"{loc}[{i}]", event, among) for i, name in enumerate(names)]
        if twice := listed_twice(ids, loc):
            raise WarDataError(self.source, *twice)
        return tuple(ids)

    def attacks(self, event: AttackEvent, loc: str) -> tuple[Attack, ...]:
        attackers = self.states(event.attacker, f"{loc}.attacker", event)
        victims = self.states(event.victim, f"{loc}.victim", event)
        both = sorted(set(attackers) & set(victims))
        if both:
            raise WarDataError(self.source, loc, f"{', '.join(both)} cannot attack itself")
        chosen = None
        if event.place is not None:
            try:
                check_place(event.place)
                found = self.world.places.resolve(event.place, self.world.states, event.date)
                chosen = self.world.places.on(event.date)[found.id]  # as held on the attack's date, as a scenario's
            except FoedusError as exc:
                raise WarDataError(self.source, f"{loc}.place", str(exc)) from None
        out: list[Attack] = []
        names = self.world.states.names_on(event.date)
        for victim in victims:
            where = chosen or self.world.places.home(victim, event.date)
            called = self.world.places.called(where, names)
            if event.target_kind == "territory" and (why := where.not_held(victim, self.view, names, called)):
                why = held_later_said(self.world, where, event.date, victim, self.view, names, called) or why
                raise WarDataError(self.source, f"{loc}.place",
                                   f"{why}; use target_kind: forces, or another territory view")
            out += [Attack(a, victim, where.id, event.target_kind) for a in attackers]
        return tuple(out)

    def event(self, i: int) -> WarEvent:
        """The file's `events[i]`, resolved (once: an exit's names read the attacks and entries before it)."""
        if i not in self.done:
            self.done[i] = self._event(i, self.raw[i])
        return self.done[i]

    def _event(self, i: int, raw: _RAW) -> WarEvent:
        loc = f"events[{i}]"
        if isinstance(raw, AttackEvent):
            return WarEvent(i, "attack", raw.date, attacks=self.attacks(raw, loc), until=raw.until, note=raw.note,
                            until_certainty=raw.until_certainty, until_by=raw.until_by)
        if isinstance(raw, EntryEvent):
            return WarEvent(i, "entry", raw.date, states=self.states(raw.state, f"{loc}.state", raw), side=raw.side,
                            note=raw.note)
        if isinstance(raw, ExitEvent):
            return WarEvent(i, "exit", raw.date, note=raw.note,
                            states=self.states(raw.state, f"{loc}.state", raw, self.belligerents(i)))
        return WarEvent(i, "ceasefire", raw.date, note=raw.note,
                        states=self.states(raw.states, f"{loc}.states", raw, self.belligerents(i)))

    def belligerents(self, i: int) -> Among:
        """The states of the attacks and entries before `events[i]` (by date, then place in the file), whether or not
        they have left the war since: a name several states carried (Germany, after 1945; Vietnam, after 1975) means
        the one of them in an exit or a ceasefire, whatever the day (`StateRegistry.resolve`)."""
        day, ids = self.raw[i].date, set[str]()
        for j, raw in enumerate(self.raw):
            if isinstance(raw, AttackEvent | EntryEvent) and (raw.date, j) < (day, i):
                event = self.event(j)
                ids.update(event.states, *((a.attacker, a.victim) for a in event.attacks))
        return Among(frozenset(ids), _BELLIGERENTS)


def resolve_war(data: WarFile, world: World, source: str = "<war>", view: TerritoryView = "recognized") -> War:
    """Resolve a schema-valid war against `world` and check its course.

    Raises:
        WarDataError: an unknown state or place, a state outside the state system, a place that is not
            the victim's territory, or events that contradict each other (sides, exits).
    """
    resolver = _Resolver(world, source, view, list(data.events))
    resolved = [resolver.event(i) for i in range(len(data.events))]
    _refuse_repeated(resolved, source)
    _refuse_overlapping(resolved, source)
    events = tuple(sorted(resolved, key=lambda e: (e.date, e.index)))
    cited = [CitedPage(str(c.url), c.title) for c in data.sources]
    cited += [CitedPage(str(c.url), c.title, i) for i, e in enumerate(data.events) for c in e.sources]
    war = War(id=data.id, name=data.name, events=events, end=data.end, source=source,
              notes=(data.note,) if data.note else (), sources=tuple(cited),
              state_notes=_remarks(data, world, source, events[0].date))
    course = Course(war)
    for event in events:
        course.apply(event)
    return war


def _remarks(data: WarFile, world: World, source: str, start: dt.date) -> tuple[StateRemark, ...]:
    """The file's `state_notes`, each state read on its `since` (default: the war's `start`), a day inside the war."""
    out = []
    for i, n in enumerate(data.state_notes):
        since, loc = n.since or start, f"state_notes[{i}]"
        if since < start or (data.end is not None and since > data.end):
            raise WarDataError(source, f"{loc}.since", f"{since} is outside the war ({start} to {data.end or 'open'})")
        try:
            state = world.state_named(n.state, since).id
        except FoedusError as exc:
            raise WarDataError(source, f"{loc}.state", str(exc)) from None
        out.append(StateRemark(state, since, n.note, n.certainty, tuple(CitedPage(str(c.url), c.title)
                                                                        for c in n.sources), n.since_within))
    return tuple(out)


def _refuse_repeated(events: list[WarEvent], source: str) -> None:
    """Refuse an event that says again what an earlier one says (the same kind, day, attacks or states and side;
    its note and sources aside): a copied line, or one meant to say something else.

    Raises:
        WarDataError: naming the repeat and the event it repeats.
    """
    seen: dict[tuple[Any, ...], int] = {}
    for event in events:
        key = (event.kind, event.date, frozenset(event.attacks), event.until, frozenset(event.states), event.side)
        if key in seen:
            raise WarDataError(source, f"events[{event.index}]", f"repeats events[{seen[key]}] ({event.label}, "
                               f"{event.date}); give each event once")
        seen[key] = event.index


def _refuse_overlapping(events: list[WarEvent], source: str) -> None:
    """Refuse an attack that an earlier attack, the same strike (attacker, victim, place, kind), still holds on its
    day by its `until`: the replay said the first ended on that day while the second still held it."""
    held: dict[Any, tuple[WarEvent, dt.date]] = {}
    for event in sorted(events, key=lambda e: (e.date, e.index)):
        for attack in event.attacks if event.kind == "attack" else ():
            if (earlier := held.get(attack)) is not None and event.date < earlier[1]:
                raise WarDataError(source, f"events[{event.index}]", f"{event.label} ({event.date}) is an attack "
                                   f"that events[{earlier[0].index}] holds until {earlier[1]}: the replay would say "
                                   "it ends then while this one still holds; end the first before, or make them one")
            if event.until is not None:
                held[attack] = (event, event.until)


def load_war(path: str | Path, world: World | None = None, view: TerritoryView = "recognized") -> War:
    """Read, validate and resolve one war file (against the bundled world unless `world` is given).

    Raises:
        WarDataError: see `read_war_file` and `resolve_war`; and a `path` that is no path (`load_war(None)` failed
            in `os.fspath`'s words, a TypeError) or an empty or blank one (`Path("")` would be `.`, a folder).
    """
    import os

    from foedus.declare import described
    from foedus.errors import empty_or_blank

    if not isinstance(path, str | os.PathLike):
        raise WarDataError("war file", "", f"expected a path (str or pathlib.Path), not {described(path)}")
    if not str(path).strip():
        raise WarDataError("war file", "", f"the path is {empty_or_blank(path)}; give a war file")
    target = kept(path)
    read = read_war_file(target)
    _refuse_bundled_id(read, target)
    return resolve_war(read, world or World.default(), as_written(target), view)


def _refuse_bundled_id(war: WarFile, path: Path) -> None:
    """Refuse a war file of the user's that takes a bundled war's id: its replay (the table's heading, the JSON's
    `id`) would be taken for the bundled war's, as a treaty file of the user's may not take a bundled treaty's id.

    Raises:
        WarDataError: naming the id and how the bundled war is replayed.
    """
    from foedus.war.bundled import bundled_wars, is_bundled_file

    if war.id not in bundled_wars() or is_bundled_file(path, war.id):  # the bundled file itself, by any path
        return
    raise WarDataError(as_written(path), "id", f"{war.id!r} is the id of a bundled war (`foedus war {war.id}` "
                       "replays it); give your war an id of its own, so that its replay is not taken for the bundled "
                       "war's")
