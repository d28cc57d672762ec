"""`import_file`: put user-downloaded dataset files (a CSV, a zip, or a folder of them) in place, verified."""

from __future__ import annotations

import contextlib
import zipfile
from pathlib import Path

from foedus.datasets.candidates import Candidate, Chosen, choose, is_dataset_archive
from foedus.datasets.files import (
    ARCHIVE_ERRORS,
    Opener,
    archive_error_text,
    install,
    os_error_text,
    sha256_size,
    zip_members,
)
from foedus.datasets.outcome import Outcome
from foedus.datasets.registry import DATASETS, DataFile, Dataset, find_file
from foedus.datasets.sizes import begins_as_official, head_length, is_short, size_gap
from foedus.datasets.values import csv_problem
from foedus.datasets.verify import (
    check_file,
    confirm_pending,
    drop_pending,
    forget_other_version,
    record_other_version,
    recorded_sha,
)
from foedus.errors import ChecksumError, DataImportError
from foedus.paths import data_dir
from foedus.reachable import os_reason, unreachable
from foedus.wording import MAX_MESSAGE, other_kind_taken
from foedus.written import as_written, kept

__all__ = ["import_file", "import_source"]

_Entry = tuple[str, str, Opener]  # file name, where it was found, how to open it
_Passed = tuple[Path, str]  # a zip passed over, and why it cannot be read


def import_source(path: str | Path) -> Path:
    """The file or folder `path` names, to import from, or why it is none: checked for every path before any is
    imported (`foedus data import F1 F2`: a missing F2 left F1 imported, the command failed).

    Raises:
        DataImportError: a missing or unreadable path, or one that is no regular file or folder.
    """
    src = kept(path).expanduser()  # `data.zip/` is refused as the system refuses it, not read as data.zip
    if why := unreachable(src):
        raise DataImportError(f"{as_written(src)}: {why}")
    if not (src.is_dir() or src.is_file()):
        raise DataImportError(f"{src}: not a regular file or folder")
    return src


def import_file(path: str | Path, *, force: bool = False, any_version: bool = False,
                allow_short: bool = False) -> list[Outcome]:
    """Copy the dataset files in `path` (by name, else by SHA-256) into place, verified; the source is only read.

    With `any_version`, a file matched by name whose SHA-256 is not the registry's is taken as another version
    of it when it has the columns foedus reads; its size and SHA-256 are recorded, so that later runs accept it
    (and refuse it if it changes). One under half the official file's size, or shorter and beginning with the
    official file's first bytes, is a cut copy, refused unless `allow_short` (a subset made on purpose); one of
    another size than the official file says so in its outcome.

    Raises:
        DataImportError: a missing or unreadable path, a damaged or encrypted zip (in a folder, one that is foedus's:
            others are passed over, each a `skipped` outcome), no known file in it, files with one dataset file's
            name that differ and none is the version wanted (`candidates.choose`), or another version that lacks a
            column foedus reads or is a cut copy (without `allow_short`), or a folder where a file it holds goes.
        ChecksumError: a file is not the registry's version (without `any_version`), or a differing file is in
            place (without `force`).
    """
    src = import_source(path)
    try:
        with contextlib.ExitStack() as stack:
            entries, passed = _entries(src, stack)
            said = [Outcome("", str(z), "skipped", f"{why}; not a dataset archive by its name") for z, why in passed]
            return said + _install_all(_match(src, entries, passed), force, any_version, allow_short)
    except OSError as exc:
        raise DataImportError(f"cannot import {src}: {os_error_text(exc)}") from None
    except ARCHIVE_ERRORS as exc:
        raise DataImportError(f"cannot import {src}: {archive_error_text(exc)}") from None


def _entries(src: Path, stack: contextlib.ExitStack) -> tuple[list[_Entry], list[_Passed]]:
    """The files to consider: the file itself, a zip's members, or (recursively) a folder's files and zips; and the
    zips of a folder passed over, unreadable and none of foedus's (`candidates.is_dataset_archive`)."""
    files = sorted(p for p in src.rglob("*") if p.is_file()) if src.is_dir() else [src]
    entries: list[_Entry] = []
    passed: list[_Passed] = []
    for file in files:
        if file.suffix.lower() != ".zip":
            entries.append((file.name, str(file), _path_opener(file)))
            continue
        archive: zipfile.ZipFile | None = None
        try:
            archive = stack.enter_context(zipfile.ZipFile(file))
            entries += list(zip_members(archive, str(file)))
            continue
        except (OSError, *ARCHIVE_ERRORS) as exc:
            why = os_reason(exc) if isinstance(exc, OSError) else archive_error_text(exc)
        if file == src or is_dataset_archive(file, archive):  # named itself, not the folder it is in
            raise DataImportError(f"cannot import {file}: {why}")
        passed.append((file, why))
    return entries, passed


