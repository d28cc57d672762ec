"""Paths as the user wrote them: pathlib drops a trailing slash (`x.csv/` becomes x.csv), and with it the sign that
a folder was meant. Kept here (`as_given`), an output that is one file can refuse it (`foedus.outputs.check_target`)
and an input is given to the system as written (`as_written`), so `f.yaml/` is refused as not a folder, not read as
f.yaml. Every caller reads them here (`foedus.reachable` too, which `foedus.paths` reads).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["as_given", "as_written", "folder_meant", "kept"]

if sys.platform == "win32":
    from pathlib import WindowsPath as _Concrete
else:
    from pathlib import PosixPath as _Concrete


class _FolderMeant(_Concrete):
    """A path a user wrote with a trailing slash (`x.csv/`): pathlib drops the slash, and with it the sign that a
    folder was meant. Only the path `as_given` made says so; one derived from it (its parent, a child) does not."""

    folder_meant = False


def as_given(path: Path, raw: str) -> Path:
    """`path`, read from the text `raw` a user wrote, remembering a trailing slash for `folder_meant` (the command
    line's path options: `foedus.cli.entry`, `foedus.cli.fast`).

    >>> folder_meant(as_given(Path("x.csv/"), "x.csv/")), folder_meant(as_given(Path("x.csv"), "x.csv"))
    (True, False)
    >>> folder_meant(as_given(Path("out/"), "out/") / "x.csv"), folder_meant("x.csv/")
    (False, True)
    """
    if not raw.endswith(("/", os.sep)) or path == Path(path.anchor):
        return path
    given = _FolderMeant(path)
    given.folder_meant = True
    return given


def folder_meant(path: str | os.PathLike[str]) -> bool:
    """Whether the user wrote `path` with a trailing slash, so meant a folder (`as_given`; text as given)."""
    if isinstance(path, str):
        return path.endswith(("/", os.sep)) and len(path) > 1
    return getattr(path, "folder_meant", False) is True


def as_written(path: str | os.PathLike[str]) -> str:
    """`path` as the user wrote it, a trailing slash kept (`as_given`), for the system and for a message: an input
    given as `f.yaml/` is then refused as the system refuses it (f.yaml is not a folder), not read as f.yaml.

    >>> as_written(as_given(Path("f.yaml/"), "f.yaml/")), as_written("f.yaml/"), as_written(Path("f.yaml"))
    ('f.yaml/', 'f.yaml/', 'f.yaml')
    """
    text = os.fspath(path)
    return text + os.sep if folder_meant(path) and not text.endswith(os.sep) else text


def kept(path: str | os.PathLike[str]) -> Path:
    """`path` as a Path that keeps a trailing slash the user wrote (`as_given`; `Path("f.yaml/")` drops it)."""
    return path if isinstance(path, Path) else as_given(Path(path), os.fspath(path))
