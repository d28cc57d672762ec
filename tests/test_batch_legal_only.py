"""A batch row asking for the likelihood is refused in one line that says why a column of the batch's table would
mislead and what to run instead: the likelihood's chances include states with no row (`foedus cascade --scenario`
with likelihood: true). It said only "run it with foedus cascade". (Draws, a seed and an honour model are columns:
tests/test_batch_draws.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from samples import cli_line


@pytest.mark.parametrize(("key", "cell", "said"), [
    ("likelihood", "true", "its chances include states the treaties do not bind, which have no row here"),
])
def test_a_row_asking_for_chances_is_told_what_to_run(tmp_path: Path, key: str, cell: str, said: str) -> None:
    (tmp_path / "s.csv").write_text(f"attacker,target,date,{key}\nRUS,EST,2025-06-01,{cell}\n", encoding="utf-8")
    proc = cli_line(["batch", str(tmp_path / "s.csv"), "--out", str(tmp_path / "out.csv")])
    assert proc.returncode == 2 and not (tmp_path / "out.csv").exists()
    line = proc.stderr.strip()
    assert len(line.splitlines()) == 1 and f"s.csv row 1: {key}: foedus batch writes" in line and said in line
    assert "`foedus cascade --scenario F`" in line and not line.endswith("…")  # whole, not cut
