"""Replay a war: re-evaluate the obligations on every event date and every date the treaty timeline changes.

Dates come from the war's events (attacks, entries, exits, ceasefires, attacks ending), from the
merged treaty timeline (`foedus.war.changes`) and from the days a state leaves or comes back to the state system
(`foedus.war.system_changes`) inside the war's span. A treaty change is evaluated only when the treaty has a member
among the states involved so far (belligerents, bound or conflicted states), and a state's change of the system only
when it is involved or a party of such a treaty: a change among uninvolved states cannot alter any leg the cascade
reads, so skipping it changes nothing.

Compiling the treaty legs of a date is most of the cost of a cascade, and between two changes of the
whole world's treaty timeline the legs are the same: each date is evaluated with the legs of its *epoch*,
the last date on or before it on which anything in the timeline changed (or a state entered or left the
state system, or the honour model's era turned, or a state's name changed: `foedus.model.dated_names`), so the
engine compiles once per epoch. What is derived from the world is kept per world only while it lives
(`foedus.model.per_world`).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from typing import Any

from foedus.cited_names import titles_of
from foedus.engine.outcome import DATA_END
from foedus.engine.reliability import ERA_CUTOFF
from foedus.engine.scenario import (
    Basis,
    Decisions,
    NonMilitary,
    Reading,
    TerritoryView,
    UnresolvedReading,
    parse_date,
    switch_values,
)
from foedus.errors import ScenarioError, WarDataError
from foedus.model.dated_names import era_days
from foedus.model.membership import unchecked_notes
from foedus.model.per_world import per_world
from foedus.model.world import World
from foedus.place_words import changed_places, named_places
from foedus.war.changes import TreatyChange, treaty_changes
from foedus.war.course import Course, Ongoing
from foedus.war.doubt_days import doubt_days, doubt_keys
from foedus.war.evaluate import Evaluation, Settings, evaluate_course
from foedus.war.events import War, WarEvent, data_end, until_said
from foedus.war.first_spell import before_first_spell_notes
from foedus.war.frames import FrameBuilder
from foedus.war.result import WarReplay, no_end_recorded, past_treaties
from foedus.war.system_changes import SystemChange, system_changes
from foedus.war.words import add_text

__all__ = ["DATA_END", "data_end", "epoch_of", "evaluate_at", "replay", "replay_end", "settings_of"]


def settings_of(reading: str = "legal", basis: str = "in-force", requested: bool = True,
                territory_view: str = "recognized", unresolved: str = "met",
                non_military: str = "withheld", decisions: str = "taken") -> Settings:
    """Checked replay settings (against the choices the scenario switches declare).

    Raises:
        ScenarioError: an unknown reading, basis, territory view, reading of unresolved conditions, of the
            obligors who may limit their aid to non-military means or of the decisions some clauses need.
    """
    given = {"reading": reading, "basis": basis, "requested": requested, "territory_view": territory_view,
             "unresolved": unresolved, "non_military": non_military, "decisions": decisions}
    values = switch_values(given)
    return Settings(**{name: values[name] for name in given})


@per_world
def _timeline(world: World, basis: Basis) -> tuple[list[dt.date], list[list[TreatyChange]], dict[str, frozenset[str]]]:
    """Every treaty change of the world by date, and every treaty's members (ever), cached per world."""
    treaties = [world.treaties[t] for t in world.treaties]
    by_day = treaty_changes(treaties, basis, dt.date.min, dt.date.max, world.states.names_on)
    members = {t.id: frozenset(m.state for m in t.members) for t in treaties}
    return list(by_day), list(by_day.values()), members


@per_world
def _treaties_of(world: World, basis: Basis) -> dict[str, frozenset[str]]:
    """The treaties each state is a member of (ever), cached per world."""
    out: dict[str, set[str]] = defaultdict(set)
    for treaty, members in _timeline(world, basis)[2].items():
        for state in members:
            out[state].add(treaty)
    return {state: frozenset(treaties) for state, treaties in out.items()}


def _in_play(change: SystemChange, involved: set[str], members: dict[str, frozenset[str]],
             treaties_of: dict[str, frozenset[str]]) -> bool:
    """Whether a state's change of the state system may alter what the cascade reads: the state is involved, or a
    party of a treaty with a member involved."""
    return change.state in involved or any(members[t] & involved for t in treaties_of.get(change.state, ()))


@per_world
def _epochs(world: World, basis: Basis) -> list[dt.date]:
    """The dates on which the compiled legs may change (see the module docstring), sorted."""
    days = set(_timeline(world, basis)[0]) | {ERA_CUTOFF} | set(era_days())  # a frame names states as on its epoch
    for state in world.states:
        for start, end in state.spells:
            days.add(start)
            if end is not None:
                days.add(end + dt.timedelta(days=1))
    return sorted(days)


