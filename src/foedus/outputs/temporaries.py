"""The temporaries outputs are written under (`.NAME.XXXXXXXX.foedus-tmp` beside NAME), and those killed runs left.

A run stopped by Ctrl-C, SIGTERM or SIGHUP, or one that fails, removes its temporary; one that is SIGKILLed (or
whose machine stops) cannot. The next run that writes NAME into the same folder removes what such runs left of
NAME, and only when all of these hold, so that nothing else is ever removed:

* the name is exactly `.NAME.` + 8 characters of `tempfile`'s alphabet (a–z, 0–9, _) + `.foedus-tmp`, at most
  254 bytes; or, where that would be longer, exactly 255 bytes with NAME cut short and marked with its own digest
  (`tmp_prefix`), so that no other output's temporary, cut or not, is ever taken for one of NAME's;
* it is a regular file or a folder (not a link, pipe or device) of this user's, not modified for an hour;
* no live run holds it: every run holds an flock on its temporary while it writes it (`hold`), and a lock goes
  with its process, so a temporary that cannot be locked is a live run's (one stopped for hours with Ctrl-Z
  too) and is left alone. Where there is no flock (Windows), nothing is removed.

A `.NAME.XXXXXXXX.foedus-old` folder (`.CUT~DIGEST.XXXXXXXX.foedus-old` for a NAME of 234 bytes or more, cut as
`tmp_prefix` cuts a temporary's) is never removed: `--force` moves the previous output of a folder there for the
instant of the swap, and a run killed in that instant leaves the previous output in it.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from pathlib import Path
from typing import Literal

__all__ = ["NAME_MAX", "STALE_S", "TMP_SUFFIX", "cleanup_all", "discard", "held", "keep_mode", "new_temporary",
           "sweep", "tmp_prefix", "unwritable"]

TMP_SUFFIX = ".foedus-tmp"
STALE_S = 3600  # a temporary not modified for this long, and locked by no one, is a killed run's
_LIVE: dict[Path, int | None] = {}  # temporaries this process is writing, with the locked descriptor held on each


NAME_MAX = 255  # bytes in one file name (Linux, macOS): a temporary's name must fit, whatever the output's
_DIGEST = 16  # hex digits of its whole name's SHA-256 that a cut name's temporary carries


def tmp_prefix(name: str, suffix: str) -> str:
    """`.NAME.`, where the prefix, 8 random characters and `suffix` make at most 254 bytes; else (a name near the
    limit is one the system takes, and its temporary's must be too) `.CUT~DIGEST.`, NAME cut short on a character's
    edge and marked with the first hex digits of the whole NAME's SHA-256, to exactly 255 bytes in all. Two names
    cut alike, or a name that is another's cut, would share a prefix, and one's sweep would take the other's
    temporaries: the digest tells them apart, and the length tells a cut prefix from any uncut one."""
    raw, room = os.fsencode(name), NAME_MAX - 2 - 8 - len(os.fsencode(suffix))  # bytes NAME has in 255
    if len(raw) < room:
        return f".{name}."
    cut = room - 1 - _DIGEST
    edge = next((at for at in range(cut, max(cut - 3, 0), -1) if raw[at] & 0xC0 != 0x80), cut - 3)  # not mid-char
    import hashlib

    mark = hashlib.sha256(raw).hexdigest()[:_DIGEST + cut - edge]  # as long as the bytes the edge left out
    return f".{os.fsdecode(raw[:edge])}~{mark}."


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_temporary(out: Path, kind: Literal["file", "folder"]) -> Path:
    """A fresh temporary file or folder beside `out`, of the usual mode, held (locked) until `discard`; what
    killed runs left of `out` is removed first (`sweep`).

    Raises:
        OSError: it cannot be made.
    """
    import tempfile

    sweep(out.parent, out.name)
    prefix = tmp_prefix(out.name, TMP_SUFFIX)
    if kind == "file":
        fd, name = tempfile.mkstemp(dir=out.parent, prefix=prefix, suffix=TMP_SUFFIX)
        tmp, mode = Path(name), 0o666
    else:
        tmp, mode = Path(tempfile.mkdtemp(dir=out.parent, prefix=prefix, suffix=TMP_SUFFIX)), 0o777
        try:
            fd = os.open(tmp, os.O_RDONLY)
        except OSError:
            os.rmdir(tmp)
            raise
    _LIVE[tmp] = hold(fd)
    try:
        os.chmod(tmp, mode & ~_umask())  # mkstemp and mkdtemp make it private; the output gets the usual mode
    except OSError:
        discard(tmp)
        raise
    return tmp


def keep_mode(tmp: Path, out: Path) -> None:
    """Give the finished `tmp` the mode of the `out` it replaces with --force, not the usual one: a folder all of it
    (setgid ...), a file its permissions (a private 600 file was replaced by a 644 one, readable by all)."""
    with contextlib.suppress(FileNotFoundError):
        mode = os.stat(out).st_mode
        os.chmod(tmp, stat.S_IMODE(mode) if stat.S_ISDIR(mode) else stat.S_IMODE(mode) & 0o777)


def unwritable(out: Path, kind: Literal["file", "folder"]) -> str | None:
    """Why no output can be written beside `out`, in a folder that exists, or None: the folder is not writable, or no
    temporary can be made in it (one is made, then removed at once): `os.access` says yes in /proc and /sys, where
    nothing can be made, and a command would find it out only at the end of its work."""
    if not os.access(out.parent, os.W_OK | os.X_OK):
        return f"the folder {out.parent} is not writable"
    if (size := len(os.fsencode(out.name))) > NAME_MAX:  # its temporary's is cut to fit: the name itself is not
        return f"the name is {size} bytes long, and a file name takes at most {NAME_MAX}; nothing was written"
    try:
        discard(new_temporary(out, kind))
    except OSError as exc:
        from foedus.reachable import os_reason

        return f"{os_reason(exc) if exc.errno else exc}; nothing was written under that name"
    return None


def hold(fd: int) -> int | None:
    """Lock a temporary this run writes, on its open descriptor, so that no other run takes it for a killed run's:
    the descriptor to close when done, or None (closed already: no flock here, as on Windows, where an open file
    could not be renamed either)."""
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (ImportError, OSError):
        os.close(fd)
        return None
    return fd


def held(folder: Path) -> bool:
    """Whether `folder` is a temporary this process holds (an flock on it from here would wait for itself)."""
    return _LIVE.get(folder) is not None


def discard(tmp: Path) -> None:
    """Remove a temporary this process made (file or folder), then let go of its lock; never fails."""
    import shutil  # here: a process that writes no file (a cascade's JSON) need not import it

    fd = _LIVE.pop(tmp, None)
    if tmp.is_dir() and not tmp.is_symlink():
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            tmp.unlink()
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)


def cleanup_all() -> None:
    """Discard every temporary this process is writing (at exit)."""
    for tmp in list(_LIVE):
        discard(tmp)


def sweep(folder: Path, name: str) -> None:
    """Remove the temporaries of the output `name` that killed runs left in `folder` (see above); never fails."""
    try:
        import fcntl  # noqa: F401  (no flock, no way to tell a live run's temporary from a dead one's)
    except ImportError:
        return
    import time

    pattern = re.compile(re.escape(tmp_prefix(name, TMP_SUFFIX)) + "[a-z0-9_]{8}" + re.escape(TMP_SUFFIX) + r"\Z")
    cutoff = time.time() - STALE_S
    try:
        found = [entry.name for entry in os.scandir(folder) if pattern.match(entry.name)]
    except OSError:
        return
    for leftover in found:
        with contextlib.suppress(OSError):
            _remove_stale(folder / leftover, cutoff)


def _remove_stale(path: Path, cutoff: float) -> None:
    """Remove `path` if it is a file or folder of this user's, not modified since `cutoff`, that no run holds."""
    import fcntl
    import shutil

    info = os.lstat(path)
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)) or info.st_mtime >= cutoff:
        return
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        now = os.fstat(fd)
        if (now.st_dev, now.st_ino) != (info.st_dev, info.st_ino):  # replaced since it was looked at
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # a live run holds it (or the file system cannot say): left alone
            return
        if stat.S_ISDIR(info.st_mode):
            shutil.rmtree(path)
        else:
            os.unlink(path)
    finally:
        os.close(fd)