def _path_opener(path: Path) -> Opener:
    return lambda: path.open("rb")


def _match(src: Path, entries: list[_Entry], passed: list[_Passed]) -> list[Chosen]:
    """Registry files found among the entries, by file name (of several with one name, `candidates.choose` takes
    one or refuses); a lone file also by checksum. None found, the zips passed over are what went wrong: named."""
    found: dict[str, tuple[Dataset, DataFile, list[Candidate]]] = {}
    for name, where, opener in entries:
        hit = find_file(name=name)
        if hit is not None:
            found.setdefault(hit[1].path, (hit[0], hit[1], []))[2].append(Candidate(where, opener))
    if found:
        return [choose(dataset, file, candidates) for dataset, file, candidates in found.values()]
    if len(entries) == 1 and src.is_file() and src.suffix.lower() != ".zip":
        with src.open("rb") as stream:  # hashed once: its `Chosen` carries the SHA-256 and size on
            actual, size = sha256_size(stream)
        hit = find_file(sha256=actual)
        if hit is not None:  # one candidate, its checksum read: `choose` does not hash it again
            return [choose(hit[0], hit[1], [Candidate(str(src), entries[0][2], (actual, size))])]
        raise DataImportError(_known(f"{src} is not a dataset file foedus knows (by name or SHA-256 {actual})"))
    if len(passed) == 1:
        raise DataImportError(f"cannot import {passed[0][0]}: {passed[0][1]}")
    damaged = "".join(f"; cannot read {zip_}" for zip_, _ in passed)
    raise DataImportError(_known(f"{src} holds none of the dataset files foedus knows{damaged}"))


def _known(said: str) -> str:
    """A refusal of files foedus does not know, with the files it knows: listed where the line holds them, else
    pointed to (a file's SHA-256 or a long path left the list cut mid-name at the message's length)."""
    known = f"{said}; known files: {', '.join(f.name for d in DATASETS.values() for f in d.files)}"
    return known if len(known) <= MAX_MESSAGE else f"{said}; `foedus data status` lists the files it knows"


def _install_all(matches: list[Chosen], force: bool, any_version: bool, allow_short: bool) -> list[Outcome]:
    """Check every match first (source checksum, then the file in place), then install the ones needed."""
    root = data_dir()
    todo: list[Chosen] = []
    outcomes: list[Outcome] = []
    for match in matches:
        dataset, file, where, actual = match.dataset, match.file, match.where, match.sha256
        if actual != file.sha256:
            _check_other(match, any_version, allow_short)
        target = root / file.path
        state, _ = check_file(file.path, target)
        recorded = recorded_sha(file.path) if state == "other-version" else None
        if (state == "present" and actual == file.sha256) or recorded == actual:
            if recorded is not None:
                confirm_pending(file, actual)
            else:  # the registry's version: a record that an earlier import or fetch left of another one goes
                forget_other_version(file)
            outcomes.append(Outcome(dataset.name, file.path, "present", _said(where, match.note),
                                    chosen_over=bool(match.note)))
            continue
        if state != "missing" and (not force or target.is_dir()):
            raise _kept(target, where, force)
        todo.append(match)
    for match in todo:
        dataset, file, where, opener, actual, size = (match.dataset, match.file, match.where, match.opener,
                                                      match.sha256, match.size)
        if actual != file.sha256:  # recorded before it is installed: a run killed in between leaves it believable
            record_other_version(file, actual, size, where, pending=True)
        try:
            with opener() as stream:
                sha, size = install(stream, root / file.path, actual, origin=where, force=force)
        except BaseException:  # not installed: the pending record would vouch for a version never in place
            if actual != file.sha256:
                drop_pending(file, actual)
            raise
        if sha == file.sha256:
            forget_other_version(file)
            outcomes.append(Outcome(dataset.name, file.path, "imported", _said(where, match.note),
                                    chosen_over=bool(match.note)))
        else:
            record_other_version(file, sha, size, where)
            gap = _gap(size, file.size)
            outcomes.append(Outcome(dataset.name, file.path, "imported", _said(where, match.note) + " (another "
                                    f"version than {dataset.name} {dataset.version}: SHA-256 {sha[:16]}…{gap}, "
                                    "recorded)", other_version=True, chosen_over=bool(match.note)))
    return outcomes


