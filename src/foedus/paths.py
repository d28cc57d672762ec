"""Where foedus looks for research datasets and keeps its cache (no network, no side effects).

Dataset files are read through `foedus.datasets.verify.dataset_file`, which checks them first.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DATA_ENV", "cache_dir", "data_dir"]

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
