"""What a war replay found: per state, when it entered, when and by what it was first bound; per date, a frame.

`WarReplay.to_dict()` is the JSON contract of `foedus war --json` (documented in docs/war.md). The
`frames` are made for a front end that plays the war: each lists the day's changes, both sides, the
states bound to join, and every state whose status moved, with the change that moved it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from foedus.by_name import by_name
from foedus.engine.doubted_facts import Doubts
from foedus.engine.outcome import DATA_END, DATA_END_NOTE
from foedus.engine.records import Because
from foedus.engine.scenario import named_state, parse_date
from foedus.war.evaluate import Evaluation, Settings
from foedus.war.events import War, WarSide
from foedus.war.frame import Frame
from foedus.war.words import side_leads

if TYPE_CHECKING:
    from collections.abc import Callable

    import pandas as pd

__all__ = ["Also", "Bound", "Frame", "StateRecord", "WarReplay", "no_end_recorded", "past_treaties",
           "war_names_on"]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def past_treaties(end: dt.date) -> str | None:
    """What to say of a replay that ends (`end`) after the bundled treaty set was reviewed as a whole (`DATA_END`):
    the days after it are replayed as every day is, each date evaluated on the treaties as known then, and a later
    change is known only where it was found (`DATA_END_NOTE`); None otherwise. A war's own data (a war file's
    `end`, an ongoing war's later events) may go past that day: those days are replayed."""
    if end <= DATA_END:
        return None
    return f"the days after {DATA_END}, to {end}, are replayed on the treaties as known: {DATA_END_NOTE}"


def no_end_recorded(war: War, end: dt.date, last: dt.date) -> str | None:
    """What to say of a replay of a war with no recorded end that stops on the last day its data covers (`last`,
    `foedus.war.replay.data_end`): nothing after it is known, so its last frame is not a later day's (a reader on a
    later day took `replayed ... to 2025-12-31` for the war's course to date); None otherwise."""
    if war.end is not None or end != last:
        return None
    return f"{war.id} records no end: its data ends on {end}, so the replay ends there; nothing after it is known"


def war_names_on(names: dict[str, str], renames: list[dict[str, str]], day: str) -> dict[str, str]:
    """Each state's name on `day` (YYYY-MM-DD) by a war's JSON: its last `renames` entry (by date) on or before the
    day, else its `names` entry (docs/war.md); web/src/said.ts `warNamesOn` reads the JSON by the same rule."""
    out = dict(names)
    out.update({r["state"]: r["name"] for r in renames if r["date"] <= day})
    return out


@dataclass(frozen=True, slots=True)
class Also(Doubts):
    """Another obligation that bound a state to join on the day its primary did (`Bound.also`): `treaty` art.
    `article`, with its certainty that day and the facts it rests on that are not verified, by the primary's rule,
    and the kind of instrument it is owed under (`instrument`: a line says one that is not a treaty)."""

    treaty: str
    article: str
    certainty: str = "verified"  # as a cascade reports it
    levels: dict[str, str] = field(default_factory=dict)  # each doubted fact's level (`doubt_levels`): `doubted`
    instrument: str = "treaty"  # treaty, executive_order, ... (`foedus.cited.instrument_said`)
    conditions: tuple[str, ...] = ()  # what it assumes, as the cascade's obligation (`Obligation.conditions`)
    unresolved: tuple[str, ...] = ()  # the ATOP conditions it rests on, read as met (`Obligation.unresolved`)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: `{treaty, article, instrument, certainty, doubted, levels, conditions, unresolved}`."""
        return {"treaty": self.treaty, "article": self.article, "instrument": self.instrument,
                "certainty": self.certainty, "doubted": list(self.doubted), "levels": dict(self.levels),
                "conditions": list(self.conditions), "unresolved": list(self.unresolved)}


