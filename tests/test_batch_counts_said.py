"""`foedus batch` counts its scenarios and a row's cells as every message counts (`foedus.wording.counted`): a batch
that ran one scenario was titled "foedus batch of 1 scenarios", and a row longer than a one-column header was
refused as "2 cells, and the header names 1 columns"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samples import cli_line


def test_a_row_past_a_one_column_header_counts_one_column(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_text("attacker\nRUS,EST\n", encoding="utf-8")
    code, _, err = cli_line(["batch", str(tmp_path / "s.csv"), "--out", str(tmp_path / "o.csv")])
    assert code == 2 and "Traceback" not in err, err
    assert "s.csv row 1: 2 cells, and the header names 1 column (nothing was run)" in err, err


@pytest.mark.needs_data
def test_a_batch_of_one_scenario_is_titled_in_the_singular(tmp_path: Path) -> None:
    scenarios, out = tmp_path / "s.csv", tmp_path / "o.csv"
    scenarios.write_text("attacker,target,date\nRUS,EST,2025-06-01\nXXX,EST,2025-06-01\n", encoding="utf-8")
    code, _, err = cli_line(["batch", str(scenarios), "--out", str(out), "--skip-bad", str(tmp_path / "bad.csv")])
    assert code == 0, err
    meta = json.loads(Path(f"{out}-metadata.json").read_text(encoding="utf-8"))
    assert meta["dc:title"] == "foedus batch of 1 scenario", meta["dc:title"]  # the one that ran, not the bad one
