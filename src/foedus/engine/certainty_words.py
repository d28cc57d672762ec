"""Certainty in words: how well a date is known, a tag in words, and the reasons that each name one fact.

Split from `foedus.engine.certainty` (which re-exports these) so that a fact is worded once, whoever reports it:
the certainty of a leg on a date, and the war replay's treaty changes (`foedus.war.changes`).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from typing import TYPE_CHECKING

from foedus.cited import article_cited, cited
from foedus.engine.records import CertaintyReason
from foedus.model.parties import first_day
from foedus.model.vocab import TAGGED_WINDOWS, Certainty
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.model.treaty import DateCertainty, Member, Provision, Span, Treaty

__all__ = ["UNCERTAIN", "applies_fact", "brief_fact", "clause_day_fact", "dated_reason", "doubt_words",
           "duty_of_words", "ended_fact", "fact_reason", "first_day", "first_day_fact", "how_dated", "how_known",
           "how_sure", "left_fact", "membership_fact", "source_of", "standing_fact", "suspension_fact", "window_facts"]

_KNOWN = {
    "week": "known only to within a week",
    "month": "known only to the month",
    "year": "known only to the year",
    "stand-in": "a stand-in for an unknown date",
    "unknown": "the true date may be later",
}
# a window whose day a source gives, not verified to the day (NATO's entry into force: the year verified, the day,
# 24 Aug 1949, from secondary reporting): the day is reported, the date sure only to the window
_REPORTED = {
    "week": "its day reported, but sure only to within a week",
    "month": "its day reported, but sure only to the month",
    "year": "its day reported, but sure only to the year",
}
_NOTED = ", noted: "  # before the data file's note on a fact (`fact_reason`)
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


def how_dated(how: DateCertainty, *, unfound: bool = False) -> str:
    """How well a date is known, in words, and what of it is verified: the window's tag where the source gives one
    apart, and the recorded day's (a day from a secondary source is not verified). A verified day in a week, month
    or year whose own tag (if given) is verified too says the window's tag alone: the source verifies the date to
    that window and no closer, and the day is one picked inside it (the Shusha Declaration, in force 'about 12-14
    Feb 2022' [V], is recorded on 14 Feb, known to the week), so 'day: verified' would contradict 'known only to
    within a week'. A day that a source gives but that is not verified (secondary reporting: NATO's entry into force,
    24 Aug 1949, its year verified) is said to be reported, the date sure only to the window (`_REPORTED`), not 'known
    only to the year', which would deny the day that the line shows. An unknown date with a bound says it: `until`,
    how long the doubt lasts; `since`, how early the true date can be (`_unknown`).

    >>> import datetime as dt
    >>> from foedus.model.facts import DateCertainty
    >>> how_dated(DateCertainty(within="month", window=Certainty.VERIFIED))
    'known only to the month (month: verified; day: not verified)'
    >>> how_dated(DateCertainty(within="year", window=Certainty.VERIFIED, certainty=Certainty.SECONDARY))
    'its day reported, but sure only to the year (year: verified; day: known from secondary reporting only)'
    >>> how_dated(DateCertainty(within="week", window=Certainty.VERIFIED, certainty=Certainty.VERIFIED))
    'known only to within a week (week: verified)'
    >>> how_dated(DateCertainty(within="unknown", until=dt.date(2014, 10, 27), certainty=Certainty.SECONDARY))
    'the true date may be later, up to 2014-10-27 (day: known from secondary reporting only)'
    >>> how_dated(DateCertainty(within="unknown", since=dt.date(1995, 9, 7), until=dt.date(1996, 9, 18)))
    'the true date may be anywhere from 1995-09-07 to 1996-09-18 (day: not verified)'

    With `unfound`, no day is recorded (an entry into force not found: `Treaty._unfound_entry`), so the window is
    all that is said, and the tag is of the date's being unknown, not of a day:

    >>> how_dated(DateCertainty(within="unknown", since=dt.date(2025, 10, 6)), unfound=True)
    'the true date may be any day from 2025-10-06, or not yet (not verified)'
    """
    if unfound:
        return f"the true date may be any day from {how.since}, or not yet ({how_known(how.certainty)})"
    known = _unknown(how) if how.within == "unknown" else _KNOWN[how.within]
    verified = (how.certainty, how.window or how.certainty) == (Certainty.VERIFIED, Certainty.VERIFIED)
    if verified and how.within in TAGGED_WINDOWS:
        return f"{known} ({how.within}: {how_known(how.certainty)})"
    if how.within in TAGGED_WINDOWS and how.certainty not in (Certainty.UNVERIFIED, Certainty.VERIFIED):
        known = _REPORTED[how.within]  # a day some source gives: "known only to the year" would deny it
    tags = [f"{how.within}: {how_known(how.window)}"] if how.window is not None else []
    return f"{known} ({'; '.join([*tags, f'day: {how_known(how.certainty)}'])})"


def _unknown(how: DateCertainty) -> str:
    """An unknown date's window in words, from its bounds (`foedus.model.windows.date_window`): from `since` (else
    the recorded day) to `until` (else no end).

    >>> import datetime as dt
    >>> from foedus.model.facts import DateCertainty
    >>> _unknown(DateCertainty(within="unknown", since=dt.date(1995, 9, 7)))
    'the true date may be earlier, from 1995-09-07, or later'
    """
    if how.since and how.until:
        return f"the true date may be anywhere from {how.since} to {how.until}"
    if how.since:
        return f"the true date may be earlier, from {how.since}, or later"
    return _KNOWN["unknown"] + (f", up to {how.until}" if how.until else "")


def how_sure(level: Certainty, dated: DateCertainty | None, *, unfound: Container[str] = (),
             **named: DateCertainty | None) -> str:
    """A recorded fact's tag, with how well its date is known (an invocation's, in the treaty's history), or its
    `named` dates (a member's `joined` and `left`, in `foedus treaties show`); `unfound`: the dates ("date", or a
    name) with no recorded day, known only as the window in which they may come (`how_dated`).

    >>> from foedus.model.facts import DateCertainty
    >>> how_sure(Certainty.UNVERIFIED, DateCertainty(within="month"))
    'unverified; date: known only to the month (day: not verified)'
    >>> how_sure(Certainty.VERIFIED, None, joined=None, left=DateCertainty(within="year", window=Certainty.VERIFIED))
    'verified; left: known only to the year (year: verified; day: not verified)'
    """
    dates = {"date": dated, **named}
    return "; ".join([level.value, *(f"{what}: {how_dated(how, unfound=what in unfound)}"
                                     for what, how in dates.items() if how)])


def how_known(level: Certainty) -> str:
    """A certainty tag in words ("not verified", "known from secondary reporting only", ...)."""
    return _HOW.get(level, level.value)


def window_facts(level: str, facts: Iterable[str]) -> str:
    """A finding's certainty after it on a line of text, as the JSON's `certainty` and `certainty_reasons` say it:
    nothing when verified and resting on no fact known less than to the day; ' — LEVEL facts' when not verified
    (the facts are in the JSON record, or listed below the line); and for a verified finding that rests on a date
    known only to a window, that date in its reason's words (`facts`, each reason's `fact`), as nothing else says
    it on the line. The web page's copy: web/src/wording.ts `certaintyTag`."""
    if level != Certainty.VERIFIED.value:
        return f" — {level} facts"
    dated = "; ".join(facts)
    return f" — verified facts, not to the day: {dated}" if dated else ""