@dataclass(frozen=True, slots=True)
class Bound(Doubts):
    """The obligation that bound a state to join: from `date`, on `side`, under `treaty` art. `article`, owed under
    an `instrument` (treaty, executive_order, ...: a line says one that is not a treaty)."""

    date: dt.date
    side: WarSide
    treaty: str
    article: str
    kind: str
    strength: str
    because: Because
    cause: dict[str, Any] | None
    also: tuple[Also, ...] = ()  # the other obligations that bound it that day
    certainty: str = "verified"  # the obligation's, that day (as a cascade reports it: carried-forward, ...)
    # each fact it rests on that is not verified with its level (`foedus.engine.doubted_facts.doubt_levels`): `doubted`
    levels: dict[str, str] = field(default_factory=dict)
    instrument: str = "treaty"  # treaty, executive_order, ... (`foedus.cited.instrument_said`)
    conditions: tuple[str, ...] = ()  # what it assumes, as the cascade's obligation (`Obligation.conditions`)
    unresolved: tuple[str, ...] = ()  # the ATOP conditions it rests on, read as met (`Obligation.unresolved`)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"date": self.date.isoformat(), "side": self.side, "treaty": self.treaty, "article": self.article,
                "instrument": self.instrument, "kind": self.kind, "strength": self.strength,
                "certainty": self.certainty, "doubted": list(self.doubted), "levels": dict(self.levels),
                "conditions": list(self.conditions), "unresolved": list(self.unresolved),
                "because": self.because.to_dict(), "cause": self.cause,
                "also": [o.to_dict() for o in self.also]}


@dataclass
class StateRecord:
    """One state's war: its spells of fighting, its first binding obligation, and every casus foederis."""

    state: str
    spells: list[dict[str, Any]] = field(default_factory=list)  # {side, from, to, how, cause}
    first_bound: Bound | None = None
    # each {side, from, to, treaty, article, instrument, certainty, doubted, conditions, unresolved}
    bound_spans: list[dict[str, Any]] = field(default_factory=list)
    triggered: list[dict[str, Any]] = field(default_factory=list)  # first date of each casus foederis
    consultations: list[dict[str, Any]] = field(default_factory=list)  # first date of each duty to consult
    neutral: list[dict[str, Any]] = field(default_factory=list)  # first date of each duty to stay out
    conflict: dict[str, Any] | None = None  # first day bound to both sides

    @property
    def entered(self) -> dt.date | None:
        """The first day it fought (None: it never did)."""
        return dt.date.fromisoformat(self.spells[0]["from"]) if self.spells else None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"state": self.state, "spells": self.spells,
                "first_bound": self.first_bound.to_dict() if self.first_bound else None,
                "bound_spans": self.bound_spans, "triggered": self.triggered, "consultations": self.consultations,
                "neutral": self.neutral, "conflict": self.conflict}


