"""`import_file`: put user-downloaded dataset files (a CSV, a zip, or a folder of them) in place, verified."""

from __future__ import annotations

import contextlib
import zipfile
from pathlib import Path

from foedus.datasets.files import Opener, install, os_error_text, sha256_of, sha256_path, zip_members
from foedus.datasets.outcome import Outcome
from foedus.datasets.registry import DATASETS, DataFile, Dataset, find_file
from foedus.errors import ChecksumError, DataImportError
from foedus.paths import data_dir

__all__ = ["import_file"]

_Entry = tuple[str, str, Opener]  # file name, where it was found, how to open it
_Match = tuple[Dataset, DataFile, str, Opener]


def import_file(path: str | Path, *, force: bool = False) -> list[Outcome]:
    """Copy the dataset files in `path` (by name, else by SHA-256) into place, verified; the source is only read."""
    src = Path(path).expanduser()
    if not src.exists():
        raise DataImportError(f"{src}: no such file or folder")
    try:
        with contextlib.ExitStack() as stack:
            matches = _match(src, _entries(src, stack))
            return _install_all(matches, force)
    except (OSError, zipfile.BadZipFile) as exc:
        raise DataImportError(f"cannot import {src}: {os_error_text(exc)}") from None


def _entries(src: Path, stack: contextlib.ExitStack) -> list[_Entry]:
    """The files to consider: the file itself, a zip's members, or (recursively) a folder's files and zips."""
    files = sorted(p for p in src.rglob("*") if p.is_file()) if src.is_dir() else [src]
    entries: list[_Entry] = []
    for file in files:
        if file.suffix.lower() == ".zip":
            archive = stack.enter_context(zipfile.ZipFile(file))
            entries += zip_members(archive, str(file))
        else:
            entries.append((file.name, str(file), _path_opener(file)))
    return entries


def _path_opener(path: Path) -> Opener:
    return lambda: path.open("rb")


def _match(src: Path, entries: list[_Entry]) -> list[_Match]:
    """Registry files found among the entries, by file name (first one wins); a lone file also by checksum."""
    found: dict[str, _Match] = {}
    for name, where, opener in entries:
        hit = find_file(name=name)
        if hit is not None and hit[1].path not in found:
            found[hit[1].path] = (hit[0], hit[1], where, opener)
    if found:
        return list(found.values())
    known = ", ".join(f.name for d in DATASETS.values() for f in d.files)
    if len(entries) == 1 and src.is_file() and src.suffix.lower() != ".zip":
        actual = sha256_path(src)
        hit = find_file(sha256=actual)
        if hit is not None:
            return [(hit[0], hit[1], str(src), entries[0][2])]
        raise DataImportError(f"{src} is not a dataset file foedus knows (by name or SHA-256 {actual}); "
                              f"known files: {known}")
    raise DataImportError(f"{src} holds none of the dataset files foedus knows; known files: {known}")


def _install_all(matches: list[_Match], force: bool) -> list[Outcome]:
    """Check every match first (source checksum, then the file in place), then install the ones needed."""
    root = data_dir()
    todo: list[_Match] = []
    outcomes: list[Outcome] = []
    for dataset, file, where, opener in matches:
        with opener() as stream:
            actual = sha256_of(stream)
        if actual != file.sha256:
            raise ChecksumError(f"{where}: SHA-256 is {actual}, expected {file.sha256} for {file.path} "
                                f"({dataset.name} {dataset.version}); not imported")
        target = root / file.path
        present = sha256_path(target) if target.is_file() else None
        if present == file.sha256:
            outcomes.append(Outcome(dataset.name, file.path, "present", where))
            continue
        if present is not None and not force:
            raise ChecksumError(f"{target} differs from {dataset.name} {dataset.version} (SHA-256 {present}, "
                                f"expected {file.sha256}); not overwriting it: use --force to replace it")
        todo.append((dataset, file, where, opener))
    for dataset, file, where, opener in todo:
        with opener() as stream:
            install(stream, root / file.path, file.sha256, origin=where)
        outcomes.append(Outcome(dataset.name, file.path, "imported", where))
    return outcomes
