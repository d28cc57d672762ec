"""`treaties validate FOLDER` checks every treaty file in it, whatever the case of its suffix: PACT.YAML (as a
Windows or macOS user may save it) was passed over without a word, and the folder said valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples import GOOD_TREATY, cli_line


def _validate(folder: Path) -> tuple[int, str, str]:
    return cli_line(["treaties", "validate", str(folder)])


@pytest.mark.parametrize("name", ["BAD.YAML", "bad.Yml"])
def test_a_treaty_file_with_a_suffix_in_capitals_is_checked(tmp_path: Path, name: str) -> None:
    (tmp_path / "good.yaml").write_text(GOOD_TREATY, encoding="utf-8")
    (tmp_path / name).write_text(GOOD_TREATY.replace("my_pact", "other_pact").replace("2020-01-01", "2020-02-30"),
                                 encoding="utf-8")
    code, out, err = _validate(tmp_path)
    assert code == 2 and out == "" and err.splitlines() == [
        f"error: {tmp_path / name}: signed: not a day of the calendar: day is out of range for month (got "
        "'2020-02-30')"]


def test_hidden_files_and_other_suffixes_are_still_passed_over(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(GOOD_TREATY, encoding="utf-8")
    (tmp_path / ".#good.yaml").write_text("an editor's lock", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a treaty", encoding="utf-8")
    assert _validate(tmp_path) == (0, "ok  my_pact\n1 treaty file valid\n", "")
