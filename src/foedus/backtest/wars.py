"""Read the COW inter-state wars (v4.0) and the dyadic war file into plain records.

One `War` per WarNum, with one `Participation` per row of the participant file (a state that
changed sides has two). Dates coded -9 (unknown) fall back to the first month or day, so a war
with a partly unknown date is still placed; the dyadic file's start dates tell who fought whom first.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foedus.backtest.errors import BacktestError
from foedus.datasets.verify import dataset_file
from foedus.errors import DataMissingError

__all__ = ["DYADIC_FILE", "WAR_FILE", "DyadicStarts", "Participation", "War", "check_years", "cow_date", "load_dyadic",
           "load_wars"]

WAR_FILE = "cow_interstate_war/Inter-StateWarData_v4.0.csv"
DYADIC_FILE = "cow_interstate_war/directed_dyadic_war.csv"
log = logging.getLogger("foedus.backtest")


def check_years(first: object, last: object, error: type[Exception] = BacktestError,
                names: tuple[str, str] = ("--from", "--to")) -> None:
    """Refuse `--from`/`--to` years (or the Python API's, `names`) outside the COW data's first year to the last
    foedus reads, reversed, or (given in Python) no whole number (the backtest and the likelihood model select COW
    wars by the year they started); the refusal says why its floor is a year after the 1815 of the commands that read
    treaties (`foedus.research.years`)."""
    from foedus.model.days import LATEST
    from foedus.model.states import COW_FIRST_DAY
    from foedus.wording import year_not_whole, year_outside, years_backwards

    for label, year in (("first", first), ("last", last)):  # `war_outcomes(first='1900')` compared text with a year
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            raise error(year_not_whole(label, year))
    low, high = COW_FIRST_DAY.year, LATEST.year
    for name, year in zip(names, (first, last), strict=True):
        if isinstance(year, int) and not low <= year <= high:
            why = f"COW's inter-state wars begin in {low}" if year < low else f"foedus reads no day after {high}"
            raise error(year_outside(name, year, low, high, why))
    if isinstance(first, int) and isinstance(last, int) and first > last:
        raise error(years_backwards(first, last, names))


@dataclass(frozen=True, slots=True)
class Participation:
    """One row of the COW participant file: a state on one side of one war, from `start`."""

    ccode: int
    name: str
    side: int  # COW Side: 1 or 2
    start: dt.date  # start of its first spell on this side
    initiator: bool  # COW Initiator == 1


@dataclass(frozen=True)
class War:
    """One COW inter-state war: its number, name and participations (earliest first)."""

    num: int
    name: str
    participations: tuple[Participation, ...]

    @property
    def start(self) -> dt.date:
        """The war's start date: the earliest start of any participation."""
        return min(p.start for p in self.participations)

    @property
    def initiators(self) -> tuple[Participation, ...]:
        """The participations COW codes as initiators (Initiator == 1)."""
        return tuple(p for p in self.participations if p.initiator)

    @property
    def initiating_side(self) -> int | None:
        """The COW side of the initiators (None when no or conflicting initiators are coded)."""
        sides = {p.side for p in self.initiators}
        return sides.pop() if len(sides) == 1 else None

    def first_side(self) -> dict[int, Participation]:
        """Each state's first participation (a state that changed sides keeps the side it entered on)."""
        out: dict[int, Participation] = {}
        for p in sorted(self.participations, key=lambda p: (p.start, p.side)):
            out.setdefault(p.ccode, p)
        return out


def _need(relative: str) -> Path:
    path = dataset_file(relative)
    if path is None:
        raise DataMissingError(f"{relative} is not in the data folder: run `foedus data fetch cow_wars`")
    return path


def cow_date(year: int, month: int, day: int) -> dt.date | None:
    """A COW date; -9/-8 month or day count as the first; month and day swapped when only that is valid.

    >>> cow_date(1914, 7, 29), cow_date(1950, -9, -9), cow_date(1918, 24, 10), cow_date(-8, -8, -8)
    (datetime.date(1914, 7, 29), datetime.date(1950, 1, 1), datetime.date(1918, 10, 24), None)
    """
    if year < 1:
        return None
    m, d = (month if month > 0 else 1), (day if day > 0 else 1)
    for mm, dd in ((m, d), (d, m)):
        try:
            return dt.date(year, mm, dd)
        except ValueError:
            continue
    return None


_WAR_COLUMNS = ("WarNum", "WarName", "ccode", "StateName", "Side", "StartYear1", "StartMonth1", "StartDay1",
                "Initiator")
_TEXT = frozenset({"WarName", "StateName"})  # the columns read as text, every other as a whole number
_DYADIC_COLUMNS = ("warnum", "statea", "stateb", "warstrtyr", "warstrtmnth", "warstrtday")


def _read(path: Path, columns: tuple[str, ...]) -> Iterable[Any]:
    """The CSV's rows (`columns` as attributes), checked for the columns the backtest uses: read without pandas
    where that gives the same values (`foedus.backtest.cowcsv`), else as a pandas frame's `itertuples`.

    Raises:
        BacktestError: unreadable file, or a column missing.
    """
    from foedus.backtest.cowcsv import plain_rows

    plain = plain_rows(path, columns, _TEXT)
    if plain is not None:
        return plain
    import pandas as pd

    try:
        frame = pd.read_csv(path)
    except (OSError, ValueError) as exc:
        raise BacktestError(f"{path}: cannot read it ({exc}); run `foedus data fetch cow_wars`") from None
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise BacktestError(f"{path}: missing column(s) {', '.join(missing)}; is it the COW file foedus expects? "
                            "(`foedus data fetch cow_wars`)")
    return frame.itertuples(index=False)  # type: ignore[no-any-return]


def _ints(row: Any, *names: str) -> tuple[int, ...] | None:
    try:
        return tuple(int(getattr(row, n)) for n in names)
    except (TypeError, ValueError):
        return None


def load_wars(path: Path | None = None) -> list[War]:
    """Every war of the COW participant file, by WarNum (rows without a start date are skipped, logged)."""
    rows = _read(path or _need(WAR_FILE), _WAR_COLUMNS)
    by_war: dict[int, tuple[str, list[Participation]]] = {}
    for row in rows:
        codes = _ints(row, "WarNum", "ccode", "Side", "Initiator", "StartYear1", "StartMonth1", "StartDay1")
        start = cow_date(*codes[4:]) if codes else None
        if codes is None or start is None:
            log.warning("war %s: %s (%s) has no usable codes or start date; skipped", row.WarNum, row.StateName,
                        row.ccode)
            continue
        num, ccode, side, initiator = codes[:4]
        entry = by_war.setdefault(num, (str(row.WarName), []))
        entry[1].append(Participation(ccode=ccode, name=str(row.StateName), side=side, start=start,
                                      initiator=initiator == 1))
    return [War(num, name, tuple(sorted(parts, key=lambda p: (p.start, p.side, p.ccode))))
            for num, (name, parts) in sorted(by_war.items())]


@dataclass(frozen=True)
class DyadicStarts:
    """When each directed pair of states started fighting in each war (COW dyadic war file)."""

    starts: dict[int, dict[tuple[int, int], dt.date]]

    def first_fought(self, war: int, attackers: set[int], candidates: set[int]) -> set[int]:
        """The candidates the attackers fought earliest in `war` (empty when the file has none of them)."""
        pairs = self.starts.get(war, {})
        dates = {b: d for (a, b), d in pairs.items() if a in attackers and b in candidates}
        if not dates:
            return set()
        first = min(dates.values())
        return {b for b, d in dates.items() if d == first}


def load_dyadic(path: Path | None = None) -> DyadicStarts:
    """The earliest start of each directed dyad in each war; an absent file gives an empty table."""
    path = path or dataset_file(DYADIC_FILE)
    if path is None:
        log.warning("%s is not in the data folder; opening attacks use the participant file only", DYADIC_FILE)
        return DyadicStarts({})
    rows = _read(path, _DYADIC_COLUMNS)
    out: dict[int, dict[tuple[int, int], dt.date]] = {}
    for row in rows:
        codes = _ints(row, *_DYADIC_COLUMNS)
        day = cow_date(*codes[3:]) if codes else None
        if codes is None or day is None:
            continue
        cell = out.setdefault(codes[0], {})
        key = (codes[1], codes[2])
        if key not in cell or day < cell[key]:
            cell[key] = day
    return DyadicStarts(out)
