"""The rule that a treaty file is given once: to `--treaties` and `treaties validate` (`foedus.model.loader`), and to
`--add-treaty` and a what-if's `add_treaty` (`foedus.model.overlay.Overlay.apply`); and an overlay file to `--overlay`
(`foedus.model.overlay.load_overlays`). The same treaty file given twice read as two treaties of one id ("duplicate
treaty id 'x' (also in F)", "the world already has a treaty 'x'"), which hid the slip: a file is the same when it is
the same file on disk, however its path is written."""

from __future__ import annotations

import os
from collections.abc import Iterable

from foedus.written import as_written

__all__ = ["BUNDLED_SET", "CHANGE_BUNDLED", "FilesOnce", "file_key"]

BUNDLED_SET = "the bundled treaty set"
"""Where a bundled treaty is said to be when its file is not named (`treaties validate`'s cached world)."""
CHANGE_BUNDLED = ("to change the treaty, drop it with --drop-treaty and add an edited copy with --add-treaty, or give "
                  "the copy another id")
"""What to do instead of giving a bundled treaty's file, or a copy of it, again (`--treaties`, `treaties validate`)."""


def file_key(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """The file on disk a path names (device and inode: the same however the path is written), or None when it
    cannot be looked at (its reader says why)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


class FilesOnce:
    """The treaty files (or other files, or folders: `kind`) seen so far; `twice(path)` says when `path` is one of them
    again."""

    def __init__(self, bundled: Iterable[str | os.PathLike[str]] = (), kind: str = "treaty file") -> None:
        self._seen: dict[object, str] = {}
        self._kind = kind  # what the files are, for the message (the same rule holds for overlay files)
        bundled = list(bundled)
        self._bundled = {as_written(p) for p in bundled}  # the bundled set's files: the world has them already
        self._bundled_keys = {key for p in bundled if (key := file_key(p)) is not None}

    def twice(self, path: str | os.PathLike[str]) -> str | None:
        """The problem in words when `path` is a file seen before, else None (and it is remembered). A path that
        cannot be read is left to its reader, which says why."""
        key = file_key(path)
        if key is None:
            return None
        if key not in self._seen:
            self._seen[key] = as_written(path)
            return None
        first = self._seen[key]
        if first in self._bundled:
            return f"is a file of {BUNDLED_SET}, which the world has already ({CHANGE_BUNDLED})"
        also = "" if first == as_written(path) else f" (also as {first})"
        what = "folder" if os.path.isdir(path) else "file"  # `data import` takes folders; the others refuse them first
        return f"the {what} is given twice{also}; give each {self._kind} once"

    def bundled(self, origin: str) -> bool:
        """Whether `origin` (where a treaty was read: a file as written, or `BUNDLED_SET`) is the bundled set: one
        of its files on disk, however its path is written."""
        return origin == BUNDLED_SET or file_key(origin) in self._bundled_keys