@dataclass
class WarReplay:
    """A replayed war: the per-state records, the frames, and the evaluations behind them."""

    war: War
    settings: Settings
    end: dt.date
    states: dict[str, StateRecord]
    frames: list[Frame]
    evaluations: list[Evaluation] = field(default_factory=list, repr=False)
    names: dict[str, str] = field(default_factory=dict, repr=False)
    notes: tuple[str, ...] = ()
    renames: list[dict[str, str]] = field(default_factory=list, repr=False)  # `names`' changes over the war, dated
    data_end: dt.date | None = None  # the last day the war's data covers (`foedus.war.replay.data_end`)
    asked: dt.date | None = None  # the last day asked for, when after `data_end`: the replay stops at that end

    @property
    def beyond_data(self) -> str | None:
        """What to say when the replay was asked past the war's data (`asked`): where the data ends, that nothing
        after it is known, and the day answered instead; None when it was not."""
        if self.asked is None:
            return None
        return (f"{self.war.id}'s data ends on {self.end}, its last recorded day: nothing after it is known, so it is "
                f"replayed to {self.end}, not {self.asked}")

    @property
    def warnings(self) -> tuple[str, ...]:
        """What `foedus war` warns of on stderr: the day asked past the war's data (`beyond_data`), and days replayed
        after the day the treaty set was reviewed to (`past_treaties`, also among the `notes`)."""
        return tuple(w for w in (self.beyond_data, past_treaties(self.end)) if w is not None)

    def record(self, state: str | int) -> StateRecord | None:
        """The record of one state (ISO3 code in any case, COW number or name; None if the replay never mentions
        it).

        Raises:
            UnknownStateError, AmbiguousNameError: no state (or several) of that name; ScenarioError: not a state.
        """
        return self.states.get(named_state(state, self.end, self.states))

    def first_bound(self, state: str | int) -> Bound | None:
        """When and by what `state` was first bound to join (None: never, or only while already fighting); `state`
        as for `record`."""
        rec = self.record(state)
        return rec.first_bound if rec else None

    def ordered(self, said: Callable[[StateRecord], str] | None = None) -> list[StateRecord]:
        """The records by first appearance (first fighting, bound or triggered date), then by id; a text's, where
        `said` names each record as its line does, then by that name (`foedus.by_name`), as a reader looks it up."""
        if said is None:
            return sorted(self.states.values(), key=_order)
        return sorted(by_name(self.states.values(), said), key=lambda r: _order(r)[0])  # stable: ties by name

    def frame_on(self, day: str | dt.date) -> Frame:
        """The frame that stands on `day` (YYYY-MM-DD or a date): the last evaluated date on or before it, from the
        war's first day to the replay's last (`end`); after it the replay says nothing (it never evaluated a later
        treaty change), before it there is no war.

        Raises:
            DateOutOfRangeError: a malformed, impossible or out-of-range day, or one outside the replay's days.
        """
        when = parse_date(day)
        chosen = [f for f in self.frames if f.date <= when]
        if when > self.end or not chosen:
            from foedus.errors import DateOutOfRangeError

            if not chosen:
                raise DateOutOfRangeError(f"{when} is before the war starts ({self.war.start})")
            last = self.data_end or self.war.end  # no replay says anything after it
            raise DateOutOfRangeError(f"{when} is after the replay's last day ({self.end}), of which it says nothing"
                                      + (f"; replay with until={when} or later to see it" if last is None
                                         or when <= last else f" (the war ends on {last})" if self.war.end else
                                         f" (the war's data ends on {last}: nothing after it is known)"))
        return chosen[-1]

    def status_on(self, day: str | dt.date) -> dict[str, str]:
        """Every state's status on `day` (`frame_on`'s frame; nothing before the war starts): attack, defense,
        bound-..., conflict. Nothing after the replay's last day (`end`), which it never evaluated: a replay cut
        short of a later treaty change would say a state bound since was not.

        Raises:
            DateOutOfRangeError: a malformed, impossible or out-of-range day, or one after the replay's last day.
        """
        if parse_date(day) < self.war.start:
            return {}
        f = self.frame_on(day)
        out = {s: side for side, states in f.sides.items() for s in states}
        out.update({s: f"bound-{b['side']}" for s, b in f.bound.items()})
        out.update({s: "conflict" for s in f.conflicts})
        return out

    def names_on(self, day: str | dt.date) -> dict[str, str]:
        """Every state `names` holds, named as on `day` (YYYY-MM-DD or a date) by `names` and `renames`.

        Raises:
            DateOutOfRangeError: a malformed, impossible or out-of-range day, as `status_on` says it (a text was
                compared with the renames' dates as it was, 'ZZZ' after every one; a number failed on `isoformat`).
        """
        return war_names_on(self.names, self.renames, parse_date(day).isoformat())

    def row_day(self, r: StateRecord) -> str:
        """The date a state's row reports: it entered, else was first bound, else its first duty, else the war's
        start; the day the row's name is taken on (`to_frame`, `foedus war`'s table)."""
        return _first_day(r) or self.war.start.isoformat()

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of `foedus war --json`."""
        return {
            "war": {"id": self.war.id, "name": self.war.name, "start": self.war.start.isoformat(),
                    "end": self.end.isoformat(), "ongoing": self.war.end is None, "source": self.war.source,
                    "sources": [c.to_dict() for c in self.war.sources], "asked_until": _iso(self.asked),
                    "leads": side_leads(self.war), "state_notes": [n.to_dict() for n in self.war.state_notes]},
            "settings": self.settings.to_dict(),
            "states": [r.to_dict() for r in self.ordered()],
            "frames": [f.to_dict() for f in self.frames],
            "names": self.names,
            "renames": self.renames,
            "notes": list(self.notes),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per state: first entry, first binding obligation (date, side, treaty, instrument, article, the
        conditions it assumes as the cascade's table joins them, cause), the binding it stands released from on the
        last day (`released*`), the war file's notes on it (`recorded*`), then a row per state only the file notes;
        `name` as the state was called on its row's first date (`foedus.war.table.war_rows`)."""
        import pandas as pd

        from foedus.war.table import war_rows

        return pd.DataFrame(war_rows(self))


def _first_day(r: StateRecord) -> str | None:
    """The first date of a record's row: it entered, else was first bound, else its first duty (None: none)."""
    duties = [d["date"] for d in (*r.triggered, *r.consultations, *r.neutral, *([r.conflict] if r.conflict else []))]
    return (_iso(r.entered) or (_iso(r.first_bound.date) if r.first_bound else None)
            or (min(duties) if duties else None))


def _order(r: StateRecord) -> tuple[str, str]:
    first = min([s["from"] for s in r.spells] + ([r.first_bound.date.isoformat()] if r.first_bound else [])
                + [t["date"] for t in r.triggered] or ["9999"])
    return (first, r.state)
