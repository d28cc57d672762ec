"""Why a path a user gave cannot be reached, in words: missing, a loop of symbolic links (ELOOP), or a symbolic
link to a missing file, told apart.

`Path.exists()` is False for all three, so a link loop (`a -> b`, `b -> a`) or a dangling link was reported as
"no such file", the one thing the user can see is wrong (the name is there, in `ls`); as an output, either was
said to "already exist".

>>> import os, tempfile
>>> here = tempfile.mkdtemp()
>>> os.symlink("b", os.path.join(here, "a")); os.symlink("a", os.path.join(here, "b"))
>>> unreachable(Path(here) / "a"), unreachable(Path(here) / "a" / "x.csv"), unreachable(Path(here) / "c")
('a symbolic link loop (ELOOP)', 'a symbolic link loop (ELOOP)', 'no such file or folder')
>>> os.symlink("gone.yaml", os.path.join(here, "d"))
>>> unreachable(Path(here) / "d"), link_problem(Path(here) / "d"), link_problem(Path(here) / "c")
('a symbolic link to a missing file (gone.yaml)', 'a symbolic link to a missing file (gone.yaml)', None)
>>> unreachable(Path(here)) is None
True
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

__all__ = ["link_problem", "os_reason", "unreachable"]


def unreachable(path: Path) -> str | None:
    """Why nothing can be reached at `path` ('no such file or folder', 'a symbolic link loop (ELOOP)', 'a symbolic
    link to a missing file (TARGET)', or the system's reason), or None when something is there (of any kind)."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return link_problem(path) or "no such file or folder"
    except OSError as exc:
        return os_reason(exc)
    return None


def link_problem(path: str | os.PathLike[str]) -> str | None:
    """What `path` is when it is a symbolic link that leads to nothing: 'a symbolic link loop (ELOOP)', or 'a
    symbolic link to a missing file (TARGET)' naming the target as the link holds it; None for anything else."""
    try:
        target = os.readlink(path)
    except OSError:  # not a link (EINVAL), nothing there, or a folder on the way that cannot be reached
        return None
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return f"a symbolic link to a missing file ({target})"
    except OSError as exc:
        return "a symbolic link loop (ELOOP)" if exc.errno == errno.ELOOP else None
    return None


def os_reason(exc: OSError) -> str:
    """The reason of a file-system error in words: a symbolic link loop, or a link to a missing file, is named as
    one."""
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop (ELOOP)"
    if exc.errno == errno.ENOENT and exc.filename is not None and (link := link_problem(exc.filename)):
        return link
    return exc.strerror or str(exc)
