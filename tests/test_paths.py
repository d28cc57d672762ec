"""The per-user folders: foedus reads the XDG folders itself on Linux, and must find the ones platformdirs gives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from platformdirs import user_cache_dir, user_data_dir

from foedus import paths
from samples import cli_line

CASES = [
    {},  # neither variable set: the folders under HOME
    {"XDG_CACHE_HOME": "/srv/cache", "XDG_DATA_HOME": "/srv/data"},
    {"XDG_CACHE_HOME": "", "XDG_DATA_HOME": ""},  # empty: as unset
    {"XDG_CACHE_HOME": "relative/cache", "XDG_DATA_HOME": "relative/data"},  # relative: ignored
    {"HOME": "/home/someone/"},  # a trailing slash
    {"HOME": "/"},
]


@pytest.mark.parametrize("env", CASES)
def test_the_folders_are_the_ones_platformdirs_gives(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """Without FOEDUS_CACHE_DIR and FOEDUS_DATA_DIR, the cache and data folders are platformdirs' own."""
    for name in ("FOEDUS_CACHE_DIR", paths.DATA_ENV, "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", "/home/someone")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert paths.cache_dir() == Path(user_cache_dir("foedus"))
    assert paths.data_dir() == Path(user_data_dir("foedus")) / "data"


def test_a_relative_home_is_left_to_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where HOME is not absolute, platformdirs' own rules decide (it falls back to the password database)."""
    for name in ("FOEDUS_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", "not/absolute")
    assert paths._xdg_base("XDG_CACHE_HOME", ".cache") is None
    assert paths.cache_dir() == Path(user_cache_dir("foedus"))


def test_the_overrides_win(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """FOEDUS_CACHE_DIR and FOEDUS_DATA_DIR name the folders outright (with ~ expanded)."""
    monkeypatch.setenv("FOEDUS_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv(paths.DATA_ENV, "~/d")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.cache_dir() == tmp_path / "c"
    assert paths.data_dir() == tmp_path / "d"


def test_a_plain_start_does_not_import_platformdirs(tmp_path: Path) -> None:
    """The console's start finds its cache without importing platformdirs (a sixth of the start on Python 3.11)."""
    env = {k: v for k, v in os.environ.items() if k != "FOEDUS_CACHE_DIR"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    code = ("import atexit, sys\nfrom foedus.cli.start import main\n"
            "sys.argv = ['foedus', 'cascade', '-a', 'UKR', '-t', 'RUS', '-d', '2025-01-15', '--json']\n"
            "atexit.register(lambda: sys.stderr.write(repr('platformdirs' in sys.modules)))\n"
            "main()")  # checked at exit: the process ends at once after a plain cascade (`failures.leave`)
    for _ in range(2):  # the second with its cache warm
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr.strip().splitlines()[-1] == "False"
    assert (tmp_path / "cache" / "foedus").is_dir()


def test_a_data_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    """$FOEDUS_DATA_DIR naming a file stops every command with one line saying so (an import had said the
    dataset file 'is already in place and differs')."""
    (tmp_path / "afile").write_text("", encoding="utf-8")
    env = os.environ | {"FOEDUS_DATA_DIR": str(tmp_path / "afile"), "FOEDUS_CACHE_DIR": str(tmp_path / "c")}
    for args in (["states", "USA"], ["data", "status"], ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"]):
        proc = subprocess.run([sys.executable, "-m", "foedus", *args], capture_output=True, text=True, env=env,
                              timeout=120)
        assert proc.returncode == 2 and proc.stderr.strip() == (
            f"error: FOEDUS_DATA_DIR={tmp_path / 'afile'}: not a folder (give the folder that holds the datasets)")



def test_data_dir_refuses_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check is `data_dir`'s own, so every caller gets it; a folder not made yet is not refused."""
    from foedus.errors import SettingError

    (tmp_path / "afile").write_text("", encoding="utf-8")
    monkeypatch.setenv("FOEDUS_DATA_DIR", str(tmp_path / "afile"))
    with pytest.raises(SettingError, match="not a folder"):
        paths.data_dir()
    monkeypatch.setenv("FOEDUS_DATA_DIR", str(tmp_path / "later"))
    assert paths.data_dir() == tmp_path / "later"


@pytest.mark.parametrize("under", ["afile", "afile/cache"])
def test_a_cache_folder_that_is_a_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, under: str) -> None:
    """$FOEDUS_CACHE_DIR naming a file (or a path through one) ran every command without a cache, unsaid, each run
    as slow as the first: it is refused in one line as $FOEDUS_DATA_DIR is (by `cache_dir` itself, so every caller
    gets it), and the file is left as it was. A fresh process: this one may hold in memory what the cache keeps."""
    from foedus.errors import SettingError

    (tmp_path / "afile").write_text("mine", encoding="utf-8")
    why = "not a folder" if under == "afile" else f"{tmp_path / 'afile'} is not a folder (ENOTDIR)"
    said = f"FOEDUS_CACHE_DIR={tmp_path / under}: {why} (give the folder for foedus's cache)"
    monkeypatch.setenv("FOEDUS_CACHE_DIR", str(tmp_path / under))
    with pytest.raises(SettingError) as caught:
        paths.cache_dir()
    assert str(caught.value) == said
    proc = subprocess.run([sys.executable, "-m", "foedus", "states", "USA"], capture_output=True, text=True,
                          env=os.environ.copy(), timeout=120)
    assert (proc.returncode, proc.stdout, proc.stderr.splitlines()) == (2, "", [f"error: {said}"])
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("under", ["afile/data", "afile/data/more"])
def test_a_data_folder_no_folder_can_be_made_at_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           under: str) -> None:
    """A path through a file (`afile/data`) is not a folder to make later: `data status` had said every dataset
    file failed its checksum, and a cascade that the cow_states file was corrupt."""
    (tmp_path / "afile").write_text("", encoding="utf-8")
    monkeypatch.setenv("FOEDUS_DATA_DIR", str(tmp_path / under))
    why = f"{tmp_path / 'afile'} is not a folder (ENOTDIR)"
    for args in (["data", "status"], ["states", "USA"]):
        code, _, err = cli_line(args)
        assert code == 2 and err.splitlines() == [
            f"error: FOEDUS_DATA_DIR={tmp_path / under}: {why} (give the folder that holds the datasets)"]


@pytest.mark.parametrize("variable", ["FOEDUS_DATA_DIR", "FOEDUS_CACHE_DIR"])
def test_a_blank_folder_setting_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str) -> None:
    """A value of only spaces was read as a folder named with spaces beside the working folder (the cache made one
    there, the data folder was said to lack every dataset): it is refused, the variable named. An empty value reads
    the default, as an empty XDG variable does."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(variable, "  ")
    for args in (["data", "status"], ["states", "USA"]):
        code, _, err = cli_line(args)
        if variable == "FOEDUS_CACHE_DIR" and args[0] == "data":
            continue  # the data folder's status reads no cache
        assert (code, err.splitlines()) == (2, [
            f"error: {variable} is blank: give the folder "
            f"{'that holds the datasets' if variable == 'FOEDUS_DATA_DIR' else 'for foedus' + chr(39) + 's cache'}, "
            "or unset it for the default"])
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setenv(variable, "")
    assert paths.data_dir() != Path("") and paths.cache_dir() != Path("")
