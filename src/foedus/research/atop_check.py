"""Check foedus's ATOP flags against ATOP's own directed dyad-year file (peacesciencer's subset).

For every row of `atop/atop_alliance.csv` the five flags foedus derives from `atop5_1m.csv` are
compared with ATOP's; each disagreement is put in a class that explains it (docs/research.md, "Validation
against ATOP's own dyad-year flags").
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from foedus.datasets.csvfile import open_csv
from foedus.datasets.verify import dataset_file
from foedus.errors import DataMissingError
from foedus.model.world import World
from foedus.research.atop_flags import FLAG_COLUMNS, atop_flag_keys, sorted_union
from foedus.research.atop_flags import dyad_keys as _keys
from foedus.sources.atop import load_atop, read_member_rows

__all__ = ["ATOP_DDYR_FILE", "OBVARY", "PHASE_CHANGE", "FlagAgreement", "compare_atop_flags"]

ATOP_DDYR_FILE = "atop/atop_alliance.csv"
OBVARY = "OBVARY: obligation not owed to every partner"
PHASE_CHANGE = "phase change within the year: ATOP codes the year by the later phase"
_MEMBER_COLUMN = {"defense": "defense", "offense": "offense", "neutrality": "neutral",
                  "nonaggression": "nonagg", "consultation": "consul"}


@dataclass
class FlagAgreement:
    """Agreement of one flag over the reference rows, with the disagreements classified."""

    column: str
    rows: int
    agree: int
    ours_only: int
    theirs_only: int
    classes: dict[str, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        """Share of reference rows on which the flag agrees."""
        return self.agree / self.rows if self.rows else float("nan")

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"column": self.column, "rows": self.rows, "agree": self.agree, "rate": self.rate,
                "ours_only": self.ours_only, "theirs_only": self.theirs_only, "classes": self.classes}


def _reference() -> np.ndarray:
    path = dataset_file(ATOP_DDYR_FILE)
    if path is None:
        raise DataMissingError(f"{ATOP_DDYR_FILE} is not in the data folder: run `foedus data import PATH`")
    with open_csv(path) as fh:
        reader = csv.reader(fh)
        header = next(reader)
        data = np.array([[int(v) for v in row] for row in reader], dtype=np.int64)
    order = ["ccode1", "ccode2", "year", *FLAG_COLUMNS.values()]
    return data[:, [header.index(c) for c in order]]


def _classify(a: int, b: int, year: int, kind: str, spells: dict[int, list[dict[str, str]]]) -> str:
    """Why foedus flags (a -> b, year) for `kind` although ATOP's dyad-year file does not."""
    column = _MEMBER_COLUMN[kind]
    shared = {(r["atopid"], r["phase"]) for r in spells.get(b, []) if _in_year(r, year)}
    mine = [r for r in spells.get(a, []) if _in_year(r, year) and (r["atopid"], r["phase"]) in shared]
    rows = [r for r in mine if r[column] == "1"]
    if rows and all(_superseded(r, mine, column) for r in rows):
        return PHASE_CHANGE
    if any(r["obvary"] == "1" for r in rows):
        return OBVARY
    return "other"


def _superseded(row: dict[str, str], mine: list[dict[str, str]], column: str) -> bool:
    """Whether the pair shares a later phase of the row's alliance in the same year, without the obligation: ATOP's
    dyad-year file codes a year in which an alliance changes phase by the later phase alone."""
    return any(r["atopid"] == row["atopid"] and int(r["phase"]) > int(row["phase"]) and r[column] != "1"
               for r in mine)


def _in_year(row: dict[str, str], year: int) -> bool:
    exit_year = int(float(row["yrexit"] or 0))
    return int(row["yrent"]) <= year and (exit_year == 0 or exit_year >= year)


def compare_atop_flags(world: World) -> dict[str, Any]:
    """Agreement per flag over ATOP's dyad-year rows, plus rows present on one side only."""
    ref = _reference()
    ccode = {s.id: s.ccode for s in world.states if s.ccode is not None}
    found = atop_flag_keys(load_atop(world.states), ccode)
    keys = _keys(ref[:, :3])
    by_member: dict[int, list[dict[str, str]]] = defaultdict(list)
    for row in read_member_rows():
        by_member[int(row["member"])].append(row)
    flags = []
    for i, (kind, column) in enumerate(FLAG_COLUMNS.items()):
        ours = np.isin(keys, found[kind])
        theirs = ref[:, 3 + i] == 1
        classes = Counter(_classify(int(a), int(b), int(y), kind, by_member)
                          for a, b, y in ref[ours & ~theirs, :3])
        classes.update({"ATOP flags it, foedus does not": int((~ours & theirs).sum())} if (~ours & theirs).any()
                       else {})
        flags.append(FlagAgreement(column, len(ref), int((ours == theirs).sum()), int((ours & ~theirs).sum()),
                                   int((~ours & theirs).sum()), dict(classes)))
    ours_any = sorted_union(list(found.values()))
    extra = np.setdiff1d(ours_any, keys)
    unflagged = np.setdiff1d(keys, ours_any)
    zero_rows = int((ref[np.isin(keys, unflagged), 3:] == 0).all(axis=1).sum())
    return {
        "reference_rows": len(ref),
        "flags": [f.to_dict() for f in flags],
        "dyad_years_only_foedus_flags": [[int(x) // 10_000 // 1000, int(x) // 10_000 % 1000, int(x) % 10_000]
                                         for x in extra],
        "reference_rows_without_any_obligation": zero_rows,
        "reference_rows_foedus_does_not_list": len(unflagged),
    }
