"""Sourced facts the treaty schema is built from: certainty tags, date spans, date windows and sources.

Split from `foedus.model.treaty` so each module stays small; the treaty module re-exports them.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from foedus.model.behaviour import SpanRules
from foedus.model.days import is_iso_day
from foedus.model.hidden import refuse_hidden
from foedus.model.numbers import Switch
from foedus.model.vocab import CERTAINTY_RANK, TAGGED_WINDOWS, Certainty
from foedus.ranges import out_of_range

__all__ = ["Article", "Certainty", "DateCertainty", "Day", "Line", "Prose", "Reason", "Source", "Span", "StateRef",
           "Strict", "Text", "Url"]


def _not_a_number(value: Any) -> Any:
    """Refuse a number where a date belongs: pydantic would read it as seconds since 1970 (`0` is 1970-01-01), and
    a text not written YYYY-MM-DD (pydantic reads '1699920000' and '2025-06-01T00:00Z' as days); a day the calendar
    lacks (2025-02-30, 0000-01-01) is said in Python's words, as a scenario's date is, not pydantic's ('Input should
    be a valid date or datetime, day value is outside expected range')."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise PydanticCustomError("date_type", "expected a date as YYYY-MM-DD, not a number")
    if isinstance(value, str) and not is_iso_day(value):
        raise PydanticCustomError("date_type", "expected a date as YYYY-MM-DD")
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise PydanticCustomError("date_value", "not a day of the calendar: {reason}",
                                      {"reason": str(exc)}) from None  # a file's reader names the value
    return value


Day = Annotated[dt.date, BeforeValidator(_not_a_number)]
"""A date in a data file (treaty, overlay, war, gazetteer): `YYYY-MM-DD`; a number such as `20250101` is an error,
not a day of 1970."""


