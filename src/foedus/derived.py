"""Data derived from a research-data file, cached in the user cache as plain JSON (see `foedus.cachefile`).

The cache entry is keyed on the source file's content (its SHA-256, remembered by `foedus.filehash`), on what
else the derivation depends on (`depends`), and on the foedus version; any other entry is rebuilt, not loaded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["cached_from_file"]

T = TypeVar("T")


def cached_from_file(source: Path, tag: str, build: Callable[[], T], encode: Callable[[T], Any],
                     decode: Callable[[Any], T], depends: str = "") -> T:
    """`build()`, or its cached form (`encode`d once, `decode`d on later runs) while `source` is unchanged."""
    from foedus.cachefile import prune, read_cache, write_cache
    from foedus.filehash import content_sha256
    from foedus.paths import cache_dir

    key = hashlib.sha256(f"{tag}\n{content_sha256(source)}\n{depends}".encode()).hexdigest()
    path = cache_dir() / f"{tag}-{key[:24]}.json"
    raw = read_cache(path, key)
    if raw is not None:
        try:
            return decode(raw)
        except (KeyError, TypeError, ValueError, AttributeError):
            pass
    value = build()
    if write_cache(path, key, encode(value)):
        prune(path, (f"{tag}-*.json", f"{tag}-*.pickle"))
    return value
