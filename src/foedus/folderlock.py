"""`folder_lock`: an exclusive lock (flock) on a folder while a shared record in it is read and rewritten.

Two processes that each read a record, change it and write it back lose one's change unless the read and the
write happen under one lock; every such record (the other versions in the data folder, the remembered file
hashes in the cache, an output published by rename) takes it here. The lock goes with the process: one killed
while holding it holds it no longer.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

__all__ = ["folder_lock"]


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` for the block (waiting for another holder to let go); where the system
    has no flock (Windows), no lock: a record is still replaced whole, never half-written.

    Raises:
        OSError: the folder cannot be opened.
    """
    try:
        import fcntl
    except ImportError:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock
