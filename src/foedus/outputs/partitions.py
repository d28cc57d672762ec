"""The layout of a Parquet table partitioned by one column (`foedus.outputs.tables.write_partitioned`): .parquet
files in `column=…` folders (or beside them), as pyarrow writes and reads it. Both the writer (before it replaces a
folder) and `foedus atlas-plot` (before it reads one) look at a folder through `partition_layout`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

__all__ = ["DRAWS_PARTITION", "YEARLY_PARTITION", "Layout", "not_utf8", "partition_layout", "skipped_by_pyarrow"]

YEARLY_PARTITION = "decade"  # the column a Dask run's yearly atlas is partitioned by (`foedus.sweeps.dask_sweeps`)
DRAWS_PARTITION = "attacker"  # the column a Dask run's Monte Carlo atlas (`atlas --date --draws`) is partitioned by


def skipped_by_pyarrow(name: str) -> bool:
    """Whether pyarrow's dataset reader passes over this file or folder name (its default `ignore_prefixes`, '.' and
    '_': .DS_Store, _SUCCESS, _metadata), so that it is no part of the table."""
    return name.startswith((".", "_"))


def not_utf8(folder: Path) -> str | None:
    """The first name in the folder's absolute path that is not UTF-8 text (`s\\xff`, which Linux allows), as one word
    of a shell command (`$'s\\xff'`), or None: pyarrow reads and writes partitions by path, which it encodes as strict
    UTF-8, so such a folder fails there, said as an encoding error of a character U+DCFF the user never wrote.

    >>> not_utf8(Path("/tmp/s")), not_utf8(Path("/tmp") / os.fsdecode(b"s\\xff") / "t")
    (None, "$'s\\\\xff'")
    """
    from foedus.written import shell_word

    for name in folder.absolute().parts:
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            return shell_word(name)
    return None


class Layout(NamedTuple):
    """What a folder holds as a partitioned table: its .parquet files (`parts`), anything else pyarrow would read or
    that the writer never writes (`foreign`), and what pyarrow passes over (`skipped`); names below the folder as
    `column=…/name`."""

    parts: int
    foreign: list[str]
    skipped: list[str]


def partition_layout(folder: Path, column: str) -> Layout:
    """`folder` as a Parquet table partitioned by `column`, looked at one level down only (os.scandir: the folder
    and its `column=…` folders; a skipped folder is not entered), so that a folder such as / is never walked.

    Raises:
        OSError: the folder, or one of its partition folders, cannot be listed.
    """
    parts, partitions, foreign, skipped = 0, [], [], []
    with os.scandir(folder) as top:
        for entry in top:
            if skipped_by_pyarrow(entry.name):
                skipped.append(entry.name)
            elif entry.name.endswith(".parquet") and entry.is_file():
                parts += 1
            elif entry.name.startswith(f"{column}=") and entry.is_dir():
                partitions.append(entry.name)
            else:
                foreign.append(entry.name)
    for partition in partitions:
        with os.scandir(folder / partition) as inner:
            for entry in inner:
                if skipped_by_pyarrow(entry.name):
                    skipped.append(f"{partition}/{entry.name}")
                elif entry.name.endswith(".parquet") and entry.is_file():
                    parts += 1
                else:
                    foreign.append(f"{partition}/{entry.name}")
    return Layout(parts, sorted(foreign), sorted(skipped))
