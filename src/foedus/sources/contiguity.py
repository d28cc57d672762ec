"""Reader for COW Direct Contiguity 3.2 (`contdir.csv`): each contiguity spell, in both directions.

A spell is (conttype, first month, last month) with months as YYYYMM integers; conttype 1 is land or
river contiguity, 2–5 separation by at most 12, 24, 150 or 400 miles of water. The data end in 2016.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from foedus.datasets.csvfile import open_csv
from foedus.datasets.verify import dataset_file
from foedus.errors import DataMissingError

__all__ = ["CONTIGUITY_END", "CONTIGUITY_FILE", "Spell", "contiguity_spells", "read_contiguity"]

CONTIGUITY_FILE = "cow_contiguity/contdir.csv"
CONTIGUITY_END = 2016
Spell = tuple[int, int, int]  # conttype, first month (YYYYMM), last month (YYYYMM)


@functools.cache
def contiguity_spells() -> dict[tuple[int, int], tuple[Spell, ...]]:
    """The data folder's contiguity spells by ordered pair of COW codes (read once per process)."""
    path = dataset_file(CONTIGUITY_FILE)
    if path is None:
        raise DataMissingError(f"{CONTIGUITY_FILE} is not in the data folder: run `foedus data fetch cow_contiguity`")
    return read_contiguity(path)


def read_contiguity(path: Path) -> dict[tuple[int, int], tuple[Spell, ...]]:
    """Spells by (ccode1, ccode2) for both orders of each pair, each list in file order."""
    out: dict[tuple[int, int], list[Spell]] = {}
    with open_csv(path) as fh:
        for row in csv.DictReader(fh):
            a, b = int(row["statelno"]), int(row["statehno"])
            spell = (int(row["conttype"]), int(row["begin"]), int(row["end"]))
            out.setdefault((a, b), []).append(spell)
            out.setdefault((b, a), []).append(spell)
    return {pair: tuple(spells) for pair, spells in out.items()}
