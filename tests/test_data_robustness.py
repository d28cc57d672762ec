"""Bad mirrors, file:// mirrors, damaged caches, a damaged data folder and file-for-folder output paths: each
is either made to work or refused in one line with exit 2, never a traceback.

The shared data is only read: every test copies what it damages into its own temporary folders.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from foedus.cachefile import read_cache, write_cache
from foedus.datasets import DATASETS, MIRROR_ENV, fetch
from foedus.datasets import download as dl
from foedus.errors import ChecksumError, DataFetchError, OutputError
from foedus.outputs import check_target

SOURCE = Path(os.environ["FOEDUS_DATA_DIR"])
STATES = "cow_states/states2016.csv"
STATE_FILES = ("states2016.csv", "system2016.csv", "majors2016.csv")
needs_data = pytest.mark.needs_data
LONG_HOST = "https://" + "a" * 300 + ".com/"


def expected(rel: str) -> str:
    return next(f.sha256 for d in DATASETS.values() for f in d.files if f.path == rel)


def files_in(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


# A process of its own, not `samples.cli_line`: each run starts from its own data folder, cache folder (the world's
# parts cached there, loaded once a process) and environment (the mirror variable).
def cli(*args: str, data: Path, cache: Path, cwd: Path | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k != MIRROR_ENV}
    full = {**base, "FOEDUS_DATA_DIR": str(data), "FOEDUS_CACHE_DIR": str(cache), **(env or {})}
    return subprocess.run([sys.executable, "-m", "foedus.cli", *args], capture_output=True, text=True, env=full,
                          cwd=cwd, timeout=300)


def one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    return lines[0]


def state_mirror(folder: Path, damaged: bool = False) -> str:
    """A folder holding the COW state-system release files (states2016.csv altered when `damaged`), as a URL."""
    folder.mkdir()
    for name in STATE_FILES:
        shutil.copyfile(SOURCE / "cow_states" / name, folder / name)
    if damaged:
        (folder / "states2016.csv").write_bytes((SOURCE / STATES).read_bytes().replace(b"2016", b"2015", 1))
    return folder.as_uri() + "/"


# --- file:// mirrors ----------------------------------------------------------------------------------------


@needs_data
def test_a_file_mirror_installs_the_release_with_the_registry_sha(target: Path, tmp_path: Path) -> None:
    outcomes = fetch(["cow_states"], mirror=state_mirror(tmp_path / "mirror"), progress=False)
    assert {o.action for o in outcomes} == {"downloaded"}
    assert files_in(target) == sorted(f"cow_states/{n}" for n in STATE_FILES)
    assert hashlib.sha256((target / STATES).read_bytes()).hexdigest() == expected(STATES)


@needs_data
def test_a_damaged_file_in_a_file_mirror_is_refused_and_not_installed(target: Path, tmp_path: Path) -> None:
    with pytest.raises(ChecksumError, match=r"states2016\.csv.*not installed"):
        fetch(["cow_states"], mirror=state_mirror(tmp_path / "mirror", damaged=True), progress=False)
    assert STATES not in files_in(target)
    assert all(name.startswith("cow_states/") and name.endswith("2016.csv") for name in files_in(target))


def test_a_file_mirror_without_the_file_names_it(target: Path, tmp_path: Path) -> None:
    (tmp_path / "mirror").mkdir()
    with pytest.raises(DataFetchError, match=r"mirror/states2016\.csv: no such file or folder"):
        fetch(["cow_states"], mirror=(tmp_path / "mirror").as_uri(), progress=False)
    assert files_in(target) == []


def test_a_file_mirror_keeps_the_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "big.csv").write_bytes(b"x" * 4096)
    monkeypatch.setattr(dl, "MAX_DOWNLOAD_BYTES", 1000)
    with pytest.raises(DataFetchError, match="larger than"):
        dl.download((tmp_path / "big.csv").as_uri(), tmp_path / "out" / "big.csv", label="big", progress=False)
    assert not (tmp_path / "out" / "big.csv").exists()


# --- malformed mirror URLs ------------------------------------------------------------------------------------


@pytest.mark.parametrize("mirror", ["http://[::1", "https://a..b/", LONG_HOST, "http://host:99999/", "http://",
                                    "https://a b/", "file://elsewhere/srv/mirror/"])
def test_a_mirror_that_cannot_be_used_is_refused(mirror: str) -> None:
    with pytest.raises(DataFetchError, match="is not an http://, https:// or file:// base URL"):
        dl.check_mirror(mirror)


@pytest.mark.parametrize("mirror", ["http://127.0.0.1:9\n/", "http://127.0.0.1:9/\tm/", "https://data.exa\rmple.org/",
                                    "http://h\u200bost/"])
def test_a_mirror_with_a_hidden_character_is_refused_naming_it(mirror: str) -> None:
    """urlsplit drops a tab or line break without a word: 'http://127.0.0.1:9\\n/' passed the check and the download
    failed later in urllib3's words (Host '127.0.0.1:9\\n' contains invalid character)."""
    with pytest.raises(DataFetchError, match=r"is not an http://, https:// or file:// base URL: it has U\+"):
        dl.check_mirror(mirror)