def fact_reason(kind: str, fact: str, level: Certainty, source: str, note: str | None = None) -> CertaintyReason:
    """A reason of `kind`: the fact, with its tag in words (and the data file's `note` on it, quoted on one line,
    where one bears on it), the tag and the source."""
    noted = f'{_NOTED}"{" ".join(note.split())}"' if note else ""
    return CertaintyReason(kind, f"{fact} ({how_known(level)}){noted}", level.value, source)


def brief_fact(reason: CertaintyReason, treaty: str) -> str:
    """A reason's fact in brief, on a line that names its treaty already (a war replay's `continues` change): without
    the treaty (and clause) it opens with, nor the data file's note that `fact_reason` quotes after it.

    >>> brief_fact(CertaintyReason("membership", 'csto_1992: Armenia (ARM) is a party (not verified), noted: "x"',
    ...                            "unverified", "https://example.org"), "csto_1992")
    'Armenia (ARM) is a party (not verified)'
    """
    fact = reason.fact.split(_NOTED, 1)[0]
    head, sep, rest = fact.partition(": ")
    return rest if sep and (head == treaty or head.startswith(f"{treaty} ")) else fact


def dated_reason(treaty: Treaty, what: str, how: DateCertainty, source: str, then: str = "", *,
                 unfound: bool = False) -> CertaintyReason:
    """A `date` reason: `what` happened on the recorded day (with `unfound`, no day is recorded), how well that is
    known and what of it is verified (`how_dated`), then `then`; its tag is the day's."""
    return CertaintyReason("date", f"{treaty.id}: {what}, {how_dated(how, unfound=unfound)}{then}",
                           how.certainty.value, source)


