"""Putting a finished folder in its place (`foedus.outputs.atomic.staged_folder`): at a new name claimed
exclusively; in place of an empty folder (the user's, given without --force) by one rename, which the system does
only onto an empty folder; in place of an old one (with --force) in one exchange where the system can (Linux
renameat2), otherwise by two renames, the old folder deleted after, never before."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from typing import Any

from foedus.errors import OutputExistsError
from foedus.outputs.temporaries import keep_mode, tmp_prefix

__all__ = ["claim_folder", "empty_folder", "fill_empty_folder", "swap_folder", "taken"]


def swap_folder(tmp: Path, out: Path) -> None:
    """Put `tmp` in place of the folder `out` and delete the old one (after the swap, never before)."""
    import shutil
    import tempfile

    if _exchange(tmp, out):
        shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the old folder
        return
    old = Path(tempfile.mkdtemp(dir=out.parent, prefix=tmp_prefix(out.name, ".foedus-old"), suffix=".foedus-old"))
    os.rename(out, old)  # onto our own empty folder
    try:
        os.rename(tmp, out)
    except OSError:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths with renameat2(RENAME_EXCHANGE); False where the system cannot."""
    import ctypes  # here, not at the top: only a folder replaced in place needs it

    try:
        libc: Any = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def empty_folder(out: Path) -> bool:
    """Whether `out` is a folder (not a link to one) with nothing in it: one the user made for the output, which a
    command that writes a folder takes as it takes a new name, without --force (the one rule of every folder
    output: `foedus backtest`, `foedus likely report`, a partitioned atlas); a folder with anything in it is refused
    without --force, and with it replaced only when it holds nothing but that command's own output."""
    if os.path.islink(out) or not os.path.isdir(out):
        return False
    try:
        with os.scandir(out) as entries:
            return next(entries, None) is None
    except OSError:
        return False


def claim_folder(tmp: Path, out: Path, how: str) -> None:
    """Publish a new folder: claim the name with mkdir (exclusive), then rename onto that empty claim."""
    if os.name == "nt":
        try:
            os.rename(tmp, out)
        except FileExistsError:
            raise taken(out, how) from None
        return
    try:
        os.mkdir(out)
    except FileExistsError:
        raise taken(out, how) from None
    try:
        os.rename(tmp, out)  # replaces only an empty folder: ours
    except OSError:
        with contextlib.suppress(OSError):
            os.rmdir(out)
        raise


def fill_empty_folder(tmp: Path, out: Path, how: str) -> None:
    """Publish in place of the empty folder `out` (the user's, given without --force): one rename, which the system
    does only onto an empty folder, so anything put in it meanwhile is kept and this run's output discarded; the
    folder keeps its permissions."""
    keep_mode(tmp, out)
    try:
        os.rename(tmp, out)
    except OSError as exc:
        if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR, errno.EISDIR):
            raise
        raise OutputExistsError(f"{out} is no longer empty (another run, or you, wrote in it while this run worked); "
                                f"not overwriting it, and this run's output was discarded ({how})") from None


def taken(out: Path, how: str) -> OutputExistsError:
    """The error of a run that found its output's name taken when it came to publish (a file's or a folder's)."""
    return OutputExistsError(f"{out} was created by someone else while this run was writing; not overwriting it, "
                             f"and this run's output was discarded ({how})")
