"""`data import f f` imported the file, then said it present: a path given twice (the same file or folder on disk,
however written) is refused before anything is imported, as `--treaties f f` is; and --allow-short without
--any-version, which did nothing, is refused as every option that would do nothing is; a missing path is said before
any other is imported (found by session 34's sweep)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from test_input_messages import _error_line

SOURCE = Path(os.environ["FOEDUS_DATA_DIR"])


@pytest.mark.parametrize(("given", "said"), [
    (["f.csv", "f.csv"], "f.csv: the file is given twice; give each file or folder once"),
    (["f.csv", "./f.csv"], "./f.csv: the file is given twice (also as f.csv); give each file or folder once"),
    (["dl", "f.csv", "dl/"], "dl/: the folder is given twice (also as dl); give each file or folder once"),
])
def test_data_import_refuses_a_path_given_twice(target: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                given: list[str], said: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "f.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "dl").mkdir()
    assert _error_line(["data", "import", *given]) == said
    assert not target.exists()


def test_allow_short_without_any_version_is_refused(target: Path, tmp_path: Path) -> None:
    """`data import --allow-short F` took the option without a word: it acts only with --any-version."""
    path = tmp_path / "f.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    assert _error_line(["data", "import", "--allow-short", str(path)]) == (
        "--allow-short has no effect without --any-version (the registry's own files are checked by their SHA-256); "
        "leave it out")
    assert not target.exists()


@pytest.mark.needs_data
def test_a_missing_path_is_said_before_any_is_imported(target: Path, tmp_path: Path) -> None:
    """`data import GOOD MISSING` imported GOOD, then failed on MISSING: every path is checked before any import."""
    good = tmp_path / "gw_states.csv"
    shutil.copyfile(SOURCE / "gw_states" / "gw_states.csv", good)
    assert _error_line(["data", "import", str(good), str(tmp_path / "missing.csv")]) == (
        f"{tmp_path / 'missing.csv'}: no such file or folder")
    assert not target.exists()
