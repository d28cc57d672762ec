"""Data files are checked before they are believed, and the on-disk caches hold data, never code.

Every test works on its own data folder (symbolic links to the shared data, with the file under test replaced
by a damaged copy) and its own cache folder; the shared data is only read.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import time
import zipfile
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from foedus.datasets import DATASETS, import_file, status
from foedus.datasets.verify import OTHER_VERSIONS, check_file, dataset_file
from foedus.errors import ChecksumError, DataCorruptError, DataFetchError, DataImportError
from other_release import another_release
from samples import cli_line

SOURCE = Path(os.environ["FOEDUS_DATA_DIR"])
ATOP_M = "atop/atop5_1m.csv"
STATES = "cow_states/states2016.csv"
pytestmark = pytest.mark.needs_data


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of links to the shared files, and a fresh cache; FOEDUS_DATA_DIR/CACHE_DIR point at them."""
    root = tmp_path / "data"
    for dataset in DATASETS.values():
        for file in dataset.files:
            if (SOURCE / file.path).is_file():
                (root / file.path).parent.mkdir(parents=True, exist_ok=True)
                (root / file.path).symlink_to(SOURCE / file.path)
    monkeypatch.setenv("FOEDUS_DATA_DIR", str(root))
    monkeypatch.setenv("FOEDUS_CACHE_DIR", str(tmp_path / "cache"))
    import foedus.filehash

    monkeypatch.setattr(foedus.filehash, "_memo", None)
    return root


def _replace(root: Path, rel: str, content: bytes) -> Path:
    path = root / rel
    path.unlink()
    path.write_bytes(content)
    return path


