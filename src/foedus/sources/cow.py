"""Readers for the COW capabilities (NMC 6.0) and the Gleditsch–Ward state list.

CINC ends in 2016: later years carry each state's last value forward, and callers say so.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

from foedus.datarecord import dataclass
from foedus.datasets.csvfile import open_csv
from foedus.datasets.verify import dataset_file
from foedus.errors import DataMissingError

__all__ = ["CINC_FILE", "GW_FILE", "GW_LAST_DAY", "Capabilities", "capabilities", "cinc_in", "read_capabilities",
           "read_gw_spells"]

CINC_FILE = "cow_nmc/NMC-60-abridged.csv"
GW_FILE = "gw_states/gw_states.csv"
GW_LAST_DAY = dt.date(2017, 12, 31)  # the Gleditsch–Ward list's last day: its open spells end on it


def _need(relative: str, dataset: str) -> Path:
    path = dataset_file(relative)
    if path is None:
        from foedus.datasets.registry import find_path

        found = find_path(relative)  # the GW list is peacesciencer's conversion: no official source ships it
        how = (f"run `foedus data fetch {dataset}`" if found is None or found[1].fetchable
               else "no official source ships it: import a copy with `foedus data import PATH`")
        raise DataMissingError(f"{relative} is not in the data folder: {how}")
    return path


@dataclass(frozen=True)
class Capabilities:
    """CINC scores by year and COW code, with the last year the data covers."""

    by_year: dict[int, dict[int, float]]
    last_year: int

    def cinc(self, year: int) -> tuple[dict[int, float], bool]:
        """CINC by COW code for `year`, and whether it was carried forward past the data's end."""
        if year in self.by_year:
            return self.by_year[year], False
        if year > self.last_year:
            return self._carried, True
        return {}, False

    @functools.cached_property
    def _carried(self) -> dict[int, float]:
        """The last year's CINC of each state in the last year's table (computed once: every date after 2016 asks
        for it). States gone before then stay gone: carrying them too would inflate the world's total (by 12% in
        NMC 6.0, from Austria-Hungary to West Germany) and shrink every share."""
        return dict(self.by_year.get(self.last_year, {}))


@functools.cache
def capabilities() -> Capabilities:
    """The data folder's CINC table, read once per process (and cached across processes)."""
    from foedus.derived import cached_from_file

    path = _need(CINC_FILE, "cow_nmc")
    return cached_from_file(path, "cinc", lambda: read_capabilities(path), _to_plain, _from_plain)


def cinc_in(year: int) -> tuple[dict[int, float], bool]:
    """`Capabilities.cinc` of the data folder's table, reading the whole table only for a year it covers: a later
    year (every question about today) reads the last year's values from a cache of its own: 195 in NMC 6.0,
    instead of 15,951."""
    last_year, carried = _carried_cinc()
    if year > last_year:
        return carried, True
    return capabilities().cinc(year)


@functools.cache
def _carried_cinc() -> tuple[int, dict[int, float]]:
    """The table's last year, and its states' CINC values that year (cached across processes like the table)."""
    from foedus.derived import cached_from_file

    def build() -> tuple[int, dict[int, float]]:
        caps = capabilities()
        return caps.last_year, caps.cinc(caps.last_year + 1)[0]

    def decode(data: dict[str, Any]) -> tuple[int, dict[int, float]]:
        return int(data["last_year"]), dict(zip(data["codes"], data["values"], strict=True))

    path = _need(CINC_FILE, "cow_nmc")
    return cached_from_file(path, "carried-cinc", build, lambda got: {
        "last_year": got[0], "codes": list(got[1]), "values": list(got[1].values())}, decode,
        depends="the last year's states only")  # entries made when every state ever was carried are rebuilt


def _to_plain(caps: Capabilities) -> dict[str, Any]:
    """Parallel lists (years; per year, COW codes and values): JSON keeps their types, and they load fast."""
    years = sorted(caps.by_year)
    return {"last_year": caps.last_year, "years": years, "codes": [list(caps.by_year[y]) for y in years],
            "values": [list(caps.by_year[y].values()) for y in years]}


def _from_plain(data: dict[str, Any]) -> Capabilities:
    rows = zip(data["years"], data["codes"], data["values"], strict=True)
    by_year = {int(y): dict(zip(codes, values, strict=True)) for y, codes, values in rows}
    return Capabilities(by_year=by_year, last_year=int(data["last_year"]))


def read_capabilities(path: Path | None = None) -> Capabilities:
    """COW NMC 6.0 CINC (missing values, coded -9, are left out)."""
    import csv  # only when the table is read from the file, not from the cache

    path = path or _need(CINC_FILE, "cow_nmc")
    by_year: dict[int, dict[int, float]] = {}
    with open_csv(path) as fh:
        for row in csv.DictReader(fh):
            value = float(row["cinc"]) if row["cinc"] not in ("", "-9") else None
            if value is not None and value >= 0:
                by_year.setdefault(int(row["year"]), {})[int(row["ccode"])] = value
    return Capabilities(by_year=by_year, last_year=max(by_year))


def read_gw_spells(path: Path | None = None) -> dict[int, list[tuple[dt.date, dt.date | None]]]:
    """Gleditsch–Ward membership spells by gwcode; the list's 2017-12-31 end is read as ongoing."""
    import csv

    path = path or _need(GW_FILE, "gw_states")
    out: dict[int, list[tuple[dt.date, dt.date | None]]] = {}
    with open_csv(path) as fh:
        for row in csv.DictReader(fh):
            end: dt.date | None = dt.date.fromisoformat(row["enddate"])
            out.setdefault(int(row["gwcode"]), []).append(
                (dt.date.fromisoformat(row["startdate"]), None if end == GW_LAST_DAY else end))
    return out
