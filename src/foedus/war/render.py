"""Print a war replay on a terminal: who was bound when and by what, then the timeline of moves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from foedus.by_name import by_name
from foedus.cited import instrument_said, tagged_cited
from foedus.cited_names import named_cited
from foedus.consoles import console as make_console
from foedus.consoles import table as make_table
from foedus.review_words import past_review
from foedus.war.doubt_days import doubt_keys
from foedus.war.evaluate import Settings
from foedus.war.fought_words import attackers_of
from foedus.war.frame import Frame
from foedus.war.pause_words import (
    bound_since_said,
    lapsed_said,
    ongoing_conditions,
    pause_lines,
    paused_since,
    released_cell,
)
from foedus.war.result import StateRecord, WarReplay
from foedus.war.system_changes import out_days, system_text
from foedus.war.words import (
    DUTIES_HEADING,
    NO_DOUBTS,
    also_said,
    bound_duty,
    change_said,
    change_text,
    conditions_said,
    doubt_lines,
    duty_lines,
    entered_words,
    fighting_out_cell,
    side_leads,
    side_words,
    sides_said,
)
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.model.states import StateRegistry

__all__ = ["print_ongoing", "print_replay", "settings_tail"]

NamesOn = Callable[[dt.date], Mapping[str, str]]
"""The states' display names on a day (`StateRegistry.names_on`): each dated line names its states as on its date."""