# A process of its own, not `samples.cli_line`: a process loads its world once, from the data folder it starts with
# (here one the test damaged); a command that loads no world runs through `samples.cli_line`.
def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "foedus.cli", *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def test_registry_files_pass_and_damaged_ones_are_refused(data: Path) -> None:
    assert dataset_file(STATES) == data / STATES
    assert check_file(ATOP_M, data / ATOP_M)[0] == "present"
    whole = (SOURCE / ATOP_M).read_bytes()
    _replace(data, ATOP_M, whole[: len(whole) // 2])
    with pytest.raises(DataCorruptError, match=r"atop5_1m\.csv.*corrupt, truncated.*foedus data status"):
        dataset_file(ATOP_M)
    _replace(data, ATOP_M, b"")
    with pytest.raises(DataCorruptError, match=r"\(empty\)"):
        dataset_file(ATOP_M)
    assert {s.dataset.name: s.state for s in status()}["atop"] == "bad-checksum"


def test_an_empty_atop_file_stops_the_1914_example_instead_of_losing_france(data: Path) -> None:
    _replace(data, ATOP_M, b"")
    proc = _cli("cascade", "-a", "GMY", "-t", "RUS", "-d", "1914-08-01", "--json")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len(proc.stderr.splitlines()) == 1 and "atop5_1m.csv" in proc.stderr
    assert "foedus data status" in proc.stderr and json.loads(proc.stdout)["ok"] is False
    today = _cli("cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast", "--json")
    assert today.returncode == 2 and "atop5_1m.csv" in today.stderr  # ATOP is carried forward: 2025 reads it too


def test_a_damaged_state_system_file_is_refused_even_with_a_warm_cache(data: Path) -> None:
    warm = _cli("states", "--json")
    assert warm.returncode == 0, warm.stderr
    _replace(data, STATES, (SOURCE / STATES).read_bytes().replace(b"2016", b"2015", 3))
    proc = _cli("states", "--json")
    assert proc.returncode == 2 and "states2016.csv" in proc.stderr and "foedus data status" in proc.stderr


def test_hashes_are_remembered_across_processes_but_not_across_changes(data: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import foedus.filehash as fh

    assert check_file(STATES, data / STATES)[0] == "present"
    fh.save()
    monkeypatch.setattr(fh, "_memo", None)  # as in a fresh process: the hashes come from the cache file

    def no_hashing(*_a: Any) -> Any:
        raise AssertionError("an unchanged file was hashed again")

    monkeypatch.setattr(fh, "hashlib", SimpleNamespace(sha256=no_hashing))
    assert check_file(STATES, data / STATES)[0] == "present"
    monkeypatch.undo()
    # same size and modification time, other content: the change time gives it away
    target = data / STATES
    original = (SOURCE / STATES).read_bytes()
    _replace(data, STATES, original)
    assert check_file(STATES, target)[0] == "present"
    stamp = target.stat()
    target.write_bytes(original.replace(b"USA", b"XXX", 1))
    os.utime(target, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert check_file(STATES, target)[0] == "bad-checksum"


def test_another_version_is_accepted_only_as_recorded(data: Path, tmp_path: Path) -> None:
    other = tmp_path / "dl" / "states2016.csv"
    other.parent.mkdir()
    lines = (SOURCE / STATES).read_bytes().splitlines(keepends=True)
    other.write_bytes(another_release(b"".join(lines[:150])))
    with pytest.raises(ChecksumError, match="--any-version"):
        import_file(other, force=True)
    outcomes = import_file(other, force=True, any_version=True)
    assert outcomes[0].action == "imported" and "another version" in outcomes[0].detail
    recorded = json.loads((data / OTHER_VERSIONS).read_text())["files"][STATES]
    assert recorded["size"] == other.stat().st_size
    assert check_file(STATES, data / STATES)[0] == "other-version"
    assert dataset_file(STATES) == data / STATES
    with (data / STATES).open("ab") as fh:
        fh.write(b"USA,2,United States,1816,1,1,2016,12,31,2016\n")
    with pytest.raises(DataCorruptError):
        dataset_file(STATES)
    no_columns = tmp_path / "dl2" / "states2016.csv"
    no_columns.parent.mkdir()
    no_columns.write_text("stateabb,ccode\nUSA,2\n", encoding="utf-8")
    with pytest.raises(DataImportError, match="lacks the column"):
        import_file(no_columns, force=True, any_version=True)
    import_file(SOURCE / STATES, force=True)  # the registry's version again: the record goes
    assert STATES not in json.loads((data / OTHER_VERSIONS).read_text())["files"]
    assert check_file(STATES, data / STATES)[0] == "present"


def test_two_imports_at_once_each_keep_their_record(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The record of other versions is read, changed and rewritten under a lock: an import that records its file
    while another is between reading and writing the record waits, instead of having its entry dropped (its file
    was then refused by every command). The second import runs in a thread that starts inside the first's read."""
    import threading

    import foedus.datasets.verify as verify
    from foedus.datasets.registry import find_path

    nmc, states = find_path("cow_nmc/NMC-60-abridged.csv"), find_path(STATES)
    assert nmc is not None and states is not None
    real_read, other = verify.other_versions, threading.Thread(
        target=verify.record_other_version, args=(nmc[1], "b" * 64, 2, "the other import"))

    def read_then_other_import_runs() -> dict[str, Any]:
        entries = real_read()
        if other.ident is None:  # the first import's read: the other one starts now
            other.start()
            other.join(0.5)  # it waits for the lock (with none, it is done long before)
        return entries

    monkeypatch.setattr(verify, "other_versions", read_then_other_import_runs)
    verify.record_other_version(states[1], "a" * 64, 1, "this import")
    other.join(10)
    recorded = json.loads((data / OTHER_VERSIONS).read_text())["files"]
    assert {path: entry["source"] for path, entry in recorded.items()} == {
        STATES: "this import", "cow_nmc/NMC-60-abridged.csv": "the other import"}
    assert sorted(p.name for p in data.iterdir() if p.name.startswith(".")) == []  # no temporary left


def _encrypted_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("states2016.csv", (SOURCE / STATES).read_bytes())
    data = bytearray(path.read_bytes())
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(sig)
        data[at + offset] |= 0x01
    path.write_bytes(bytes(data))


def test_corrupt_and_encrypted_zips_give_one_clear_error(data: Path, tmp_path: Path) -> None:
    corrupt = tmp_path / "release.zip"
    corrupt.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(DataImportError, match="not a readable zip"):
        import_file(corrupt)
    encrypted = tmp_path / "locked.zip"
    _encrypted_zip(encrypted)
    with pytest.raises(DataImportError, match="encrypted"):
        import_file(encrypted)
    proc = cli_line(["data", "import", str(encrypted)])
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1 and "encrypted" in proc.stderr


def test_a_damaged_zip_in_a_folder_is_named_not_the_folder(data: Path, tmp_path: Path) -> None:
    """`data import downloads` with one damaged zip among its files said 'cannot import downloads: it is not a
    readable zip archive', the folder named as the zip: which file is damaged was left to guess."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "release.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(DataImportError) as caught:
        import_file(folder)
    assert str(caught.value).startswith(f"cannot import {folder / 'release.zip'}: it is not a readable zip archive")


def test_an_empty_or_malformed_mirror_is_an_error(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.datasets import fetch

    for bad in ("", "   ", "ftp://example.org/x", "no scheme"):
        with pytest.raises(DataFetchError, match="mirror"):
            fetch(["cow_states"], mirror=bad)
    monkeypatch.setenv("FOEDUS_DATA_MIRROR", "gopher://x")
    with pytest.raises(DataFetchError, match="FOEDUS_DATA_MIRROR"):
        fetch(["cow_states"])
    proc = cli_line(["data", "fetch", "--mirror", ""])
    assert proc.returncode == 2 and "--mirror is empty" in proc.stderr


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_downloads_are_capped(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    import foedus.datasets.download as download
    from foedus.datasets import fetch

    served = tmp_path / "served"
    served.mkdir()
    (served / "states2016.csv").write_bytes(b"x" * 5000)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setattr(download, "MAX_DOWNLOAD_BYTES", 1000)
    (data / STATES).unlink()
    try:
        with pytest.raises(DataFetchError, match="larger than"):
            fetch(["cow_states"], mirror=f"http://127.0.0.1:{server.server_address[1]}", force=True)
    finally:
        server.shutdown()
        server.server_close()
    assert not (data / STATES).exists()


def test_caches_are_plain_json_keyed_on_version_and_owner(data: Path, tmp_path: Path) -> None:
    from foedus.cachefile import read_cache, trusted, write_cache

    path = tmp_path / "cache" / "thing.json"
    assert write_cache(path, "k1", {"a": [1, 2]})
    assert read_cache(path, "k1") == {"a": [1, 2]} and read_cache(path, "k2") is None
    header = json.loads(path.read_bytes().split(b"\n", 1)[0])
    assert header["format"] == "foedus-cache/1" and header["length"] > 0
    path.write_bytes(path.read_bytes().replace(b'"foedus": "', b'"foedus": "0.0.0-'))  # another version's cache
    assert read_cache(path, "k1") is None
    assert write_cache(path, "k1", {"a": 1})
    path.write_bytes(path.read_bytes()[:-3])  # truncated
    assert read_cache(path, "k1") is None
    assert write_cache(path, "k1", {"a": 1})
    path.chmod(0o666)  # anyone could have written it
    assert read_cache(path, "k1") is None
    path.chmod(0o600)
    assert read_cache(path, "k1") == {"a": 1}
    mine = path.stat()
    theirs = os.stat_result((mine.st_mode, 0, 0, 0, mine.st_uid + 1, 0, 0, 0, 0, 0))
    assert trusted(mine) and not trusted(theirs)


def test_temporaries_left_by_killed_cache_writers_are_swept(tmp_path: Path) -> None:
    """A writer killed between writing its temporary and renaming it (SIGKILL, the OOM killer) leaves the
    temporary behind: readers ignore it, and a later write deletes it once it is old, never a fresh one (a live
    write's) and never anything else in the folder."""
    from foedus.cachefile import read_cache, write_cache

    cache = tmp_path / "cache"
    assert write_cache(cache / "world-a.json", "a", [1])
    old, fresh = cache / ".world-b.json.k1ll3d00.tmp", cache / ".cinc-c.json.l1v3w0rk.tmp"
    other = cache / ".notes.tmp"
    for path in (old, fresh, other):
        path.write_bytes(b"half a cache file")
        path.chmod(0o600)
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    os.utime(other, (time.time() - 7200, time.time() - 7200))
    assert read_cache(cache / "world-b.json", "b") is None  # ignored by readers
    assert write_cache(cache / "world-a.json", "a", [2])
    assert sorted(p.name for p in cache.iterdir()) == sorted([fresh.name, other.name, "world-a.json"])
    assert read_cache(cache / "world-a.json", "a") == [2]


def test_what_a_build_read_from_a_file_replaced_meanwhile_is_not_cached(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The key of a derived cache is the source's content when the run began; a build that read the file after
    another run replaced it (`data import --any-version` meanwhile) made the new file's value, which was stored
    under the old file's key and served for the old file once it was back. It is now used, not stored."""
    import foedus.filehash
    from foedus.derived import cached_from_file

    monkeypatch.setenv("FOEDUS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(foedus.filehash, "_memo", None)
    source, swap = tmp_path / "table.csv", tmp_path / "swap.csv"
    source.write_text("the registry's version", encoding="utf-8")
    original = source.read_bytes()

    def read_after_another_import() -> str:
        swap.write_text("another version", encoding="utf-8")
        os.replace(swap, source)
        return source.read_text(encoding="utf-8")

    assert cached_from_file(source, "table", read_after_another_import, str, str) == "another version"
    assert not list((tmp_path / "cache").glob("table-*.json"))
    swap.write_bytes(original)
    os.replace(swap, source)  # the registry's version is back
    assert cached_from_file(source, "table", lambda: source.read_text(encoding="utf-8"), str, str) == (
        "the registry's version")
    assert cached_from_file(source, "table", lambda: "rebuilt", str, str) == "the registry's version"  # now cached


def test_a_world_built_while_the_state_system_changed_is_not_cached(data: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The world's cache key is worked out first; when the state-system file is replaced before the build reads it,
    the world built from the new file is not stored under the old file's key (where the registry's version would
    later find it: the new file's Estonia, here renamed, for every later run). The edit is one a world still builds
    from (a member's spell cut short would be refused: `foedus.model.adversary_life.check_member_lives`)."""
    import hashlib

    import foedus.model.loader as loader
    from foedus import world_cache
    from foedus.datasets.registry import find_path
    from foedus.datasets.verify import record_other_version

    real, states = loader.load_parts, find_path(STATES)
    edited = (SOURCE / STATES).read_bytes().replace(b"EST,366,Estonia,1991,9,6,2016", b"EST,366,Esthonia,1991,9,6,2016")
    assert states is not None and edited != (SOURCE / STATES).read_bytes()

    def imported_meanwhile(*args: Any) -> Any:  # as `data import --any-version` does it
        swap = data / "swap.csv"
        swap.write_bytes(edited)
        os.replace(swap, data / STATES)
        record_other_version(states[1], hashlib.sha256(edited).hexdigest(), len(edited), "another run")
        return real(*args)

    world_cache.inputs_key.cache_clear()
    try:
        monkeypatch.setattr(loader, "load_parts", imported_meanwhile)
        world_cache.cached_parts()
        assert not list((data.parent / "cache").glob("world-*.json"))
    finally:
        world_cache.inputs_key.cache_clear()


def test_installs_sharing_a_cache_keep_their_entries_and_old_ones_go(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.cachefile import KEPT, cached_json

    monkeypatch.setenv("FOEDUS_CACHE_DIR", str(tmp_path / "cache"))
    builds: list[str] = []

    def value(key: str) -> Any:
        def build() -> dict[str, str]:
            builds.append(key)
            return {"key": key}
        return cached_json("thing", key, build, lambda v: v, lambda raw: raw)

    for key in ("checkout", "pipx", "checkout", "pipx"):  # two installs, each with its own key, used in turn
        assert value(key) == {"key": key}
    assert builds == ["checkout", "pipx"]  # each built once, not once per switch
    later = time.time() + 10
    for n, key in enumerate(f"stale-{i}" for i in range(KEPT + 2)):
        value(key)
        os.utime(tmp_path / "cache" / f"thing-{key}.json", (later + n, later + n))  # each newer than the last
    left = sorted(p.stem.removeprefix("thing-") for p in (tmp_path / "cache").glob("thing-*.json"))
    assert left == [f"stale-{i}" for i in range(2, KEPT + 2)]  # the newest KEPT; the installs' have aged out


def test_a_planted_pickle_is_never_loaded(data: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"

    class Boom:
        def __reduce__(self) -> Any:
            return (os.system, (f"touch {marker}",))

    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700, exist_ok=True)
    payload = pickle.dumps(Boom())
    for name in ("world-0123456789abcdef01234567.pickle", "atop-history-0123456789abcdef01234567.pickle",
                 "cinc-0123456789abcdef0123.pickle"):
        (cache / name).write_bytes(payload)
    proc = _cli("cascade", "-a", "GMY", "-t", "RUS", "-d", "1914-08-01", "--json")
    assert proc.returncode == 0, proc.stderr
    assert not marker.exists()
    assert any(cache.glob("world-*.json")) and not any(cache.glob("world-*.pickle"))  # old pickles are removed


def test_world_parts_survive_the_round_trip_through_plain_data() -> None:
    from foedus.model.codec import parts_from_plain, parts_to_plain, treaties_from_plain, treaties_to_plain
    from foedus.model.loader import load_parts
    from foedus.model.world import World

    parts = load_parts((), True)
    treaties, states, places = parts_from_plain(json.loads(json.dumps(parts_to_plain(parts))))
    assert treaties == parts[0]
    assert states.states == parts[1].states and states.majors == parts[1].majors
    assert states.resolve_id("north korea") == "PRK" and states.lookup_index == parts[1].lookup_index
    assert places.places == parts[2].places and places.regions == parts[2].regions
    assert places.resolve("kursk oblast").id == "kursk-oblast"
    history = list(World.default().treaties.history.values())
    assert treaties_from_plain(json.loads(json.dumps(treaties_to_plain(history)))) == history


def test_an_import_killed_around_the_install_leaves_each_file_believed_as_what_it_is(
        data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`data import --any-version` records the version (as pending) before it installs it and confirms the record
    after. Killed between the install and the record, it had left a file checked at import that every command
    refused as corrupt, and the same import then would not replace it without --force (the file in place "differs"
    from the very same file). Killed during the install, the version in place before still passes."""
    import hashlib

    import foedus.datasets.importing as importing
    from foedus.datasets.report import versions

    lines = (SOURCE / STATES).read_bytes().splitlines(keepends=True)
    first, second = tmp_path / "v1" / "states2016.csv", tmp_path / "v2" / "states2016.csv"
    for path, rows in ((first, 150), (second, 160)):
        path.parent.mkdir()
        path.write_bytes(another_release(b"".join(lines[:rows])))
    import_file(first, force=True, any_version=True)

    def killed(*_args: Any, **_kwargs: Any) -> Any:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:  # killed while the second version is being installed
        patch.setattr(importing, "install", killed)
        with pytest.raises(KeyboardInterrupt):
            import_file(second, force=True, any_version=True)
    assert (data / STATES).read_bytes() == first.read_bytes()
    assert check_file(STATES, data / STATES)[0] == "other-version"
    record = importing.record_other_version

    def killed_before_the_record(*args: Any, pending: bool = False, **kwargs: Any) -> None:
        if not pending:
            raise KeyboardInterrupt
        record(*args, pending=pending, **kwargs)

    with monkeypatch.context() as patch:  # killed once the second version is in place, before it is recorded
        patch.setattr(importing, "record_other_version", killed_before_the_record)
        with pytest.raises(KeyboardInterrupt):
            import_file(second, force=True, any_version=True)
    assert (data / STATES).read_bytes() == second.read_bytes()
    assert check_file(STATES, data / STATES)[0] == "other-version"
    assert f"sha256 {hashlib.sha256(second.read_bytes()).hexdigest()}" in versions(["cow_states"])["cow_states"]
    assert [o.action for o in import_file(second, any_version=True)] == ["present"]  # the same import, no --force
    assert "pending" not in json.loads((data / OTHER_VERSIONS).read_text())["files"][STATES]  # now confirmed


def test_an_install_that_fails_leaves_no_pending_record(target: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """`data import --any-version` records the version as pending before it installs it. An install that failed
    (here: the disk full) left that record until the next import of the file, vouching for a version never
    installed: a copy of it put in place by hand then passed as checked at import. The record now goes with the
    failure, unless the version is in place after all (the install failed after it published the file)."""
    import errno
    import shutil

    import foedus.datasets.importing as importing
    from foedus.datasets.verify import other_versions

    other = tmp_path / "v1" / "states2016.csv"
    other.parent.mkdir()
    other.write_bytes(another_release(b"".join((SOURCE / STATES).read_bytes().splitlines(keepends=True)[:150])))

    def disk_full(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(importing, "install", disk_full)
        with pytest.raises(DataImportError, match="No space left on device"):
            import_file(other, any_version=True)
    assert not (target / STATES).exists() and other_versions() == {}
    (target / STATES).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(other, target / STATES)
    assert check_file(STATES, target / STATES)[0] == "bad-checksum"  # not imported, so not believed
    (target / STATES).unlink()

    def published_then_failed(stream: Any, path: Path, *_args: Any, **_kwargs: Any) -> Any:
        path.write_bytes(stream.read())
        raise OSError(errno.EIO, "Input/output error")

    with monkeypatch.context() as patch:
        patch.setattr(importing, "install", published_then_failed)
        with pytest.raises(DataImportError, match="Input/output error"):
            import_file(other, any_version=True)
    assert "pending" in other_versions()[STATES] and check_file(STATES, target / STATES)[0] == "other-version"


def test_an_import_of_the_registrys_version_killed_before_it_drops_the_record_leaves_no_false_metadata(
        data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Killed after it put the registry's version back and before it dropped the record of the other version, an
    import left outputs' metadata naming the other version (`versions`); the registry's version in place is now
    named as what it is, and the same import run again drops the record."""
    import foedus.datasets.importing as importing
    from foedus.datasets.report import versions

    other = tmp_path / "v1" / "states2016.csv"
    other.parent.mkdir()
    other.write_bytes(another_release(b"".join((SOURCE / STATES).read_bytes().splitlines(keepends=True)[:150])))
    import_file(other, force=True, any_version=True)
    assert "another version" in versions(["cow_states"])["cow_states"]

    def killed(*_args: Any) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(importing, "forget_other_version", killed)
        with pytest.raises(KeyboardInterrupt):
            import_file(SOURCE / STATES, force=True)
    assert check_file(STATES, data / STATES)[0] == "present"
    assert versions(["cow_states"])["cow_states"] == "COW State System Membership and Major Powers, version 2016"
    assert [o.action for o in import_file(SOURCE / STATES)] == ["present"]
    assert STATES not in json.loads((data / OTHER_VERSIONS).read_text())["files"]
