"""`foedus treaties show`'s members table: a row that carries one membership on from its state's previous row (the
same membership, recorded on other facts from then) says its `joined` day continues it, as the previous row's
`out from` says "(continues)": Armenia's CSTO rows read "joined 2024-06-12" and "joined 2025-11-25", as if it had
acceded twice after 1994."""

from __future__ import annotations

import os
import subprocess
import sys


def _rows(treaty: str, mark: str) -> list[str]:
    wide = subprocess.run([sys.executable, "-m", "foedus.cli", "treaties", "show", treaty], capture_output=True,
                          text=True, env=os.environ | {"COLUMNS": "250"}, timeout=120, check=True).stdout
    return [line for line in wide.splitlines() if mark in line and line.startswith("│")]  # the table, not its notes


def test_a_continued_membership_is_not_said_to_join_again() -> None:
    """Armenia (CSTO): the first row joined in 1994, plain; the two after it continue it. Venezuela (Rio): its 2019
    return is a new accession (its 2013 exit is no row's start), and its 2023 row continues the 2019 one."""
    arm = _rows("csto_1992", "(ARM)")
    assert len(arm) == 3 and "1994-04-20" in arm[0] and "(continued)" not in arm[0]
    assert "2024-06-12 (continued)" in arm[1] and "2025-11-25 (continued)" in arm[2]
    ven = _rows("tiar_1947", "(VEN)")
    assert len(ven) == 3 and "(continued)" not in ven[0] + ven[1] and "2023-01-05 (continued)" in ven[2]
