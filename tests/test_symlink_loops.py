"""A path that is a loop of symbolic links (`a -> b`, `b -> a`), given as an input or as an output's folder, is
refused in one line naming it as a symlink loop (ELOOP), exit 2: it was reported as "no such file" (or as "not a
folder"), while `ls` shows the name is there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _loop(tmp_path: Path) -> Path:
    os.symlink(tmp_path / "b", tmp_path / "a")
    os.symlink(tmp_path / "a", tmp_path / "b")
    return tmp_path / "a"


@pytest.mark.parametrize(("args", "said"), [
    (["treaties", "validate", "{loop}"], "{loop}: a symbolic link loop (ELOOP)"),
    (["data", "import", "{loop}"], "{loop}: a symbolic link loop (ELOOP)"),
    (["atlas-plot", "{loop}", "--out", "{tmp}/p.png"], "{loop}: a symbolic link loop (ELOOP)"),
    (["war", "{loop}"], "{loop}: cannot read war file: a symbolic link loop (ELOOP)"),
    (["cascade", "--attacker", "RUS", "--target", "EST", "--date", "2024-01-01", "--overlay", "{loop}"],
     "{loop}: cannot read overlay: a symbolic link loop (ELOOP)"),
    (["cascade", "--attacker", "RUS", "--target", "EST", "--date", "2024-01-01", "--add-member", "nato_1949:SWE",
      "--save-overlay", "{loop}/x.yaml"], "cannot write {loop}/x.yaml: {loop} is a symbolic link loop (ELOOP)"),
])
def test_a_symlink_loop_is_named_as_one(tmp_path: Path, args: list[str], said: str) -> None:
    loop = _loop(tmp_path)
    args = [a.format(loop=loop, tmp=tmp_path) for a in args]
    proc = subprocess.run([sys.executable, "-m", "foedus", *args], capture_output=True, text=True,
                          env=os.environ.copy(), timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr == f"error: {said.format(loop=loop)}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]  # nothing written


def test_a_data_folder_that_is_a_symlink_loop_is_named_as_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.errors import SettingError
    from foedus.paths import data_dir

    loop = _loop(tmp_path)
    monkeypatch.setenv("FOEDUS_DATA_DIR", str(loop))
    with pytest.raises(SettingError, match=r"a symbolic link loop \(ELOOP\) \(give the folder"):
        data_dir()


def test_a_missing_path_is_still_said_to_be_missing(tmp_path: Path) -> None:
    from foedus.reachable import unreachable

    assert unreachable(tmp_path / "nothing") == unreachable(tmp_path / "nothing" / "x") == "no such file or folder"
    assert unreachable(tmp_path) is None


@pytest.mark.parametrize(("args", "said"), [
    (["treaties", "validate", "{link}"], "{link}: a symbolic link to a missing file ({gone})"),
    (["war", "{link}"], "{link}: cannot read war file: a symbolic link to a missing file ({gone})"),
    (["cascade", "--attacker", "RUS", "--target", "EST", "--date", "2024-01-01", "--overlay", "{link}"],
     "{link}: cannot read overlay: a symbolic link to a missing file ({gone})"),
    (["cascade", "--attacker", "RUS", "--target", "EST", "--date", "2024-01-01", "--add-member", "nato_1949:SWE",
      "--save-overlay", "{link}/x.yaml"], "cannot write {link}/x.yaml: {link} is a symbolic link to a missing file "
                                          "({gone})"),
    (["schema", "--out", "{link}.json"], "{link}.json is a symbolic link to a missing file ({gone}); an output never "
                                         "replaces a symbolic link, --force or not (give {gone} to write there, or "
                                         "choose another path)"),
    (["schema", "--out", "{loop}.json"], "{loop}.json is a symbolic link loop (ELOOP); an output never replaces a "
                                         "symbolic link, --force or not (choose another path)"),
])
def test_a_link_to_a_missing_file_or_a_loop_is_named_as_one_not_missing_nor_existing(
        tmp_path: Path, args: list[str], said: str) -> None:
    """A dangling link given as an input was 'no such file or folder' (the name is in `ls`), and as an output, like
    a loop, it 'already exists': each is said for what it is, the link's target named (foedus.reachable)."""
    loop, gone = _loop(tmp_path), tmp_path / "gone.yaml"
    os.symlink(gone, tmp_path / "link")
    os.symlink(gone, tmp_path / "link.json")  # and a .json pair, named as `schema --out` must name its output
    os.symlink(tmp_path / "b.json", tmp_path / "a.json")
    os.symlink(tmp_path / "a.json", tmp_path / "b.json")
    names = {"loop": loop, "link": tmp_path / "link", "gone": gone}
    args = [a.format(**names) for a in args]
    proc = subprocess.run([sys.executable, "-m", "foedus", *args], capture_output=True, text=True,
                          env=os.environ.copy(), timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr == f"error: {said.format(**names)}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "a.json", "b", "b.json", "link",
                                                        "link.json"]  # nothing written


def test_a_dataset_file_that_is_a_symlink_loop_is_named_as_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The data folder's check said 'Too many levels of symbolic links' (the system's words)."""
    from foedus.datasets.verify import check_file

    (tmp_path / "cow_states").mkdir()
    path = _loop(tmp_path / "cow_states")
    monkeypatch.setenv("FOEDUS_DATA_DIR", str(tmp_path))
    state, why = check_file("cow_states/states2016.csv", path)
    assert state == "bad-checksum" and why.startswith(f"{path}: a symbolic link loop (ELOOP); not reading it"), why