def _day(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _row(r: StateRecord, names: dict[str, str], last: Frame, titles: Mapping[str, str] | None = None,
         out: Sequence[tuple[dt.date, dt.date]] = (), sides: Mapping[str, str] | None = None) -> list[str]:
    """A state's row: its name, its spells of fighting (side, dates, how it came in, in words; a pause on the last
    date, `paused_since`; the days it fights out of the state system, `out`: `fighting_out_cell`), its first binding
    (cited with its certainty, an instrument that is not a treaty said so: `instrument_said`; the conditions it
    assumes: `conditions_said`; a release on the last date, naming the binding released where it is a later one:
    `released_cell`), or, for a state never bound to one side but bound both ways, the day it first was (it read "—",
    as a state never bound: Armenia in 2024, the CSTO against ATOP 4815's neutrality), and what caused it. The pause
    and the release leave their pages to the sources listed under the timeline. An ATOP alliance is cited with its
    title where `titles` has one (`foedus.cited_names.named_cited`); the side it was first bound to join by its lead
    states where `sides` names them (`side_words`: "2026-02-28, the side of Iran (IRN): ...")."""
    titles = titles or {}
    fight = "; ".join(f"{s['side']} {s['from']}" + (f"–{s['to']}" if s["to"] else "")
                      + f" ({entered_words(s['how'], attackers_of(s, r.state, names))})" for s in r.spells) or "—"
    if r.state in last.paused:
        fight += f"\n{paused_since(last.paused[r.state], cite=False)}"
    if out:
        fight += f"\n{fighting_out_cell(out)}"
    b = r.first_bound
    bound = "—"
    if b:  # the primary, the conditions it assumes, then each other obligation of that day, each on a line of its own
        duty = bound_duty({"kind": b.kind, "because": b.because.to_dict()}, names)
        head = (f"{b.date}, {duty.removeprefix('bound ')}: " if duty  # the duty: whom it defends, against whom
                else f"{b.date}, {sides[b.side]}: " if sides and b.side in sides else f"{b.date} {b.side}: ")
        cite = tagged_cited(named_cited(b.treaty, titles), b.article, b.certainty, b.doubted, b.levels)
        bound = "\n".join([head + cite + instrument_said(b.instrument), *conditions_said({"conditions": b.conditions}),
                           *also_said((o.to_dict() for o in b.also), titles)])
    elif r.conflict:  # bound both ways, never to one side: said so and since when, not "—" as one never bound
        bound = f"{r.conflict['date']}: {_status_words('conflict')}, counted on neither side"
    if r.state in last.released:  # naming the binding released where it is not the first (`released_cell`)
        rel = last.released[r.state]
        bound += "\n" + released_cell(rel, str(b.date) if b else "", lambda d: tagged_cited(
            named_cited(d["treaty"], titles), d["article"], d.get("certainty", "verified"),
            d.get("doubted", ()), d.get("levels")), above=True)
    why = _said(b.cause) if b else _said(r.conflict["cause"]) if r.conflict else ""
    return [named_state(r.state, names), fight, bound, why]


def _fighting_out(r: StateRecord, result: WarReplay, states: StateRegistry) -> list[tuple[dt.date, dt.date]]:
    """The days `r` fights out of the state system (`out_days`, over each spell of fighting: its `to` is its first
    day out of the war; an open spell runs to the replay's last day)."""
    return [run for s in r.spells for run in out_days(states, r.state, _day(s["from"]),
                                                      _day(s["to"]) - dt.timedelta(days=1) if s["to"] else result.end)]


def _said(cause: Mapping[str, Any] | None) -> str:
    """A change in the one wording the JSON and the web map show too (`foedus.war.words.change_said`), or nothing."""
    return change_said(cause) if cause else ""


def _duties(result: WarReplay, names_on: NamesOn, titles: Mapping[str, str] | None = None) -> list[str]:
    """A line a duty, its states named as on its date (a 1914 war replayed to 2025 named Ukraine's 1997 duty to
    consult "Russian Empire (RUS)"), in the one wording of `foedus.war.words.duty_lines`, read from `_duty_record`."""
    return [line for r in _rows(result)
            for line in duty_lines(_duty_record(r), lambda day: names_on(_day(day)), titles=titles)]


def _rows(result: WarReplay) -> list[StateRecord]:
    """The states in the text's order: by first appearance, then by the name each row says (`WarReplay.ordered`)."""
    return result.ordered(lambda r: named_state(r.state, result.names_on(result.row_day(r))))


def _duty_record(r: StateRecord) -> dict[str, Any]:
    """What `duty_lines` reads of a state's record, in its JSON form (`StateRecord.to_dict`), without serialising
    the rest: its id, its duties (JSON already), and of its first binding the date and treaty that tell the casus
    foederis that bound it from the others."""
    b = r.first_bound
    return {"state": r.state, "triggered": r.triggered, "consultations": r.consultations, "neutral": r.neutral,
            "first_bound": {"date": b.date.isoformat(), "treaty": b.treaty} if b else None}


# a status in the timeline's words: the JSON's "bound-attack" read as "bound to attack" (the JSON keeps its values)
_STATUS_WORDS = {"bound-attack": "bound to join the attack side", "bound-defense": "bound to join the defense side",
                 "conflict": "bound both ways (a conflict)"}


def _status_words(status: str, sides: Mapping[str, str] | None = None, duty: str | None = None) -> str:
    """A state's status on a war's date, as the timeline says it: "attack", "defense" and "out" as they are, a
    binding as the side it binds to, by its lead states where `sides` names them (`side_words`: "bound to join the
    side of Iran (IRN)"; "bound to join the attack side" read as bound to join the war's first attack), a conflict as
    "bound both ways (a conflict)": bound to both sides, or to join one and not to join the war against a state
    (Armenia in 2024); a binding as the duty it is where `duty` says it (`bound_duty`: "bound to defend Qatar (QAT)
    against Iran (IRN)")."""
    bound = status.removeprefix("bound-")
    if duty and bound != status:
        return duty
    if sides and bound != status and bound in sides:
        return f"bound to join {sides[bound]}"
    return _STATUS_WORDS.get(status, status)


def _move_words(move: Mapping[str, Any], sides: Mapping[str, str] | None = None, was: str | None = None,
                now: str | None = None) -> str:
    """A move: "out → bound to join the attack side", or, for a state still bound to its side by another treaty from
    that date, "still bound to join the attack side, now under rus_blr_2024 art. 4" (not a move from a status to
    itself). The JSON's statuses (`bound-attack`, ...) are said in words (`_status_words`), a binding left as `was`
    says it, one entered as `now` says it (`bound_duty`, of the day before's binding and the day's). The web's copy:
    web/src/said.ts `moveWords` (tests/test_said_parity.py)."""
    if "now_under" in move:
        return f"still {_status_words(move['to'], sides, now)}, now under {move['now_under']}"
    return f"{_status_words(move['from'], sides, was)} → {_status_words(move['to'], sides, now)}"


def _sources(result: WarReplay, names_on: NamesOn) -> list[str]:
    """The pages the war file cites, each with what it backs: the war, or one event (its date and what happened)."""
    events = {e.index: e for e in result.war.events}
    texts = {(f.date, c.get("label")): c["text"] for f in result.frames for c in f.changes if "text" in c}
    out = []
    for c in result.war.sources:  # an event as its frame says it (its places named), else by `change_text`
        event = events.get(c.event) if c.event is not None else None
        said = event and (texts.get((event.date, event.label)) or change_text(event.to_dict(), names_on(event.date)))
        what = f"{event.date} {said}: " if event else ""
        out.append(what + (f"{c.title} — {c.url}" if c.title else c.url))
    return out


def settings_tail(settings: Settings) -> str:
    """The replay's switches other than their defaults, after its header's reading and basis, in a cascade header's
    words (`foedus.code_words.SETTING_WORDS`: "; states that may limit their aid to non-military means read as bound
    to fight"), or nothing: a replay with `--non-military bound` read as the usual reading's."""
    from foedus.code_words import SETTING_WORDS
    from foedus.inputs import SWITCH

    said = [words for name, words in SETTING_WORDS.items()
            if name != "basis" and hasattr(settings, name) and getattr(settings, name) != SWITCH[name].default]
    return "; " + ", ".join(said) if said else ""


def print_replay(result: WarReplay, timeline: bool = True, states: StateRegistry | None = None,
                 titles: Mapping[str, str] | None = None) -> None:
    """The per-state table, the other duties, then (optionally) each date's moves with their causes; the table
    names each state as on its row's date (`WarReplay.row_day`, as `to_frame`), a dated line as on its date
    (`states`' names on it; the bundled registry when None), and marks the days a state fights out of the state system
    by `states`' dates; an ATOP alliance is cited with its title where `titles` has one
    (`foedus.cited_names.titles_of`: the JSON and `--out` keep the ids alone)."""
    if states is None:
        from foedus.model.states import StateRegistry

        states = StateRegistry.load()
    names_on = states.names_on
    console = make_console(highlight=False, soft_wrap=False)
    war = result.war
    console.print(f"[bold]{war.name}[/bold] ({war.id}), replayed {war.start} to {result.end}"
                  f"{past_review(result.end)} — "
                  f"{result.settings.reading} reading, membership by {result.settings.basis}"
                  f"{settings_tail(result.settings)}")
    first = next(e for e in war.events if e.kind == "attack")
    console.print(sides_said(((a.attacker, a.victim) for a in first.attacks), result.names_on(first.date)),
                  markup=False)
    sides = side_words(side_leads(war), result.names)
    table = make_table("state", "fighting", "first bound", "by", title="who was bound, when, and by what")
    for rec in _rows(result):
        table.add_row(*_row(rec, result.names_on(result.row_day(rec)), result.frames[-1], titles or {},
                            _fighting_out(rec, result, states), sides))
    console.print(table)
    duties = _duties(result, names_on, titles)
    if duties:
        console.print(DUTIES_HEADING, style="bold", markup=False)
        for line in duties:
            console.print(f"  {line}")
    if timeline:
        _timeline(console, result, names_on)
    for note in result.notes:
        console.print(f"[dim]note: {note}[/dim]")
    for line in _sources(result, names_on):
        console.print(f"source: {line}", style="dim", markup=False)


def _moved_name(move: Mapping[str, Any], names: Mapping[str, str]) -> str:
    return named_state(move["state"], names)


def _timeline(console: Any, result: WarReplay, names_on: NamesOn) -> None:
    """Each date on which a state moved, a state's fighting paused, a state left the state system or came back to it,
    or the doubts changed: the moves with their causes, the pauses (`pause_lines`), each state leaving or coming back
    that no move gives as its cause, in the rule's words (`_system_lines`), then the day's doubts in a cascade's words
    (`doubt_lines`), or, where the earlier ones ended, that there are none (`NO_DOUBTS`). A binding is said as the
    duty it is (`bound_duty`), a side by its lead states fighting that day (`side_words`)."""
    console.print("[bold]timeline[/bold] (dates on which a state moved, a state's fighting paused or began again, a "
                  "state left the state system or came back to it, or an uncertain date's window opened or closed)")
    before: frozenset[tuple[object, ...]] = frozenset()
    was_paused: dict[str, Any] = {}
    leads, was_bound = side_leads(result.war), cast("dict[str, dict[str, Any]]", {})
    for f in result.frames:
        day = f.date.isoformat()
        keys = doubt_keys(f.doubts, day)
        names = names_on(f.date)
        pauses = pause_lines(day, f.sides, f.paused, was_paused, names)
        was_paused = f.paused
        sides, bound, was_bound = side_words(leads, names, f.sides), was_bound, f.bound
        system = _system_lines(f, names)
        if not f.moved and not pauses and not system and keys == before:
            continue
        console.print(f"[bold]{f.date}[/bold]")
        for m in by_name(f.moved, partial(_moved_name, names=names)):  # by the name said (the JSON: ids)
            why = _said(m["cause"])
            duties = (bound_duty(bound.get(m["state"]), names), bound_duty(f.bound.get(m["state"]), names))
            said = f"  {named_state(m['state'], names)}: {_move_words(m, sides, *duties)}"
            console.print(said + (f"  ({why})" if why else ""))
        for line in (*pauses, *system):
            console.print(f"  {line}", markup=False)
        for line in doubt_lines(f.doubts, names) if keys != before else ():
            console.print(f"  {line}", markup=False)
        if before and not keys:
            console.print(f"  {NO_DOUBTS}", markup=False)
        before = keys


def _system_lines(frame: Frame, names: Mapping[str, str]) -> list[str]:
    """Each state leaving the state system or coming back to it on `frame`'s day in the rule's words (`system_text`),
    unless a move gives it as its cause (said there): the replay re-evaluates on such a day though no one moves (Norway
    out on 1940-05-01), and the web page's log, which lists every date with its changes, says it too."""
    causes = [(c.get("type"), c.get("state"), c.get("change")) for c in (m.get("cause") or {} for m in frame.moved)]
    return [system_text(c, names) for c in frame.changes
            if c.get("type") == "system" and (c["type"], c["state"], c["change"]) not in causes]


def print_ongoing(summary: dict[str, Any], names: Mapping[str, str], titles: Mapping[str, str] | None = None) -> None:
    """The `--ongoing-since` lines under a cascade: since when each joiner is bound, and what lapsed; `names`: the
    world's, naming each state on the lines (`bound_since_said`, the web summary's words); each provision tagged as a
    joiner's (`bound_duty`). Each cause is said in its record's `text` (the replay's words, which the JSON carries and
    the web map shows), not worded again from `names`; an ATOP alliance bound by is cited with its title where
    `titles` (the result's) has one."""
    console = make_console(highlight=False, soft_wrap=False)
    none = "" if summary["bound_since"] else "no state "  # not a heading over nothing (or over lapses only)
    console.print(f"[bold]ongoing since {summary['since']}[/bold]: {none}bound without a break since")
    for state, b in by_name(summary["bound_since"].items(), lambda sb: named_state(sb[0], names)):
        console.print(f"  {bound_since_said(state, b, names, titles)}", markup=False)  # as the web summary says it
        for line in ongoing_conditions(b):  # under it, as a joiner's are under its line
            console.print(f"    {line}", markup=False)
    # what released it, as a war's "Why?" says it (`lapsed_said`), by the name said
    for lap in by_name(summary["lapsed"], lambda lap: named_state(lap["state"], names)):
        console.print(f"  {lapsed_said(lap, names)}", markup=False)
        for line in ongoing_conditions(lap):
            console.print(f"    {line}", markup=False)
