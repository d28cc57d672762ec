"""An output whose name is not UTF-8 (`\\xff.parquet`, a name Linux allows, held by Python as a lone surrogate) is
written as any other: pyarrow encoded the path as strict UTF-8, so a Parquet table failed after all the work, said
as an encoding problem of the terminal ('set PYTHONIOENCODING=utf-8'), and a report recording the command that
reproduces it (`foedus backtest`, `foedus likely report`) could not write that command into report.md."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from foedus.cli.backtest_cmd import command_line
from foedus.cli.likely_cmd import report_command
from foedus.outputs.tables import write_columns, write_table


@pytest.fixture
def odd(bytes_named: Callable[[bytes], Path]) -> Path:
    """A folder whose name is not UTF-8, made where the file system takes such a name (`conftest.bytes_named`)."""
    return bytes_named(b"run\xff")


def _read(path: Path) -> pd.DataFrame:
    import pyarrow.parquet as pq

    with path.open("rb") as source:
        return pq.read_table(source).to_pandas()


def test_a_parquet_table_takes_a_name_that_is_not_utf8(odd: Path) -> None:
    out = odd / os.fsdecode(b"t\xfe.parquet")
    assert write_table(pd.DataFrame({"a": [1, 2]}), out, meta={"title": "t"}) == 2
    assert _read(out)["a"].tolist() == [1, 2]


def test_parquet_columns_take_a_name_that_is_not_utf8(odd: Path) -> None:
    out = odd / os.fsdecode(b"c\xfe.parquet")
    assert write_columns({"a": np.array([3, 4])}, out) == 2
    assert _read(out)["a"].tolist() == [3, 4]


def test_the_command_a_report_records_reads_back_as_the_same_folder(odd: Path) -> None:
    """The folder is written `$'run\\xff'`, which a POSIX shell reads as the same bytes, and is UTF-8 text."""
    lines = [command_line(1990, 1992, odd, 10, 1815), report_command(odd, 10, 5, 1815, True)]
    for line in lines:
        line.encode("utf-8")  # report.md is UTF-8: the surrogate stopped its write
        assert f" --out $'{odd.parent}/run\\xff' --draws 10 " in line


def test_atlas_plot_reads_a_series_whose_name_is_not_utf8(odd: Path) -> None:
    """`foedus atlas --out s\\xff.parquet` wrote the series; atlas-plot refused it as one it 'cannot read'."""
    from foedus.sweeps.plot import plot_series
    from test_import_checks import _series_frame

    series = odd / os.fsdecode(b"s\xfe.parquet")
    write_table(_series_frame(), series)
    assert plot_series(series, odd / "p.png") == 2 and (odd / "p.png").stat().st_size > 0


def test_a_folder_of_parquet_partitions_whose_name_is_not_utf8_is_refused_in_one_line(odd: Path) -> None:
    """pyarrow writes the partitions by path, as strict UTF-8: the write failed after the work with a bare
    UnicodeEncodeError, reported as the terminal's encoding; it is refused before, naming the folder."""
    from foedus.errors import OutputError
    from foedus.outputs import check_partitioned_target, write_partitioned
    from test_import_checks import _series_frame

    frame, out = _series_frame(), odd / "parts"
    for write in (lambda: check_partitioned_target(out, "decade"),
                  lambda: write_partitioned(frame.assign(decade=frame["year"] // 10 * 10), out, "decade")):
        with pytest.raises(OutputError, match="pyarrow takes only a path that is UTF-8 text"):
            write()
    assert list(odd.iterdir()) == []


def test_atlas_plot_says_a_folder_of_partitions_whose_path_is_not_utf8_cannot_be_read(odd: Path) -> None:
    """pyarrow reads partitions only by a path, as strict UTF-8: such a folder (renamed after a Dask run wrote it, or
    below a folder so named) was refused as one atlas-plot 'cannot read' ('utf-8' codec can't encode character
    '\\udcff'), as though the file were damaged; it is said in one line, naming the name that is not UTF-8."""
    import subprocess
    import sys

    from foedus.outputs import write_partitioned
    from test_import_checks import _series_frame

    frame = _series_frame()
    made = odd.parent / "parts"
    write_partitioned(frame.assign(decade=frame["year"] // 10 * 10), made, "decade")
    for series in (odd.parent / os.fsdecode(b"parts\xfe"), odd / "s"):  # the folder's own name, or a parent's
        made.rename(series)
        env = os.environ | {"PYTHONIOENCODING": "utf-8"}
        proc = subprocess.run([sys.executable, "-m", "foedus", "atlas-plot", os.fsencode(series), "--out",
                               odd.parent / "p.png"], capture_output=True, env=env, timeout=120)
        word = "$'parts\\xfe'" if series.parent == odd.parent else "$'run\\xff'"
        said = (f"error: {series}: cannot read a folder of Parquet partitions whose path is not UTF-8 text (the name "
                f"{word}): pyarrow reads them only by a path that is; rename it (a single .parquet file is read "
                "whatever its name)\n")
        assert (proc.returncode, proc.stdout, proc.stderr) == (2, b"", said.encode("utf-8", "backslashreplace"))
        made = series
