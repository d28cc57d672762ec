"""The one rule for a CSV row's ending: rows are written with `\\r\\n` and ended with `\\n`.

Python's `csv` writer (and pandas' `to_csv`, built on it) quotes a carriage return only where its line terminator
holds one: written with `\\n` alone, a cell holding `\\r` is left bare, and a reader (Python's `csv`, pandas, a
spreadsheet) ends the row there. So every CSV foedus writes is written with `\\r\\n`, which quotes a cell holding
either, and each row's `\\r\\n` is turned into `\\n` as it is written (`cli.listing.csv_line`, `outputs.tables`).
"""

from __future__ import annotations

import io
from typing import IO

__all__ = ["ROW_END", "RowEnds"]

ROW_END = "\r\n"  # the line terminator to write with: it makes the writer quote a cell holding `\r` or `\n`


class RowEnds(io.TextIOBase):
    """A text sink for a `csv` writer (`lineterminator=ROW_END`) that writes each row to `sink` ended by `\\n`.

    The writer hands over one row a call, ended by `\\r\\n`; a cell's own `\\r\\n` is inside quotes, before it.

    >>> import csv
    >>> buf = io.StringIO()
    >>> _ = csv.writer(RowEnds(buf), lineterminator=ROW_END).writerow(["a\\rb", "c"])
    >>> buf.getvalue()
    '"a\\rb",c\\n'
    """

    def __init__(self, sink: IO[str]) -> None:
        super().__init__()
        self._sink = sink

    def writable(self) -> bool:
        return True

    def write(self, s: str) -> int:
        self._sink.write(s[:-2] + "\n" if s.endswith(ROW_END) else s)
        return len(s)