def _check_other(match: Chosen, any_version: bool, allow_short: bool) -> None:
    """A file that is not the registry's version is imported only as another version (`any_version`), never when
    a cut copy (unless `allow_short`): under half the official size, or shorter and beginning with the official
    file's first bytes (`sizes.begins_as_official`); and only with the columns and values foedus reads."""
    dataset, file, where = match.dataset, match.file, match.where
    if not any_version:
        if (cut := _cut_why(match)) is not None:  # the sizes tell it: no checksum to read, no other version to try
            raise ChecksumError(f"{where}: {match.size:,} bytes, {cut}: a cut copy, not imported (`foedus data fetch "
                                f"{dataset.name}` gets the official file; a subset made on purpose: --any-version "
                                "--allow-short)")
        raise ChecksumError(f"{where}: SHA-256 is {match.sha256}, expected {file.sha256} for {file.path} "
                            f"({dataset.name} {dataset.version}); not imported ({_maybe_cut(match)}if it is another "
                            "version of the file, import it with --any-version)")
    _check_columns(file, where, match.opener)  # first: a cut inside a row is named by its line
    if allow_short:  # a cut between rows passes every value check: told by size or first bytes
        return
    if (why := _cut_why(match)) is not None:
        raise DataImportError(f"{where}: {match.size:,} bytes, {why}: a cut copy, not another version; not imported "
                              "(a subset made on purpose: add --allow-short)")


def _cut_why(match: Chosen) -> str | None:
    """Why a file is a cut copy of the official one: under half its size, or shorter and beginning with its first
    bytes (another release differs there: `foedus.datasets.sizes`); None where neither is known."""
    file = match.file
    if file.size is None:
        return None
    if is_short(match.size, file.size):
        return f"under half the official {file.name}'s {file.size:,}"
    if begins_as_official(match.size, file.size, file.head_sha256, match.opener):
        return (f"shorter than the official {file.name}'s {file.size:,} and beginning with its first "
                f"{head_length(file.size):,} bytes")
    return None


def _maybe_cut(match: Chosen) -> str:
    """`it is 5,000 bytes, the official file 10,845: a cut copy? ` for a file smaller than the official one."""
    official = match.file.size
    if official is None or match.size >= official:
        return ""
    return f"it is {match.size:,} bytes, the official file {official:,}: a cut copy? "


def _gap(size: int, official: int | None) -> str:
    """What an imported other version's line says of its size: `, 7,981 of the official file's 10,845 bytes: make
    sure it is not a cut copy` (a warning: the rows a cut drops would be missing from every answer), or ''."""
    if official is None or size == official:
        return ""
    if size < official:
        return f", {size:,} of the official file's {official:,} bytes: make sure it is not a cut copy"
    return f", {size_gap(size, official)}"


def _said(where: str, note: str) -> str:
    """Where a file came from, and (when other files had its name) why that one: `a.csv; chosen over …`."""
    return f"{where}; {note}" if note else where


def _kept(target: Path, where: str, force: bool) -> DataImportError | ChecksumError:
    """Why the file in place is not replaced: it differs (without --force), or it is a folder, which --force would
    not replace either: worded as every output words it (`foedus.wording.other_kind_taken`), so a run without
    --force is not told what --force does, nor to choose another path: the data folder fixes it."""
    if target.is_dir():
        return DataImportError(other_kind_taken(target, "a folder", "file", force=force, fixed_in="the data folder"))
    return ChecksumError(f"{target} is already in place and differs from {where}; not overwriting it: use --force to "
                         "replace it")


def _check_columns(file: DataFile, where: str, opener: Opener) -> None:
    """Another version must have the columns foedus reads from this file, and (a CSV) rows of the header's width
    whose values in those columns the readers take (`foedus.datasets.values.csv_problem`): a file cut short, a
    header alone, a code that is not a number or a year outside the data is refused here rather than failing every
    later command or changing its answers."""
    with opener() as stream:
        problem = csv_problem(stream, file)
    if problem:
        raise DataImportError(f"{where}: {problem}; foedus cannot read it as {file.name}; not imported")
