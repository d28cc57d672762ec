"""The treaty schema: treaties, members, provisions, scopes and invocations, validated by pydantic.

One YAML file per treaty follows this schema; `foedus schema` exports it as JSON Schema.
The schema says *what a treaty says*; the cascade rules that act on it live in `foedus.engine.rules`.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from foedus.model.assistance import Assistance
from foedus.model.behaviour import TreatyRules
from foedus.model.facts import (
    Article,
    Certainty,
    DateCertainty,
    Day,
    Prose,
    Source,
    Span,
    StateRef,
    Text,
    Url,
)
from foedus.model.numbers import Whole
from foedus.model.priority import Priority
from foedus.model.provision import Adversary, LegSuspension, Provision, Unresolved
from foedus.model.scope import Scope
from foedus.model.vocab import Instrument, Kind, Strength, Trigger

__all__ = [
    "Adversary",
    "Certainty",
    "DateCertainty",
    "Instrument",
    "Invocation",
    "Kind",
    "LegSuspension",
    "Member",
    "Provision",
    "Scope",
    "Source",
    "Span",
    "Strength",
    "Treaty",
    "Trigger",
    "Unresolved",
]

_ID_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Member(_Strict):
    """A party's membership: signature, becoming a party, leaving, and suspensions."""

    state: StateRef
    signed: Day | None = Field(None, description="signature date; defaults to the treaty's")
    joined: Day | None = Field(
        None, description="date it became a party (in force for it); defaults to treaty in_force"
    )
    left: Day | None = Field(None, description="date its membership ended (exclusive)")
    suspended: list[Span] = Field(
        default_factory=list, description="legal suspension: spans it neither owes nor is owed"
    )
    frozen: list[Span] = Field(
        default_factory=list,
        description="political freeze: legally still bound and owed, but results must say it is frozen",
    )
    certainty: Certainty = Field(Certainty.VERIFIED, description="that it is (was) a party at all")
    joined_certainty: DateCertainty | None = Field(None, description="when `joined` is known less than to the day")
    left_certainty: DateCertainty | None = Field(None, description="when `left` is known less than to the day")
    source: Url | None = Field(None, description="the page that states this membership")
    instrument: Instrument | None = Field(None, description="its own agreement's kind, overriding the record's")
    instrument_certainty: Certainty = Field(Certainty.VERIFIED, description="how well `instrument` is sourced")
    instrument_source: Url | None = Field(None, description="the page that says what kind of instrument it is")
    note: Prose | None = None


class Invocation(_Strict):
    """A recorded use of a treaty: who asked, under which article, when, and what came of it."""

    date: Day
    article: Article
    requester: list[StateRef] = Field(min_length=1, description="the states that invoked it (at least one)")
    outcome: Prose
    certainty: Certainty = Field(Certainty.VERIFIED, description="that the invocation happened as described")
    date_certainty: DateCertainty | None = Field(None, description="when `date` is known less than to the day")
    note: Prose | None = None


