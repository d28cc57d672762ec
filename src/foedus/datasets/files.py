"""File plumbing for datasets: SHA-256, the state of a file, atomic installs, zip members by name."""

from __future__ import annotations

import hashlib
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Literal

from foedus.datasets.sizes import size_gap
from foedus.errors import ChecksumError
from foedus.reachable import os_reason

__all__ = ["ARCHIVE_ERRORS", "MAX_FILE_BYTES", "FileState", "archive_error_text", "install", "os_error_text",
           "sha256_of", "sha256_path", "sha256_size", "zip_members"]

FileState = Literal["present", "other-version", "missing", "bad-checksum", "unreadable"]
CHUNK = 1 << 20
MAX_FILE_BYTES = 1 << 30  # the largest registry file is a few MiB; nothing near 1 GiB is a dataset file
MAX_NESTED_ZIP = 256 << 20  # a zip inside a zip is read into memory
Opener = Callable[[], IO[bytes]]
_HOW = "run the command again with --force to replace it"
# What reading a damaged, encrypted or exotic zip raises, besides OSError.
ARCHIVE_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, RuntimeError, NotImplementedError, EOFError, zlib.error,
                  ValueError)


def archive_error_text(exc: BaseException) -> str:
    """One line for a zip that cannot be read: encrypted, damaged or using an unsupported compression."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, RuntimeError) and "encrypted" in text.lower():
        return "it is encrypted (password-protected zips are not supported: unpack it and import the files)"
    if isinstance(exc, NotImplementedError):
        return f"it uses a compression foedus cannot read ({text}): unpack it and import the files"
    return f"it is not a readable zip archive ({text})"


def os_error_text(exc: OSError | zipfile.BadZipFile) -> str:
    """One line for a file-system error: the file it concerns and the reason, worded as every reader words it."""
    if isinstance(exc, OSError) and exc.filename and exc.errno:
        return f"{exc.filename}: {os_reason(exc)}"
    return " ".join(str(exc).split()) or type(exc).__name__


def sha256_of(stream: IO[bytes]) -> str:
    """Hex SHA-256 of everything left in a binary stream (read in chunks)."""
    return sha256_size(stream)[0]


def sha256_size(stream: IO[bytes]) -> tuple[str, int]:
    """Hex SHA-256 and length of everything left in a binary stream (read in chunks)."""
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def sha256_path(path: Path) -> str:
    """Hex SHA-256 of a file (opened read-only)."""
    with path.open("rb") as stream:
        return sha256_of(stream)


def install(stream: IO[bytes], target: Path, expected: str | None, *, origin: str,
            force: bool = False, size: int | None = None) -> tuple[str, int]:
    """Copy a stream to `target` through `foedus.outputs` once its SHA-256 is `expected` (any, for None); else
    leave the target be. Returns the SHA-256 and size installed. A stream refused whose size is not the official
    file's (`size`, known for a download) is named as cut short or damaged (`foedus.datasets.sizes`).

    The caller has checked `target` before: missing, or to be replaced (`force`, from --force). Without `force`
    a file that appears there meanwhile (another run's, or the user's) is kept, never replaced: accepted when it
    has the expected SHA-256, else an `OutputExistsError`.

    Raises:
        ChecksumError: the SHA-256 differs, or the stream is larger than `MAX_FILE_BYTES`.
    """
    from foedus.errors import OutputExistsError
    from foedus.outputs import staged_file

    target.parent.mkdir(parents=True, exist_ok=True)
    digest, got = hashlib.sha256(), 0
    try:
        with staged_file(target, force=force, how=_HOW, dataset=True) as tmp, tmp.open("wb") as out:
            while chunk := stream.read(CHUNK):
                got += len(chunk)
                if got > MAX_FILE_BYTES:
                    raise ChecksumError(f"{origin}: larger than {MAX_FILE_BYTES >> 20} MiB, so not a dataset file; "
                                        f"{target.name} was not installed")
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            actual = digest.hexdigest()
            if expected is not None and actual != expected and (gap := size_gap(got, size)):
                raise ChecksumError(f"{origin}: {gap}, a damaged download or not the official file (SHA-256 "
                                    f"{actual}, expected {expected}); {target.name} was not installed")
            if expected is not None and actual != expected:
                raise ChecksumError(f"{origin}: SHA-256 is {actual}, expected {expected}; {target.name} was not "
                                    "installed")
    except OutputExistsError:
        if expected is None or not target.is_file() or sha256_path(target) != expected:
            raise
    return digest.hexdigest(), got


def zip_members(archive: zipfile.ZipFile, label: str) -> Iterator[tuple[str, str, Opener]]:
    """Every regular file in a zip, also inside nested zips: (file name, where, opener), skipping __MACOSX."""
    for info in archive.infolist():
        parts = PurePosixPath(info.filename).parts
        if info.is_dir() or not parts or parts[0] == "__MACOSX" or parts[-1].startswith("._"):
            continue
        where = f"{label}!{info.filename}"
        if info.flag_bits & 0x1:
            raise RuntimeError(f"{where} is encrypted")
        inner = _nested_zip(archive, info) if parts[-1].lower().endswith(".zip") else None
        if inner is not None:
            yield from zip_members(inner, where)
        else:
            yield parts[-1], where, _opener(archive, info)


def _nested_zip(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> zipfile.ZipFile | None:
    """A zip inside a zip, read into memory (release zips are small), or None when it is not a zip."""
    if info.file_size > MAX_NESTED_ZIP:
        return None
    try:
        return zipfile.ZipFile(io.BytesIO(archive.read(info)))
    except zipfile.BadZipFile:
        return None


def _opener(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Opener:
    return lambda: archive.open(info)