def membership_fact(treaty: Treaty, m: Member, names: Mapping[str, str]) -> tuple[CertaintyReason, ...]:
    """That `m`'s state is (was) a party at all, when not verified (`party_facts` and the war's treaty changes); a
    row that continues another of its state says that the membership began before the row's first day and goes on
    from it, and that the tag is of its going on from that day ("csto_1992: Armenia (ARM), a party before 2024-06-12,
    stays one from that day on (known from secondary reporting only)"), not as if the state joined then. Each fact
    here names a state by `names` (`foedus.wording.named_state`); the row's note follows it (Palestine's:
    "admitted to the League as the PLO; status under the treaty unverified"), as it says why."""
    if m.certainty is Certainty.VERIFIED:
        return ()
    # a row that takes over another of its state on the day it ends: the same membership, doubted from that day
    still = m.joined is not None and any(o.state == m.state and o.left == m.joined for o in treaty.members)
    state = named_state(m.state, names)
    what = f"{state}, a party before {m.joined}, stays one from that day on" if still else f"{state} is a party"
    return (fact_reason("membership", f"{treaty.id}: {what}", m.certainty, source_of(treaty, m.source), m.note),)


def duty_of_words(obligor: str, beneficiary: str, article: str, names: Mapping[str, str]) -> str:
    """A leg's duty, as a suspension of it is said: "United States (USA)'s duty to New Zealand (NZL) under art. 4"."""
    return f"{named_state(obligor, names)}'s duty to {named_state(beneficiary, names)} under {article_cited(article)}"


def first_day_fact(treaty: Treaty, m: Member | None, names: Mapping[str, str]) -> tuple[CertaintyReason, ...]:
    """The day `m` became a party (`first_day`), when it is known less than to the day (`party_facts` adds it inside
    its window; a treaty change on that day, always)."""
    joined, how = first_day(treaty, m)
    if joined is None or how is None:
        return ()
    own = m is not None and (m.joined is not None or m.joined_certainty is not None)
    what = (f"{named_state(m.state, names)} became a party on {joined}" if m and own
            else f"the treaty entered into force on {joined}")
    return (dated_reason(treaty, what, how, source_of(treaty, how.source, m.source if m else None)),)


def left_fact(treaty: Treaty, m: Member, names: Mapping[str, str]) -> tuple[CertaintyReason, ...]:
    """The day `m` left, when it is known less than to the day."""
    if m.left is None or m.left_certainty is None:
        return ()
    return (dated_reason(treaty, f"{named_state(m.state, names)} left on {m.left}", m.left_certainty,
                         source_of(treaty, m.left_certainty.source, m.source)),)


