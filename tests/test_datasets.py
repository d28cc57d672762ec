"""Research data: import from the shared folder, fetch from a loopback mirror, checksums, status, cite, CLI.

The shared data folder ($FOEDUS_DATA_DIR, set by conftest) is only ever read, as the SOURCE; every test
writes to its own temporary data folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import threading
import zipfile
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from foedus.datasets import DATASETS, MIRROR_ENV, cite, fetch, import_file, status
from foedus.errors import ChecksumError, DataFetchError, DataImportError, UnknownDatasetError
from samples import cli_line

SOURCE = Path(os.environ["FOEDUS_DATA_DIR"])
STATES = "cow_states/states2016.csv"
needs_data = pytest.mark.needs_data


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def expected(rel: str) -> str:
    return next(f.sha256 for d in DATASETS.values() for f in d.files if f.path == rel)


def all_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def mirror(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A loopback HTTP server on a random port serving a temp folder: (base URL, folder)."""
    served = tmp_path / "served"
    served.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(served)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", served
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def dead_url() -> Iterator[str]:
    """A loopback URL nothing listens on, for the whole test: its port is bound here and never listened on, so a
    connection to it is refused, and no other process can bind it meanwhile (this socket does not allow reuse). A
    port found free and let go at once could be taken by another process before the test used it."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{held.getsockname()[1]}"


def serve_release(served: Path) -> None:
    """Lay out the official file names: plain CSVs, a zip with a folder, a zip with a nested zip."""
    for name in ("states2016.csv", "system2016.csv", "majors2016.csv"):
        shutil.copyfile(SOURCE / "cow_states" / name, served / name)
    with zipfile.ZipFile(served / "DirectContiguity320.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for name in ("contdir.csv", "contdird.csv"):
            z.write(SOURCE / "cow_contiguity" / name, f"DirectContiguity320/{name}")
        z.writestr("DirectContiguity320/readme.txt", "not a dataset file")
    inner = served / "NMC-60-abridged.zip"
    with zipfile.ZipFile(inner, "w") as z:
        z.write(SOURCE / "cow_nmc" / "NMC-60-abridged.csv", "NMC-60-abridged/NMC-60-abridged.csv")
    with zipfile.ZipFile(served / "NMC_Documentation-6.0.zip", "w") as z:
        z.write(inner, "NMC_Documentation-6.0/NMC-60-abridged.zip")
    inner.unlink()


# --- import -------------------------------------------------------------------------------------------------


@needs_data
def test_import_the_shared_folder_puts_every_file_in_place(target: Path) -> None:
    outcomes = import_file(SOURCE)
    paths = [f.path for d in DATASETS.values() if not d.optional for f in d.files]  # shared/ has no CShapes
    assert sorted(o.path for o in outcomes) == sorted(paths)
    assert {o.action for o in outcomes} == {"imported"}
    for rel in paths:
        assert sha(target / rel) == expected(rel)
    assert all(s.state == "present" for s in status() if not s.dataset.optional)
    assert not [p for p in all_files(target) if p.endswith(".part")]


@needs_data
def test_import_one_file_then_again_leaves_it_alone(target: Path) -> None:
    assert [o.action for o in import_file(SOURCE / STATES)] == ["imported"]
    before = (target / STATES).stat().st_mtime_ns
    assert [o.action for o in import_file(str(SOURCE / STATES))] == ["present"]
    assert (target / STATES).stat().st_mtime_ns == before


@needs_data
def test_import_corrupted_copy_names_both_hashes_and_leaves_source(target: Path, tmp_path: Path) -> None:
    bad = tmp_path / "states2016.csv"
    bad.write_bytes((SOURCE / STATES).read_bytes() + b"2,USA,Extra,1816,1,1,2016,12,31,2016\r\n")
    before = bad.read_bytes()
    with pytest.raises(ChecksumError) as err:
        import_file(bad)
    message = str(err.value)
    assert sha(bad) in message and expected(STATES) in message and "\n" not in message
    assert bad.read_bytes() == before
    assert all_files(target) == []


@needs_data
def test_import_zip_matches_members_by_name(target: Path, tmp_path: Path) -> None:
    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(SOURCE / "cow_contiguity" / "contdir.csv", "some folder/contdir.csv")
        z.write(SOURCE / "cow_contiguity" / "contdird.csv", "contdird.csv")
        z.writestr("notes.txt", "ignored")
    outcomes = import_file(archive)
    assert sorted((o.path, o.action) for o in outcomes) == [
        ("cow_contiguity/contdir.csv", "imported"), ("cow_contiguity/contdird.csv", "imported")]
    assert all_files(target) == ["cow_contiguity/contdir.csv", "cow_contiguity/contdird.csv"]
    assert archive.is_file()


@needs_data
def test_import_renamed_file_is_matched_by_checksum(target: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "majors2016 (1).csv"
    shutil.copyfile(SOURCE / "cow_states" / "majors2016.csv", renamed)
    assert [o.path for o in import_file(renamed)] == ["cow_states/majors2016.csv"]


def test_import_unknown_or_missing_file_is_an_error(target: Path, tmp_path: Path) -> None:
    stray = tmp_path / "stray.csv"
    stray.write_text("a,b\n1,2\n")
    with pytest.raises(DataImportError, match="not a dataset file foedus knows"):
        import_file(stray)
    with pytest.raises(DataImportError, match="no such file"):
        import_file(tmp_path / "nope.csv")


@needs_data
def test_import_does_not_overwrite_a_differing_file_without_force(target: Path) -> None:
    (target / "cow_states").mkdir(parents=True)
    (target / STATES).write_text("my edits\n")
    with pytest.raises(ChecksumError, match="--force"):
        import_file(SOURCE / STATES)
    assert (target / STATES).read_text() == "my edits\n"
    assert [o.action for o in import_file(SOURCE / STATES, force=True)] == ["imported"]
    assert sha(target / STATES) == expected(STATES)


@needs_data
@pytest.mark.parametrize("content", ["my edits\n", "right"])
def test_import_keeps_a_file_that_appears_after_the_check(target: Path, monkeypatch: pytest.MonkeyPatch,
                                                          content: str) -> None:
    """Whether a file in place may be replaced is decided when it is checked (missing, or --force): one that a user
    or another run puts there meanwhile is kept without --force, and accepted only when it is the right file."""
    import foedus.datasets.importing as importing
    from foedus.errors import OutputExistsError

    real = importing.install

    def user_writes_first(stream: Any, path: Path, *args: Any, **kwargs: Any) -> Any:
        path.parent.mkdir(parents=True, exist_ok=True)
        if content == "right":
            shutil.copyfile(SOURCE / STATES, path)
        else:
            path.write_text(content)
        return real(stream, path, *args, **kwargs)

    monkeypatch.setattr(importing, "install", user_writes_first)
    if content == "right":
        assert [o.action for o in import_file(SOURCE / STATES)] == ["imported"]
        assert sha(target / STATES) == expected(STATES)
        return
    with pytest.raises(OutputExistsError, match=r"not overwriting it.*--force") as err:
        import_file(SOURCE / STATES)
    assert "\n" not in str(err.value)
    assert (target / STATES).read_text() == "my edits\n"
    assert all_files(target) == [STATES]  # no temporary left beside it


# --- fetch --------------------------------------------------------------------------------------------------


@needs_data
def test_fetch_from_mirror_plain_files_zip_and_nested_zip(target: Path, mirror: tuple[str, Path],
                                                           dead_url: str) -> None:
    url, served = mirror
    serve_release(served)
    outcomes = fetch(["cow_states", "cow_contiguity", "cow_nmc"], mirror=url, progress=False)
    assert {o.action for o in outcomes} == {"downloaded"}
    got = all_files(target)
    assert got == sorted(f.path for n in ("cow_states", "cow_contiguity", "cow_nmc") for f in DATASETS[n].files)
    for rel in got:
        assert sha(target / rel) == expected(rel)
    # already right: nothing is downloaded again (the mirror is not even asked)
    again = fetch(["cow_states", "cow_contiguity", "cow_nmc"], mirror=dead_url)
    assert {o.action for o in again} == {"present"}


@needs_data
def test_fetch_honours_env_mirror_and_draws_progress(target: Path, mirror: tuple[str, Path],
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    url, served = mirror
    serve_release(served)
    monkeypatch.setenv(MIRROR_ENV, url + "/")
    fetch(["cow_states"], progress=True)
    assert sha(target / STATES) == expected(STATES)
    assert "states2016.csv" in capsys.readouterr().err


@needs_data
def test_fetch_wrong_bytes_leave_no_file(target: Path, mirror: tuple[str, Path]) -> None:
    url, served = mirror
    serve_release(served)
    (served / "states2016.csv").write_bytes(b"stateabb,ccode\r\nUSA,2\r\n")
    with pytest.raises(ChecksumError, match=expected(STATES)):
        fetch(["cow_states"], mirror=url)
    assert all_files(target) == []


def test_fetch_with_server_down_names_url_and_import_command(target: Path, dead_url: str) -> None:
    down = dead_url
    with pytest.raises(DataFetchError) as err:
        fetch(["cow_states"], mirror=down)
    message = str(err.value)
    assert "\n" not in message
    assert "cow_states" in message
    assert f"{down}/states2016.csv" in message
    assert "https://correlatesofwar.org/wp-content/uploads/states2016.csv" in message
    assert "foedus data import PATH" in message
    assert all_files(target) == []


@needs_data
def test_fetch_does_not_overwrite_a_differing_file_without_force(target: Path, mirror: tuple[str, Path]) -> None:
    url, served = mirror
    serve_release(served)
    (target / "cow_states").mkdir(parents=True)
    (target / STATES).write_text("my edits\n")
    with pytest.raises(ChecksumError, match="--force"):
        fetch(["cow_states"], mirror=url)
    assert all_files(target) == [STATES]  # refused before downloading anything
    assert (target / STATES).read_text() == "my edits\n"
    fetch(["cow_states"], mirror=url, force=True)
    assert sha(target / STATES) == expected(STATES)


@needs_data
def test_fetch_keeps_a_file_that_appears_during_the_download(target: Path, mirror: tuple[str, Path],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A download takes time: a file put in place meanwhile is not replaced without --force (it was missing when
    checked), and with --force it is."""
    import foedus.datasets.fetching as fetching
    from foedus.errors import OutputExistsError

    url, served = mirror
    serve_release(served)
    real = fetching.download

    def user_writes_meanwhile(url: str, dest: Path, **kwargs: Any) -> None:
        real(url, dest, **kwargs)
        if dest.name == "states2016.csv":
            (target / "cow_states").mkdir(parents=True, exist_ok=True)
            (target / STATES).write_text("my edits\n")

    monkeypatch.setattr(fetching, "download", user_writes_meanwhile)
    with pytest.raises(OutputExistsError, match="not overwriting it") as err:
        fetch(["cow_states"], mirror=url)
    assert "\n" not in str(err.value)
    assert (target / STATES).read_text() == "my edits\n"
    fetch(["cow_states"], mirror=url, force=True)
    assert sha(target / STATES) == expected(STATES)


