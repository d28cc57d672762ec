"""`status` and `cite`: what the data folder holds (checked by SHA-256), and what to cite for it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foedus.datasets.files import FileState
from foedus.datasets.registry import DataFile, Dataset
from foedus.datasets.selecting import select, select_named
from foedus.datasets.verify import check_file, other_versions, recorded_sha
from foedus.paths import data_dir

__all__ = ["DatasetStatus", "FileStatus", "cite", "status", "versions"]


@dataclass(frozen=True)
class FileStatus:
    """One file in the data folder: present (right checksum), other-version (imported with --any-version and
    unchanged since), missing, bad-checksum (corrupt, truncated or unrecorded: refused by every command) or
    unreadable (permission denied, or not a regular file: refused too, but its content is not said to be wrong);
    `reason` is the one-line refusal of a refused file."""

    path: str
    state: FileState
    sha256: str
    fetchable: bool
    note: str = ""
    reason: str = ""


@dataclass(frozen=True)
class DatasetStatus:
    """One dataset: its version, citations, official sources and the state of each of its files."""

    dataset: Dataset
    files: tuple[FileStatus, ...]

    @property
    def state(self) -> str:
        """present (all files right), other-version, missing (none there), or bad-checksum / unreadable / partial."""
        states = {f.state for f in self.files}
        if len(states) == 1:
            return states.pop()
        for refused in ("bad-checksum", "unreadable"):
            if refused in states:
                return refused
        return "other-version" if states == {"present", "other-version"} else "partial"

    @property
    def used(self) -> bool:
        """Whether any of its files is in the data folder (so it should be cited)."""
        return any(f.state != "missing" for f in self.files)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        d = self.dataset
        return {
            "name": d.name, "title": d.title, "version": d.version, "state": self.state,
            "citations": list(d.citations), "urls": list(d.urls), "optional": d.optional, "licence": d.licence,
            "files": [{"path": f.path, "state": f.state, "sha256": f.sha256, "fetchable": f.fetchable,
                       "note": f.note, "reason": f.reason, "sha256_confirmed": c.sha256_confirmed}
                      for f, c in zip(self.files, d.files, strict=True)],
        }


def status(names: Iterable[str] | None = None) -> list[DatasetStatus]:
    """Per dataset (default: all), each file's state in the data folder, checked by SHA-256 (hashes remembered
    by stat, so an unchanged file is not read again)."""
    root = data_dir()
    return [DatasetStatus(d, tuple(_file_status(f, root) for f in d.files)) for d in select(names)]


def _file_status(file: DataFile, root: Path) -> FileStatus:
    state, reason = check_file(file.path, root / file.path)
    return FileStatus(file.path, state, file.sha256, file.fetchable, file.note, reason)


def cite(names: Iterable[str] | None = None) -> dict[str, tuple[str, ...]]:
    """The references to cite per dataset: for the datasets named, each once (`select_named`: `foedus cite atop atop`
    was taken as one), else for those in the data folder.

    Raises:
        UnknownDatasetError: an unknown or empty name (`select`). ListedTwiceError: a name given twice.
    """
    wanted = list(names or ())
    if wanted:
        return {d.name: d.citations for d in select_named(wanted)}
    return {s.dataset.name: s.dataset.citations for s in status() if s.used}


def versions(names: Iterable[str]) -> dict[str, str]:
    """Each named dataset's title and version, for an output's metadata; a dataset one of whose files in the data
    folder is another version (`foedus data import --any-version`) says so, with that file's SHA-256.

    >>> versions(["atop"])["atop"]
    'Alliance Treaty Obligations and Provisions (ATOP), version 5.1'
    """
    others = other_versions()
    out = {}
    for d in select(list(names)):
        text = f"{d.title}, version {d.version}"
        replaced = [f"{f.path} sha256 {sha}" for f in d.files if f.path in others and (sha := recorded_sha(f.path))]
        if replaced:
            text = (f"{d.title}, another version than {d.version} (imported with --any-version: "
                    f"{'; '.join(replaced)})")
        out[d.name] = text
    return out