@per_world
def _doubted(world: World, basis: Basis) -> tuple[list[dt.date], list[list[str]]]:
    """Every day a treaty's doubts start or stop (`foedus.war.doubt_days`), with those treaties, cached per world."""
    by_day = doubt_days((world.treaties[t] for t in world.treaties), basis)
    return list(by_day), list(by_day.values())


def epoch_of(world: World, basis: Basis, day: dt.date) -> dt.date:
    """The first day of the epoch `day` falls in: the same compiled legs as `day`."""
    epochs = _epochs(world, basis)
    i = bisect.bisect_right(epochs, day)
    return epochs[i - 1] if i else day


def replay_end(war: War, until: dt.date | None) -> tuple[dt.date, dt.date | None]:
    """The replay's last day, and `until` when it was after an ongoing war's data end (`data_end`), to which the
    replay is cut: it says nothing of days its data does not cover. Days of the war's data after `DATA_END` are
    replayed as every day is, each date evaluated on the treaties as known then, later changes encoded only where
    found (`foedus.war.result.past_treaties` says so).

    Raises:
        ScenarioError: `until` after a finished war's end, or before the war starts.
    """
    last = data_end(war)
    end = until or last
    if war.end is not None and end > war.end:  # the war's attacks would still be running after it ended
        raise ScenarioError(f"the replay would end ({end}) after the war does ({war.end}): give an earlier date, or "
                            "none for the war's end")
    if end < war.start:
        raise ScenarioError(f"the replay would end ({end}) before the war starts ({war.start})")
    return (last, end) if end > last else (end, None)


def evaluate_at(war: War, world: World, day: dt.date, settings: Settings) -> Evaluation:
    """The war as it stands on `day` (every event up to that day applied), evaluated once."""
    course = Course(war)
    for event in war.events:
        if event.date > day:
            break
        course.apply(event)
    return evaluate_course(world, course, day, settings, epoch_of(world, settings.basis, day))


