"""The values another version of a data file must hold before it is believed (`foedus data import --any-version`).

The registry names the columns foedus reads from each file (`DataFile.columns`); in another version those columns
must hold what the readers take: whole numbers where they read numbers, COW and ATOP codes of 1–9999, years of
the data (1800 to this year), CINC shares of 0–1 (or -9, missing), dates as YYYY-MM-DD, and one row per key
where the reader keeps one (`_KEYS`: a state's CINC in a year, an alliance), and spells of one state that do not
overlap (`_STATE_SPELLS`: a state in the system, or a major power, twice at once). A file with `abc` for a
code, or an extra row dated 99999, was imported and then either stopped every command with an internal error or,
worse, changed answers silently (a CINC row dated 99999 made every later date fall inside the data, with no
capability figures for it). Text columns (names, abbreviations) take anything.

>>> from foedus.datasets.registry import find_path
>>> nmc = find_path("cow_nmc/NMC-60-abridged.csv")[1]
>>> check = row_check(nmc, ["stateabb", "ccode", "year", "cinc"])
>>> check(["USA", "2", "1816", ".0397"]), check(["USA", "2", "1816", "2.5"])
(None, "cinc '2.5' is not a share of 0–1 (or -9 for missing)")
>>> check(["USA", "", "1816", ".0397"]), check(["USA", "2", "1700", ".0397"])[:28]
("ccode '' is empty (it must be a state code)", "year '1700' is outside 1800–")
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import IO

from foedus.datasets.registry import DataFile
from foedus.reachable import os_reason
from foedus.wording import counted

__all__ = ["FIRST_YEAR", "VALUES_CHECKED", "csv_problem", "file_problem", "row_check"]

FIRST_YEAR = 1800
VALUES_CHECKED = 5  # recorded with another version whose values passed these checks (raise when they change)
_WHOLE = re.compile(r"-?[0-9]{1,9}\Z")
_CODES = frozenset({"ccode", "member", "state", "ccode1", "ccode2", "statea", "stateb", "statelno", "statehno",
                    "state1no", "state2no", "gwcode"})
_IDS = frozenset({"atopid", "WarNum", "warnum"})
_YEARS = frozenset({"year", "yrent", "styear", "endyear"})
_WAR_YEARS = frozenset({"StartYear1", "warstrtyr"})  # COW's -9 (unknown) and -8 (none) are read as missing there
_TEXT = frozenset({"stateabb", "statenme", "WarName", "StateName"})
Check = Callable[[str], str | None]
# The columns that name a row, in the files whose readers keep one row per name: a second row for the same key was
# believed silently (NMC's reader and peacesciencer's join kept the last CINC of a state-year, the other row lost).
_KEYS = {"cow_nmc/NMC-60-abridged.csv": ("ccode", "year"), "atop/atop5_1a.csv": ("atopid",),
         "atop/atop_alliance.csv": ("ccode1", "ccode2", "year")}


def _last_year() -> int:
    return dt.date.today().year


def _whole(value: str) -> str | None:
    return None if value == "" or _WHOLE.match(value) else "is not a whole number"


def _number(value: str, low: int, high: int, what: str, *, blank: bool = False) -> str | None:
    if value == "" and blank:
        return None
    if not _WHOLE.match(value):
        return f"is not {what}" if value else f"is empty (it must be {what})"
    return None if low <= int(value) <= high else f"is outside {low}–{high}" + ("" if "year" in what else f" ({what})")


def _year(value: str, *, zero: bool = False, missing: bool = False) -> str | None:
    if (zero and value == "0") or (missing and value in ("-9", "-8")):
        return None
    return _number(value, FIRST_YEAR, _last_year(), "a year")


def _share(value: str) -> str | None:
    if value in ("", "-9"):
        return None
    try:
        share = float(value)
    except ValueError:
        return "is not a number (a share of 0–1, or -9 for missing)"
    return None if math.isfinite(share) and 0 <= share <= 1 else "is not a share of 0–1 (or -9 for missing)"


def _month_stamp(value: str) -> str | None:
    problem = _number(value, FIRST_YEAR * 100 + 1, _last_year() * 100 + 12, "a month as YYYYMM")
    return problem or (None if 1 <= int(value) % 100 <= 12 else "is not a month as YYYYMM")


def _date(value: str) -> str | None:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return "is not a date (YYYY-MM-DD)"
    return None if FIRST_YEAR <= day.year <= _last_year() else f"is outside {FIRST_YEAR}–{_last_year()}"


def _check_of(column: str) -> Check | None:
    """How the values of `column` are checked (None: any text)."""
    if column in _TEXT:
        return None
    if column in _CODES:
        return lambda v: _number(v, 1, 9999, "a state code")
    if column in _IDS:
        return lambda v: _number(v, 1, 10**9, "an id")
    if column in _YEARS:
        return _year
    if column == "yrexit":  # ATOP: 0 while the membership lasts
        return lambda v: _year(v, zero=True)
    if column in _WAR_YEARS:
        return lambda v: _year(v, missing=True)
    if column in ("begin", "end"):
        return _month_stamp
    if column == "cinc":
        return _share
    if column in ("startdate", "enddate"):
        return _date
    return _whole  # flags, months, days, phases, sides: blank or a whole number


def row_check(file: DataFile, header: list[str]) -> Callable[[list[str]], str | None]:
    """A check of one row (its fields in `header`'s order): None when the columns foedus reads from `file` hold
    what the readers take, else the first problem, as `COLUMN 'VALUE' is ...`."""
    checks = [(i, name, check) for i, name in enumerate(header) if name in file.columns
              and (check := _check_of(name)) is not None]
    spells = [(len(starts), [header.index(c) for c in starts + ends], day) for starts, ends, day in _SPELLS
              if set(starts + ends) <= set(header) & set(file.columns)]

    def check_row(row: list[str]) -> str | None:
        for i, name, check in checks:
            value = row[i].strip() if i < len(row) else ""
            problem = check(value)
            if problem:
                return f"{name} {value[:40]!r} {problem}"
        for split, at, day in spells:
            values = [row[i].strip() for i in at]
            if problem := _spell_problem(values[:split], values[split:], day):
                return problem
        return None

    return check_row


def _cow_day(year: str, month: str, day: str) -> tuple[dt.date, str]:
    from foedus.model.state_files import cow_day

    return cow_day(year, month, day), ""


def _iso_day(value: str) -> tuple[dt.date, str]:
    return dt.date.fromisoformat(value), ""


def _first_of_month(value: str) -> tuple[dt.date, str]:
    return dt.date(int(value) // 100, int(value) % 100, 1), f"{value[:4]}-{value[4:]}"


Day = Callable[..., tuple[dt.date, str]]  # a spell's start or end columns as a day (and its text, if not the day's)
# Spells (start columns, end columns, how they read as a day): COW's states2016 and majors2016, Gleditsch-Ward's
# states, COW's contiguity months. A spell ending before it starts was believed (the state never a member).
_SPELLS: tuple[tuple[tuple[str, ...], tuple[str, ...], Day], ...] = (
    (("styear", "stmonth", "stday"), ("endyear", "endmonth", "endday"), _cow_day),
    (("startdate",), ("enddate",), _iso_day),
    (("begin",), ("end",), _first_of_month),
)


def _spell_problem(start: list[str], end: list[str], day: Day) -> str | None:
    """A spell whose days are read as its reader reads them: a day the calendar does not have (which stopped every
    command), or a spell that ends before it starts."""
    days = []
    for what, values in (("start", start), ("end", end)):
        try:
            when, text = day(*values)
        except ValueError as exc:
            return f"the {what} {'-'.join(values)!r} is not a day ({exc})"
        days.append((when, text or str(when)))
    (first, first_text), (last, last_text) = days
    return f"the spell ends ({last_text}) before it starts ({first_text})" if last < first else None


def _repeated_key(file: DataFile, header: list[str]) -> Callable[[list[str]], str | None]:
    """A check that a row's key (`_KEYS`) was on no earlier row: None, else the key, as `ccode 2, year 1990 is ...`.
    Runs after `row_check`, so a key's fields are whole numbers: `02` and `2` are one state."""
    at = [header.index(c) for c in _KEYS.get(file.path, ())]
    seen: set[int] = set()

    def again(row: list[str]) -> str | None:
        if not at:
            return None
        values = [int(row[i]) for i in at]
        key = 0
        for value in values:  # one int per key, not a tuple: atop_alliance.csv has 273,296 rows
            key = key * 10**10 + value
        if key not in seen:
            seen.add(key)
            return None
        named = ", ".join(f"{header[i]} {v}" for i, v in zip(at, values, strict=True))
        return f"{named} is on an earlier line too: the file has one row per {' and '.join(header[i] for i in at)}"

    return again


# The state-code column of the files of state spells: two spells of one state that overlap were both believed
# (`foedus states` listed the state twice over the same years); COW's and Gleditsch-Ward's files have none.
_STATE_SPELLS = {"cow_states/states2016.csv": "ccode", "cow_states/majors2016.csv": "ccode",
                 "gw_states/gw_states.csv": "gwcode"}


def _overlapping_spell(file: DataFile, header: list[str]) -> Callable[[list[str], int], str | None]:
    """A check that a row's spell (`_STATE_SPELLS`) overlaps no earlier spell of its state: None, else both spells,
    as `ccode 2: the spell 1890-01-01–2016-12-31 overlaps its spell 1816-01-01–1900-12-31 on line 2`. Runs after
    `row_check`, so the code is a whole number and the spell's days are days; `line`: the row's, for a later row."""
    code = _STATE_SPELLS.get(file.path)
    spell = next(((len(starts), [header.index(c) for c in starts + ends], day) for starts, ends, day in _SPELLS
                  if set(starts + ends) <= set(header)), None)
    seen: dict[int, list[tuple[dt.date, dt.date, str, int]]] = {}

    def overlaps(row: list[str], line: int) -> str | None:
        if code is None or spell is None:
            return None
        split, at, day = spell
        values = [row[i].strip() for i in at]
        (first, _), (last, _) = day(*values[:split]), day(*values[split:])
        state = int(row[header.index(code)])
        for start, end, text, earlier in seen.get(state, ()):
            if first <= end and start <= last:
                return f"{code} {state}: the spell {first}–{last} overlaps its spell {text} on line {earlier}"
        seen.setdefault(state, []).append((first, last, f"{first}–{last}", line))
        return None

    return overlaps


def file_problem(path: Path, file: DataFile) -> str | None:
    """What keeps a reader from taking the CSV file at `path` as `file` (`csv_problem`), or None (also for files
    that are not CSV: their readers check them)."""
    try:
        with path.open("rb") as stream:
            return csv_problem(stream, file)
    except OSError as exc:
        return f"it cannot be read ({os_reason(exc)})"


def csv_problem(stream: IO[bytes], file: DataFile) -> str | None:
    """The first thing in a CSV file (read from `stream`) that keeps a reader from taking it as `file`, or None
    (also for files that are not CSV: their readers check them): a column foedus reads that the header lacks, a
    row not of the header's width (a file cut short), a value `row_check` refuses, a key on a second row
    (`_repeated_key`) or a state's spells that overlap (`_overlapping_spell`), as `line N: ...`, a header alone, or
    text that is not UTF-8 or not CSV. `foedus data import --any-version` refuses another version with it, and a
    record made by an earlier foedus is checked with it when the file is used."""
    import csv
    import io

    if not file.name.endswith(".csv"):
        return None
    text, rows = io.TextIOWrapper(stream, encoding="utf-8-sig", newline=""), 0
    try:
        reader = csv.reader(text)
        header = [h.strip() for h in next(reader, [])]
        missing = [c for c in file.columns if c not in header]
        if missing:
            return f"it lacks the column(s) {', '.join(missing)} that foedus reads"
        check, again, overlap = row_check(file, header), _repeated_key(file, header), _overlapping_spell(file, header)
        for row in reader:
            rows += 1
            if len(row) != len(header):
                return (f"line {reader.line_num} has {counted(len(row), 'field')} where the header has "
                        f"{len(header)}, so the file is cut short or malformed")
            if problem := check(row) or again(row) or overlap(row, reader.line_num):
                return f"line {reader.line_num}: {problem}"
    except UnicodeDecodeError:
        return "it is not UTF-8 text, as foedus reads its data files"
    except csv.Error as exc:
        return f"it cannot be read as CSV ({exc})"
    finally:
        text.detach()  # the caller closes the stream
    return None if rows else "it has a header and no rows"
