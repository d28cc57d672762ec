"""`foedus atlas --scheduler` writes a folder of Parquet partitions: an --out named like a CSV or Stata file is
refused before any work (the s40 robustness audit), where it wrote a folder `at.csv` of Parquet files the user,
asking for a .csv, could not open as one."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_input_messages import _error_line


@pytest.mark.parametrize(("out", "kind", "stem"), [("at.csv", ".csv", "at"), ("at.DTA", ".dta", "at")])
@pytest.mark.parametrize("when", [["--from", "2000", "--to", "2001"], ["--date", "2000-01-01", "--draws", "5"]])
def test_a_file_name_for_the_partitions_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: str,
                                                   kind: str, stem: str, when: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert _error_line(["atlas", *when, "--scheduler", "local", "--out", out]) == (
        f"{out}: with --scheduler the output is a folder of Parquet partitions, not a {kind} file: give a folder "
        f"name (e.g. {stem}), or leave out --scheduler for a {kind} file")
    assert not Path(out).exists()
