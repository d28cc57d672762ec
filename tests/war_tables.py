"""`foedus war --out`'s table in each format (CSV, Parquet, Stata), written and read back, and the descriptions each
binary format keeps of its columns (a Parquet field's metadata, a Stata label): the set-up that
tests/test_war_out_released.py and tests/test_war_out_recorded.py share."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from foedus.cli.app import app
from foedus.cli.entry import run_cli

SUFFIXES = (".csv", ".parquet", ".dta")


def read_table(path: Path) -> pd.DataFrame:
    """A table as its format gives it back (CSV as text, empty cells as "")."""
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pandas()
    if path.suffix == ".dta":
        return pd.read_stata(path, convert_missing=False)
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def war_table(tmp_path: Path, war: str, suffix: str, capsys: pytest.CaptureFixture[str]) -> tuple[Path, pd.DataFrame]:
    """`foedus war WAR --out w.SUFFIX` in `tmp_path`: the file and its rows by state."""
    out = tmp_path / f"w{suffix}"
    assert run_cli(app, ["war", war, "--out", str(out)]) == 0, capsys.readouterr().err
    return out, read_table(out).set_index("state")


def descriptions(path: Path, columns: Iterable[str]) -> dict[str, str]:
    """What a Parquet or Stata file says each of `columns` means (a CSV keeps no description)."""
    if path.suffix == ".dta":
        with pd.read_stata(path, iterator=True) as reader:
            labels = reader.variable_labels()
        return {c: labels[c] for c in columns}
    schema = pq.read_schema(path)
    return {c: schema.field(c).metadata[b"description"].decode() for c in columns}
