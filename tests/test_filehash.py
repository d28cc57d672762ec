"""The remembered file hashes (`foedus.filehash`, `file-hashes.json` in the user cache) are shared by every process:
one that saves keeps what others saved since it started, and two that save at once both keep theirs."""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path
from types import ModuleType

import pytest

import foedus.cachefile
import foedus.filehash


def _process(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """`foedus.filehash` as a fresh process has it: its own copy of the module, nothing read yet."""
    spec = importlib.util.find_spec("foedus.filehash")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "_dirty", True)  # saved by the test, not at exit
    return module


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """Two files to hash, and the record file in a fresh cache (this process's module starts afresh too)."""
    monkeypatch.setenv("FOEDUS_CACHE_DIR", str(tmp_path / "cache"))
    for name, value in (("_memo", None), ("_dirty", True)):
        monkeypatch.setattr(foedus.filehash, name, value)
    if hasattr(foedus.filehash, "_new"):
        monkeypatch.setattr(foedus.filehash, "_new", {})
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("one", encoding="utf-8")
    b.write_text("two", encoding="utf-8")
    return a, b, tmp_path / "cache" / "file-hashes.json"


def _saved(store: Path) -> set[str]:
    found = foedus.cachefile.read_cache(store, "file-hashes")
    assert isinstance(found, dict)
    return {Path(name).name for name in found}


def test_a_save_keeps_what_another_process_saved_meanwhile(files: tuple[Path, Path, Path],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """This process read the (empty) record at its start; another one saved a hash since. Writing back the copy
    read at the start dropped the other's hash, which every later start then made again."""
    a, b, store = files
    foedus.filehash.content_sha256(a)
    other = _process(monkeypatch)
    other.content_sha256(b)
    other.save()
    foedus.filehash.save()
    assert _saved(store) == {"a.csv", "b.csv"}


def test_two_saves_at_once_keep_both(files: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process saves while this one is writing the record (between its read and its write): it waits for
    this one's write and adds its hash to it, rather than writing in between and being overwritten (or
    overwriting). Made deterministic by starting the other save from inside this one's write, and letting this
    write go on only once the other save has either found the folder's lock held (it waits) or finished (nothing
    held it back: it wrote in between, and this write overwrites it); no wait on how fast either is."""
    fcntl = pytest.importorskip("fcntl", reason="no flock on this system: saves are not serialised")
    a, b, store = files
    foedus.filehash.content_sha256(a)
    other = _process(monkeypatch)
    other.content_sha256(b)
    real_write, real_flock = foedus.cachefile.write_cache, fcntl.flock
    held_back = threading.Event()  # the other save found the lock taken and waits for it, or it has finished

    def other_save() -> None:
        try:
            other.save()
        finally:
            held_back.set()

    saving = threading.Thread(target=other_save)

    def flock_seen(fd: int, operation: int) -> None:
        if threading.current_thread() is saving and operation == fcntl.LOCK_EX:
            try:
                return real_flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free: taken at once
            except BlockingIOError:
                held_back.set()  # held by this process's save: the other waits for it, as it should
        return real_flock(fd, operation)

    def write_while_another_saves(*args: object) -> bool:
        if saving.ident is None:  # this process's write: the other saves now
            saving.start()
            assert held_back.wait(timeout=60), "the other save neither waited for the lock nor finished"  # hang guard
        return real_write(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(fcntl, "flock", flock_seen)
    monkeypatch.setattr(foedus.cachefile, "write_cache", write_while_another_saves)
    foedus.filehash.save()
    saving.join(timeout=60)
    assert not saving.is_alive()
    assert _saved(store) == {"a.csv", "b.csv"}
