"""Putting a finished folder in place of an old one (`foedus.outputs.atomic.staged_folder` with `force`): in one
exchange where the system can (Linux renameat2), otherwise by two renames; the old folder is deleted after, never
before."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

from foedus.outputs.temporaries import tmp_prefix

__all__ = ["swap_folder"]


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
