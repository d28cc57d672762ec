"""A batch row asking for draws, a seed, an honour model or the likelihood is refused in one line that says why a
column of the batch's table would mislead and what to run instead: a Monte Carlo answer is a share of draws per
state (`foedus cascade --scenario`, or `foedus atlas --draws` for every dyad), the likelihood's chances include
states with no row (`foedus cascade --scenario` with likelihood: true). It said only "run it with foedus cascade"."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples import cli_line


@pytest.mark.parametrize(("key", "cell", "said"), [
    ("draws", "100", "a Monte Carlo answer is each state's share of draws, which no finding row holds"),
    ("seed", "4", "`foedus atlas --date D --draws N` for every dyad"),
    ("likelihood", "true", "its chances include states the treaties do not bind, which have no row here"),
])
def test_a_row_asking_for_chances_is_told_what_to_run(tmp_path: Path, key: str, cell: str, said: str) -> None:
    (tmp_path / "s.csv").write_text(f"attacker,target,date,{key}\nRUS,EST,2025-06-01,{cell}\n", encoding="utf-8")
    proc = cli_line(["batch", str(tmp_path / "s.csv"), "--out", str(tmp_path / "out.csv")])
    assert proc.returncode == 2 and not (tmp_path / "out.csv").exists()
    line = proc.stderr.strip()
    assert len(line.splitlines()) == 1 and f"s.csv row 1: {key}: foedus batch writes" in line and said in line
    assert "`foedus cascade --scenario F`" in line and not line.endswith("…")  # whole, not cut
