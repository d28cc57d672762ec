"""`data import f f` imported the file, then said it present: a path given twice (the same file or folder on disk,
however written) is refused before anything is imported, as `--treaties f f` is; and --allow-short without
--any-version, which did nothing, is refused as every option that would do nothing is (found by session 34's sweep)."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_input_messages import _error_line


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
