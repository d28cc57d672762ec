"""ATOP's `atopally` and the ATOP ids per dyad-year, for `foedus dyads`.

`atopally` is 1 when the two states share an ATOP alliance at a common moment of the year, whatever it obliges
(the rule of the five flags: `foedus.research.atop_flags.atop_keys` derives both in one pass), so it is 1 wherever a
flag is, and also on the protected side of a one-way guarantee, which owes nothing. `atopid` lists the ATOP ids of
those alliances, ascending, joined by `;` (how foedus joins a list in a cell: `foedus.cli.listing.cell`). Sharing an
alliance is symmetric, so the undirected table needs no second look-up. Both are missing outside ATOP's coverage
(after 2018), as the flags are; within it a pair that shares none has `atopally` 0 and an empty `atopid`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from foedus.outputs.coded import CodedText

if TYPE_CHECKING:
    from foedus.research.atop_flags import AtopKeys

__all__ = ["ALLY_COLUMN", "IDS_COLUMN", "ally_columns"]

ALLY_COLUMN = "atopally"
IDS_COLUMN = "atopid"


def ally_columns(rows: np.ndarray, found: AtopKeys | None, in_coverage: np.ndarray,
                 at: np.ndarray | None = None) -> dict[str, Any]:
    """`atopally` (a masked int8 array, masked = missing) and `atopid` (`CodedText`) for COW-coded (code1, code2,
    year) rows; `at`: the rows' `found.positions`, if already looked up."""
    n = len(rows)
    missing = ~in_coverage if found is not None else np.ones(n, dtype=bool)
    if found is None:
        at = np.full(n, -1, dtype=np.int64)
    elif at is None:
        at = found.positions(rows)
    sets = found.id_sets if found is not None else ()
    labels = (*(";".join(map(str, ids)) for ids in sets), "")  # the last, empty: the pairs sharing none
    index = np.append(found.id_set if found is not None else np.zeros(0, dtype=np.int64), len(sets)).astype(np.int32)
    return {ALLY_COLUMN: np.ma.MaskedArray((at >= 0).astype(np.int8), missing.copy()),
            IDS_COLUMN: CodedText(np.where(missing, np.int32(-1), index[at]), labels)}  # at -1: the last
