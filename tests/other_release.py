"""A COW state file as another release would give it, for the tests of `data import --any-version`: the official
file's rows with the `version` column of every row set to 2011. A file that only keeps the official file's first rows
is a cut copy of it, refused (`foedus.datasets.sizes.begins_as_official`); another release differs in its first
bytes, as this one does."""

from __future__ import annotations

import re

__all__ = ["another_release"]


def another_release(data: bytes) -> bytes:
    """`data` (rows of a COW 2016 file, CRLF line ends) with every row's last column, `version`, saying 2011."""
    return re.sub(rb",2016(\r\n|$)", rb",2011\1", data)
