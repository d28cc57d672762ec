"""The war-file schema: a war as a dated sequence of attacks, entries, exits and ceasefires (pydantic).

One YAML file per war follows this schema; `foedus schema --war` exports it as JSON Schema. The schema
says *what happened*; `foedus.war.replay` re-evaluates the treaty obligations on every date it changes.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from foedus.engine.scenario import parse_date
from foedus.errors import DateOutOfRangeError, shown
from foedus.model.facts import Day as FileDay
from foedus.model.facts import Prose, StateRef, Text, Url

__all__ = ["AttackEvent", "CeasefireEvent", "EntryEvent", "Event", "ExitEvent", "WarFile", "WarSource"]

_ID_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def _one_or_list(value: Any) -> Any:
    """An event's states are one state (text, or a COW number) or a list of them: anything else is said so, not
    in the words of the union's first member ('must be text'); a value that is one (true, 1.5) the file reader
    adds, as it does to every problem ('(got true)')."""
    if isinstance(value, list) or (isinstance(value, str | int) and not isinstance(value, bool)):
        return value
    given = f", got {shown(value)}" if value is None or isinstance(value, dict) else ""
    raise PydanticCustomError("states_type", "must be a state or a list of states{given}", {"given": given})


States = Annotated[Annotated[StateRef, Tag("str")] | Annotated[list[StateRef], Tag("list[str]")],
                   Discriminator(lambda value: "list[str]" if isinstance(value, list) else "str"),
                   BeforeValidator(_one_or_list)]
"""An event's states: one, or a list, whose wrong item is named by its place in it (the tags are pydantic's own
labels of the members, which field paths leave out)."""


def _in_range(day: dt.date) -> dt.date:
    """A war's dates lie where every scenario's do (`parse_date`'s range), said as a field error."""
    try:
        return parse_date(day)
    except DateOutOfRangeError as exc:
        raise ValueError(str(exc)) from None


Day = Annotated[FileDay, AfterValidator(_in_range)]


def _someone(cls: type, value: str | list[str]) -> str | list[str]:
    """An event's states: an empty list would make it do nothing, silently."""
    if value == []:
        raise ValueError("names no state: give at least one")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class WarSource(_Strict):
    """Where a fact comes from: a URL and what it is; `title` dates as `foedus.model.facts.Source`'s does."""

    url: Url
    title: Prose | None = None


class _Event(_Strict):
    date: Day
    note: Prose | None = None
    sources: list[WarSource] = Field(default_factory=list)


class AttackEvent(_Event):
    """An armed attack: each `attacker` strikes each `victim` (its territory or its forces) at `place`.

    The attack is ongoing from `date` until `until` (exclusive), a ceasefire between the two, or the exit
    of either; an attack brings both parties into the war, on opposite sides.
    """

    type: Literal["attack"]
    attacker: States
    victim: States
    place: str | None = Field(None, description="place id or name; default: each victim's home territory")
    target_kind: Literal["territory", "forces"] = "territory"
    until: Day | None = Field(None, description="the attack ended on this date (exclusive)")
    until_certainty: Literal["verified", "secondary", "unverified"] = Field(
        "verified", description="how sure the end is: said after it where not verified")
    until_by: Prose | None = Field(None, description="whose word the end is, said with its certainty "
                                                     "(e.g. \"Russia's claim\")")

    _someone = field_validator("attacker", "victim")(_someone)

    @model_validator(mode="after")
    def _ordered(self) -> AttackEvent:
        if self.until is not None and self.until <= self.date:
            raise ValueError(f"until ({self.until}) is not after the attack's date ({self.date})")
        if self.until is None and (self.until_certainty != "verified" or self.until_by is not None):
            raise ValueError("until_certainty and until_by say how sure an attack's end is, but it has no until")
        if self.until_by is not None and self.until_certainty == "verified":  # said with it alone: never said
            raise ValueError("until_by is said with an end's certainty, and a verified end says none: give "
                             "until_certainty (secondary or unverified), or leave until_by out")
        return self


class EntryEvent(_Event):
    """States enter the war on one side without an attack of their own (e.g. a declaration of war)."""

    type: Literal["entry"]
    state: States
    side: Literal["attack", "defense"] = Field(description="attack: the side of the war's first attacker")

    _someone = field_validator("state")(_someone)


class ExitEvent(_Event):
    """States leave the war (armistice, separate peace, surrender): their attacks, and the attacks on them, end."""

    type: Literal["exit"]
    state: States

    _someone = field_validator("state")(_someone)


class CeasefireEvent(_Event):
    """Attacks between the listed states end (all attacks when no states are listed); nobody leaves the war."""

    type: Literal["ceasefire"]
    states: list[StateRef] | None = None

    @field_validator("states")
    @classmethod
    def _someone_or_left_out(cls, value: list[str] | None) -> list[str] | None:
        """An empty list names no state, which is not "every attack": that is said by leaving `states` out."""
        if value == []:
            raise ValueError("names no state: list the states it is between, or leave states out to end every attack")
        return value


Event = Annotated[AttackEvent | EntryEvent | ExitEvent | CeasefireEvent, Field(discriminator="type")]


class StateNote(_Strict):
    """What the war file records of a state that its events do not replay (North Korea's troops fought at Kursk, on a
    day reported only approximately, so no entry event): said, with its certainty, in that state's "Why?" from
    `since` (default: the war's start), so a line that says "neither fighting nor bound" does not read as "did not
    fight"."""

    state: StateRef
    since: Day | None = Field(None, description="the first day the note is said on (default: the war's first)")
    since_within: Literal["month", "year"] | None = Field(
        None, description="`since` known only to its month or year (`since` then that month's or year's first day)")
    note: Prose
    certainty: Literal["verified", "secondary", "unverified"]
    sources: list[WarSource] = Field(default_factory=list)

    @model_validator(mode="after")
    def _whole(self) -> StateNote:
        first = self.since and self.since.replace(day=1, month=self.since.month if self.since_within == "month" else 1)
        if self.since_within is not None and (first is None or self.since != first):
            raise ValueError(f"since_within: {self.since_within} needs since on the {self.since_within}'s first day"
                             + (f" ({first}), not {self.since}" if self.since else ", but it has no since"))
        return self


class WarFile(_Strict):
    """A war: its id, name, span and events (in any order; the replay sorts them by date)."""

    id: str = Field(description="snake_case id, e.g. russia_ukraine_2022")
    name: Text
    end: Day | None = Field(None, description="last day replayed; null: ongoing (replayed to the data's end)")
    sources: list[WarSource] = Field(default_factory=list)
    note: Prose | None = None
    events: list[Event] = Field(min_length=1)
    state_notes: list[StateNote] = Field(default_factory=list, description="what the file records of a state its "
                                         "events do not replay, said in that state's Why?")

    @field_validator("id")
    @classmethod
    def _snake_case(cls, value: str) -> str:
        if not _ID_RE.match(value):
            raise ValueError(f"id {value!r} is not snake_case (e.g. russia_ukraine_2022)")
        return value

    @model_validator(mode="after")
    def _ends_after_start(self) -> WarFile:
        first = min(e.date for e in self.events)
        if self.end is not None and self.end < first:
            raise ValueError(f"end ({self.end}) is before the first event ({first})")
        late = [(i, e.date) for i, e in enumerate(self.events) if self.end is not None and e.date > self.end]
        if late:  # the replay stops at the end: the event would be dropped unsaid
            i, day = late[0]
            raise ValueError(f"events[{i}] ({day}) is after the war's end ({self.end}): move the end, or the event")
        if self.end is not None:  # an attack held past the last day replayed was cut there unsaid
            last = self.end + dt.timedelta(days=1)  # `until` is exclusive: held through the end, it ends the day after
            held = [(i, e) for i, e in enumerate(self.events)
                     if isinstance(e, AttackEvent) and (e.until or last) > last]
            if held:
                i, attack = held[0]
                raise ValueError(f"events[{i}] ({attack.date}) is an attack until {attack.until}, after the war's end "
                                 f"({self.end}), the last day replayed: move the end, or the until")
        if not any(isinstance(e, AttackEvent) for e in self.events):  # the sides are named after the first attacker
            raise ValueError("no attack among the events: a war needs at least one (type: attack)")
        start = min(e.date for e in self.events if isinstance(e, AttackEvent))
        early = [(i, e) for i, e in enumerate(self.events) if e.date < start]
        if early:  # an entry, exit or ceasefire before the war began: there is no war to join, leave or pause
            i, event = early[0]
            a = "a" if event.type == "ceasefire" else "an"
            raise ValueError(f"events[{i}] ({event.date}) is {a} {event.type} before the war's start, its first "
                             f"attack ({start}): move the {event.type}, or the attack")
        return self
