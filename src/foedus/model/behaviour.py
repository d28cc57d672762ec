"""What the schema's records do besides holding data: date tests and a place as held on a day.

Plain mixins without pydantic, shared by the validating schema (`foedus.model.treaty`, `foedus.model.facts`,
`foedus.model.places`) and its runtime records (`foedus.model.records`), so each rule is written once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Self

from foedus.model.vocab import Certainty, worst
from foedus.wording import named_state

__all__ = ["HoldingRules", "PlaceRules", "SpanRules", "TreatyRules"]


class SpanRules:
    """A closed-open date span [start, end)."""

    __slots__ = ()
    if TYPE_CHECKING:
        start: dt.date
        end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        """True when `day` falls inside the span."""
        return self.start <= day and (self.end is None or day < self.end)


class HoldingRules:
    """Who held a place over a span whose ends may be open."""

    __slots__ = ()
    if TYPE_CHECKING:
        start: dt.date | None
        end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        """Whether the span covers `day`."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def changes(self) -> dict[str, object]:
        """The fields this record sets (the ones written in the data)."""
        given = _fields_set(self)
        return {k: getattr(self, k) for k in ("sovereign", "administrator", "claimants", "regions") if k in given}


def _fields_set(record: Any) -> set[str]:
    """The fields a record's data gave: pydantic's `model_fields_set`, which runtime records keep too."""
    given: set[str] = record.model_fields_set
    return given


class PlaceRules:
    """A place's holders, on a day and under a territorial reading."""

    __slots__ = ()
    if TYPE_CHECKING:
        id: str
        name: str
        sovereign: str | None
        administrator: str | None
        claimants: list[str]
        history: list[Any]
        dated_names: list[Any]
        note: str | None

        def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Self: ...

    def on(self, day: dt.date) -> Self:
        """The place as held on `day` (itself when no dated record covers the day), called as it was then
        (`name_on`: East Pakistan in 1965)."""
        held = next((self.held_as(r, f"on {day}: {r.note}" if r.note else self.note)
                     for r in self.history if r.covers(day)), self)
        return held if (name := self.name_on(day)) is None else held.model_copy(update={"name": name})

    def name_on(self, day: dt.date) -> str | None:
        """What the place was called on `day` where it had another name (`dated_names`), else None."""
        return next((n.name for n in self.dated_names if (n.start is None or n.start <= day)
                     and (n.end is None or day < n.end)), None)

    def renamed(self) -> bool:
        """Whether this is the place as on a day it had another name (`on`): its name is one of its dated names, a
        home territory's then not its state's (`foedus.place_words.place_name`)."""
        return any(n.name == self.name for n in self.dated_names)

    def held_as(self, record: Any, note: str | None = None) -> Self:
        """The place as one of its dated records has it (`history`: its holders and regions, with `note`); `on` and
        the treaty loader's scope check (`foedus.model.scope_reach`, every record of a place) read records so."""
        return self.model_copy(update={**record.changes(), "note": note, "history": []})

    def holders(self, view: Literal["recognized", "claimant"]) -> frozenset[str]:
        """States whose territory this place is under the chosen territorial reading."""
        if view == "recognized":
            holder = self.sovereign or self.administrator
            return frozenset({holder} if holder else set())
        found = {self.sovereign, self.administrator, *self.claimants}
        return frozenset(s for s in found if s)

    def not_held(self, state: str, view: Literal["recognized", "claimant"], names: Mapping[str, str],
                 called: str | None = None) -> str | None:
        """Why this place is no territory of `state` under `view`, each state by its name and id ("Korea (COW730)",
        from `names`: an id alone tells a reader little), the place by its name on the day (`called`: a home
        territory's is its state's, `Gazetteer.called`), for a scenario's and a war file's refusal; else None."""
        if state in (holders := self.holders(view)):
            return None
        held = self.recognized_holder(names) if view == "recognized" else (
            ", ".join(named_state(h, names) for h in sorted(holders)) or "no state")
        return (f"{called or self.name} ({self.id}) is not territory of {named_state(state, names)} under the {view} "
                f"view, under which it is territory of {held}")

    def recognized_holder(self, names: Mapping[str, str]) -> str:
        """Whose territory the place is in the recognized view, in words: its sovereign, or, where none is agreed
        (the Senkakus, the southern Kurils, Scarborough Shoal), the state administering it, said to be only that."""
        if self.sovereign:
            return named_state(self.sovereign, names)
        if self.administrator:
            return f"{named_state(self.administrator, names)}, which administers it, no sovereign being agreed"
        return "no state"


class TreatyRules:
    """When a treaty binds."""

    __slots__ = ()
    if TYPE_CHECKING:
        signed: dt.date
        in_force: dt.date | None
        terminated: dt.date | None
        coverage_end: dt.date | None
        carried_from: dt.date | None
        certainty: Certainty

    def starts(self, basis: Literal["in-force", "signed"] = "in-force") -> dt.date | None:
        """The first day the treaty binds on `basis`: its signature, or its entry into force (None: it never entered
        into force). `in_effect` and the war replay's timeline of changes (`foedus.war.changes`) read it here."""
        return self.signed if basis == "signed" else self.in_force

    def stops(self) -> tuple[tuple[dt.date, Literal["terminated", "coverage-ends"]], ...]:
        """The first days the treaty no longer binds, each with why: its termination, and the day after its source's
        coverage ends (not one past the calendar's end). `in_effect` and the war replay's timeline of changes
        (`foedus.war.changes`) read them here, as they read `starts`."""
        ends: tuple[tuple[dt.date, Literal["terminated", "coverage-ends"]], ...] = ()
        if self.terminated is not None:
            ends += ((self.terminated, "terminated"),)
        if self.coverage_end is not None and self.coverage_end < dt.date.max:
            ends += ((self.coverage_end + dt.timedelta(days=1), "coverage-ends"),)
        return ends

    def in_effect(self, day: dt.date, basis: Literal["in-force", "signed"] = "in-force") -> bool:
        """True when the treaty binds on `day` (by entry into force, or by signature: `starts`; until `stops`)."""
        start = self.starts(basis)
        return start is not None and start <= day and all(day < end for end, _ in self.stops())

    def carried_on(self, day: dt.date) -> bool:
        """True when `day` is past the end of the treaty's source, which coded it in force then (`carried_from`)."""
        return self.carried_from is not None and day > self.carried_from

    def standing_on(self, day: dt.date) -> Certainty:
        """How sure the treaty's standing is on `day`: its tag, or `carried-forward` past its source if worse."""
        level = Certainty(self.certainty)
        return worst([level, Certainty.CARRIED]) if self.carried_on(day) else level
