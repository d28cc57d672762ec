"""`foedus cascade --format json|csv|table`: the result as its JSON contract, or its belligerents as rows (split from
`foedus.cli.show`, its size)."""

from __future__ import annotations

import json
import sys

from foedus.engine.result import CascadeResult

__all__ = ["print_result_as"]


def print_result_as(result: CascadeResult, fmt: str) -> None:
    """The result as JSON (the contract), or its belligerents (`to_frame()`) as CSV or a table, its notes on stderr;
    a what-if run's CSV names its changes in a `what_if` column on every row (`whatif_words.what_if_of`), as the
    web's CSV does, so that a spreadsheet of it does not read as the treaties as encoded."""
    if fmt == "json":
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n")
        return
    from foedus.cli.listing import emit
    from foedus.whatif_words import what_if_of

    frame = result.to_frame()  # the rows hold no notes: stderr has them, as atlas's
    what_if = what_if_of(result.notes) if fmt == "csv" else None
    rows = [{k: (None if v is None or v != v else v) for k, v in r.items()} | ({"what_if": what_if} if what_if else {})
            for r in frame.to_dict("records")]
    columns = [(c, c) for c in ("state", "ccode", "name", "side", "round", "treaty", "article", "strength",
                                "certainty", "conditions")]  # the table's; CSV has every column
    emit(rows, fmt, columns)
    sys.stderr.writelines(f"note: {note}\n" for note in result.notes)
