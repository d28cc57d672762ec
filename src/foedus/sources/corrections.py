"""A curated correction layer over ATOP: exits, suspensions, ends and certainty flags the sources support.

ATOP 5.1 stops at 2018-12-31 and codes some alliances as in force that later events or the 2025 fact
sheet contradict (Mali, Burkina Faso and Niger left ECOWAS in 2025; France's 2008-12 renegotiated
African treaties dropped the old defence clauses). Each correction in `data/atop_corrections.yaml`
names an ATOP alliance (and phase), what changes, from when, and the pages that say so; applying it
never edits the ATOP files, it rewrites the imported `Treaty` and records the change in its notes. This module
reads and checks the file; `foedus.sources.correction_apply` applies it to the imported treaties.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, field_validator, model_validator

from foedus.errors import TreatyDataError
from foedus.model.facts import Certainty, DateCertainty, Line, Prose, Source, Strict
from foedus.model.numbers import Whole
from foedus.model.yamlio import file_data_error, load_yaml
from foedus.sources.correction_members import until_problem

__all__ = ["CORRECTIONS_FILE", "MEMBER_ACTIONS", "Correction", "check_words", "load_corrections"]

CORRECTIONS_FILE = "atop_corrections.yaml"
MEMBER_ACTIONS = ("exit", "rejoin", "join", "suspend")
"""The actions that change an alliance's members (`states` on `date`: `foedus.sources.correction_members`)."""

_SOME_DAY = re.compile(r"[0-9]{4}(-(0[1-9]|1[0-2]))?")
"""A month ("2025-01") or a year ("2021"), where a source shows no day."""

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


class Correction(Strict):
    """One change to one ATOP alliance (all its phases unless `phase` is given).

    `exit`: `states` leave on `date`; `rejoin`: `states`, out since an earlier exit, are members again from `date`
    (a new membership row); `join`: `states`, never members, accede to an alliance carried past its source's
    coverage from `date` (a new membership row, bound as every member then is: `foedus.sources.correction_members`;
    a day inside the coverage corrects the source, whose own flags in `foedus dyads` keep its rows);
    `suspend`: `states`, members on `date`, are suspended from it from `date` (to `until`, the first day restored, if
    given): a span in their rows' `suspended`, the field a curated treaty's suspension fills, so a suspended member
    neither owes nor is owed while it lasts (in a bilateral alliance nothing binds the two then), with the
    correction's certainty, `date_certainty` for its first day and its first source;
    `end`: the alliance ends on `date`; `certainty`: the alliance is kept but tagged `certainty` (e.g. an in-force
    status the fact sheet marks unverified); `superseded`: the curated treaties `by` say what binds its parties from
    `date` on (it ends then), or, without a date, after ATOP's coverage (it is not carried forward; ATOP's own years
    are kept as it codes them); `checked`: an alliance carried past ATOP's coverage was checked on the day `checked`
    and left carried: `found` says what was found, `in_force` the latest day (or month, "2025-01", or year, "2021")
    the sources show it in force, if any, and the first source is the page that shows it. It stays `carried-forward`
    (a check that found no end is an absence, not a verification); the carried-forward reason of every result
    resting on it names the check (`check_words`); `named`: the alliance is the treaty `name` (its official title,
    short, with its year: "Treaty of Amity and Cooperation in Southeast Asia, 1976"), as its sources name it, so that
    an answer citing it says which treaty it is, not only its number (`foedus.cited_names`); its `certainty` is its
    page's (verified only from an official page or a treaty database, else secondary: the lines citing it say so);
    `starts`: the alliance (its first phase, or `phase`; or the first rows of `states`) entered into force on `date`
    and, where ATOP's day is not the signature either, was signed on `signed` (`foedus.sources.correction_starts`);
    `guarantee`: the alliance's defence is owed to `states` alone, one-way (S5), by the members that owe it as ATOP
    codes it, not by them to one another (`foedus.sources.correction_guarantee`).
    """

    atopid: Whole
    phase: Whole | None = None
    action: Literal["exit", "rejoin", "join", "suspend", "end", "certainty", "superseded", "checked", "named",
                    "starts", "guarantee"]
    states: list[str] = Field(default_factory=list)
    by: list[str] = Field(default_factory=list, description="superseded: the curated treaties that say it today")
    date: dt.date | None = None
    date_certainty: DateCertainty | None = None
    until: dt.date | None = Field(None, description="suspend: the first day restored (none: not restored)")
    certainty: Certainty = Certainty.VERIFIED
    checked: dt.date | None = Field(None, description="checked: the day the alliance's standing was checked")
    in_force: dt.date | str | None = Field(
        None, description="checked: the latest day (or month, or year) its first source shows it in force")
    found: Prose | None = Field(None, description="checked: what the check found, e.g. 'no termination found'")
    name: Line | None = Field(None, description="named: the treaty's official title, short, with its year, on one "
                              "line (every line that cites the treaty says it)")
    signed: dt.date | None = Field(None, description="starts: the signature day, where ATOP's day is not it")
    sources: list[Source] = Field(min_length=1)
    note: str

    @field_validator("in_force", mode="before")
    @classmethod
    def _day_month_or_year(cls, value: object) -> object:
        """A day (read as one), else a month or a year as given (a year YAML read as a number, as its text)."""
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and not _SOME_DAY.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"must be a day (2025-10-11), a month ('2025-01') or a year ('2021') (got "
                                 f"{value!r})") from None
        return value

    @model_validator(mode="after")
    def _bounds_around_date(self) -> Correction:
        if self.date_certainty is not None:
            self.date_certainty.check_day(self.date, "date_certainty")
        return self


