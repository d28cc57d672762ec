"""`foedus depth --refit --save-params F --out F` saved the parameters to F, then the table replaced them (--force,
exit 0: the parameters asked for were gone without a word) or was refused as F already existing (the half-done
run leaving F holding the parameters); `--params F --out F --force` replaced the parameter file it had read with
the table. Both are refused before the work, naming the option (`foedus.outputs.own_inputs.refuse_input`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_input_messages import _error_line


@pytest.mark.needs_data
@pytest.mark.parametrize(("given", "force"), [("same.csv", True), ("./same.csv", False)])
def test_save_params_to_the_out_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str,
                                               force: bool) -> None:
    monkeypatch.chdir(tmp_path)
    assert _error_line(["depth", "--out", "same.csv", "--refit", "--draws", "0", "--save-params", given,
                        *(["--force"] * force)]) == (
        "--save-params same.csv is the --out file too: the table would replace the parameters just saved; give "
        "each its own file")
    assert list(tmp_path.iterdir()) == []


def test_params_read_from_the_out_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "params.csv").write_text("{}", encoding="utf-8")
    assert _error_line(["depth", "--out", "params.csv", "--params", "params.csv", "--force"]) == (
        "--params params.csv is the --out file too: the table would replace the parameters it is scored with; give "
        "each its own file")
    assert (tmp_path / "params.csv").read_text(encoding="utf-8") == "{}"


def test_params_not_json_is_said_in_foedus_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A --params file that is not JSON said json's own text ('invalid JSON: Expecting value: line 1 column 1
    (char 0)'); now where it stops being JSON, as --likely-model says it (`foedus.wording.json_stops`)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "params.yaml").write_text("dimensions:\n  - a\n", encoding="utf-8")
    assert _error_line(["depth", "--out", "t.csv", "--params", "params.yaml"]) == (
        "params.yaml: not a depth-parameter file (it stops being JSON at line 1, column 1)")