@pytest.mark.parametrize("mirror", ["http://127.0.0.1:8000/", "https://[::1]/m/", "https://data.example.org/cow/",
                                    "http://localhost", "file:///srv/mirror/", "file://localhost/srv/mirror"])
def test_a_usable_mirror_is_accepted(mirror: str) -> None:
    assert dl.check_mirror(f" {mirror} ") == mirror


def test_a_url_that_urllib3_cannot_parse_is_a_fetch_error(tmp_path: Path) -> None:
    with pytest.raises(DataFetchError, match="a\\.\\.b"):  # past check_mirror (called directly): still one line
        dl.download("https://a..b/states2016.csv", tmp_path / "states2016.csv", label="x", progress=False,
                    retries=0)


@pytest.mark.parametrize(("mirror", "reason"), [("http://127.0.0.1:1/", "cannot connect to 127.0.0.1:1 (Connection "
                                                                       "refused)"),
                                               ("http://no-such-host.invalid/", "cannot find the host "
                                                                               "no-such-host.invalid: no network "
                                                                               "here, or no such host")])
def test_a_host_that_cannot_be_reached_is_said_in_a_few_words(mirror: str, reason: str, tmp_path: Path) -> None:
    """With no network, data fetch said 'could not download … (HTTPSConnectionPool(host=…, port=443): Max retries
    exceeded with url: … (Caused by NameResolutionError("HTTPSConnection(host=…): Failed to resolve …")))' and the
    line, cut at its length limit, lost the advice at its end (the URL to download by hand, `foedus data import`)."""
    data, cache = tmp_path / "data", tmp_path / "cache"
    line = one_error_line(cli("data", "fetch", "cow_wars", "--mirror", mirror, data=data, cache=cache))
    url = "https://correlatesofwar.org/wp-content/uploads/Inter-StateWarData_v4.0.csv"
    assert line == (f"error: could not download cow_wars from {mirror}Inter-StateWarData_v4.0.csv ({reason}); download "
                    f"{url} by hand and run `foedus data import PATH`"), line
    assert files_in(data) == []


@pytest.mark.parametrize("mirror", ["http://[::1", "https://a..b/", LONG_HOST])
def test_bad_mirrors_exit_2_on_the_command_line_and_in_the_environment(mirror: str, tmp_path: Path) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    line = one_error_line(cli("data", "fetch", "cow_states", "--mirror", mirror, data=data, cache=cache))
    assert "--mirror" in line
    line = one_error_line(cli("data", "fetch", "cow_states", data=data, cache=cache, env={MIRROR_ENV: mirror}))
    assert MIRROR_ENV in line
    assert files_in(data) == []


# --- damaged cache entries ------------------------------------------------------------------------------------


def test_a_folder_in_place_of_a_cache_file_is_a_miss_and_left_alone(tmp_path: Path) -> None:
    entry = tmp_path / "cache" / "entry.json"
    assert write_cache(entry, "k", {"a": 1}) and read_cache(entry, "k") == {"a": 1}
    entry.unlink()
    (entry / "inside").mkdir(parents=True)
    assert read_cache(entry, "k") is None
    assert not write_cache(entry, "k", {"a": 1})
    assert (entry / "inside").is_dir()


