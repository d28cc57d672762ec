"""How a dataset's CSV file is opened, by its readers and by the checks that decide whether it is believed alike:
UTF-8, a byte-order mark skipped (another version saved by a spreadsheet starts with one; opened as plain UTF-8,
the mark glued itself to the first column's name, so a file the checks passed stopped every command)."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

__all__ = ["open_csv"]


def open_csv(path: Path) -> TextIO:
    """A dataset's CSV file opened for the `csv` module."""
    return path.open(newline="", encoding="utf-8-sig")
