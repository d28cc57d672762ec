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
>>> open(os.path.join(here, "f.yaml"), "w").close()
>>> unreachable(Path(here, "f.yaml", "x")) == unreachable(os.path.join(here, "f.yaml/"))
True
>>> unreachable(os.path.join(here, "f.yaml/")).replace(here, "HERE")
'HERE/f.yaml is not a folder (ENOTDIR)'
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from foedus.written import as_written

__all__ = ["is_folder", "link_problem", "os_reason", "unreachable"]


def unreachable(path: str | os.PathLike[str]) -> str | None:
    """Why nothing can be reached at `path` ('no such file or folder', 'F is not a folder (ENOTDIR)', 'a symbolic
    link loop (ELOOP)', 'a symbolic link to a missing file (TARGET)', or the system's reason), or None when something
    is there (of any kind). A trailing slash the user wrote (`foedus.written.as_given`) is kept: `f.yaml/` is not the
    file f.yaml."""
    try:
        os.stat(as_written(path))
    except OSError as exc:
        return os_reason(exc)
    return None


def is_folder(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is a folder; False when it cannot be looked at (a name too long, ENAMETOOLONG; a NUL byte),
    which `Path.is_dir` raises as OSError or ValueError: the path's reader then says why in one line.

    >>> is_folder("x" * 5000), is_folder("a" + chr(0) + "b"), is_folder(".")
    (False, False, True)
    """
    return os.path.isdir(path)  # unlike Path.is_dir, takes every OSError and ValueError as "not a folder"


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
    """The reason of a file-system error in words, the same for every reader: a symbolic link loop, or a link to a
    missing file, is named as one; a missing path is 'no such file or folder' (not the system's 'No such file or
    directory'); a file where a folder is meant (`f.yaml/`, `f.yaml/x`) is named."""
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop (ELOOP)"
    if exc.errno == errno.ENOENT:
        return (link_problem(exc.filename) if isinstance(exc.filename, str) else None) or "no such file or folder"
    if exc.errno == errno.ENOTDIR:
        part = _file_on_the_way(exc.filename) if isinstance(exc.filename, str) else None
        return f"{part} is not a folder (ENOTDIR)" if part else "not a folder (ENOTDIR)"
    return exc.strerror or str(exc)


def _file_on_the_way(filename: str) -> Path | None:
    """The first part of `filename` that is there and is not a folder (a file read as one), or None."""
    path = Path(filename)
    for part in (*reversed(path.parents), path):
        if os.path.lexists(part) and not os.path.isdir(part):
            return part
    return None
