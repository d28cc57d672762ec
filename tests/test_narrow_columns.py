"""A tiny $COLUMNS keeps every word of a text rendering: rich takes its width from $COLUMNS even off a terminal, and
a tree narrower than its guides dropped what did not fit, without a word and with exit 0 (`COLUMNS=0 foedus cascade`
printed nothing; `COLUMNS=5` stopped after a few letters of the findings), and a table cut its cells ('Azerbai…').
`foedus.consoles` widens the console and folds the cells."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CASES = [["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15"],
         ["war", "russia_ukraine_2022", "--until", "2022-03-01"]]


def _letters(columns: str | None, args: list[str]) -> list[str]:
    """The letters and digits a run prints, sorted: a table's rows and a tree's guides, the wrapping and the folding
    left out (a narrow table prints the lines of one row side by side)."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"} | ({"COLUMNS": columns} if columns else {})
    proc = subprocess.run([sys.executable, "-m", "foedus", *args], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    return sorted(ch for ch in proc.stdout if ch.isalnum())


@pytest.mark.parametrize("args", CASES, ids=["cascade", "war"])
@pytest.mark.parametrize("columns", ["0", "5"])
def test_a_tiny_columns_prints_every_word(args: list[str], columns: str) -> None:
    wide = _letters("200", args)
    assert len(wide) > 200 and _letters(columns, args) == wide


def test_a_table_on_a_narrow_terminal_folds_its_cells_not_cuts_them() -> None:
    """60 columns, a real terminal's width: `treaties show nato_1949` cut 104 lines of its tables with '…'."""
    args = ["treaties", "show", "nato_1949"]
    wide = _letters("200", args)
    assert len(wide) > 1000 and _letters("60", args) == wide
