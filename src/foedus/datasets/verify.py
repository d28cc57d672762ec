"""Dataset files are checked before they are believed: every reader gets its file through `dataset_file`.

A file passes when its SHA-256 is the registry's, or when it is another version the user imported with
`foedus data import --any-version` and still has the size, SHA-256 and columns recorded then (in
`foedus-other-versions.json` in the data folder). Hashes are remembered by path, size and times
(`foedus.filehash`), so a fresh process does not re-read unchanged files. Anything else — an empty, truncated or
edited file — is refused with one line naming it, never read: corrupt data must not quietly change results.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from foedus.datasets.csvfile import open_csv
from foedus.datasets.registry import OTHER_VERSIONS, DataFile, Dataset, find_path
from foedus.errors import DataCorruptError
from foedus.folderlock import folder_lock
from foedus.paths import data_dir
from foedus.reachable import os_reason

__all__ = [
    "OTHER_VERSIONS",
    "Check",
    "check_file",
    "confirm_pending",
    "dataset_file",
    "drop_pending",
    "forget_other_version",
    "has_columns",
    "other_versions",
    "record_other_version",
    "recorded_sha",
]

Check = Literal["present", "other-version", "missing", "bad-checksum", "unreadable"]


def dataset_file(relative: str) -> Path | None:
    """The verified path of a dataset file under the data folder, or None when it is not there.

    Raises:
        DataCorruptError: the file is there but fails its check, or cannot be read (not a regular file, or its
            permissions).
    """
    path = data_dir() / relative
    state, detail = check_file(relative, path)
    if state == "missing":
        return None
    if state in ("bad-checksum", "unreadable"):
        raise DataCorruptError(detail)
    return path


def check_file(relative: str, path: Path) -> tuple[Check, str]:
    """The state of one dataset file, with a one-line reason when it is refused (never raises). A file that cannot
    be read (permission denied, or a folder where the file should be) is `unreadable`, not `bad-checksum`: nothing
    says its content is wrong, and `foedus data fetch --force` would replace a good file whose only fault is its
    permissions."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return "missing", ""
    except PermissionError as exc:
        return "unreadable", _unreadable(path, os_reason(exc))
    except OSError as exc:
        return "bad-checksum", _refusal(relative, path, os_reason(exc))
    if not path.is_file():
        return "unreadable", _unreadable(path, "not a regular file")
    hit = find_path(relative)
    if hit is None:  # not a registry file: nothing to check it against
        return "present", ""
    dataset, file = hit
    from foedus.filehash import content_sha256

    try:
        sha = content_sha256(path, info)
    except PermissionError as exc:
        return "unreadable", _unreadable(path, os_reason(exc))
    except OSError as exc:
        return "bad-checksum", _refusal(relative, path, os_reason(exc))
    if sha == file.sha256:
        return "present", ""
    entry = _entry_of(relative, sha)
    if entry is not None and entry.get("size") == info.st_size and has_columns(path, file.columns):
        problem = _values_problem(path, file, sha, entry.get("values"))
        if problem is None:
            return "other-version", ""
        return "bad-checksum", _refusal(relative, path, f"another version that foedus cannot read ({problem})",
                                        dataset)
    from foedus.datasets.sizes import size_gap

    gap = size_gap(info.st_size, file.size)  # `5,000 of 10,845 bytes`: a cut copy says so
    what = f"{gap}, " * bool(gap) + f"SHA-256 {sha[:16]}…, expected {file.sha256[:16]}…"
    what = "empty" if info.st_size == 0 else what
    return "bad-checksum", _refusal(relative, path, f"corrupt, truncated or not {dataset.name} {dataset.version} "
                                    f"({what})", dataset)


_CHECKED: dict[tuple[str, str], str | None] = {}


def _values_problem(path: Path, file: DataFile, sha: str, checked: object) -> str | None:
    """What is wrong with the values of another version, or None: a file recorded with its values checked at import
    (`checked`) passes; one recorded by an earlier foedus is checked now, once per process and file content."""
    from foedus.datasets.values import VALUES_CHECKED, file_problem

    if checked == VALUES_CHECKED:
        return None
    key = (str(path), sha)
    if key not in _CHECKED:
        _CHECKED[key] = file_problem(path, file)
    return _CHECKED[key]


def _refusal(relative: str, path: Path, why: str, dataset: Dataset | None = None) -> str:
    name = dataset.name if dataset is not None else relative.split("/", 1)[0]
    return (f"{path}: {why}; not reading it. Run `foedus data status`, then `foedus data fetch --force {name}` "
            "or `foedus data import`")


def _unreadable(path: Path, why: str) -> str:
    return (f"{path}: {why}; not reading it. Make it a file foedus can read (fix its permissions), then run "
            "`foedus data status`")