class Treaty(_Strict, TreatyRules):
    """A treaty with its dates, sources, members, provisions and invocation history."""

    id: str = Field(description="snake_case id, e.g. nato_1949")
    name: Text
    short_name: Text | None = None
    signed: Day
    in_force: Day | None = Field(None, description="null: signed but not (yet) in force")
    in_force_certainty: DateCertainty | None = Field(
        None, description="when `in_force` is not known to the day; with `in_force` null, `within: unknown` from "
        "`since`: the entry into force was not found, and may have come any day from then")
    terminated: Day | None = None
    terminated_certainty: DateCertainty | None = Field(None, description="when `terminated` is not known to the day")
    type: Literal["bilateral", "multilateral", "unilateral"] = "bilateral"
    instrument: Instrument = Field(Instrument.TREATY, description="treaty (default), executive_order (revocable), "
                                   "statute (domestic law), political_statement (not binding) or forum")
    sources: list[Source] = Field(min_length=1)
    members: list[Member] = Field(min_length=1)
    provisions: list[Provision] = Field(default_factory=list)
    invocations: list[Invocation] = Field(default_factory=list)
    replaces: list[str] = Field(default_factory=list, description="ids of treaties this one replaced")
    atop_ids: list[Annotated[Whole, Field(ge=1, le=99_999)]] = Field(
        default_factory=list, description="ATOP atopid(s) of the same treaty (ATOP 5.1 numbers them 1001-7050)")
    origin: Literal["curated", "atop"] = Field("curated", description="who encoded it: foedus, or the ATOP import")
    coverage_end: Day | None = Field(
        None, description="the source says nothing after this date (ATOP: 2018-12-31); not a termination"
    )
    carried_from: Day | None = Field(
        None, description="in effect after this date (its source's coverage end) only as carried forward"
    )
    carry_checked: Prose | None = Field(
        None, description="carried forward, its standing was checked (a `checked` correction), in words: results "
        "that rest on it past its source's coverage name the check beside the carry")
    certainty: Certainty = Certainty.VERIFIED
    name_certainty: Certainty = Field(Certainty.VERIFIED, description="how sure its name is: an ATOP alliance named by "
                                      "a `named` correction from a page not official, secondary (the lines citing it "
                                      "say so: `foedus.cited_names.atop_title`)")
    unverified: list[Prose] = Field(
        default_factory=list, description="facts in this file that are not verified, in words"
    )
    priority: Priority | None = Field(
        None, description="its priority clause: its obligations prevail over the parties' other ones (a duty not to "
        "fight the other party, `foedus.engine.rules.precedence`)")
    binds_no_one: Prose | None = Field(
        None, description="why this instrument creates no obligation (recorded so it is not mistaken for a pact)"
    )
    note: Prose | None = None
    assistance: Assistance | None = Field(
        None, description="forms of help beyond the war clause (foedus.model.assistance); null = not encoded"
    )

    @field_validator("id")
    @classmethod
    def _snake_case(cls, value: str) -> str:
        if not _ID_RE.match(value):
            raise ValueError(f"id {value!r} is not snake_case (e.g. nato_1949)")
        return value

    @model_validator(mode="after")
    def _dates_ordered(self) -> Treaty:
        if self.in_force is not None and self.in_force < self.signed:
            raise ValueError(f"in_force ({self.in_force}) is before signed ({self.signed})")
        start = self.in_force or self.signed
        if self.terminated is not None and self.terminated < start:
            raise ValueError(f"terminated ({self.terminated}) is before it took effect ({start})")
        for i, m in enumerate(self.members):
            joined = m.joined or self.in_force
            if m.left is not None and joined is not None and m.left < joined:
                raise ValueError(f"members[{i}] ({m.state}) left ({m.left}) before joining ({joined})")
        if self.priority is not None and self.priority.source not in {s.url for s in self.sources}:
            raise ValueError(f"priority.source ({self.priority.source}) is not one of the treaty's sources")
        if self.binds_no_one is not None and self.provisions:
            raise ValueError("a treaty that binds no one (binds_no_one) takes no provisions")
        return self

    @model_validator(mode="after")
    def _effective_on_ends(self) -> Treaty:
        """`effective` says which day a month or year on an exclusive end is of: on a first day (a leg suspension's
        too) or an invocation's day it means nothing, and would be silently ignored."""
        starts = [("in_force_certainty", self.in_force_certainty)]
        for i, m in enumerate(self.members):
            starts.append((f"members[{i}].joined_certainty", m.joined_certainty))
            starts += [(f"members[{i}].{key}[{j}].start_certainty", span.start_certainty)
                       for key in ("suspended", "frozen") for j, span in enumerate(getattr(m, key))]
        for i, p in enumerate(self.provisions):
            starts += [(f"provisions[{i}].valid.start_certainty", p.valid.start_certainty)] if p.valid else []
            starts += [(f"provisions[{i}].suspensions[{j}].span.start_certainty", leg.span.start_certainty)
                       for j, leg in enumerate(p.suspensions)]
        starts += [(f"invocations[{i}].date_certainty", inv.date_certainty) for i, inv in enumerate(self.invocations)]
        for loc, how in starts:
            if how is not None and how.effective:
                raise ValueError(f"{loc}: effective is read only on an exit or end: a member's left_certainty, the "
                                 "treaty's terminated_certainty or a span's end_certainty")
        return self

    @model_validator(mode="after")
    def _unfound_entry(self) -> Treaty:
        """An entry into force not found (`in_force` null) has no day for a window to lie around: only `within:
        unknown` from `since`, on or after the signature, with no `until` (nothing bounds a day that may not come)."""
        how = self.in_force_certainty
        if self.in_force is not None or how is None:
            return self
        if how.within != "unknown":
            raise ValueError(f"in_force_certainty: within: {how.within} needs an in_force day; with in_force null "
                             "(entry into force not found) only within: unknown, with since, is read")
        if how.since is None:
            raise ValueError("in_force_certainty: with in_force null (entry into force not found) give since, the "
                             "earliest day it may have entered into force (on or after the signature)")
        if how.since < self.signed:
            raise ValueError(f"in_force_certainty.since ({how.since}) is before signed ({self.signed}): nothing of a "
                             "treaty is in force before its signature")
        if how.until is not None:
            raise ValueError(f"in_force_certainty.until ({how.until}) with in_force null: nothing bounds an entry "
                             "into force not found, which may not have come; record in_force if it is known")
        return self

    @model_validator(mode="after")
    def _bounds_around_days(self) -> Treaty:
        """An unknown date's `since` and `until` lie on either side of the day they bound (a span checks its own)."""
        dated = [(self.in_force, self.in_force_certainty, "in_force_certainty"),
                 (self.terminated, self.terminated_certainty, "terminated_certainty")]
        for i, m in enumerate(self.members):  # a row with no joined is dated from the entry into force
            dated += [(m.joined or self.in_force, m.joined_certainty, f"members[{i}] ({m.state}).joined_certainty"),
                      (m.left, m.left_certainty, f"members[{i}] ({m.state}).left_certainty")]
        dated += [(inv.date, inv.date_certainty, f"invocations[{i}].date_certainty")
                  for i, inv in enumerate(self.invocations)]
        for day, how, field in dated:
            if how is not None:
                how.check_day(day, field)
        return self
