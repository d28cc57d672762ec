"""A CSV or Stata table's provenance in a file beside it: `OUT.csv-metadata.json` (the W3C CSV on the Web name),
`OUT.dta-metadata.json`.

A Parquet file keeps foedus's metadata (key `foedus`: title, foedus's version, datasets, their versions and citations,
notes) inside; a CSV keeps none and a Stata file only its data label and notes, so the same dictionary goes into the
sidecar under the same key, with the file's name (`url`) and its columns (`tableSchema`: name as in the file, `titles`
the table's own name, CSVW `datatype`, the `dtype` written and, for a described column, CSVW's `dc:description`). Table
and sidecar are staged together and published sidecar first; if the table then fails to publish, the sidecar just
published is taken back: never a sidecar describing another table. All or nothing: with --force, the old sidecar it
replaced is kept aside until the table is in place and put back if it is not, so an old table keeps its old sidecar (it
was removed, leaving the old table without one).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foedus.outputs.atomic import HOW, check_target, staged_file
from foedus.outputs.temporaries import discard, keep_mode, new_temporary

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SIDECAR_SUFFIXES", "StagedTable", "check_sidecar_target", "sidecar_path", "sidecar_text", "staged_table"]

SIDECAR_SUFFIXES = (".csv", ".dta")
CSVW_CONTEXT = "http://www.w3.org/ns/csvw"


def sidecar_path(out: Path) -> Path | None:
    """The sidecar of the table `out` (`dyads.csv` -> `dyads.csv-metadata.json`); None for a format that keeps its
    metadata inside (Parquet)."""
    return out.with_name(out.name + "-metadata.json") if out.suffix.lower() in SIDECAR_SUFFIXES else None


def check_sidecar_target(out: Path, *, force: bool = False, how: str = HOW) -> None:
    """Refuse, before any work, a sidecar name that is taken (without `force`) or cannot be written, as the table's
    own name is refused (`check_target`)."""
    if (side := sidecar_path(out)) is not None:
        check_target(side, force=force, how=how)


def _datatype(dtype: Any) -> str:
    """The CSVW datatype of a pandas dtype: integer, number, boolean, datetime or string."""
    import pandas as pd

    api = pd.api.types
    if api.is_bool_dtype(dtype):
        return "boolean"
    if api.is_integer_dtype(dtype):
        return "integer"
    if api.is_numeric_dtype(dtype):
        return "number"
    return "datetime" if api.is_datetime64_any_dtype(dtype) else "string"


def sidecar_text(out: Path, written: pd.DataFrame, titles: Mapping[str, str], meta: Mapping[str, Any],
                 descriptions: Mapping[str, str] | None = None) -> str:
    """The sidecar of the table `out`, whose frame as written is `written` (CSV's 0/1 flags, Stata's names and
    types); `titles` gives a column's own name where the file's differs (a Stata name). `meta` goes in as is;
    `descriptions` (by a column's own name) become its `dc:description`."""
    said = descriptions or {}
    columns = []
    for c in written.columns:
        own = titles.get(str(c), str(c))
        columns.append({"name": str(c), "titles": own, "datatype": _datatype(written[c].dtype),
                        "dtype": str(written[c].dtype), **({"dc:description": said[own]} if own in said else {})})
    head = {"@context": CSVW_CONTEXT} if out.suffix.lower() == ".csv" else {}
    body = {**head, "url": out.name, "dc:title": str(meta.get("title", "")), "foedus": dict(meta),
            "tableSchema": {"columns": columns}}
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


@dataclass
class StagedTable:
    """Where a table is being written (`path`, a temporary) and, once it is, its sidecar's text (None: no sidecar)."""

    path: Path
    sidecar: str | None = None


@contextlib.contextmanager
def staged_table(out: Path, *, force: bool = False, how: str = HOW) -> Iterator[StagedTable]:
    """`staged_file` for a table and its sidecar: the writer fills `path` and sets `sidecar`; both are complete
    before either is published, the sidecar is published first and taken back if the table's publish fails (the
    one it replaced with `force` put back, `_set_aside`)."""
    side = sidecar_path(out)
    published = False
    old: Path | None = None
    try:
        with staged_file(out, force=force, how=how) as tmp:
            staged = StagedTable(tmp)
            yield staged
            if side is not None and staged.sidecar is not None:
                old = _set_aside(side) if force else None
                with staged_file(side, force=force, how=how) as side_tmp:
                    side_tmp.write_text(staged.sidecar, encoding="utf-8")
                published = True
    except BaseException:
        if published and side is not None:
            with contextlib.suppress(OSError):
                if old is not None:
                    os.replace(old, side)
                else:
                    os.unlink(side)
        raise
    finally:
        if old is not None:
            discard(old)


def _set_aside(side: Path) -> Path | None:
    """A copy of the sidecar `side` that --force is about to replace, in a temporary beside it (None when there is
    none, or it is no plain file: the publish refuses a link or a folder)."""
    import shutil

    if side.is_symlink() or not side.is_file():
        return None
    kept = new_temporary(side, "file")
    try:
        shutil.copyfile(side, kept)
        keep_mode(kept, side)
    except OSError:
        discard(kept)
        raise
    return kept
