"""A resolved war: its events with engine ids, places and dates, ready to replay.

`foedus.war.loader` builds one from a war file; the COW backtest builds them from the COW data. Every
id here is already checked, so the replay works on clean data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from foedus.engine.scenario import Attack

__all__ = ["CitedPage", "EventKind", "StateRemark", "War", "WarEvent", "WarSide", "data_end", "until_said"]

EventKind = Literal["attack", "entry", "exit", "ceasefire"]
WarSide = Literal["attack", "defense"]


@dataclass(frozen=True, slots=True)
class WarEvent:
    """One event: attacks (with their end), an entry on a side, an exit, or a ceasefire among `states`."""

    index: int  # position in the war file (the `events[i]` of error messages), or the builder's order
    kind: EventKind
    date: dt.date
    attacks: tuple[Attack, ...] = ()
    until: dt.date | None = None
    states: tuple[str, ...] = ()  # entry / exit: who; ceasefire: among whom (empty: every attack ends)
    side: WarSide | None = None  # entry only
    note: str | None = None
    until_certainty: str = "verified"  # how sure `until` is (an attack's end claimed by one side: "unverified")
    until_by: str | None = None  # whose word `until` is ("Russia's claim"), said with its certainty

    @property
    def label(self) -> str:
        """A short human-readable description, e.g. `UKR attacks RUS (kursk-oblast)`."""
        if self.kind == "attack":
            pairs = sorted({f"{a.attacker} attacks {a.victim}" + (" forces" if a.kind == "forces" else "")
                            + f" ({a.place})" for a in self.attacks})
            return "; ".join(pairs)
        who = ", ".join(self.states)
        if self.kind == "entry":
            return f"{who} enters the war on the {self.side} side"
        if self.kind == "exit":
            return f"{who} leaves the war"
        return f"ceasefire among {who}" if self.states else "ceasefire: every attack ends"

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the change record the replay's timeline cites."""
        out: dict[str, Any] = {"type": self.kind, "date": self.date.isoformat(), "event": self.index,
                               "label": self.label}
        if self.kind == "attack":
            out["attacks"] = [{"attacker": a.attacker, "victim": a.victim, "place": a.place, "target_kind": a.kind}
                              for a in self.attacks]
            out["until"] = self.until.isoformat() if self.until else None
            out.update(until_said(self))
        else:
            out["states"] = list(self.states)
        if self.side is not None:
            out["side"] = self.side
        if self.note:
            out["note"] = self.note
        return out


def until_said(event: WarEvent) -> dict[str, str]:
    """What an attack event's record says of how sure its end is (`until_certainty`, and `until_by` where given):
    nothing where it is verified, so a record of a verified end is as it was."""
    out = {} if event.until_certainty == "verified" else {"until_certainty": event.until_certainty}
    return out | ({"until_by": event.until_by} if event.until_by and out else {})


@dataclass(frozen=True, slots=True)
class CitedPage:
    """A page the war file cites (resolved from the file's `schema.WarSource`): for the war as a whole (`event` None)
    or for its `events[event]`."""

    url: str
    title: str | None = None
    event: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form, as `foedus war --json` lists it under `war.sources`."""
        return {"url": self.url, "title": self.title, "event": self.event}


@dataclass(frozen=True, slots=True)
class StateRemark:
    """A war file's `state_notes` entry, resolved: what it records of `state` that its events do not replay, from
    `since`, how sure (`certainty`) and where from (`sources`); said in the state's "Why?" (`foedus.war.recorded`)."""

    state: str
    since: dt.date
    note: str
    certainty: str
    sources: tuple[CitedPage, ...] = ()
    since_within: str | None = None  # "month" or "year": `since` is known only to it (its first day)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the war's `state_notes`, and a `--state --json`'s `recorded`."""
        return {"state": self.state, "since": self.since.isoformat(), "since_within": self.since_within,
                "note": self.note, "certainty": self.certainty, "sources": [p.to_dict() for p in self.sources]}


@dataclass(frozen=True)
class War:
    """A war ready to replay: events sorted by date (file order kept within a day)."""

    id: str
    name: str
    events: tuple[WarEvent, ...]
    end: dt.date | None = None  # None: ongoing
    source: str = "<war>"  # the file it came from, for error messages
    notes: tuple[str, ...] = field(default=())
    sources: tuple[CitedPage, ...] = field(default=())  # the file's, the war's first, then each event's
    state_notes: tuple[StateRemark, ...] = field(default=())  # what the file records of states it does not replay

    @property
    def start(self) -> dt.date:
        """The date of the first event."""
        return min(e.date for e in self.events)

    def states(self) -> list[str]:
        """Every state an event names, in order of first mention."""
        out: dict[str, None] = {}
        for e in self.events:
            for a in e.attacks:
                out.setdefault(a.attacker)
                out.setdefault(a.victim)
            for s in e.states:
                out.setdefault(s)
        return list(out)


def data_end(war: War) -> dt.date:
    """The last day a war's data covers: its `end`; for an ongoing war the day the bundled data was reviewed to as
    a whole (`DATA_END`), or its last recorded event (or an attack's end) when later. Nothing after it is known.
    Here, not in `foedus.war.replay` (which imports it), so that a cascade's war note reads a war file's span
    without importing the replay."""
    from foedus.engine.outcome import DATA_END

    if war.end is not None:
        return war.end
    return max([DATA_END, *(e.date for e in war.events), *(e.until for e in war.events if e.until is not None)])
