"""A file's size and first bytes against the official file's (`DataFile.size`, `DataFile.head_sha256`): the words
for a cut copy or a damaged download.

A checksum alone cannot tell a cut copy from another version; the size and the first bytes can: a download is never
another version, a file under half the official one's size is a cut copy, not a release (`SHORT_SHARE`), and so is
a shorter file that begins with the official file's first `head_length` bytes (`begins_as_official`).

What that rests on: `foedus.datasets.registry`'s docstring.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from typing import IO, Any

__all__ = ["HEAD_BYTES", "SHORT_SHARE", "Measured", "begins_as_official", "head_length", "is_short", "size_gap"]

SHORT_SHARE = 0.5
"""Under this share of the official file's bytes, an import is taken for a cut copy. A file imported by the registry
file's name is that release or a neighbouring one, which covers the same states and most of the same years (the
series only grow), so it is not half the size; the cut that dropped every state after Armenia from `states2016.csv`
left 5,000 of 10,845 bytes. A subset made on purpose is imported with `allow_short` (`--allow-short`)."""

HEAD_BYTES = 1 << 16
"""The registry hashes an official file's first 64 KiB (`DataFile.head_sha256`), or half of it when that is less."""


def size_gap(size: int, official: int | None) -> str:
    """`5,000 of 10,845 bytes` (`12,000 bytes, the official file 10,845`), or '' when the size is the official one's
    or that is not known."""
    if official is None or size == official:
        return ""
    if size < official:
        return f"{size:,} of {official:,} bytes"
    return f"{size:,} bytes, the official file {official:,}"


def is_short(size: int, official: int | None) -> bool:
    """Whether a file is under `SHORT_SHARE` of the official file's size (a cut copy, not another version)."""
    return official is not None and size < official * SHORT_SHARE


def head_length(official: int) -> int:
    """How many first bytes of an official file of `official` bytes `DataFile.head_sha256` covers: `HEAD_BYTES`, or
    half the file when that is less, so that every file not refused by `is_short` has them all."""
    return min(HEAD_BYTES, official // 2)


def begins_as_official(size: int, official: int | None, head: str | None, opener: Callable[[], IO[bytes]]) -> bool:
    """Whether a file of `size` bytes, shorter than the official file, begins with its first `head_length` bytes
    (their SHA-256 is `head`): a cut copy of the official file, not another release. Reads only those bytes."""
    if official is None or head is None or size >= official:
        return False
    length = head_length(official)
    with opener() as stream:
        first = stream.read(length)
    return len(first) == length and hashlib.sha256(first).hexdigest() == head


class Measured:
    """A pooch downloader that notes the size of what it wrote, so that a download refused for its SHA-256 can be
    named as cut short (`5,000 of 10,845 bytes`) rather than as a file that merely differs."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.size: int | None = None

    def __call__(self, url: str, output_file: Any, pooch: object, check_only: bool = False) -> Any:
        result = self.inner(url, output_file, pooch, check_only=check_only)
        if not check_only and isinstance(output_file, (str, os.PathLike)):
            try:
                self.size = os.stat(output_file).st_size
            except OSError:
                self.size = None
        return result
