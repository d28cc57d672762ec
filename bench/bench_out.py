"""Where a benchmark writes its results: a taken name is refused before the run, and the file appears whole at the
end (written beside it, then linked in), so an earlier run's figures or a user's file are never replaced."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


def refuse_taken(path: Path | None) -> None:
    """Stop with one line, before any timing, if `path` is already there (a file, a folder or a link)."""
    if path is not None and (path.exists() or path.is_symlink()):
        sys.exit(f"bench: {path} already exists; name a new file (a benchmark never replaces one)")


@contextlib.contextmanager
def staged(path: Path) -> Iterator[IO[str]]:
    """A text file beside `path` to write into; on success it is linked in as `path`. If the name was taken
    meanwhile, the results stay in the staged file and the run stops saying where."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:
        os.link(tmp, path)  # fails if the name is taken, whoever took it
    except FileExistsError:
        sys.exit(f"bench: {path} appeared during the run; the results are in {tmp}")
    tmp.unlink()


def publish(path: Path, text: str) -> None:
    """Write `text` to `path` whole (see `staged`)."""
    with staged(path) as out:
        out.write(text)
