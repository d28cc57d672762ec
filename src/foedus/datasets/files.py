"""File plumbing for datasets: SHA-256, present/missing/bad-checksum, atomic installs, zip members by name."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Literal

from foedus.errors import ChecksumError

__all__ = ["FileState", "file_state", "install", "os_error_text", "sha256_of", "sha256_path", "zip_members"]

FileState = Literal["present", "missing", "bad-checksum"]
CHUNK = 1 << 20
Opener = Callable[[], IO[bytes]]


def os_error_text(exc: OSError | zipfile.BadZipFile) -> str:
    """One line for a file-system error: the file it concerns and the reason."""
    if isinstance(exc, OSError) and exc.filename and exc.strerror:
        return f"{exc.filename}: {exc.strerror}"
    return " ".join(str(exc).split()) or type(exc).__name__


def sha256_of(stream: IO[bytes]) -> str:
    """Hex SHA-256 of everything left in a binary stream (read in chunks)."""
    digest = hashlib.sha256()
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def sha256_path(path: Path) -> str:
    """Hex SHA-256 of a file (opened read-only)."""
    with path.open("rb") as stream:
        return sha256_of(stream)


def file_state(path: Path, expected: str) -> FileState:
    """Whether the file is there with the expected SHA-256, there with another one, or not there."""
    if not path.is_file():
        return "missing"
    return "present" if sha256_path(path) == expected else "bad-checksum"


def install(stream: IO[bytes], target: Path, expected: str, *, origin: str) -> None:
    """Copy a stream to `target` through `foedus.outputs` once its SHA-256 matches; else leave it be.

    The caller has decided that `target` may be replaced when it exists (missing, or --force); a
    file that appears meanwhile is kept, and accepted when it has the expected SHA-256.
    """
    from foedus.errors import OutputExistsError
    from foedus.outputs import staged_file

    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with staged_file(target, force=target.exists()) as tmp, tmp.open("wb") as out:
            digest = hashlib.sha256()
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            actual = digest.hexdigest()
            if actual != expected:
                raise ChecksumError(f"{origin}: SHA-256 is {actual}, expected {expected}; {target.name} was not "
                                    "installed")
    except OutputExistsError:
        if sha256_path(target) != expected:
            raise


def zip_members(archive: zipfile.ZipFile, label: str) -> Iterator[tuple[str, str, Opener]]:
    """Every regular file in a zip, also inside nested zips: (file name, where, opener), skipping __MACOSX."""
    for info in archive.infolist():
        parts = PurePosixPath(info.filename).parts
        if info.is_dir() or not parts or parts[0] == "__MACOSX" or parts[-1].startswith("._"):
            continue
        where = f"{label}!{info.filename}"
        inner = _nested_zip(archive, info) if parts[-1].lower().endswith(".zip") else None
        if inner is not None:
            yield from zip_members(inner, where)
        else:
            yield parts[-1], where, _opener(archive, info)


def _nested_zip(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> zipfile.ZipFile | None:
    """A zip inside a zip, read into memory (release zips are small), or None when it is not a zip."""
    try:
        return zipfile.ZipFile(io.BytesIO(archive.read(info)))
    except zipfile.BadZipFile:
        return None


def _opener(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Opener:
    return lambda: archive.open(info)
