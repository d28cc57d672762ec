"""States' display names on a date, for those whose common name changed while their COW code did not (the Soviet
Union is COW 365, Russia's code; Yugoslavia is COW 345, Serbia's): `data/state_names_dated.json`, each row with
its source. The ids (RUS, SRB) never change; only the name a dated answer shows (`StateRegistry.names_on`).

The rows cut time into eras (between two consecutive first or end days, the same rows hold); a registry builds its
names for an era once (`names_in`), so a cascade asking for the names of its date pays a bisection, not a dict.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from foedus.errors import FileDataError

__all__ = ["FILE", "DatedName", "checked_rows", "era_days", "era_of", "names_in", "renamed_on", "rows"]

FILE = "state_names_dated.json"
Era = tuple[tuple[int, str], ...]  # the (COW code, name) of every row that holds in an era


class DatedName:
    """A COW state's display name from `start` (None: since always) up to, not including, `until` (None: still).
    A plain class: a `NamedTuple`'s making costs every cascade's start a quarter of a millisecond."""

    __slots__ = ("ccode", "name", "source", "start", "until")

    def __init__(self, ccode: int, name: str, start: dt.date | None, until: dt.date | None, source: str) -> None:
        self.ccode, self.name, self.start, self.until, self.source = ccode, name, start, until, source

    def __repr__(self) -> str:
        return f"DatedName({self.ccode}, {self.name!r}, {self.start}, {self.until})"


def checked_rows(raw: Any, file: str = FILE) -> tuple[DatedName, ...]:
    """The rows of the data file's JSON `raw`, checked: a COW code, a name, ISO dates in order, an https source,
    and no two rows of one state that overlap.

    Raises:
        FileDataError: a row is malformed (named by its place in the file: `state_names_dated.json: names[3]`).
    """
    out: list[DatedName] = []
    for i, row in enumerate((raw.get("names") if isinstance(raw, dict) else None) or []):
        where = f"names[{i}]"
        try:
            start, until = (dt.date.fromisoformat(row[k]) if row[k] is not None else None for k in ("from", "until"))
            item = DatedName(row["ccode"], row["name"], start, until, row["source"])
        except (KeyError, TypeError, ValueError) as exc:
            raise FileDataError(file, where, f"needs ccode, name, from, until, source ({exc})") from None
        if not (isinstance(item.ccode, int) and isinstance(item.name, str) and item.name.strip()):
            raise FileDataError(file, where, "ccode must be a COW code and name a name")
        if not (isinstance(item.source, str) and item.source.startswith("https://")):
            raise FileDataError(file, where, "source must be the https address of a page that gives the dates")
        if start is not None and until is not None and start >= until:
            raise FileDataError(file, where, f"from {start} is not before until {until}")
        if clash := next((o for o in out if o.ccode == item.ccode and _overlap(o, item)), None):
            raise FileDataError(file, where, f"overlaps the row naming COW {item.ccode} {clash.name!r}")
        out.append(item)
    return tuple(out)


def _overlap(a: DatedName, b: DatedName) -> bool:
    """Whether the spans of two rows share a day."""
    return (a.until is None or b.start is None or b.start < a.until) and (
        b.until is None or a.start is None or a.start < b.until)


@functools.cache
def rows() -> tuple[DatedName, ...]:
    """The bundled rows (read once, by its path: `importlib.resources` would import `zipfile` and `threading` into
    every cascade's start)."""
    return checked_rows(json.loads((Path(__file__).parents[1] / "data" / FILE).read_text(encoding="utf-8")))


@functools.cache
def _eras() -> tuple[list[dt.date], list[Era]]:
    """Every row's first and end day, sorted, and for each era between them (`bisect_right`'s index) its rows."""
    bounds = sorted({d for r in rows() for d in (r.start, r.until) if d is not None})
    firsts = [dt.date.min, *bounds]
    eras = [tuple((r.ccode, r.name) for r in rows() if (r.start is None or r.start <= day)
                  and (r.until is None or day < r.until)) for day in firsts]
    return bounds, eras


def era_days() -> list[dt.date]:
    """The days a state's name changes on (an era's first days): a war replay evaluates each era with its own names."""
    return list(_eras()[0])


def era_of(day: dt.date) -> Era:
    """The rows that hold on `day`, as (COW code, name); empty on a day every state has today's name."""
    bounds, eras = _eras()
    return eras[bisect.bisect_right(bounds, day)]


def names_in(era: Era, names: dict[str, str], by_ccode: Mapping[int, str],
             built: dict[Era, dict[str, str]]) -> dict[str, str]:
    """Today's `names` with the era's rows over them (each row's state found by its COW code), made once per era and
    kept in `built` (a registry's own); `names` itself in an era of today's names."""
    if not era:
        return names
    if (hit := built.get(era)) is None:
        hit = built[era] = {**names, **{by_ccode[c]: name for c, name in era if c in by_ccode}}
    return hit


def renamed_on(day: dt.date, by_ccode: Mapping[int, str]) -> dict[str, str]:
    """The states called otherwise on `day` than today, id -> that day's name (empty on most days): what a page that
    holds today's names needs to name a dated answer's states."""
    return {by_ccode[c]: name for c, name in era_of(day) if c in by_ccode}
