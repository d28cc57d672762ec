"""`foedus cascade --format json|csv|table`: the result as its JSON contract, its parties and findings as CSV rows, or
its belligerents as a table (split from `foedus.cli.show`, its size)."""

from __future__ import annotations

import json
import sys

from foedus.engine.result import CascadeResult
from foedus.file_words import escaped

__all__ = ["print_result_as"]


def print_result_as(result: CascadeResult, fmt: str) -> None:
    """The result as JSON (the contract); as CSV, one row per party and finding in the columns the web's CSV export
    has (`engine.finding_rows`, docs/outputs.md); as a table, its belligerents (`to_frame()`). A what-if run's CSV and
    table name its changes (`result.what_if`, `whatif_words.what_if_cell`) in a last `what_if` column on every row, so
    that a spreadsheet of it does not read as the treaties as encoded. Its notes go on stderr."""
    if fmt == "json":
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n")
        return
    from foedus.cli.listing import emit
    from foedus.whatif_words import what_if_cell

    what_if = what_if_cell(result.what_if)
    if fmt == "csv":
        from foedus.engine.finding_rows import finding_rows

        rows = finding_rows(result, what_if)  # the rows hold no notes: stderr has them, as atlas's
    else:
        extra = {"what_if": what_if} if what_if else {}
        rows = [{k: (None if v is None or v != v else v) for k, v in r.items()} | extra
                for r in result.to_frame().to_dict("records")]
    columns = [(c, c) for c in ("state", "ccode", "name", "side", "round", "treaty", "article", "strength",
                                "certainty", "conditions", *(("what_if",) if what_if else ()))]  # CSV: every column
    emit(rows, fmt, columns)
    sys.stderr.writelines(f"note: {escaped(note)}\n" for note in result.notes)
