"""The built front end, read into memory once at start-up and served from there.

Request paths are only ever looked up in this in-memory table, never joined onto a folder, so no
request can reach the file system. Hashed assets (`/assets/…`) are cached for a year; `index.html`
is revalidated. Text assets are gzipped once, up front, for clients that accept it.
"""

from __future__ import annotations

import gzip
import mimetypes
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

__all__ = ["Asset", "StaticBundle", "bundled_static_dir"]

_TEXT = {".html", ".js", ".css", ".json", ".svg", ".txt", ".map"}
_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
          ".html": "text/html; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml",
          ".png": "image/png", ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8"}
_MAX_FILES = 200


@dataclass(frozen=True, slots=True)
class Asset:
    """One file of the bundle: its bytes, a gzipped copy (text only), content type and cache policy."""

    body: bytes
    gzipped: bytes | None
    media_type: str
    cache_control: str


def bundled_static_dir() -> Path:
    """Where the built front end ships inside the package."""
    return Path(str(resources.files("foedus.web"))) / "static"


@dataclass(frozen=True)
class StaticBundle:
    """URL path -> asset, for every file of the built front end."""

    assets: dict[str, Asset]

    @property
    def has_index(self) -> bool:
        """Whether the front end was built (index.html present)."""
        return "/" in self.assets

    def get(self, path: str) -> Asset | None:
        """The asset for a URL path (`/` is index.html), or None."""
        return self.assets.get(path)

    @classmethod
    def load(cls, folder: Path | None = None) -> StaticBundle:
        """Read every file under `folder` (default: the packaged static folder); empty if there is none."""
        root = folder or bundled_static_dir()
        assets: dict[str, Asset] = {}
        if not root.is_dir():
            return cls(assets)
        files = sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))
        for path in files[:_MAX_FILES]:
            rel = path.relative_to(root).as_posix()
            suffix = path.suffix.lower()
            body = path.read_bytes()
            media = _TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            cache = ("public, max-age=31536000, immutable" if rel.startswith("assets/") else "no-cache")
            packed = gzip.compress(body, 9, mtime=0) if suffix in _TEXT and len(body) > 512 else None
            asset = Asset(body, packed, media, cache)
            assets["/" + rel] = asset
            if rel == "index.html":
                assets["/"] = asset
        return cls(assets)