def replay(war: War, world: World | None = None, *, reading: Reading = "legal", basis: Basis = "in-force",  # noqa: PLR0913
           requested: bool = True, territory_view: TerritoryView = "recognized", unresolved: UnresolvedReading = "met",
           non_military: NonMilitary = "withheld", decisions: Decisions = "taken", until: str | dt.date | None = None,
           settings: Settings | None = None, doubts: bool = True) -> WarReplay:
    """Replay `war` from its first event to `until` (default: its end, or the data's end when it is ongoing); an
    ongoing war asked past its data's end (`data_end`) is replayed to that end, `asked` saying so (`replay_end`).
    `doubts`: give each frame the doubts a cascade on its day gives, and make a frame where they start or stop for a
    treaty with a member involved (`foedus.war.doubt_days`); the backtest, which reads no frame's doubts, goes
    without.

    Raises:
        ScenarioError: bad settings, or `until` before the war starts. DateOutOfRangeError: a malformed, impossible
            or out-of-range `until` (a date or YYYY-MM-DD, as `foedus.replay_war` reads it: a text was compared
            with the war's dates, a TypeError). WarDataError: `war` is no loaded war, or its events contradict each
            other (see `foedus.war.course`).
    """
    if not isinstance(war, War):  # `replay("russia_ukraine_2022")` failed on `war.start`, an AttributeError
        from foedus.declare import described

        raise WarDataError("war", "", f"expected a foedus.war.events.War (foedus.war.loader.load_war reads a file; "
                                      f"foedus.replay_war takes a path or a bundled war's id), not {described(war)}")
    w = world or World.default()
    chosen = settings or settings_of(reading, basis, requested, territory_view, unresolved, non_military, decisions)
    start, (end, asked) = war.start, replay_end(war, parse_date(until) if until is not None else None)
    days, per_day, members = _timeline(w, chosen.basis)
    lo, hi = bisect.bisect_right(days, start), bisect.bisect_right(days, end)
    changes = dict(zip(days[lo:hi], per_day[lo:hi], strict=True))
    doubted: dict[dt.date, list[str]] = {}
    if doubts:
        on, treaties = _doubted(w, chosen.basis)
        lo, hi = bisect.bisect_right(on, start), bisect.bisect_right(on, end)
        doubted = dict(zip(on[lo:hi], treaties[lo:hi], strict=True))
    events: dict[dt.date, list[WarEvent]] = defaultdict(list)
    for e in war.events:
        if e.date <= end:
            events[e.date].append(e)
    endings = {e.until for e in war.events if e.until is not None and e.date <= end and e.until <= end}
    system = {d: c for d, c in system_changes(w).items() if start < d <= end}
    treaties_of = _treaties_of(w, chosen.basis)
    dates = sorted(set(events) | endings | set(changes) | set(doubted) | set(system))
    course = Course(war)
    by_index = {e.index: e for e in war.events}
    builder = FrameBuilder(w, war.sources)
    involved: set[str] = set()
    last = start  # the day of the last frame made
    for day in dates:
        todays = events.get(day, [])
        for event in todays:
            course.apply(event)
        ended = course.expire(day)
        relevant = [c for c in changes.get(day, []) if members.get(c.treaty, frozenset()) & involved]
        moved = [c for c in system.get(day, []) if _in_play(c, involved, members, treaties_of)]
        quiet = day != start and not todays and not ended and not relevant and not moved  # a doubt's window, if any
        if quiet and not any(members.get(t, frozenset()) & involved for t in doubted.get(day, ())):
            continue
        evaluation = evaluate_course(w, course, day, chosen, epoch_of(w, chosen.basis, day), doubts=doubts)
        said = [d.to_dict() for d in evaluation.doubts]
        if quiet and doubt_keys(said, day.isoformat()) == doubt_keys(builder.frames[-1].doubts, last.isoformat()):
            continue  # a doubt's window opened or closed, but the doubts a cascade gives are the same
        last = day
        day_changes = ([e.to_dict() for e in todays] + [_ended(o, day, by_index) for o in ended]
                       + [c.to_dict() for c in relevant] + [c.to_dict() for c in moved])
        builder.add(evaluation, day_changes, course, said)
        involved = set(evaluation.sides) | set(evaluation.bound) | set(evaluation.conflicted)
    past = past_treaties(end)  # days after DATA_END: read on the changes found after it, and only those
    cut = no_end_recorded(war, end, data_end(war))  # an ongoing war replayed to its data's last day says so
    notes = (*war.notes, *builder.notes(), *([past] if past else []), *([cut] if cut else []), *_unchecked(w, war, end))
    names = builder.names(start)  # as called on the war's first day, `renames` dating each change (docs/war.md)
    first = w.states.names_on(start)  # and each state the file notes alone, so the table names it (war/table.py)
    names = dict(sorted((names | {n.state: first.get(n.state, n.state) for n in war.state_notes}).items()))
    titles = titles_of(w.treaties.values())  # an ATOP alliance a correction names: by its title too, as the rows
    for f in builder.frames:  # each change named as on its own day; the causes are these records: they get it too
        day_names = w.states.names_on(f.date)
        add_text(f.changes, day_names, named_places(w.places, f.date, changed_places(f.changes), day_names),
                 w.places.home_of, titles)
    return WarReplay(war=war, settings=chosen, end=end, states=builder.records, frames=builder.frames,
                     evaluations=builder.evaluations, names=names, notes=notes,
                     renames=builder.renames(names, start, end), data_end=data_end(war), asked=asked)


def _unchecked(world: World, war: War, end: dt.date) -> list[str]:
    """The notes on the states that attack or enter by `end` whose membership of the state system the COW dates
    cannot say on the day they do (before 1816, or a state COW does not list), as a cascade gives them, and on those
    at war before their first COW spell (`foedus.war.first_spell`)."""
    first: dict[str, dt.date] = {}
    for e in war.events:
        if e.kind in ("attack", "entry") and e.date <= end:
            for state in (*e.states, *(s for a in e.attacks for s in (a.attacker, a.victim))):
                first.setdefault(state, e.date)
    by_day: dict[dt.date, list[str]] = defaultdict(list)
    for state, day in first.items():
        by_day[day].append(state)
    said = [n for day in sorted(by_day) for n in unchecked_notes(world.states, by_day[day], day)]
    return list(dict.fromkeys([*said, *before_first_spell_notes(world.states, first)]))


def _ended(ongoing: Ongoing, day: dt.date, events: dict[int, WarEvent]) -> dict[str, Any]:
    """The change record of an attack's end, with how sure its event's `until` is where not verified (`until_said`:
    an end one side claims is said so wherever the end is)."""
    a, event = ongoing.attack, events.get(ongoing.event)
    sure = until_said(event) if event is not None and event.until == day else {}
    return {"type": "attack-ends", "date": day.isoformat(), "event": ongoing.event, "attacker": a.attacker,
            "victim": a.victim, "place": a.place, "label": f"{a.attacker}'s attack on {a.victim} ({a.place}) ends",
            **sure}
