"""SHA-256 of files, remembered across processes by path, size, modification time, inode and change time.

Checking the research datasets on every run would mean hashing megabytes at each start; a file whose size,
times and inode are unchanged still has the content it had, so its hash is kept in the user cache (a plain
JSON file that only this user can write, see `foedus.cachefile`) and a fresh process reads it from there.
Processes that end at once each keep what they hashed: a save merges this process's new hashes into the record
as it is on disk then, under a lock on the cache folder (`foedus.folderlock`), rather than writing back the copy
it read at its start (which dropped whatever another process had saved meanwhile).
"""

from __future__ import annotations

import _thread
import atexit
import errno
import hashlib
import os
import stat
from pathlib import Path

__all__ = ["content_sha256", "save"]

_KEY = "file-hashes"
_MAX_ENTRIES = 4000
_CHUNK = 1 << 20
_lock = _thread.allocate_lock()  # `threading.Lock` itself, without importing `threading` into each start
_memo: dict[str, list[int | str]] | None = None
_new: dict[str, list[int | str]] = {}  # hashed by this process since its last save
_dirty = False


def _store() -> Path:
    from foedus.paths import cache_dir

    return cache_dir() / "file-hashes.json"


def _stamp(info: os.stat_result) -> list[int | str]:
    return [info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns]


def _known() -> dict[str, list[int | str]]:
    global _memo
    if _memo is None:
        _memo = _stored()
    return _memo


def _stored() -> dict[str, list[int | str]]:
    from foedus.cachefile import read_cache

    found = read_cache(_store(), _KEY)
    return found if isinstance(found, dict) else {}


def content_sha256(path: str | os.PathLike[str], info: os.stat_result | None = None) -> str:
    """Hex SHA-256 of a file's content: remembered while its stat stamp is unchanged, else read and hashed (a
    path as a string is taken too: the world cache's key names ~140 files, and making each a `Path` costs more
    than its stat).

    Raises:
        OSError: the file cannot be read.
    """
    name = os.path.abspath(path)
    info = info or os.stat(path)
    if not stat.S_ISREG(info.st_mode):  # a pipe would block, a folder has no content to hash
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    stamp = _stamp(info)
    with _lock:
        entry = _known().get(name)
    if isinstance(entry, list) and entry[:-1] == stamp and isinstance(entry[-1], str):
        return entry[-1]
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    sha = digest.hexdigest()
    if _stamp(os.stat(path)) == stamp:  # unchanged while it was read: safe to remember
        with _lock:
            _known()[name] = _new[name] = [*stamp, sha]
            _save_at_exit()
    return sha


def _save_at_exit() -> None:
    """Write the remembered hashes once, when the process ends (one write however many files were hashed)."""
    global _dirty
    if not _dirty:
        _dirty = True
        atexit.register(save)


def save() -> None:
    """Add the hashes this process made to the record in the user cache now (at most the newest `_MAX_ENTRIES`
    kept); never raises."""
    import contextlib

    from foedus.cachefile import write_cache
    from foedus.folderlock import folder_lock

    global _dirty, _memo
    store = _store()
    with _lock, contextlib.ExitStack() as held:
        with contextlib.suppress(OSError):  # no lock to be had: saved all the same, as before
            store.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            held.enter_context(folder_lock(store.parent))
        known = _stored()  # with what other processes saved since this one read the record
        for name, entry in _new.items():
            known.pop(name, None)
            known[name] = entry  # the newest last
        for old in list(known)[: max(0, len(known) - _MAX_ENTRIES)]:
            del known[old]
        write_cache(store, _KEY, known)
        _memo, _dirty = known, False
        _new.clear()