def test_fetch_says_import_only_files_cannot_be_downloaded(target: Path) -> None:
    with pytest.raises(DataFetchError, match=r"gw_states cannot be downloaded.*foedus data import PATH"):
        fetch(["gw_states"])
    with pytest.raises(UnknownDatasetError, match="known: atop"):
        fetch(["cow_alliance"])


@pytest.mark.parametrize("names", [[""], ["atop", " "]])
def test_an_empty_dataset_name_is_refused_not_read_as_every_dataset(target: Path, names: list[str],
                                                                    dead_url: str) -> None:
    """`foedus data fetch ''` dropped the empty name and fetched every dataset, the optional ones too; `cite ''`
    cited all of them."""
    for call in (partial(fetch, mirror=dead_url), cite, status):
        with pytest.raises(UnknownDatasetError, match=r"^a dataset name is empty; known: atop, "):
            call(names)
    assert not target.exists()  # nothing fetched, not even the folder made


@needs_data
def test_fetch_all_skips_import_only_files_with_the_reason(target: Path, dead_url: str) -> None:
    import_file(SOURCE)  # everything present: nothing to download
    (target / "gw_states" / "gw_states.csv").unlink()
    outcomes = {o.path: o for o in fetch(mirror=dead_url)}
    skipped = outcomes["gw_states/gw_states.csv"]
    assert skipped.action == "skipped" and "foedus data import PATH" in skipped.detail
    assert outcomes[STATES].action == "present"


