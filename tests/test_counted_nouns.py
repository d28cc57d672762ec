"""A count of one was said with a plural noun: 'wrote 1 rows to x.csv', '1 treaty file(s) valid', 'wrote the
what-if overlay (1 change(s))', 'line 3 has 1 fields where the header has 10'. Every human message that puts a
count before its noun now words it with `foedus.wording.counted` ('1 row', '2,000 rows')."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from foedus.datasets import import_file
from foedus.errors import DataFormatError, DataImportError
from samples import GOOD_TREATY, cli_line

COW_STATES = Path(os.environ["FOEDUS_DATA_DIR"]) / "cow_states" / "states2016.csv"


def test_a_table_of_one_row_says_row(tmp_path: Path) -> None:
    out = tmp_path / "series.csv"
    code, _, err = cli_line(["atlas", "--from", "1816", "--to", "1816", "--out", str(out)])
    assert code == 0, err
    assert f"wrote 1 row to {out}" in err, err


def test_treaties_validate_of_one_file_says_file(tmp_path: Path) -> None:
    path = tmp_path / "pact.yaml"
    path.write_text(GOOD_TREATY, encoding="utf-8")
    assert cli_line(["treaties", "validate", str(path)]) == (0, "ok  my_pact\n1 treaty file valid\n", "")


def test_an_overlay_of_one_change_says_change(tmp_path: Path) -> None:
    overlay = tmp_path / "whatif.yaml"
    code, _, err = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-01-15", "--drop-treaty", "nato_1949",
                             "--save-overlay", str(overlay)])
    assert code == 0, err
    assert f"wrote the what-if overlay (1 change) to {overlay}" in err, err


def test_a_data_line_of_one_field_says_field(tmp_path: Path, target: Path) -> None:
    lines = COW_STATES.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "mine" / "states2016.csv"
    path.parent.mkdir()
    path.write_text("".join(lines[:3]) + "cut\n", encoding="utf-8")
    with pytest.raises(DataImportError, match=r"line 4 has 1 field where the header has 10, so the file"):
        import_file(path, any_version=True)


def test_a_state_file_line_short_of_a_one_field_header_says_field(tmp_path: Path) -> None:
    from foedus.model.state_files import _rows

    path = tmp_path / "states.csv"
    path.write_text("ccode\n2\n3,4\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match=r"line 3 does not have the header's 1 field; the file"):
        list(_rows(path))
