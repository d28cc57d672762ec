"""The rich console the text renderings print through, never narrower than `MIN_WIDTH` columns, and their tables,
which fold a long value rather than cut it.

rich takes its width from $COLUMNS even when the output is not a terminal, and a tree or a table narrower than its
guides drops what does not fit without a word: `COLUMNS=0 foedus cascade …` printed nothing and exited 0, and
`COLUMNS=5` cut the findings off after a few letters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

__all__ = ["MIN_WIDTH", "console", "table"]

MIN_WIDTH = 40
"""The narrowest width printed at: a terminal narrower than this wraps the lines, which keeps every word."""


def console(**options: Any) -> Console:
    """A rich `Console(**options)`, widened to `MIN_WIDTH` when $COLUMNS (or the terminal) says less.

    >>> import os; before = os.environ.get("COLUMNS"); os.environ["COLUMNS"] = "0"
    >>> console().width
    40
    >>> os.environ["COLUMNS"] = "120"; console().width
    120
    >>> _ = os.environ.pop("COLUMNS") if before is None else os.environ.update(COLUMNS=before)
    """
    from rich.console import Console

    out = Console(**options)
    if out.width < MIN_WIDTH:
        out.width = MIN_WIDTH
    return out


def table(*headers: str, **options: Any) -> Table:
    """A rich `Table(**options)` whose columns fold a value too long for the width onto more lines: rich's default
    cut it to 'Azerbai…' or '2022-02-…' on a terminal under some 80 columns, and the rest was not shown anywhere."""
    from rich.table import Table

    out = Table(**options)
    for header in headers:
        out.add_column(header, overflow="fold")
    return out
