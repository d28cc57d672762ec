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
    """`build()`, or its cached form (`encode`d once, `decode`d on later runs) while `source` is unchanged; what a
    build made while `source` or the bundled world's inputs changed (another version imported meanwhile) is not
    stored under the old content's key."""
    from foedus.cachefile import cached_json
    from foedus.filehash import content_sha256

    sha = content_sha256(source)

    def unchanged() -> bool:
        from foedus.world_cache import inputs_unchanged

        try:
            return content_sha256(source) == sha and inputs_unchanged()
        except OSError:
            return False

    key = hashlib.sha256(f"{tag}\n{sha}\n{depends}".encode()).hexdigest()
    return cached_json(tag, key, build, encode, decode, unchanged=unchanged)