@needs_data
def test_commands_run_with_a_folder_in_place_of_any_cache_file(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = cli("states", "USA", data=SOURCE, cache=cache)
    assert first.returncode == 0, first.stderr
    names = sorted(p.name for p in cache.glob("*.json"))
    assert "file-hashes.json" in names and any(n.startswith("countrycode-") for n in names)
    for name in names:
        (cache / name).unlink()
        (cache / name).mkdir()
        proc = cli("states", "USA", data=SOURCE, cache=cache)
        assert proc.returncode == 0, f"{name}: {proc.stderr}"
        assert proc.stdout == first.stdout and (cache / name).is_dir()


# --- data status on a damaged folder -----------------------------------------------------------------------


@needs_data
def test_data_status_exits_2_after_the_full_report_when_a_file_is_damaged(tmp_path: Path) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    (data / "cow_states").mkdir(parents=True)
    shutil.copyfile(SOURCE / STATES, data / STATES)
    for as_json in ([], ["--json"]):
        whole = cli("data", "status", *as_json, data=data, cache=cache)  # missing files are no failure
        assert whole.returncode == 0 and whole.stderr == "", whole.stderr
    (data / STATES).write_bytes((SOURCE / STATES).read_bytes()[:1000])
    table = cli("data", "status", data=data, cache=cache)
    line = one_error_line(table)
    assert "1 dataset file failed" in line and "cow_states" in line
    assert "bad-checksum" in table.stdout and "cshapes" in table.stdout  # the last dataset: the table is whole
    as_json = cli("data", "status", "--json", data=data, cache=cache)
    assert one_error_line(as_json) == line
    states = {f["path"]: f["state"] for d in json.loads(as_json.stdout)["datasets"] for f in d["files"]}
    assert states[STATES] == "bad-checksum"


# --- a file where a folder should be -----------------------------------------------------------------------


@pytest.mark.parametrize("rel", ["file.txt/x.csv", "file.txt/deeper/x.csv"])
@pytest.mark.parametrize("kind", ["file", "folder"])
def test_a_file_standing_in_for_a_folder_is_named(tmp_path: Path, rel: str, kind: str) -> None:
    (tmp_path / "file.txt").write_text("mine\n")
    with pytest.raises(OutputError, match=r"file\.txt is a file, not a folder"):
        check_target(tmp_path / rel, kind=kind)  # type: ignore[arg-type]
    with pytest.raises(OutputError, match=r"the folder .*nodir does not exist"):
        check_target(tmp_path / "nodir" / "x.csv", kind=kind)  # type: ignore[arg-type]
    assert (tmp_path / "file.txt").read_text() == "mine\n"


@needs_data
def test_dyads_names_the_file_in_place_of_its_output_folder(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("mine\n")
    proc = cli("dyads", "--from", "2000", "--to", "2001", "--out", "file.txt/x.csv", data=SOURCE,
               cache=tmp_path / "cache", cwd=tmp_path)
    assert one_error_line(proc) == "error: cannot write file.txt/x.csv: file.txt is a file, not a folder"
    assert (tmp_path / "file.txt").read_text() == "mine\n"


@needs_data
@pytest.mark.parametrize("fault", ["permissions", "a folder"])
def test_data_status_says_an_unreadable_file_is_unreadable_not_bad_checksum(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str) -> None:
    """A file foedus cannot read (its permissions; a folder in its place) was labelled bad-checksum, and status
    suggested `foedus data fetch --force`, which would replace a good file whose only fault is its permissions."""
    from foedus import filehash
    from foedus.datasets import status
    from samples import cli_line

    data, cache = tmp_path / "data", tmp_path / "cache"
    (data / "cow_states").mkdir(parents=True)
    for name in STATE_FILES:
        shutil.copyfile(SOURCE / "cow_states" / name, data / "cow_states" / name)
    monkeypatch.setenv("FOEDUS_DATA_DIR", str(data))
    monkeypatch.setenv("FOEDUS_CACHE_DIR", str(cache))
    if fault == "permissions":  # this machine may run as root, who reads anything: the read is made to refuse
        real = filehash.content_sha256

        def denied(path: Path, *args: object) -> str:
            if Path(path).name == "states2016.csv":
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(filehash, "content_sha256", denied)
        reason = f"{data / STATES}: Permission denied; not reading it"
    else:
        (data / STATES).unlink()
        (data / STATES).mkdir()
        reason = f"{data / STATES}: not a regular file; not reading it"
    code, out, err = cli_line(["data", "status"])
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and "Traceback" not in err, err
    assert "1 dataset file cannot be read (unreadable above, in cow_states" in lines[0]
    assert "fix its permissions" in lines[0] and "--force cow_states" not in lines[0]
    assert "bad-checksum" not in out and f"unreadable     {STATES}" in out
    assert reason in out and "fix its permissions" in out
    states = {f.path: (f.state, f.reason) for s in status() for f in s.files}
    assert states[STATES][0] == "unreadable" and states[STATES][1].startswith(reason)
    assert states["cow_states/system2016.csv"] == ("present", "")