# --- status and cite -----------------------------------------------------------------------------------------


@needs_data
def test_status_and_cite(target: Path) -> None:
    import_file(SOURCE / STATES)
    (target / "cow_nmc").mkdir(parents=True)
    (target / "cow_nmc" / "NMC-60-abridged.csv").write_text("stateabb,ccode\n")
    by_name = {s.dataset.name: s for s in status()}
    states = {f.path: f.state for f in by_name["cow_states"].files}
    assert states == {STATES: "present", "cow_states/system2016.csv": "missing",
                      "cow_states/majors2016.csv": "missing"}
    assert by_name["cow_nmc"].state == "bad-checksum"
    assert by_name["atop"].state == "missing" and by_name["atop"].dataset.version == "5.1"
    d = by_name["cow_states"].to_dict()
    assert d["version"] == "2016" and "State System Membership List" in d["citations"][0]
    assert list(cite()) == ["cow_states", "cow_nmc"]
    assert "Leeds" in cite(["ATOP"])["atop"][0]
    assert "Gleditsch" in " ".join(cite(["gw_states"])["gw_states"])


# --- command line --------------------------------------------------------------------------------------------


def test_cli_status_json_and_import_errors(target: Path) -> None:
    proc = cli_line(["data", "status", "--json"])
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["data_dir"] == str(target)
    assert [d["name"] for d in out["datasets"]] == list(DATASETS)
    assert {f["state"] for d in out["datasets"] for f in d["files"]} == {"missing"}

    proc = cli_line(["data", "import", "/nonexistent"])
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("error: /nonexistent")
    assert "Traceback" not in proc.stderr


