"""The files the state registry is read from: COW state-system and major-power spells, and countrycode's table.

Split from `foedus.model.states` so each module stays small.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from foedus.datarecord import dataclass, field
from foedus.errors import DataFormatError
from foedus.wording import and_listed, counted

__all__ = ["COW_FIRST_DAY", "COW_LAST_DAY", "COW_MAJORS_FILE", "COW_STATES_FILE", "CowEntry", "countrycode_rows",
           "countrycode_table", "cow_carried", "cow_day", "cow_ends", "read_cow_spells", "read_majors",
           "spell_text", "spells_text"]

COW_FIRST_DAY = dt.date(1816, 1, 1)  # the state system's first day: no membership is known before it
COW_LAST_DAY = dt.date(2016, 12, 31)
COW_STATES_FILE = "cow_states/states2016.csv"
COW_MAJORS_FILE = "cow_states/majors2016.csv"


def cow_ends(*, system: bool = True, majors: bool = False, cinc: bool = False) -> str:
    """Which COW data end in 2016, in the words of every note that carries them forward (`cow_carried`,
    `dyad_notes`): the state system when `system` is read, its major-power list when `majors` is, NMC 6.0 when
    `cinc` is."""
    major_list = "its major-power list" if system else "COW's major-power list"
    ended = [*(["the COW state system v2016"] if system else []), *([major_list] if majors else []),
             *(["NMC 6.0"] if cinc else [])]
    return f"{and_listed(ended)} end{'s' if len(ended) == 1 else ''} in {COW_LAST_DAY.year}"


def cow_carried(last: int, *, system: bool = True, majors: bool = True, cinc: bool = False) -> list[str]:
    """The note that what an answer up to the year `last` reads of COW (the state system when `system`, its major
    powers when `majors`, each state's CINC when `cinc`) is that of 2016 after 2016, carried forward; none up to
    2016. The one wording of it: the atlas (`series_notes`), the likelihood's features and the Monte Carlo's major
    powers (`foedus.model.major_notes`) say it in these."""
    year = COW_LAST_DAY.year
    if last <= year:  # the common case (every cascade up to 2016 asks): no words made
        return []
    powers = "its major powers" if system else "the major powers"
    carried = [*(["the state system"] if system else []), *([powers] if majors else []),
               *(["each state's CINC"] if cinc else [])]
    if not carried:
        return []
    one = len(carried) == 1 and not carried[0].endswith("powers")
    what = f"{and_listed(carried)} {'is that' if one else 'are those'}"
    return [f"after {year} {what} of {year}, carried forward ({cow_ends(system=system, majors=majors, cinc=cinc)})"]


def spells_text(spells: Iterable[Sequence[object]]) -> str:
    """Spells as `spell_text` says each (in a list), joined by "; "."""
    return "; ".join(spell_text(s) for s in spells)


def spell_text(spell: Sequence[object], running: bool = False) -> str:
    """One spell, the one way a spell is said: `start–end`; an open end, in a list (`spells_text`), as "(open)"
    (`foedus.model.states.OPEN_SPELL_NOTE`), never "today", and in `running` words (a refusal's "a member since
    2006-06-12", `foedus.model.spells_said`) as "since start".

    >>> spell_text(("2006-06-12", None)), spell_text(("2006-06-12", None), running=True)
    ('2006-06-12–(open)', 'since 2006-06-12')
    >>> spell_text(("1954-03-25", "1990-10-02"), running=True)
    '1954-03-25–1990-10-02'
    """
    start, end = spell
    if end:
        return f"{start}–{end}"
    return f"since {start}" if running else f"{start}–(open)"


def cow_day(year: str, month: str, day: str) -> dt.date:
    """A COW date from its year, month and day columns (a month or day of 0 or -9, unknown, read as the first).

    Raises:
        ValueError: a value that is not a number, or a day the calendar does not have (1900-02-30).
    """
    return dt.date(int(year), max(int(month), 1), max(int(day), 1))


@dataclass
class CowEntry:
    """One state of the COW state system: its name, abbreviation and spells of membership (start, end)."""

    name: str
    abb: str
    spells: list[tuple[dt.date, dt.date | None]] = field(default_factory=list)


def read_cow_spells(path: Path) -> dict[int, CowEntry]:
    """COW states2016.csv as {ccode: entry}; 2016-12-31 ends are read as open-ended."""

    out: dict[int, CowEntry] = {}
    for line, row in _rows(path):
        try:
            ccode = int(row["ccode"])
            start = cow_day(row["styear"], row["stmonth"], row["stday"])
            end: dt.date | None = cow_day(row["endyear"], row["endmonth"], row["endday"])
            entry = CowEntry(row["statenme"], row["stateabb"])
        except (KeyError, ValueError) as exc:
            raise _bad_value(path, line, exc) from None
        out.setdefault(ccode, entry).spells.append((start, None if end == COW_LAST_DAY else end))
    if not out:
        raise DataFormatError(f"{path}: no rows; the state system cannot be read from it")
    return out


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """The CSV's rows with their line numbers; a row cut short (or too long) stops the reading with one line
    naming the file and line, rather than being believed (another version may be imported unchecked)."""
    import csv

    from foedus.datasets.csvfile import open_csv

    with open_csv(path) as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            if None in row.values() or None in row:  # fewer (or more) fields than the header names
                raise DataFormatError(f"{path}: line {reader.line_num} does not have the header's "
                                      f"{counted(len(reader.fieldnames or ()), 'field')}; the file is cut short or "
                                      "malformed")
            yield reader.line_num, row


def _bad_value(path: Path, line: int, exc: Exception) -> DataFormatError:
    """A value the reader cannot take (a number, a date), or a column it needs, as one line."""
    what = f"no column {exc}" if isinstance(exc, KeyError) else str(exc)
    return DataFormatError(f"{path}: line {line}: {what}")


def read_majors(
    path: Path, by_ccode: dict[int, str]
) -> dict[str, tuple[tuple[dt.date, dt.date | None], ...]]:

    out: dict[str, list[tuple[dt.date, dt.date | None]]] = {}
    for line, row in _rows(path):
        try:
            state_id = by_ccode.get(int(row["ccode"]))
            start = cow_day(row["styear"], row["stmonth"], row["stday"])
            end: dt.date | None = cow_day(row["endyear"], row["endmonth"], row["endday"])
        except (KeyError, ValueError) as exc:
            raise _bad_value(path, line, exc) from None
        if state_id is not None:
            out.setdefault(state_id, []).append((start, None if end == COW_LAST_DAY else end))
    return {k: tuple(v) for k, v in out.items()}


_CC_COLUMNS = ("cown", "cowc", "iso3c", "country.name.en", "country.name.en.regex", "continent",
               "region23", "gwn")
_CC_TABLE = "data/codelist.pickle"  # what countrycode reads its table from, in its package folder


def countrycode_table() -> str | None:
    """The file countrycode reads its table from (found, not imported: importing it loads pandas), or None when
    countrycode is not installed."""
    import os
    from importlib.util import find_spec

    spec = find_spec("countrycode")
    if spec is None or not spec.origin:
        return None
    return os.path.join(os.path.dirname(spec.origin), _CC_TABLE)


def countrycode_rows() -> list[dict[str, Any]]:
    """The countrycode columns we use, cached as plain JSON (see `foedus.cachefile`) so the CLI starts fast.

    Keyed on the content of countrycode's table (its SHA-256, remembered by stat stamp, `foedus.filehash`), not on
    countrycode's version: a copy reinstalled or patched with other data under the same version was served the rows
    of the one cached first, and the world built from them was then cached under the new table's key."""
    from foedus.cachefile import cached_json
    from foedus.filehash import content_sha256

    table = countrycode_table()

    def sha() -> str:
        try:
            return content_sha256(table) if table else "absent"
        except OSError:
            return "absent"

    first = sha()
    return cached_json("countrycode", f"{first}:{','.join(_CC_COLUMNS)}", _countrycode_extract, list, _cached_rows,
                       unchanged=lambda: sha() == first)  # a table replaced while read: not stored under its key


def _cached_rows(raw: Any) -> list[dict[str, Any]]:
    """The cached rows, or TypeError (rebuilt) for anything else."""
    if not isinstance(raw, list):
        raise TypeError("not a list of rows")
    return raw


def _countrycode_extract() -> list[dict[str, Any]]:
    import countrycode

    table = countrycode.codelist
    columns: dict[str, Iterable[Any]] = {c: table[c] for c in _CC_COLUMNS}
    rename = {"country.name.en": "name", "country.name.en.regex": "regex"}
    rows = [dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)]
    return [{rename.get(k, k): v for k, v in row.items()} for row in rows]
