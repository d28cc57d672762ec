"""Turn the replay's evaluations into frames and per-state records, naming the change that moved each state.

A state's status on a date is one of: attack / defense (fighting), bound-attack / bound-defense (bound to
join, not yet fighting), conflict (bound both ways) or out. Each frame lists the states whose status moved
that day, with the cause (`foedus.war.cause`); the records keep each state's spells, its first binding
obligation, its bound spans, and the first date of each casus foederis, consultation and neutrality duty.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from foedus.cited import tagged_cited
from foedus.conflict_words import conflict_instruments
from foedus.engine.doubted_facts import doubt_entry
from foedus.engine.result import Joiner
from foedus.model.dated_names import era_days
from foedus.model.world import World
from foedus.sources.coverage import missing_notes
from foedus.war.attackers import attacked_by
from foedus.war.bound_entry import Made, bound_entry
from foedus.war.cause import cause
from foedus.war.course import Course
from foedus.war.duty_end import ended_on
from foedus.war.evaluate import Evaluation
from foedus.war.events import CitedPage
from foedus.war.result import Bound, Frame, StateRecord
from foedus.war.unbroken import released_span

__all__ = ["FrameBuilder"]

_FIGHTING = ("attack", "defense")


class FrameBuilder:
    """Accumulates frames and records, one evaluation at a time (in date order)."""

    def __init__(self, world: World, sources: tuple[CitedPage, ...] = ()) -> None:
        self.world = world
        self.sources = sources  # the war file's pages, each for the war or one of its events
        self.records: dict[str, StateRecord] = {}
        self.frames: list[Frame] = []
        self.evaluations: list[Evaluation] = []
        self._status: dict[str, str] = {}
        self._joiner: dict[str, Joiner] = {}
        self._seen: set[tuple[str, ...]] = set()
        self._consulting: dict[tuple[str, ...], dict[str, Any]] = {}  # each duty to consult owed on the last date
        self._fought: dict[str, set[str]] = {}  # each state fighting -> the states its last attacks were with
        self._paused: dict[str, dict[str, Any]] = {}  # a frame's `paused`, as it stands after the last date
        self._released: dict[str, dict[str, Any]] = {}  # a frame's `released`, likewise

    def _rec(self, state: str) -> StateRecord:
        return self.records.setdefault(state, StateRecord(state))

    def _spans(self, state: str) -> list[dict[str, Any]]:
        rec = self.records.get(state)
        return rec.bound_spans if rec else []

    def add(self, ev: Evaluation, changes: list[dict[str, Any]], course: Course,
            doubts: list[dict[str, Any]] | None = None) -> None:
        """Record one evaluated date and its changes (`doubts`: the evaluation's, in JSON, when made already)."""
        self.evaluations.append(ev)
        status, bound = ev.status(), ev.bound
        made = {s: Made.of(j) for s, j in bound.items()}  # each joiner's doubts and `also`, made once
        on = attacked_by(ev.attacks)  # whom each state is fighting off that day (a spell's `by` on its first day)
        moved = []
        for state in sorted(set(status) | set(self._status)):
            old, new = self._status.get(state, "out"), status.get(state, "out")
            joiner = bound.get(state)
            same_duty = joiner is None or (self._joiner.get(state) is not None
                                           and self._joiner[state].primary.treaty == joiner.primary.treaty)
            if old == new and same_duty:
                continue
            why = self._cause(state, old, new, ev, changes, course)
            move = {"state": state, "from": old, "to": new, "cause": why}
            if old == new and joiner is not None:  # still bound to that side, by another treaty from now
                p = joiner.primary  # tagged as the binding's line tags it: "rus_blr_2024 art. 4 (secondary: article)"
                move["now_under"] = tagged_cited(p.treaty, p.article, p.certainty, made[state].doubted,
                                                 made[state].levels)
            moved.append(move)
            self._move(state, old, new, ev.date, joiner, made.get(state), why, course, on.get(state, []))
        self._status, self._joiner = status, dict(bound)
        self._duties(ev, changes)
        self._pauses(ev, changes)
        self._releases(moved)
        sides = {s: [x for x, side in ev.sides.items() if side == s] for s in _FIGHTING}
        self.frames.append(Frame(
            date=ev.date, changes=changes, sides=sides,
            bound={s: bound_entry(j, made[s], self._spans(s)) for s, j in sorted(bound.items())},
            conflicts=sorted(ev.conflicted), moved=moved,
            doubts=[d.to_dict() for d in ev.doubts] if doubts is None else doubts,
            conflicted={c.state: {"reason": c.reason, "treaties": list(c.treaties),
                                  "instruments": conflict_instruments(c)}
                        for c in sorted(ev.result.conflicts if ev.result else (), key=lambda c: c.state)},
            paused=dict(sorted(self._paused.items())), released=dict(sorted(self._released.items())),
            attacked_by=on))

    def _pauses(self, ev: Evaluation, changes: list[dict[str, Any]]) -> None:
        """Who fights on `ev`'s date with no attack by or on it going on, having been in one (`Frame.paused`): from the
        first such day, the change that ended its last attack (one naming it or the states it fought: a ceasefire,
        an attack's end, an exit). A state out of the war, or in an attack again, is no longer paused."""
        now: dict[str, set[str]] = {}
        for a in ev.attacks:
            now.setdefault(a.attacker, set()).add(a.victim)
            now.setdefault(a.victim, set()).add(a.attacker)
        for state in [s for s in self._fought if s not in ev.sides]:
            del self._fought[state]
        for state in [s for s in self._paused if s not in ev.sides or s in now]:
            del self._paused[state]
        for state in ev.sides:
            if state in now:
                self._fought[state] = now[state]
            elif state in self._fought and state not in self._paused:
                why = cause(changes, states=[state, *sorted(self._fought[state])])
                self._paused[state] = {"since": ev.date.isoformat(), "cause": why, "sources": self._cited(why)}

    def _releases(self, moved: list[dict[str, Any]]) -> None:
        """Who was released from a binding that day and stands nowhere now (`Frame.released`): its last bound span
        and the change that released it; a state that moves again (to fight, to be bound) is no longer listed."""
        for move in moved:
            state = move["state"]
            self._released.pop(state, None)
            if move["from"].startswith("bound-") and move["to"] == "out":
                span = released_span(self.records[state].bound_spans)  # with the binding it continued
                self._released[state] = {**span, "cause": move["cause"], "sources": self._cited(move["cause"])}

    def _cited(self, change: dict[str, Any] | None) -> list[dict[str, Any]]:
        """The pages the war file cites for the event a change records (none for a treaty change), `{url, title}`."""
        event = None if change is None else change.get("event")
        return [] if event is None else [{"url": p.url, "title": p.title} for p in self.sources if p.event == event]

    def _cause(self, state: str, old: str, new: str, ev: Evaluation, changes: list[dict[str, Any]],
               course: Course) -> dict[str, Any] | None:
        if new in _FIGHTING:
            return cause(changes, event=course.entered[state].event, states=[state])
        if new.startswith("bound-"):
            j = ev.bound[state]
            b = j.primary.because
            return cause(changes, attack=(b.by, b.attacked), treaties=[o.treaty for o in (j.primary, *j.also)],
                         states=[state])
        if new == "conflict" and ev.result is not None:
            c = next(c for c in ev.result.conflicts if c.state == state)
            return cause(changes, treaties=[o.treaty for o in c.obligations], states=[state])
        prev = self._joiner.get(state)
        if prev is not None:
            b = prev.primary.because
            ended = not any((a.attacker, a.victim) == (b.by, b.attacked) for a in ev.attacks)
            return cause(changes, attack=None, treaties=[o.treaty for o in (prev.primary, *prev.also)],
                         states=[state, b.by, b.attacked], ended=ended)
        return cause(changes, states=[state])

    def _move(self, state: str, old: str, new: str, day: dt.date, joiner: Joiner | None, made: Made | None,
              why: dict[str, Any] | None, course: Course, by: list[str]) -> None:
        rec = self._rec(state)
        if old in _FIGHTING and rec.spells and rec.spells[-1]["to"] is None:
            rec.spells[-1]["to"] = day.isoformat()
        if old.startswith("bound-") and rec.bound_spans and rec.bound_spans[-1]["to"] is None:
            rec.bound_spans[-1]["to"] = day.isoformat()
        if new in _FIGHTING:
            how = course.entered[state].how  # one an attack drew in: by whom, every attacker of that day
            rec.spells.append({"side": new, "from": day.isoformat(), "to": None, "how": how, "cause": why,
                               **({"by": by} if how == "attacked" else {})})
        elif new.startswith("bound-") and joiner is not None and made is not None:
            p = joiner.primary
            rec.bound_spans.append({"side": p.side, "from": day.isoformat(), "to": None, "treaty": p.treaty,
                                    "kind": p.kind, "because": p.because.to_dict(),
                                    "article": p.article, "instrument": p.instrument, "certainty": p.certainty,
                                    "doubted": list(made.doubted), "levels": dict(made.levels),
                                    "conditions": list(p.conditions), "unresolved": list(p.unresolved)})
            if rec.first_bound is None:
                rec.first_bound = Bound(day, p.side, p.treaty, p.article, p.kind, p.strength, p.because, why,
                                        made.also, p.certainty, made.levels, p.instrument, p.conditions,
                                        p.unresolved)
        elif new == "conflict" and rec.conflict is None:
            rec.conflict = {"date": day.isoformat(), "cause": why}

    def _duties(self, ev: Evaluation, changes: list[dict[str, Any]]) -> None:
        for key, t in ev.triggered.items():
            if key in self._seen:
                continue
            self._seen.add(key)
            why = cause(changes, attack=(t.attack.attacker, t.attack.victim), treaties=[t.treaty])
            self._rec(t.obligor).triggered.append({
                "date": ev.date.isoformat(), "treaty": t.treaty, "article": t.article, "toward": t.beneficiary,
                "kind": t.kind, "strength": t.strength, "side": t.side, "instrument": t.instrument,
                "certainty": t.certainty, **doubt_entry(t.reasons), "conditions": list(t.conditions),
                "unresolved": list(t.unresolved),
                "because": {"attacked": t.attack.victim, "by": t.attack.attacker, "place": t.attack.place,
                            "target_kind": t.attack.kind},
                "cause": why})
        self._consults(ev, changes)
        if ev.result is None:
            return
        for n in ev.result.neutral:
            if ("neutral", n.state, n.treaty, n.toward) not in self._seen:
                self._seen.add(("neutral", n.state, n.treaty, n.toward))
                self._rec(n.state).neutral.append({"date": ev.date.isoformat(), "treaty": n.treaty,
                                                   "article": n.article, "toward": n.toward,
                                                   "instrument": n.instrument, "certainty": n.certainty,
                                                   **doubt_entry(n.certainty_reasons),
                                                   "because": n.because.to_dict()})

    def _consults(self, ev: Evaluation, changes: list[dict[str, Any]]) -> None:
        """Each duty to consult, from the first date it is owed (`date`) to the first evaluated date it is no longer
        (`to`, exclusive as an attack's `until`; null while owed): a treaty's end ends it, which the line said nothing
        of (rus_prk_2000's art. 2 from 2024-08-06 to its end on 2024-12-04). A cascade lists no consultation of a state
        fighting or bound to join, so one left out then ends only on a change of its own treaty that day; one owed
        again after it ended is a new record."""
        now = {("consult", c.state, c.treaty, c.article, c.with_): c
               for c in (ev.result.consultations if ev.result else ())}
        busy, changed = ev.status(), {c["treaty"] for c in changes if c.get("type") == "treaty"}
        for key in [k for k in self._consulting if k not in now and (k[1] not in busy or k[2] in changed)]:
            (duty := self._consulting.pop(key)).update(ended_on(duty, ev.date.isoformat(), changes))
        for key, c in now.items():
            if key not in self._consulting:
                self._consulting[key] = {"date": ev.date.isoformat(), "to": None, "treaty": c.treaty,
                                         "article": c.article, "with": c.with_, "instrument": c.instrument,
                                         "certainty": c.certainty, **doubt_entry(c.certainty_reasons),
                                         "limit": c.limit, "limit_certainty": c.limit_certainty,
                                         "because": c.because.to_dict()}
                self._rec(c.state).consultations.append(self._consulting[key])

    def names(self, day: dt.date) -> dict[str, str]:
        """Display names of every state the replay mentions: the records' states, those their duties face, and those
        the frames' changes name (a treaty change's state, an event's, an attack's), so that a reader of the JSON
        (the web map's timeline) can name each one as "Estonia (EST)"; each as called on `day`, the war's start (the
        Soviet Union in 1939: `StateRegistry.names_on`)."""
        names = self.world.states.names_on(day)
        return {s: names.get(s, s) for s in sorted(self._mentioned())}

    def renames(self, first: dict[str, str], start: dt.date, end: dt.date) -> list[dict[str, str]]:
        """Each change, after `start` and up to `end`, in the name of a state `first` (`names(start)`) holds, by date
        (then id): from `date` on, `state` is called `name` (the Russian Empire Russia from 1917-09-14), so that a
        reader of the JSON can name each state as on the date it is reported for (`foedus.model.dated_names`), by
        the rule of `foedus.war.result.war_names_on`."""
        current = dict(first)
        out = []
        for day in era_days():
            if start < day <= end:
                names = self.world.states.names_on(day)
                for s, was in current.items():
                    if (now := names.get(s, s)) != was:
                        current[s] = now
                        out.append({"date": day.isoformat(), "state": s, "name": now})
        return out

    def _mentioned(self) -> set[str]:
        """Every state the replay mentions: the records' states, those their duties face, those the changes name."""
        mentioned = set(self.records)
        for rec in self.records.values():
            mentioned |= {t["toward"] for t in rec.triggered} | {n["toward"] for n in rec.neutral}
            mentioned |= {c["with"] for c in rec.consultations}
        for f in self.frames:
            for c in f.changes:
                mentioned |= _named_in(c)
        return mentioned

    def notes(self) -> list[str]:
        """Caveats about the data the replay used (days after the treaty set's review: `war.result.past_treaties`)."""
        out = []
        if not self.world.has_history:  # as a cascade says: the ATOP alliances carried past 2018 count too
            out += missing_notes(["atop"])
        return out


def _named_in(change: dict[str, Any]) -> set[str]:
    """The states a change record names: its `state`, `states`, an attack's or an attack's end's two states."""
    out = set(change.get("states", ())) | {s for s in (change.get("state"), change.get("attacker"),
                                                        change.get("victim")) if s}
    for a in change.get("attacks", ()):
        out |= {a["attacker"], a["victim"]}
    return out
