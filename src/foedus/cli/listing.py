"""`--format table|csv|json` for the listing commands (treaties list, states, places, cascade).

`table` is a rich table on a terminal and a plain, untruncated, space-aligned table when stdout is
a pipe or a file (so `foedus states > states.txt` keeps every name whole); `csv` has one header line,
lists joined with `;`, flags as 0/1 and no text cell a spreadsheet reads as a formula (`spreadsheet_safe`); `json` is
the same objects as `--json`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, Literal

from foedus.errors import FoedusError

__all__ = ["Format", "cell", "csv_line", "emit", "plain_table", "resolve_format", "spreadsheet_safe"]

Format = Literal["table", "csv", "json"]


def resolve_format(fmt: str | None, as_json: bool, default: str | None = "table") -> str | None:
    """The chosen format: --format, else json for --json, else the command's default (None: its own view)."""
    if fmt is None:
        return "json" if as_json else default
    if fmt not in ("table", "csv", "json"):
        raise FoedusError(f"unknown format {fmt!r}: choose table, csv or json")
    if as_json and fmt != "json":
        raise FoedusError(f"--json and --format {fmt} disagree: give one of them")
    return fmt


def cell(value: Any) -> str:
    """One value as text: lists joined with `;`, flags as 0/1, nothing as empty.

    >>> cell(["NATO", "EU"]), cell(True), cell(None), cell(3)
    ('NATO;EU', '1', '', '3')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, list | tuple):
        return ";".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet reads a formula from (csv.ts `csvCell`)


def spreadsheet_safe(value: Any) -> str:
    """One value as a CSV cell: `cell`'s text, a text cell (a string, or a list joined) that starts with `=`, `+`,
    `-`, `@`, a tab or a carriage return led by `'`, so that a spreadsheet does not read it as a formula, as the web's
    CSV export guards its cells (web/src/csv.ts `csvCell`); a number as it is.

    >>> spreadsheet_safe("=1+1"), spreadsheet_safe(["-x", "y"]), spreadsheet_safe(-3), spreadsheet_safe("a-b")
    ("'=1+1", "'-x;y", '-3', 'a-b')
    """
    text = cell(value)
    return f"'{text}" if isinstance(value, str | list | tuple) and text.startswith(_FORMULA_STARTS) else text


def csv_line(cells: Sequence[str]) -> str:
    r"""One CSV line, ended by a newline: a cell that holds `"`, `,`, a newline or a carriage return quoted, as the
    web's CSV export quotes it (web/src/csv.ts `csvCell`). Python's writer quotes a carriage return only where its line
    terminator holds one, so the line is written with `\r\n` and ended with `\n` (`foedus.outputs.csvrows`, the rule
    the research tables' CSVs follow too): a carriage return left bare in a cell ends the row for a reader.

    >>> csv_line(["a\rb", "c,d", "e"])
    '"a\rb","c,d",e\n'
    """
    import csv  # only for CSV: a plain cascade's start does not need it
    import io

    from foedus.outputs.csvrows import ROW_END, RowEnds

    buffer = io.StringIO()
    csv.writer(RowEnds(buffer), lineterminator=ROW_END).writerow(cells)
    return buffer.getvalue()


def plain_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell, two spaces apart, nothing cut.

    >>> print(plain_table(["id", "name"], [["a", "Alpha"], ["bb", "B"]]))
    id  name
    a   Alpha
    bb  B
    """
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip()
             for line in [list(headers), *rows]]
    return "\n".join(lines)


def emit(rows: list[dict[str, Any]], fmt: str, columns: Sequence[tuple[str, str]],
         show: Callable[[dict[str, Any], str], str] | None = None, title: str | None = None,
         notes: Sequence[str] = ()) -> None:
    """Print `rows` as json, csv (every key) or a table of `columns` ((key, header) pairs).

    `show(row, key)` may render a cell for the table (default: `cell`); `title`, the table's, is its first line when
    printed plain (not to a terminal). Each of `notes` is a `note: ` line after the table, or on stderr beside JSON
    and CSV (their stdout stays the rows alone), as a cascade's notes are."""
    if fmt in ("json", "csv"):
        sys.stderr.writelines(f"note: {note}\n" for note in notes)
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if fmt == "csv":
        keys = list(dict.fromkeys(k for r in rows for k in r)) or [k for k, _ in columns]
        for line in [keys, *([spreadsheet_safe(r.get(k)) for k in keys] for r in rows)]:
            sys.stdout.write(csv_line(line))
        return
    render = show or (lambda r, k: cell(r.get(k)))
    headers = [h for _, h in columns]
    body = [[render(r, k) for k, _ in columns] for r in rows]
    if not sys.stdout.isatty():
        sys.stdout.write((f"{title}\n" if title else "") + plain_table(headers, body) + "\n")
        sys.stdout.writelines(f"note: {note}\n" for note in notes)
        return
    from rich.markup import escape

    from foedus.consoles import console
    from foedus.consoles import table as folding_table

    table = folding_table(*headers, title=title)
    for line in body:
        table.add_row(*(escape(v) for v in line))
    console(highlight=False).print(table)
    for note in notes:
        console(highlight=False).print(f"note: {escape(note)}")
