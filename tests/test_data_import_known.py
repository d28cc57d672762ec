"""`foedus data import` of a file or folder foedus does not know names the files it knows where its one-line
refusal holds them, else points to `foedus data status`: a lone file's SHA-256 made the line pass its length
(`foedus.wording.MAX_MESSAGE`), and the list was cut mid-name ("..., gw_states.csv, cshapes_2_c…")."""

from __future__ import annotations

from pathlib import Path

from samples import cli_line


def test_a_refusal_lists_the_known_files_where_its_line_holds_them_else_points_to_status(tmp_path: Path) -> None:
    stray, folder, env = tmp_path / "stray.yaml", tmp_path / "d", {"FOEDUS_DATA_DIR": str(tmp_path / "data")}
    stray.write_text("keep\n", encoding="utf-8")
    folder.mkdir()
    (folder / "notes.txt").write_text("x\n", encoding="utf-8")
    code, _, err = cli_line(["data", "import", str(stray)], env=env)
    assert code == 2 and "Traceback" not in err, err
    assert "is not a dataset file foedus knows (by name or SHA-256 " in err, err
    assert err.rstrip().endswith("; `foedus data status` lists the files it knows"), err  # not cut mid-name
    assert stray.read_text(encoding="utf-8") == "keep\n"
    code, _, err = cli_line(["data", "import", str(folder)], env=env)
    assert code == 2, err
    assert "holds none of the dataset files foedus knows; known files: atop5_1m.csv, " in err, err
    assert err.rstrip().endswith("cshapes_2_cow.topojson.xz"), err  # the whole list, its last name whole
