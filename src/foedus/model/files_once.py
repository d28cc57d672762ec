"""The rule that a treaty file is given once: to `--treaties` and `treaties validate` (`foedus.model.loader`), and to
`--add-treaty` and a what-if's `add_treaty` (`foedus.model.overlay.Overlay.apply`); and an overlay file to `--overlay`
(`foedus.model.overlay.load_overlays`). The same treaty file given twice read as two treaties of one id ("duplicate
treaty id 'x' (also in F)", "the world already has a treaty 'x'"), which hid the slip: a file is the same when it is
the same file on disk, however its path is written."""

from __future__ import annotations

import os
from collections.abc import Iterable

from foedus.written import as_written

__all__ = ["FilesOnce"]


class FilesOnce:
    """The treaty files seen so far; `twice(path)` says when `path` is one of them again."""

    def __init__(self, bundled: Iterable[str | os.PathLike[str]] = (), kind: str = "treaty file") -> None:
        self._seen: dict[object, str] = {}
        self._kind = kind  # what the files are, for the message (the same rule holds for overlay files)
        self._bundled = {as_written(p) for p in bundled}  # the bundled set's files: the world has them already

    def twice(self, path: str | os.PathLike[str]) -> str | None:
        """The problem in words when `path` is a file seen before, else None (and it is remembered). A path that
        cannot be read is left to its reader, which says why."""
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            return None
        key = (st.st_dev, st.st_ino)
        if key not in self._seen:
            self._seen[key] = as_written(path)
            return None
        first = self._seen[key]
        if first in self._bundled:
            return ("is a file of the bundled treaty set, which the world has already (to change the treaty, drop it "
                    "with --drop-treaty and add an edited copy with --add-treaty, or give the copy another id)")
        also = "" if first == as_written(path) else f" (also as {first})"
        return f"the file is given twice{also}; give each {self._kind} once"
