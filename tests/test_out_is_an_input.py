"""An output that is a file the same command reads is refused before any work (`foedus.outputs.own_inputs`).

`foedus depth --treaties t.csv --out t.csv --force` replaced the treaty file it had just read with the table, and
`foedus atlas --date D --draws N --honour h.csv --out h.csv --force` the honour file with the table (exit 0 both: the
user's file gone without a word); `depth --params F-metadata.json --out F --force` put the table's metadata sidecar
in the parameter file's place. However the two paths are written (`./f`, a hard link), the file is kept.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

import pytest

from samples import GOOD_TREATY
from test_input_messages import _error_line

HONOUR = "bilateral_factor: 1.0\n"


@pytest.mark.parametrize(("treaty", "out"), [("pact.csv", "pact.csv"), ("./pact.csv", "pact.csv"),
                                             ("pact.csv", "linked.csv")])
def test_depth_out_on_a_treaty_file_it_reads_is_refused_and_the_file_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, treaty: str, out: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pact.csv").write_text(GOOD_TREATY, encoding="utf-8")
    os.link(tmp_path / "pact.csv", tmp_path / "linked.csv")  # a hard link: another name of the one file
    assert _error_line(["depth", "--treaties", treaty, "--out", out, "--force"]) == (
        "--treaties pact.csv is the --out file too: the table would replace the treaty file it reads; give each its "
        "own file")
    assert (tmp_path / "pact.csv").read_text(encoding="utf-8") == GOOD_TREATY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["linked.csv", "pact.csv"]


def test_depth_params_in_the_out_files_sidecar_place_is_refused(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    params = (files("foedus.data") / "depth_params.json").read_text(encoding="utf-8")  # parameters that score
    (tmp_path / "d.csv-metadata.json").write_text(params, encoding="utf-8")
    assert _error_line(["depth", "--params", "d.csv-metadata.json", "--out", "d.csv", "--force"]) == (
        "--params d.csv-metadata.json is the --out file's metadata (d.csv-metadata.json) too: the table would "
        "replace the parameters it is scored with; give each its own file")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.csv-metadata.json"]
    assert (tmp_path / "d.csv-metadata.json").read_text(encoding="utf-8") == params


def test_atlas_out_on_the_honour_file_it_reads_is_refused_and_the_file_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "h.csv").write_text(HONOUR, encoding="utf-8")
    assert _error_line(["atlas", "--date", "2025-01-01", "--draws", "1", "--honour", "./h.csv", "--out", "h.csv",
                        "--force"]) == (
        "--honour h.csv is the --out file too: the table would replace the honour file it reads; give each its own "
        "file")
    assert (tmp_path / "h.csv").read_text(encoding="utf-8") == HONOUR
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.csv"]