def _number_as_text(value: Any) -> Any:
    """A COW number written as a YAML number (`state: 365`) is read as its text, as `foedus.cascade(365, …)` is."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _not_blank(value: str) -> str:
    """Refuse a text of only spaces as an empty one is, in pydantic's error for it, which every message words as
    'must not be blank' (`foedus.wording`): a member's `state: '  '` was an unknown state, a war's `name: '  '` ok."""
    if not value.strip():
        raise PydanticCustomError("string_too_short", "String should have at least 1 character", {"min_length": 1})
    return value


def _one_line(value: str) -> str:
    return refuse_hidden(value)


def _prose(value: str) -> str:
    return refuse_hidden(value, "\n\t")


Line = Annotated[str, AfterValidator(_one_line)]
"""A one-line text in a data file (a short name, an alias): no control character, no bidirectional override, no
other invisible format character (`foedus.model.hidden`)."""

Prose = Annotated[str, AfterValidator(_prose)]
"""A free text in a data file (a note, a summary, a source's title): lines and tabs, but no other control character,
no bidirectional override and no other invisible format character."""

Reason = Annotated[str, Field(min_length=1), AfterValidator(_not_blank), AfterValidator(_prose)]
"""The words a clause's gate is set by (`non_military`, `needs_decision`): a free text that must say something, as a
gate set by an empty or blank one was read as not set (`non_military: ""` bound the obligors to fight, silently)."""

Text = Annotated[str, Field(min_length=1), AfterValidator(_not_blank), AfterValidator(_one_line)]
"""A text a data file must give (a name): neither empty nor blank, one line."""

Url = Annotated[str, Field(pattern=r"^https?://"), AfterValidator(_one_line)]
"""A source's address in a data file: http or https, and, as a `Line`, no control character, bidirectional
override or other invisible format character (written by a YAML escape, one reached `--cite`'s lines and the reports
as it was)."""

StateRef = Annotated[str, Field(min_length=1, description="ISO3, COW abbreviation, COW number or name"),
                     BeforeValidator(_number_as_text), AfterValidator(_not_blank)]  # the bound before the validator:
# text's ('must not be empty'); a blank one, after it, is said to be blank
"""A state in a data file (treaty, war): resolved against the state list when the file is loaded, so a COW number
may be one digit (`2`, the United States) or written as a number."""


MAX_ARTICLE = 9999
"""The highest article number written as a number that foedus reads (the longest treaties number a few hundred)."""


def _article_as_text(value: Any, info: ValidationInfo) -> Any:
    """An article written as a whole number (`article: 5`) is read as its text, '5', if from 1 to `MAX_ARTICLE` (no
    treaty numbers an article -1 or 10**30); one YAML would change unquoted (`5.10` is the number 5.1, `010` is 8,
    `yes` is true) is refused, asking for quotes, not guessed."""
    written = getattr(value, "written", None)  # `foedus.model.yamlio.WrittenInt`: digits other than its own
    whole = isinstance(value, int) and not isinstance(value, bool) and written is None
    if whole and 1 <= value <= MAX_ARTICLE:
        return str(value)
    if not isinstance(value, int | float):
        return value  # text passes; a list, a mapping or nothing is refused as text's
    treaty = info.data.get("treaty") if isinstance(info.data, dict) else None
    if whole:
        raise ValueError(f"{f'{treaty}: ' if isinstance(treaty, str) else ''}{out_of_range('', 1, MAX_ARTICLE)}")
    read = f"the truth value {value}" if isinstance(value, bool) else f"the number {value!r}"
    raise ValueError(f"{f'{treaty}: ' if isinstance(treaty, str) else ''}write the article in quotes, as the treaty "
                     f"numbers it (article: \"5.1\"): unquoted, YAML reads "
                     f"{repr(written) + ' ' if written else 'it '}as {read}")


Article = Annotated[str, BeforeValidator(_article_as_text), AfterValidator(_not_blank), AfterValidator(_one_line)]
"""An article as the treaty numbers it ('5', 'IV', '5.1'), one line, neither empty nor blank (an invocation's or a
what-if's `article: ' '` cited "Art.  " as if it were one): a whole number written unquoted is its text."""


class Strict(BaseModel):
    """Base of every schema model: unknown fields are errors, instances are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# a day's tags that vouch for its window: a day verified (or from secondary reporting) puts its week, month or year
# at least as sure; an unverified or conflicting day says nothing of it ([C] on the month, the day unknown: ECOWAS PMAD)
_VOUCHING = (Certainty.VERIFIED, Certainty.SECONDARY)


class DateCertainty(Strict):
    """How well a date is known, when less than to the day: the true date lies in a window around it.

    `within`: `week` (a few days either way), `month` or `year` (only that month or year is known; on an
    exclusive end, a member's `left` or a span's `end`, the month or year of the last day covered, the day before,
    unless `effective`: then that of the recorded day, the first day no longer covered),
    `stand-in` (a date picked for an unknown one reported near it: read as within a year of it),
    `unknown` (the true date is anywhere from `since`, or this one, up to `until`: `since` when a source puts it
    earlier, as Gibler's end of the USSR-DPRK treaty a year before ATOP's). See docs/certainty.md.

    `certainty` is the recorded day's tag; `window` the window's own (the week, month or year the day lies in), when
    the source tags it apart: Armenia's CSTO freeze, "Feb 2024 statement [V]" with the 22nd picked, is `window:
    verified` and `certainty: unverified`; Pakistan's Manila exit, "[V year]" with the day from one source, and
    Mexico's Rio exit, "[V month / U day]" with the day from ATOP 5.1, `window: verified` and `certainty: secondary`.
    A verified day on a week, month or year (the Shusha Declaration, "about 12-14 Feb 2022" [V]) verifies the date
    to that window, not the day picked in it (`how_dated` says the window's tag alone).
    The window is never less sure than a verified or secondary day in it (the day vouches for its month): such a
    date is refused.
    """

    within: Literal["week", "month", "year", "stand-in", "unknown"] = "stand-in"
    since: Day | None = Field(None, description="`unknown` only: the earliest the true date can be, on or before the "
                              "recorded day (null: the recorded day)")
    until: Day | None = Field(None, description="`unknown` only: the latest the true date can be (null: no bound)")
    certainty: Certainty = Certainty.UNVERIFIED
    window: Certainty | None = Field(None, description="the window's own tag (the week, month or year), when the "
                                     "source tags it apart from the day (`certainty`): '[V month / U day]'")
    source: Url | None = Field(None, description="the page that states the date")
    note: Prose | None = None
    effective: Switch = Field(False, description="on an exit or end (a member's left, the treaty's terminated, a "
                              "span's end) known to the month or year: that is the month or year it took effect, the "
                              "first day out (else: the last day in)")

    @model_validator(mode="after")
    def _effective_on_month_or_year(self) -> DateCertainty:
        if self.effective and self.within not in ("month", "year"):
            raise ValueError(f"effective is read only with within: month or year (a {self.within} window is the "
                             "same on the last day in and the first day out)")
        for key in ("since", "until"):
            if getattr(self, key) is not None and self.within != "unknown":
                raise ValueError(f"{key} is read only with within: unknown (a {self.within} window has its own "
                                 "bounds)")
        if self.since is not None and self.until is not None and self.until < self.since:
            raise ValueError(f"until ({self.until}) is before since ({self.since})")
        if self.window is not None and self.within not in TAGGED_WINDOWS:
            raise ValueError(f"window is read only with within: week, month or year (a {self.within} date has no "
                             "window a source could tag)")
        if self.window is not None and self.certainty in _VOUCHING and (
                CERTAINTY_RANK[self.window] > CERTAINTY_RANK[self.certainty]):
            raise ValueError(f"window: {self.window.value} is less sure than its day (certainty: "
                             f"{self.certainty.value}), but a day a source gives dates its {self.within} too: tag the "
                             f"{self.within} at least {self.certainty.value}, or the day no surer than "
                             f"{self.window.value}")
        return self

    def check_day(self, day: dt.date | None, field: str) -> None:
        """Refuse bounds on the wrong side of the recorded `day` they bound (`field`: where the date is, for the
        message): `since` after it, `until` before it."""
        if day is not None and self.since is not None and self.since > day:
            raise ValueError(f"{field}.since ({self.since}) is after the recorded day ({day}): since is the earliest "
                             "the true date can be, so on or before it")
        if day is not None and self.until is not None and self.until < day:
            raise ValueError(f"{field}.until ({self.until}) is before the recorded day ({day}): until is the latest "
                             "the true date can be, so on or after it")


class Span(Strict, SpanRules):
    """A closed-open date interval [start, end); `end: null` means open-ended."""

    start: Day
    end: Day | None = None
    note: Prose | None = None
    certainty: Certainty = Certainty.VERIFIED
    source: Url | None = Field(None, description="the page that states this span")
    start_certainty: DateCertainty | None = Field(None, description="when `start` is known less than to the day")
    end_certainty: DateCertainty | None = Field(None, description="when `end` is known less than to the day")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"span ends ({self.end}) before it starts ({self.start})")
        for day, how, field in ((self.start, self.start_certainty, "start_certainty"),
                                (self.end, self.end_certainty, "end_certainty")):
            if how is not None:
                how.check_day(day, field)
        return self


class Source(Strict):
    """Where a fact comes from: a URL and what it is (a treaty's or a correction's; a war file's `WarSource` too).

    In `title` a date in brackets dates the words just before it: after the source's name, the day (or year) it was
    published, "CACI Analyst (27 Nov 2013)"; after a fact, that fact's day, "the treaty signed (11 Nov 2013)", the
    form ("(9 Oct 1992)") in which tests look up that a cited source gives a fact's day. A date that ends a title
    is therefore a fact's, never only the publication's."""

    url: Url
    title: Prose | None = None
