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
    from foedus.cachefile import cached_json
    from foedus.filehash import content_sha256

    key = hashlib.sha256(f"{tag}\n{content_sha256(source)}\n{depends}".encode()).hexdigest()
    return cached_json(tag, key, build, encode, decode)
