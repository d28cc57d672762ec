"""A COW war file's rows, read with the `csv` module where pandas would read the same values, else with pandas.

The likelihood beside a cascade reads the participant file in every process that asks for it; importing pandas
for it took about a fifth of such a run (docs/performance.md, session 67). A file whose needed columns are all
plain whole numbers (`-8`, `1914`), apart from its text columns (names, which no pandas reading would turn into a
number or a missing value), is read here into the same values pandas gives (its int64 column, or the text as
written). Anything else (a blank cell, `NA`, `1914.0`, a short row, a repeated column, bytes that are not UTF-8,
an unreadable file) is left to pandas, which reads, refuses and words it as before.
"""

from __future__ import annotations

import csv
import re
from collections import namedtuple
from pathlib import Path
from typing import Any

__all__ = ["plain_rows"]

_WHOLE = re.compile(r"-?[0-9]{1,18}")  # int64 in pandas, the same int in Python
_MISSING = frozenset({"", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
                      "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null"})  # pandas' missing values


def _text(value: str) -> bool:
    """Whether pandas keeps `value` as the text written: not one of its missing values, not a number."""
    if value in _MISSING:
        return False
    try:
        float(value)
    except ValueError:
        return True
    return False


def plain_rows(path: Path, columns: tuple[str, ...], text: frozenset[str]) -> list[Any] | None:
    """The rows of `path` (`columns` only, as attributes, whole numbers as `int`), or None where pandas might read
    any value another way (or not at all): the caller then reads the file with pandas."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            table = list(csv.reader(handle))
    except (OSError, ValueError, csv.Error):  # UnicodeDecodeError is a ValueError
        return None
    if not table or len(set(table[0])) != len(table[0]) or not set(columns) <= set(table[0]):
        return None
    width, where = len(table[0]), [table[0].index(c) for c in columns]
    checks = [(i, c in text) for i, c in zip(where, columns, strict=True)]
    for row in table[1:]:
        if len(row) != width:
            return None
        for i, is_text in checks:
            if not (_text(row[i]) if is_text else _WHOLE.fullmatch(row[i])):
                return None
    record = namedtuple("record", columns)  # type: ignore[misc]
    return [record(*(row[i] if is_text else int(row[i]) for i, is_text in checks)) for row in table[1:]]

