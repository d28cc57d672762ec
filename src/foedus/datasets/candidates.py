"""What `import` takes from a folder: which zips are foedus's, and which of several same-named files it installs.

A folder someone downloads into holds other things too: a damaged zip that is none of the datasets' archives is
passed over rather than stopping the import. Two files with a dataset file's name (a copy in `old/`, a release
zip beside its unpacked files) are never chosen by the order they are found in: the same content is taken once,
else the one that is the registry's version (or the version on record in the data folder), else none.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from foedus.datasets.files import ARCHIVE_ERRORS, Opener, archive_error_text, sha256_size
from foedus.datasets.registry import DATASETS, DataFile, Dataset, find_file
from foedus.datasets.verify import recorded_sha
from foedus.errors import DataImportError

__all__ = ["Candidate", "Chosen", "choose", "is_dataset_archive"]

_COPY = re.compile(r" \(\d+\)$")  # a browser's second download of a name: `atop_5.1__.csv_ (1).zip`


@dataclass(frozen=True)
class Candidate:
    """A file with a dataset file's name: where it was found (a path, or `zip!member`) and how to open it; its SHA-256
    and size where already read (`hashed`: a lone file matched by its checksum), so that `choose` does not read it
    again."""

    where: str
    opener: Opener
    hashed: tuple[str, int] | None = None


@dataclass(frozen=True)
class Chosen:
    """The file `import` installs for one dataset file, its SHA-256 and size, and why when others were passed over."""

    dataset: Dataset
    file: DataFile
    where: str
    opener: Opener
    sha256: str
    size: int
    note: str = ""  # said only when others were passed over: `Outcome.chosen_over`


def is_dataset_archive(path: Path, archive: zipfile.ZipFile | None) -> bool:
    """Whether a zip is one foedus reads: named as an official archive or as a dataset file (`NMC-60-abridged.zip`),
    or, when its list of members can be read, holding a file with a dataset file's name."""
    stem = _COPY.sub("", path.stem).lower()
    names = {PurePosixPath(f.source.url).stem.lower() for d in DATASETS.values() for f in d.files
             if f.source is not None and f.source.url.lower().endswith(".zip")}
    names |= {PurePosixPath(f.name).stem.lower() for d in DATASETS.values() for f in d.files}
    if stem in names:
        return True
    if archive is None:
        return False
    return any(find_file(name=PurePosixPath(n).name) is not None for n in archive.namelist())


def choose(dataset: Dataset, file: DataFile, found: list[Candidate]) -> Chosen:
    """The one of `found` to install for `file`: all the same content, the first; else the only content that is the
    registry's version, or failing that the version on record as imported; else none.

    Raises:
        DataImportError: the candidates differ and none (or more than one content) is the version wanted; or a
            zip member cannot be read.
    """
    hashed = [(c, *_hash(c)) for c in found]
    shas = list(dict.fromkeys(sha for _, sha, _ in hashed))
    if len(shas) == 1:
        first, sha, size = hashed[0]
        return Chosen(dataset, file, first.where, first.opener, sha, size)
    recorded = recorded_sha(file.path)
    for wanted, what in ((file.sha256, f"{dataset.name} {dataset.version}"), (recorded, "the version on record")):
        if wanted in shas:
            pick, sha, size = next(h for h in hashed if h[1] == wanted)
            others = ", ".join(c.where for c, s, _ in hashed if s != wanted)
            note = f"chosen over {others}: not {what}"
            return Chosen(dataset, file, pick.where, pick.opener, sha, size, note)
    paths = ", ".join(f"{c.where} (SHA-256 {sha[:16]}…)" for c, sha, _ in hashed)
    raise DataImportError(f"{len(found)} files named {file.name} differ: {paths}; none is {dataset.name} "
                          f"{dataset.version}, so foedus cannot tell which you mean: import that one by its path")


def _hash(candidate: Candidate) -> tuple[str, int]:
    if candidate.hashed is not None:
        return candidate.hashed
    try:
        with candidate.opener() as stream:
            return sha256_size(stream)
    except ARCHIVE_ERRORS as exc:  # a zip member, damaged: the zip is one foedus needs, so it is named and refused
        raise DataImportError(f"cannot import {candidate.where}: {archive_error_text(exc)}") from None
