"""`atopid` is text, but a CSV carries no types: in a range where every shared set is one alliance (1823–1830 has no
cell with two ids) pandas reads it back as numbers (1035.0), and a reader that guesses types from some rows can miss
the cells with ';'. docs/outputs.md says to read it as text, in pandas and in R."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs" / "outputs.md"


@pytest.mark.needs_data
def test_docs_say_how_to_read_atopid_from_csv_as_text(tmp_path: Path) -> None:
    env = {**os.environ, "FOEDUS_CACHE_DIR": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-m", "foedus.cli", "dyads", "--from", "1823", "--to", "1830", "--no-covariates",
                    "--out", "t.csv"], check=True, capture_output=True, env=env, cwd=tmp_path, timeout=300)
    guessed = pd.read_csv(tmp_path / "t.csv")
    assert guessed["atopid"].dtype == "float64"  # what a reader that guesses makes of it: why the docs must say
    as_text = pd.read_csv(tmp_path / "t.csv", dtype={"atopid": str})["atopid"].dropna()
    assert len(as_text) and as_text.str.fullmatch(r"\d+(;\d+)*").all()
    csv_row = next(line for line in DOCS.read_text(encoding="utf-8").splitlines() if line.startswith("| `.csv` |"))
    assert "dtype={'atopid': str}" in csv_row and "cols(atopid = col_character())" in csv_row
