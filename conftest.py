"""Set-up for every test, doctest and docs example, however pytest is started: research data from
../shared/data (override with FOEDUS_DATA_DIR), and a private cache so tests never touch the user's: a folder
this process makes, and removes at its exit (not one it was given, nor from a process it spawned or forked)."""

from __future__ import annotations

import atexit
import os
import tempfile
from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parent.parent / "shared" / "data"

os.environ.setdefault("FOEDUS_DATA_DIR", str(SHARED_DATA))


def _remove_cache(folder: str, maker: int) -> None:
    """Remove the cache folder this process made; a forked child's exit runs it too, and must leave it."""
    import shutil

    if os.getpid() == maker:
        shutil.rmtree(folder, ignore_errors=True)


if "FOEDUS_CACHE_DIR" not in os.environ:  # a test's subprocess inherits the variable: the folder is its parent's
    os.environ["FOEDUS_CACHE_DIR"] = tempfile.mkdtemp(prefix="foedus-test-cache-")
    atexit.register(_remove_cache, os.environ["FOEDUS_CACHE_DIR"], os.getpid())
