"""An output is never a file the same command reads: `foedus depth --treaties t.csv --out t.csv --force` replaced
the treaty file it had read with the table, and `foedus atlas --honour h.csv --out h.csv --force` the honour file.
The commands that read files and write a file call `refuse_input` for each, before any work.
"""

from __future__ import annotations

import os
from pathlib import Path

from foedus.errors import OutputError
from foedus.outputs.sidecar import sidecar_path

__all__ = ["refuse_input"]


def refuse_input(option: str, path: Path | None, out: Path, why: str, *, out_option: str = "--out") -> None:
    """Refuse, before any work, an input file (`option`'s `path`) that is the output `out` too, or a table's
    metadata sidecar beside it (`OUT.csv-metadata.json`), however either is written (`./f`, a symbolic link, a hard
    link): the output would replace the file the command reads, `--force` or not (without it, the run would be
    refused only at the end, its work lost). `why` says what would be lost.

    Raises:
        OutputError: `path` and `out` (or its sidecar) are one file.
    """
    if path is None:
        return
    if _same_file(path, out):
        raise OutputError(f"{option} {path} is the {out_option} file too: {why}; give each its own file")
    if (side := sidecar_path(out)) is not None and _same_file(path, side):
        raise OutputError(f"{option} {path} is the {out_option} file's metadata ({side}) too: {why}; give each its "
                          "own file")


def _same_file(a: Path, b: Path) -> bool:
    """Whether `a` and `b` name one file: one path once resolved, or (both existing) one file of the system; a
    path with a NUL character (a batch row's overlay cell), which no file's name holds, none (the reader says so)."""
    if "\0" in f"{a}{b}":
        return False
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except OSError:  # unreadable: the reader or the writer says why, in its own words
        return False