def load_corrections(text: str | None = None) -> list[Correction]:
    """The bundled corrections (or those in `text`), schema-checked.

    A check's day in the future is refused only in `text`: the bundled file is never refused for the clock of the
    machine that reads it (one set back would stop foedus working); the tests hold its days to the day they run.

    Raises:
        TreatyDataError: a malformed entry, naming its index and field.
    """
    raw = load_yaml(text if text is not None else
                    resources.files("foedus.data").joinpath(CORRECTIONS_FILE).read_text(encoding="utf-8"))
    out = []
    for i, item in enumerate(raw or []):
        try:
            out.append(Correction.model_validate(item))
        except ValidationError as exc:
            given = item.get("atopid") if isinstance(item, dict) else None
            which = f" (atopid {given})" if isinstance(given, int) and not isinstance(given, bool) else ""
            raise file_data_error(exc, Correction, item, CORRECTIONS_FILE, at=f"[{i}]{which}",
                                  kind=TreatyDataError) from None
        if out[-1].action in (*MEMBER_ACTIONS, "end") and out[-1].date is None:
            raise TreatyDataError(CORRECTIONS_FILE, f"[{i}].date", f"action {out[-1].action!r} needs a date")
        if out[-1].action in MEMBER_ACTIONS and not out[-1].states:
            raise TreatyDataError(CORRECTIONS_FILE, f"[{i}].states", f"action {out[-1].action!r} needs the states")
        if (why := until_problem(out[-1].action, out[-1].date, out[-1].until)) is not None:
            raise TreatyDataError(CORRECTIONS_FILE, f"[{i}] (atopid {out[-1].atopid}).until", why)
        if (out[-1].action == "superseded") != bool(out[-1].by):
            raise TreatyDataError(CORRECTIONS_FILE, f"[{i}].by", "a 'by' list goes with action 'superseded', and "
                                  "only with it")
        _check_check(out[-1], i, by_clock=text is not None)
        _check_name(out[-1], i)
        _check_starts(out[-1], i)
        _check_guarantee(out[-1], i)
    _named_once(out)
    return out


def _check_starts(c: Correction, i: int) -> None:
    """A `starts` dates an entry into force (`date`), a signature (`signed`) or both, the first not before the second;
    the other actions have no `signed`."""
    at = f"[{i}] (atopid {c.atopid})"
    if c.action != "starts":
        if c.signed is not None:
            raise TreatyDataError(CORRECTIONS_FILE, f"{at}.signed", "goes with action 'starts' only")
        return
    if c.date is None and c.signed is None:
        raise TreatyDataError(CORRECTIONS_FILE, f"{at}.date", "action 'starts' needs the day in force (date) or the "
                              "signature (signed)")
    if c.date is not None and c.signed is not None and c.date < c.signed:
        raise TreatyDataError(CORRECTIONS_FILE, f"{at}.date", f"{c.date} is before the signature ({c.signed}): a "
                              "treaty cannot enter into force before it is signed")


def _check_guarantee(c: Correction, i: int) -> None:
    """A `guarantee` names the protected states and changes no date: it says to whom the defence is owed, not when."""
    if c.action != "guarantee":
        return
    at = f"[{i}] (atopid {c.atopid})"
    if not c.states:
        raise TreatyDataError(CORRECTIONS_FILE, f"{at}.states", "action 'guarantee' needs the protected states")
    if given := [k for k in ("date", "date_certainty", "until") if getattr(c, k) is not None]:
        raise TreatyDataError(CORRECTIONS_FILE, f"{at}.{given[0]}", "action 'guarantee' changes no date: it says to "
                              "whom the defence is owed, for the alliance's whole life")


