"""An --out name with no suffix (`--out results`), or only a suffix (`--out .csv`): said so, not "unknown format ''"."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from foedus.errors import OutputError
from foedus.outputs.names import output_format


@pytest.mark.parametrize(("name", "said"), [
    ("results", "no suffix to name the table format; give a name ending .parquet, .csv or .dta, such as "
                "results.parquet"),
    (".csv", "'.csv' is only a suffix: give a name before it, such as table.csv")])
def test_a_name_without_a_format_says_what_is_missing(tmp_path: Path, name: str, said: str) -> None:
    """`--out results` and `--out .csv` (a hidden file's name to pathlib, so no suffix) were both refused as
    "unknown table format ''", which names neither the problem nor the fix."""
    with pytest.raises(OutputError, match="^" + str(tmp_path / name).replace(".", r"\.") + ": ") as caught:
        output_format(tmp_path / name, (".parquet", ".csv", ".dta"), "table")
    assert str(caught.value).endswith(said) and "''" not in str(caught.value)


def test_the_command_line_says_it_in_one_line(tmp_path: Path) -> None:
    """The refusal comes before any work, as one line (exit 2), and writes nothing."""
    out = subprocess.run([sys.executable, "-m", "foedus.cli", "similarity", "--from", "2000", "--to", "2000",
                          "--out", str(tmp_path / "results")], capture_output=True, text=True)
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "no suffix to name the table format" in out.stderr
    assert not list(tmp_path.iterdir())