def has_columns(path: Path, columns: tuple[str, ...]) -> bool:
    """Whether a CSV file's header names every one of `columns` (any file, when there are none to check)."""
    import csv

    if not columns:
        return True
    try:
        with open_csv(path) as fh:
            header = next(csv.reader([fh.readline(1 << 16)]), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return False
    return set(columns) <= {h.strip() for h in header}


def other_versions() -> dict[str, Any]:
    """The other versions recorded in the data folder: {path: {sha256, size, columns, source, values}}, and in an
    entry the version an import recorded before installing it, under `pending` (until it confirms the record, or
    drops it when the install fails)."""
    try:
        raw = json.loads((data_dir() / OTHER_VERSIONS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = raw.get("files") if isinstance(raw, dict) else None
    return files if isinstance(files, dict) else {}


def _entry_of(relative: str, sha: str) -> dict[str, Any] | None:
    """The record of the other version of `relative` whose SHA-256 is `sha`: the entry, or the one pending in it."""
    entry = other_versions().get(relative)
    if not isinstance(entry, dict):
        return None
    for candidate in (entry, entry.get("pending")):
        if isinstance(candidate, dict) and candidate.get("sha256") == sha:
            return candidate
    return None


def recorded_sha(relative: str) -> str | None:
    """The SHA-256 of the other version of `relative` on record (`'?'` in a damaged entry): the pending one when
    the file in place has it (an import stopped before it confirmed its record), else the entry's; None if none,
    or if the registry's version is in place (an import or fetch of it stopped before it dropped the record)."""
    entry = other_versions().get(relative)
    if not isinstance(entry, dict):
        return None
    from foedus.filehash import content_sha256

    try:
        in_place: str | None = content_sha256(data_dir() / relative)
    except OSError:
        in_place = None
    hit = find_path(relative)
    pending = entry.get("pending")
    if in_place is not None and hit is not None and in_place == hit[1].sha256:
        return None
    if isinstance(pending, dict) and in_place is not None and in_place == pending.get("sha256"):
        return in_place
    if isinstance(pending, dict) and "sha256" not in entry:
        return None
    return str(entry.get("sha256", "?"))


def record_other_version(file: DataFile, sha256: str, size: int, source: str, *, pending: bool = False) -> None:
    """Remember an imported other version of `file`, so that it passes its check (written atomically); its values
    were checked at import (`foedus.datasets.values`).

    With `pending`, before the file is installed: it is recorded beside the version on record (which still passes
    while the file is not replaced), so that an import killed once the file is in place, before the record is
    confirmed (without `pending`, afterwards), leaves a file that passes as what it is, a version checked at import,
    rather than one refused as corrupt that the same import then would not replace without --force."""
    from foedus.datasets.values import VALUES_CHECKED

    new = {"sha256": sha256, "size": size, "columns": list(file.columns), "source": source, "values": VALUES_CHECKED}
    data_dir().mkdir(parents=True, exist_ok=True)  # a first import records before it installs
    with folder_lock(data_dir()):  # two imports at once each keep their entry
        entries = other_versions()
        if pending:
            current = entries.get(file.path)
            new = {**(current if isinstance(current, dict) else {}), "pending": new}
        entries[file.path] = new
        _write(entries)


def confirm_pending(file: DataFile, sha256: str) -> None:
    """Confirm the record an import left pending, when the file in place is that version (the import was killed
    after it installed the file): what a later import of the same file does."""
    with folder_lock(data_dir()):
        entries = other_versions()
        entry = entries.get(file.path)
        if not isinstance(entry, dict):
            return
        pending = entry.get("pending")
        if isinstance(pending, dict) and pending.get("sha256") == sha256:
            entries[file.path] = pending
            _write(entries)


def drop_pending(file: DataFile, sha256: str) -> None:
    """Drop the record an import left pending for version `sha256` of `file` when its install failed (a disk full,
    a file too large, a stop): it stayed until the next import of that file, vouching for a version never installed.
    Kept when that version is in place after all (the install failed after it published the file)."""
    from foedus.filehash import content_sha256

    with folder_lock(data_dir()):
        entries = other_versions()
        entry = entries.get(file.path)
        pending = entry.get("pending") if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not isinstance(pending, dict) or pending.get("sha256") != sha256:
            return
        try:
            if content_sha256(data_dir() / file.path) == sha256:
                return
        except OSError:
            pass  # nothing (readable) in place
        rest = {key: value for key, value in entry.items() if key != "pending"}
        if rest:
            entries[file.path] = rest
        else:
            del entries[file.path]
        _write(entries)


def forget_other_version(file: DataFile) -> None:
    """Drop the record of another version of `file` (the registry's version replaced it)."""
    with folder_lock(data_dir()):
        entries = other_versions()
        if entries.pop(file.path, None) is not None:
            _write(entries)


def _write(entries: dict[str, Any]) -> None:
    from foedus.outputs import staged_file

    text = json.dumps({"format": 1, "files": entries}, indent=2, sort_keys=True)
    with staged_file(data_dir() / OTHER_VERSIONS, force=True, dataset=True) as tmp:
        tmp.write_text(text, encoding="utf-8")
