"""Files in the per-user cache: plain JSON (a cache can hold data, never code), trusted only when this user owns them.

A cache file is one header line — format, foedus version, the key it was built for, the SHA-256 and length of
the payload — then the payload, JSON. It is loaded only when the folder and the file belong to this user and
nobody else can write them, the header names this foedus version and the key asked for, and the payload has
its recorded SHA-256; anything else is ignored (and rebuilt by the caller). Writes go to a unique temporary
name in the same folder and are renamed into place, so readers never see half a file; a temporary that a killed
writer left behind is deleted by a later write once it is an hour old.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from foedus.collector import loading
from foedus.model.records import paused, records_on

__all__ = ["FORMAT", "KEPT", "cache_file", "cached_json", "prune", "read_cache", "trusted", "write_cache"]

FORMAT = "foedus-cache/1"
_MAX_BYTES = 256 * 1024 * 1024
_STALE_S = 3600  # a temporary not written to for this long is a killed writer's
_TEMPORARY = r"\..+\.json\.[a-z0-9_]{8}\.tmp\Z"  # what `write_cache` names them (mkstemp's 8 characters;
# compiled by the first write: a start that only reads the cache compiles no pattern)
KEPT = 4  # entries of one tag kept (the newest): installs sharing a cache (a checkout, a pipx copy) keep theirs
T = TypeVar("T")


def trusted(info: os.stat_result) -> bool:
    """Whether a cache file or folder is this user's and nobody else can write it."""
    uid = os.getuid() if hasattr(os, "getuid") else None
    mine = uid is None or info.st_uid == uid
    return mine and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _version() -> str:
    from foedus._version import __version__

    return __version__


def read_cache(path: Path, key: str) -> Any | None:
    """The payload cached at `path` for `key`, or None when it is absent, foreign, stale or damaged (a folder,
    pipe or link in its place is a miss too: left alone, never read, so a command still runs)."""
    try:
        if not trusted(path.parent.stat()):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:  # checked on the open descriptor before any read: Python refuses to wrap a folder's descriptor
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not trusted(info) or info.st_size > _MAX_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            header_line = fh.readline(4096)
            body = fh.read()
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        header = json.loads(header_line)
        if header != {"format": FORMAT, "foedus": _version(), "key": key, "sha256": header.get("sha256"),
                      "length": len(body)}:
            return None
        if hashlib.sha256(body).hexdigest() != header["sha256"]:
            return None
        return json.loads(body)
    except (ValueError, TypeError, AttributeError, RecursionError):
        return None


def write_cache(path: Path, key: str, payload: Any) -> bool:
    """Store `payload` (plain JSON data) for `key`; False when the cache folder cannot be used (never raises)."""
    try:
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()
    except (TypeError, ValueError):
        return False
    header = {"format": FORMAT, "foedus": _version(), "key": key, "sha256": hashlib.sha256(body).hexdigest(),
              "length": len(body)}
    import tempfile  # here: a start that only reads the cache need not import it (and `shutil` with it)

    folder = path.parent
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not trusted(folder.stat()):
            return False
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(json.dumps(header).encode() + b"\n" + body)
        os.replace(tmp, path)
        _sweep(folder)
        return True
    except OSError:
        return False
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _sweep(folder: Path) -> None:
    """Delete the temporaries that killed writers left in the cache folder (`.NAME.XXXXXXXX.tmp`, this user's, not
    written to for `_STALE_S`): readers ignore them, but each kill left up to a megabyte behind, for good. A live
    write takes well under a second, so none is taken for a leftover."""
    import time

    with contextlib.suppress(OSError):
        cutoff = time.time() - _STALE_S
        for entry in os.scandir(folder):
            if re.match(_TEMPORARY, entry.name):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and trusted(info) and info.st_mtime < cutoff:
                    os.unlink(entry.path)


def prune(keep: Path, patterns: tuple[str, ...], *, others: int = 0) -> None:
    """Delete this user's other cache files matching `patterns` in `keep`'s folder (stale keys, old pickles), all
    but the `others` most recently written."""
    with contextlib.suppress(OSError):
        found = [(old.stat().st_mtime, old) for pattern in patterns for old in keep.parent.glob(pattern)
                 if old != keep and old.is_file() and trusted(old.stat())]
        for _, old in sorted(found, reverse=True)[others:]:
            old.unlink(missing_ok=True)


def cache_file(tag: str, key: str) -> Path:
    """The file that holds the cache entry `tag` for `key` (`cached_json` writes it; `read_cache` reads it)."""
    from foedus.paths import cache_dir

    return cache_dir() / f"{tag}-{key[:24]}.json"


def cached_json(tag: str, key: str, build: Callable[[], T], encode: Callable[[T], Any],
                decode: Callable[[Any], T], *, unchanged: Callable[[], bool] | None = None) -> T:
    """`build()`, or the value cached for `key` under `tag` in the user cache (`encode`d once as plain JSON,
    `decode`d on later runs); a stale or undecodable entry is rebuilt, and the entries of `tag` pruned to the
    `KEPT` newest. A built value is stored only when `unchanged()` (asked after the build) says the inputs `key`
    was worked out from are still the ones the build read: a file replaced meanwhile must not have what was built
    from the new one stored under the old one's key. In a process that uses runtime records
    (`foedus.model.records`), a miss returns what a hit would: the built value encoded and decoded."""
    path = cache_file(tag, key)
    with loading():  # thousands of new, acyclic, long-lived objects: collections here would find nothing to free
        raw = read_cache(path, key)
        if raw is not None:
            try:
                return decode(raw)
            except (KeyError, TypeError, ValueError, AttributeError):
                pass
    records = records_on()
    with paused() if records else contextlib.nullcontext():  # built from models, nested caches' values too
        value = build()
        plain = encode(value)
    if (unchanged is None or unchanged()) and write_cache(path, key, plain):
        prune(path, (f"{tag}-*.pickle",))  # the insecure format of old versions
        prune(path, (f"{tag}-*.json",), others=KEPT - 1)
    if records:  # a process of runtime records gets records on a miss too (`foedus.model.records`)
        with loading():
            return decode(plain)
    return value
