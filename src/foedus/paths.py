"""Where foedus looks for research datasets and keeps its cache (no network, no side effects)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DATA_ENV", "cache_dir", "data_dir", "dataset_file"]

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