def _named_once(corrections: list[Correction]) -> None:
    """Refuse two `named` corrections of one alliance (or one phase): the last was taken with no word of the first."""
    named: dict[tuple[int, int | None], int] = {}
    for i, c in enumerate(corrections):
        if c.action == "named" and (first := named.setdefault((c.atopid, c.phase), i)) != i:
            raise TreatyDataError(CORRECTIONS_FILE, f"[{i}] (atopid {c.atopid}).name", f"the alliance"
                                  f"{f' phase {c.phase}' if c.phase is not None else ''} is named twice (also "
                                  f"[{first}]): name it once")


NAME_MOST = 200
"""The most characters a `named` correction's name may have: the longest real title in the bundled data is 176
(`jpn_aus_raa_2022`'s full title; the longest correction's name, atop_4998's, is 86); a 20,000-character name was
read, and printed on every line that cites the alliance."""


def _check_name(c: Correction, i: int) -> None:
    """A `named` correction has a name that is not blank, has no spaces around it, is at most `NAME_MOST` characters
    long, and has nothing of the other actions; the others have no name."""
    at = f"[{i}] (atopid {c.atopid})"
    if c.action != "named":
        if c.name is not None:
            raise TreatyDataError(CORRECTIONS_FILE, f"{at}.name", "goes with action 'named' only")
        return
    if c.name is None or not c.name.strip():
        raise TreatyDataError(CORRECTIONS_FILE, f"{at}.name", "action 'named' needs the treaty's name (name)")
    if c.name != c.name.strip():  # every line that cites the alliance would print them
        raise TreatyDataError(CORRECTIONS_FILE, f"{at}.name", "has spaces around it: give the name without them")
    if len(c.name) > NAME_MOST:
        raise TreatyDataError(CORRECTIONS_FILE, f"{at}.name", f"is {len(c.name)} characters long, over "
                              f"{NAME_MOST}: give the treaty's short title")
    other = [k for k in ("date", "date_certainty", "until") if getattr(c, k) is not None] + (
        ["states"] if c.states else [])
    if other:
        raise TreatyDataError(CORRECTIONS_FILE, f"{at}.{other[0]}", "action 'named' changes no date or member: it "
                              "names the alliance only")


def _check_check(c: Correction, i: int, by_clock: bool) -> None:
    """A `checked` correction has its day (with `by_clock`, not in the future anywhere on Earth by this machine's
    clock), what was found, an in-force day no later than the check, and nothing of the other actions; the other
    actions have none of its fields."""
    at = f"[{i}] (atopid {c.atopid})"
    if c.action != "checked":
        given = [k for k in ("checked", "in_force", "found") if getattr(c, k) is not None]
        if given:
            raise TreatyDataError(CORRECTIONS_FILE, f"{at}.{given[0]}", "goes with action 'checked' only")
        return
    if c.checked is None or c.found is None:
        missing = "checked" if c.checked is None else "found"
        raise TreatyDataError(CORRECTIONS_FILE, f"{at}.{missing}", "action 'checked' needs the day it was checked "
                              "(checked) and what was found (found)")
    other = [k for k in ("date", "date_certainty") if getattr(c, k) is not None] + (["states"] if c.states else [])
    if other:
        raise TreatyDataError(CORRECTIONS_FILE, f"{at}.{other[0]}", "action 'checked' changes no date or member: "
                              "it records a check only")
    if by_clock and c.checked > dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1):  # slack: the time zone
        raise TreatyDataError(CORRECTIONS_FILE, f"{at}.checked", f"{c.checked} is in the future")
    if c.in_force is not None and _first_day(c.in_force) > c.checked:
        raise TreatyDataError(CORRECTIONS_FILE, f"{at}.in_force", f"{c.in_force} is after the day it was checked "
                              f"({c.checked})")


def _first_day(day: dt.date | str) -> dt.date:
    """The first day of a day, month ("2025-01") or year ("2021")."""
    if isinstance(day, dt.date):
        return day
    year, _, month = day.partition("-")
    return dt.date(int(year), int(month or 1), 1)


def check_words(c: Correction) -> str:
    """What a carried-forward result says of a `checked` correction: "checked on 2026-12-05 (tass.com): in force in
    January 2025, no notice ending it found" (the host is the first source's, the page that shows it in force)."""
    if c.checked is None or c.found is None:  # `_check_check` refuses such a correction at load
        raise RuntimeError(f"a 'checked' correction of atopid {c.atopid} without its day or what it found")
    host = urlsplit(c.sources[0].url).hostname or c.sources[0].url
    host = host.removeprefix("www.")
    if isinstance(c.in_force, dt.date):
        seen = f"in force on {c.in_force}, "
    elif c.in_force is not None and "-" in c.in_force:
        seen = f"in force in {_MONTHS[int(c.in_force[5:]) - 1]} {c.in_force[:4]}, "
    else:
        seen = f"in force in {c.in_force}, " if c.in_force is not None else ""
    return f"checked on {c.checked} ({host}): {seen}{c.found}"
