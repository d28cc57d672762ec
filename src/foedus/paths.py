"""Where foedus looks for research datasets and keeps its cache (no network, no side effects)."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

__all__ = ["DATA_ENV", "cache_dir", "cached_from_file", "data_dir", "dataset_file"]

T = TypeVar("T")

DATA_ENV = "FOEDUS_DATA_DIR"


def data_dir() -> Path:
    """The research-data folder: $FOEDUS_DATA_DIR, else the per-user data folder."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("foedus")) / "data"


def cache_dir() -> Path:
    """Per-user cache for derived indexes (safe to delete)."""
    override = os.environ.get("FOEDUS_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("foedus"))


def dataset_file(relative: str) -> Path | None:
    """Path of a dataset file under the data folder, or None when it is not there."""
    path = data_dir() / relative
    return path if path.is_file() else None


def cached_from_file(source: Path, tag: str, build: Callable[[], T]) -> T:
    """`build()`, pickled in the cache and reused while `source` keeps its size and modification time."""
    st = source.stat()
    key = hashlib.sha256(f"{source.resolve()}:{st.st_size}:{st.st_mtime_ns}".encode()).hexdigest()[:20]
    path = cache_dir() / f"{tag}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            value: T = pickle.load(fh)
        return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)
    except OSError:
        pass
    return value