@needs_data
def test_cli_import_then_cite_and_path(target: Path) -> None:
    proc = cli_line(["data", "import", str(SOURCE / STATES)])
    assert proc.returncode == 0, proc.stderr
    assert "imported" in proc.stdout and STATES in proc.stdout
    proc = cli_line(["cite"])
    assert proc.returncode == 0 and "State System Membership List, v2016" in proc.stdout
    assert "Leeds" not in proc.stdout
    proc = cli_line(["data", "path"])
    assert proc.stdout.strip() == str(target)


# --- downloads through pooch: retries and the registry's hash -------------------------------------------------


class _FlakyHandler(_QuietHandler):
    """Answers 503 to the first request for each path, then serves the file."""

    seen: ClassVar[set[str]] = set()

    def do_GET(self) -> None:
        if self.path not in self.seen:
            self.seen.add(self.path)
            self.send_error(503, "busy")
            return
        super().do_GET()


@needs_data
def test_fetch_retries_a_busy_server_through_pooch(target: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import pooch

    served = tmp_path / "flaky"
    served.mkdir()
    serve_release(served)
    _FlakyHandler.seen = set()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_FlakyHandler, directory=str(served)))
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    monkeypatch.setattr(time, "sleep", lambda _s: None)  # pooch's pause between tries
    calls: list[str] = []
    real = pooch.HTTPDownloader.__call__

    def spy(self: Any, url: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(url)
        return real(self, url, *args, **kwargs)

    monkeypatch.setattr(pooch.HTTPDownloader, "__call__", spy)
    try:
        outcomes = fetch(["cow_states"], mirror=f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()
    assert {o.action for o in outcomes} == {"downloaded"}
    assert sha(target / STATES) == expected(STATES)
    assert len(calls) == 6  # three files, each refused once and then fetched


def test_download_checks_the_registry_hash_and_leaves_nothing(tmp_path: Path, mirror: tuple[str, Path]) -> None:
    from foedus.datasets.download import download

    url, served = mirror
    (served / "f.csv").write_bytes(b"a,b\n1,2\n")
    dest = tmp_path / "got" / "f.csv"
    dest.parent.mkdir()
    with pytest.raises(ChecksumError, match="0" * 64):
        download(f"{url}/f.csv", dest, label="f", progress=False, sha256="0" * 64, retries=0)
    assert list(dest.parent.iterdir()) == []
    download(f"{url}/f.csv", dest, label="f", progress=False, sha256=hashlib.sha256(b"a,b\n1,2\n").hexdigest())
    assert dest.read_bytes() == b"a,b\n1,2\n"
    with pytest.raises(DataFetchError, match="HTTP 404"):
        download(f"{url}/missing.csv", tmp_path / "got" / "missing.csv", label="m", progress=False, retries=0)
