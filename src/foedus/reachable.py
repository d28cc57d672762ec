"""Why a path a user gave cannot be reached, in words: missing, or a loop of symbolic links (ELOOP), told apart.

`Path.exists()` is False for both, so a link loop (`a -> b`, `b -> a`) was reported as "no such file", the one
thing the user can see is wrong (the name is there, in `ls`).

>>> import os, tempfile
>>> here = tempfile.mkdtemp()
>>> os.symlink("b", os.path.join(here, "a")); os.symlink("a", os.path.join(here, "b"))
>>> unreachable(Path(here) / "a"), unreachable(Path(here) / "a" / "x.csv"), unreachable(Path(here) / "c")
('a symbolic link loop (ELOOP)', 'a symbolic link loop (ELOOP)', 'no such file or folder')
>>> unreachable(Path(here)) is None
True
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

__all__ = ["os_reason", "unreachable"]


def unreachable(path: Path) -> str | None:
    """Why nothing can be reached at `path` ('no such file or folder', 'a symbolic link loop (ELOOP)', or the
    system's reason), or None when something is there (of any kind)."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return "no such file or folder"
    except OSError as exc:
        return os_reason(exc)
    return None


def os_reason(exc: OSError) -> str:
    """The reason of a file-system error in words: a symbolic link loop is named as one."""
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop (ELOOP)"
    return exc.strerror or str(exc)
