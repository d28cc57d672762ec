"""Certainty in words: how well a date is known, a tag in words, and the reasons that each name one fact.

Split from `foedus.engine.certainty` (which re-exports these) so that a fact is worded once, whoever reports it:
the certainty of a leg on a date, and the war replay's treaty changes (`foedus.war.changes`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from foedus.engine.records import CertaintyReason
from foedus.model.vocab import Certainty

if TYPE_CHECKING:
    from foedus.model.treaty import DateCertainty, Member, Provision, Span, Treaty

__all__ = ["applies_fact", "fact_reason", "first_day_fact", "how_dated", "how_known", "how_sure", "left_fact",
           "membership_fact", "source_of", "standing_fact", "suspension_fact"]

_KNOWN = {
    "week": "known only to within a week",
    "month": "known only to the month",
    "year": "known only to the year",
    "stand-in": "a stand-in for an unknown date",
    "unknown": "the true date may be later",
}
_HOW = {
    Certainty.SECONDARY: "known from secondary reporting only",
    Certainty.CARRIED: "carried past the end of its source's coverage",
    Certainty.UNVERIFIED: "not verified",
    Certainty.CONFLICTING: "sources conflict",
}


def source_of(treaty: Treaty, *specific: str | None) -> str:
    """The most specific source given for a fact, else the treaty file's first."""
    for url in specific:
        if url:
            return url
    return treaty.sources[0].url


def how_dated(how: DateCertainty) -> str:
    """How well a date is known, in words ("known only to the month", ...)."""
    return _KNOWN[how.within]


def how_sure(level: Certainty, dated: DateCertainty | None, **named: DateCertainty | None) -> str:
    """A recorded fact's tag, with how well its date is known (an invocation's, in the treaty's history), or its
    `named` dates (a member's `joined` and `left`, in `foedus treaties show`).

    >>> from foedus.model.facts import DateCertainty
    >>> how_sure(Certainty.UNVERIFIED, DateCertainty(within="month"))
    'unverified; date: known only to the month'
    >>> how_sure(Certainty.VERIFIED, None, joined=None, left=DateCertainty(within="year"))
    'verified; left: known only to the year'
    """
    dates = {"date": dated, **named}
    return "; ".join([level.value, *(f"{what}: {_KNOWN[how.within]}" for what, how in dates.items() if how)])


def how_known(level: Certainty) -> str:
    """A certainty tag in words ("not verified", "known from secondary reporting only", ...)."""
    return _HOW.get(level, level.value)


def fact_reason(kind: str, fact: str, level: Certainty, source: str) -> CertaintyReason:
    """A reason of `kind`: the fact, with its tag in words, the tag and the source."""
    return CertaintyReason(kind, f"{fact} ({how_known(level)})", level.value, source)


def membership_fact(treaty: Treaty, m: Member) -> tuple[CertaintyReason, ...]:
    """That `m`'s state is (was) a party at all, when not verified (`party_facts` and the war's treaty changes)."""
    if m.certainty is Certainty.VERIFIED:
        return ()
    return (fact_reason("membership", f"{treaty.id}: {m.state} is a party", m.certainty, source_of(treaty, m.source)),)


def first_day_fact(treaty: Treaty, m: Member | None) -> tuple[CertaintyReason, ...]:
    """The day `m` became a party (without `m`, or a row with no `joined`: the entry into force), when it is known
    less than to the day (`party_facts` adds it inside its window; a treaty change on that day, always)."""
    joined, how = (m.joined, m.joined_certainty) if m and m.joined else (treaty.in_force, treaty.in_force_certainty)
    if joined is None or how is None:
        return ()
    what = f"{m.state} became a party on {joined}" if m and m.joined else f"the treaty entered into force on {joined}"
    return (fact_reason("date", f"{treaty.id}: {what}, {_KNOWN[how.within]}", how.certainty,
                        source_of(treaty, how.source, m.source if m else None)),)


def left_fact(treaty: Treaty, m: Member) -> tuple[CertaintyReason, ...]:
    """The day `m` left, when it is known less than to the day."""
    if m.left is None or m.left_certainty is None:
        return ()
    return (fact_reason("date", f"{treaty.id}: {m.state} left on {m.left}, {_KNOWN[m.left_certainty.within]}",
                        m.left_certainty.certainty, source_of(treaty, m.left_certainty.source, m.source)),)


def suspension_fact(treaty: Treaty, state: str, span: Span, src: str, *, end: bool = False
                    ) -> tuple[CertaintyReason, ...]:
    """The first (with `end`, the last) day of `state`'s suspension `span`, when known less than to the day: a state
    bound near such a day may already be suspended, or not yet restored (`src`: the row's source)."""
    how, day, verb = (span.end_certainty, span.end, "ended") if end else (span.start_certainty, span.start, "began")
    if how is None or day is None:
        return ()
    return (fact_reason("date", f"{treaty.id}: {state}'s suspension {verb} on {day}, {_KNOWN[how.within]}",
                        how.certainty, how.source or src),)


def standing_fact(treaty: Treaty) -> tuple[CertaintyReason, ...]:
    """The treaty's standing, when not verified."""
    if treaty.certainty is Certainty.VERIFIED:
        return ()
    return (fact_reason("treaty", f"{treaty.id}: the treaty's standing", treaty.certainty, source_of(treaty)),)


def applies_fact(treaty: Treaty, provision: Provision) -> tuple[CertaintyReason, ...]:
    """When the clause applies (`Provision.valid`), when that is not verified: a fact apart from the clause's."""
    valid = provision.valid
    if valid is None or valid.certainty is Certainty.VERIFIED:
        return ()
    until = f" until {valid.end}" if valid.end is not None else ""
    why = f" ({valid.note})" if valid.note else ""
    fact = f"{treaty.id} art. {provision.article}: that it applies from {valid.start}{until}{why}"
    return (fact_reason("article", fact, valid.certainty, source_of(treaty, valid.source, provision.source)),)
