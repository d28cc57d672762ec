"""An output path that is a symbolic link is never replaced, --force or not: `--force` renames onto the name, so it
put the new file (or folder) in the link's place, the user's link gone without a word (its target untouched),
whether the link led to a file, a folder, or nowhere. The link is named, with the path to give to write there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from foedus.errors import OutputError
from foedus.outputs import staged_file, staged_folder


def _links(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "target.json").write_text("mine", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "mine.txt").write_text("mine", encoding="utf-8")
    for name, target in (("live.json", "target.json"), ("dangling.json", "gone.json"), ("tofolder", "folder"),
                         ("a.json", "b.json"), ("b.json", "a.json")):  # .json: `schema --out` names its format
        os.symlink(target, tmp_path / name)
    return {name: tmp_path / name for name in ("live.json", "dangling.json", "tofolder", "a.json")}


def _unchanged(tmp_path: Path) -> None:
    assert {p.name: os.readlink(p) for p in tmp_path.iterdir() if p.is_symlink()} == {
        "live.json": "target.json", "dangling.json": "gone.json", "tofolder": "folder", "a.json": "b.json",
        "b.json": "a.json"}
    assert (tmp_path / "target.json").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json", "dangling.json", "folder", "live.json",
                                                          "target.json", "tofolder"]
    assert [p.name for p in (tmp_path / "folder").iterdir()] == ["mine.txt"]


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize(("name", "said"), [
    ("live.json", "live.json is a symbolic link to target.json; an output never replaces a symbolic link, --force "
                  "or not (give {real}/target.json to write there, or choose another path)"),
    ("dangling.json", "dangling.json is a symbolic link to a missing file (gone.json); an output never replaces a "
                      "symbolic link, --force or not (give {real}/gone.json to write there, or choose another path)"),
    ("a.json", "a.json is a symbolic link loop (ELOOP); an output never replaces a symbolic link, --force or not "
               "(choose another path)"),
])
def test_schema_out_onto_a_link_is_refused_and_the_link_kept(tmp_path: Path, name: str, said: str,
                                                             force: bool) -> None:
    _links(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "foedus", "schema", "--out", name, *(["--force"] * force)],
                          capture_output=True, text=True, env=os.environ.copy(), timeout=120, cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr == f"error: {said.format(real=os.path.realpath(tmp_path))}\n"
    _unchanged(tmp_path)


@pytest.mark.parametrize("force", [False, True])
def test_no_writer_replaces_a_link_to_a_file_a_folder_or_nowhere(tmp_path: Path, force: bool) -> None:
    links = _links(tmp_path)
    for link in links.values():
        with pytest.raises(OutputError, match=r"an output never replaces a symbolic link, --force or not"), \
                staged_file(link, force=force) as tmp:
            tmp.write_text("new", encoding="utf-8")
        with pytest.raises(OutputError, match=r"an output never replaces a symbolic link, --force or not"), \
                staged_folder(link, force=force) as tmp:
            (tmp / "new.txt").write_text("new", encoding="utf-8")
    _unchanged(tmp_path)


def test_a_link_made_while_the_output_was_written_is_not_replaced(tmp_path: Path) -> None:
    """--force checks again at the swap: a link put at the name meanwhile stays, and this run's output goes."""
    (tmp_path / "target.json").write_text("mine", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    out, parts = tmp_path / "out.json", tmp_path / "parts"
    with pytest.raises(OutputError, match=r"out\.json is a symbolic link to target\.json"), \
            staged_file(out, force=True) as tmp:
        tmp.write_text("new", encoding="utf-8")
        os.symlink("target.json", out)
    with pytest.raises(OutputError, match="parts is a symbolic link to folder"), \
            staged_folder(parts, force=True) as tmp:
        (tmp / "new.txt").write_text("new", encoding="utf-8")
        os.symlink("folder", parts)
    assert os.readlink(out) == "target.json" and os.readlink(parts) == "folder"
    assert (tmp_path / "target.json").read_text(encoding="utf-8") == "mine" and not any((tmp_path / "folder").iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "out.json", "parts", "target.json"]


def test_a_dataset_installers_force_replaces_the_link_never_what_it_leads_to(tmp_path: Path) -> None:
    """A data folder may be links to a shared copy: `data fetch --force` / `data import --force` replace the link
    with the new version, and the shared copy is never written."""
    (tmp_path / "shared.csv").write_text("shared", encoding="utf-8")
    os.symlink("shared.csv", tmp_path / "states.csv")
    with pytest.raises(OutputError, match="already exists"), \
            staged_file(tmp_path / "states.csv", dataset=True) as tmp:
        tmp.write_text("new", encoding="utf-8")
    with staged_file(tmp_path / "states.csv", force=True, dataset=True) as tmp:
        tmp.write_text("new", encoding="utf-8")
    assert not (tmp_path / "states.csv").is_symlink() and (tmp_path / "states.csv").read_text(encoding="utf-8") == "new"
    assert (tmp_path / "shared.csv").read_text(encoding="utf-8") == "shared"