def ended_fact(treaty: Treaty) -> tuple[CertaintyReason, ...]:
    """The day the treaty ended (`terminated`, its first day out of force), when it is known less than to the day:
    a duty near it may already have lapsed, or still bind, as near a member's exit (`left_fact`)."""
    how = treaty.terminated_certainty
    if treaty.terminated is None or how is None:
        return ()
    return (dated_reason(treaty, f"the treaty ended on {treaty.terminated}", how, source_of(treaty, how.source)),)


def suspension_fact(treaty: Treaty, state: str, span: Span, src: str, names: Mapping[str, str], *, end: bool = False,
                    whose: str = "") -> tuple[CertaintyReason, ...]:
    """The first (with `end`, the last) day of `state`'s suspension `span`, when known less than to the day: a state
    bound near such a day may already be suspended, or not yet restored (`src`: the row's source). `whose`: what is
    suspended, when not the membership (a leg: `duty_of_words`)."""
    how, day, verb = (span.end_certainty, span.end, "ended") if end else (span.start_certainty, span.start, "began")
    if how is None or day is None:
        return ()
    what = f"the suspension of {whose}" if whose else f"{named_state(state, names)}'s suspension"
    return (dated_reason(treaty, f"{what} {verb} on {day}", how, how.source or src),)


def standing_fact(treaty: Treaty) -> tuple[CertaintyReason, ...]:
    """The treaty's standing, when not verified."""
    if treaty.certainty is Certainty.VERIFIED:
        return ()
    return (fact_reason("treaty", f"{treaty.id}: the treaty's standing", treaty.certainty, source_of(treaty)),)


def applies_fact(treaty: Treaty, provision: Provision) -> tuple[CertaintyReason, ...]:
    """When the clause applies (`Provision.valid`), when that is not verified: a fact apart from the clause's (kind
    `validity`, not `article`: a term presumed extended doubts the window, not the article's number or words)."""
    valid = provision.valid
    if valid is None or valid.certainty is Certainty.VERIFIED:
        return ()
    until = f" until {valid.end}" if valid.end is not None else ""
    why = f" ({valid.note})" if valid.note else ""
    fact = f"{cited(treaty.id, provision.article)}: that it applies from {valid.start}{until}{why}"
    return (fact_reason("validity", fact, valid.certainty, source_of(treaty, valid.source, provision.source)),)


def clause_day_fact(treaty: Treaty, provision: Provision, *, end: bool = False, then: str = ""
                    ) -> tuple[CertaintyReason, ...]:
    """The first (with `end`, the first day after the last) day of the clause's span (`Provision.valid`), when
    known less than to the day: a duty near it may not yet apply, or no longer (a doubt, with `then`, may apply)."""
    valid = provision.valid
    if valid is None:
        return ()
    how, day = (valid.end_certainty, valid.end) if end else (valid.start_certainty, valid.start)
    if how is None or day is None:
        return ()
    what = f"{article_cited(provision.article)} {'stops applying on' if end else 'applies from'} {day}"
    return (dated_reason(treaty, what, how, source_of(treaty, how.source, valid.source, provision.source), then),)


UNCERTAIN = "Uncertain date: "
"""What a doubt's line starts with (`doubt_words` after it): a cascade's explanation's, a war replay's timeline's."""


def doubt_words(fact: str, state: str | None, concerns: Iterable[str], names: Mapping[str, str]) -> str:
    """A doubt after "Uncertain date: ": its fact, and the states a doubt of a treaty or a clause concerns in this
    war (`Doubt.concerns`), named; a party's doubt names its state in its fact already. A cascade's explanation
    (`foedus.render`) and a war replay's timeline (`foedus.war.words.doubt_lines`) say it so; the web's summary says
    the same (web/src/said.ts `doubtWords`; tests/test_said_parity.py)."""
    concerning = list(concerns) if state is None else []
    return (f"{fact}; who is bound may differ"
            + (": " + ", ".join(named_state(s, names) for s in concerning) if concerning else ""))
