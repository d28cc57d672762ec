"""`fetch`: download datasets from their official sources into the data folder, verified and atomic."""

from __future__ import annotations

import tarfile
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from foedus.datasets.download import download, resolve_url, url_file_name
from foedus.datasets.files import ARCHIVE_ERRORS, archive_error_text, install, os_error_text, sha256_path, zip_members
from foedus.datasets.outcome import Outcome
from foedus.datasets.registry import IMPORT_HINT, DataFile, Dataset
from foedus.datasets.selecting import select_named
from foedus.datasets.verify import check_file, forget_other_version
from foedus.errors import ChecksumError, DataFetchError
from foedus.paths import data_dir

__all__ = ["fetch"]

_Item = tuple[Dataset, DataFile]


def fetch(
    names: Iterable[str] | None = None,
    *,
    force: bool = False,
    mirror: str | None = None,
    progress: bool | None = None,
) -> list[Outcome]:
    """Download datasets (default: all) into the data folder; right files stay, differing ones need `force`. Each
    dataset is named once (`select_named`: `foedus data fetch atop atop` is refused, not taken as one)."""
    wanted = list(names or ())
    datasets = [d for d in select_named(wanted) if wanted or not d.optional]  # optional ones only when named
    resolve_url("", mirror)  # an empty or malformed mirror is an error before anything is done
    root = data_dir()
    try:
        return _fetch(datasets, bool(wanted), root, force, mirror, progress)
    except OSError as exc:
        raise DataFetchError(f"cannot use the data folder {root}: {os_error_text(exc)}") from None


def _fetch(datasets: list[Dataset], explicit: bool, root: Path, force: bool, mirror: str | None,
           progress: bool | None) -> list[Outcome]:
    """Check every file first (refusing to clobber differing ones), then download each source URL once."""
    outcomes: list[Outcome] = []
    plan: dict[str, list[_Item]] = {}
    for dataset in datasets:
        if explicit:
            _refuse_import_only(dataset, root)
        for file in dataset.files:
            outcome = _check_target(dataset, file, root / file.path, force)
            if outcome is not None:
                outcomes.append(outcome)
            elif file.source is not None:
                plan.setdefault(file.source.url, []).append((dataset, file))
    for url, items in plan.items():
        outcomes += _fetch_source(url, items, root, mirror, progress, force)
    return outcomes


def _refuse_import_only(dataset: Dataset, root: Path) -> None:
    """A dataset named explicitly that has nothing downloadable (and is not all there) is an error."""
    if any(f.fetchable for f in dataset.files):
        return
    for file in dataset.files:
        if not (root / file.path).is_file():
            raise DataFetchError(f"{dataset.name} cannot be downloaded: {file.path} is {file.note}; "
                                 f"import a copy with `{IMPORT_HINT}`")


def _check_target(dataset: Dataset, file: DataFile, target: Path, force: bool) -> Outcome | None:
    """The outcome when nothing is to be downloaded for this file, or None when it should be."""
    state, _ = check_file(file.path, target)
    if state == "present":
        return Outcome(dataset.name, file.path, "present")
    if state == "other-version" and not force:
        return Outcome(dataset.name, file.path, "skipped", "another version you imported is in place; "
                       f"`foedus data fetch --force {dataset.name}` replaces it with {dataset.version}",
                       other_version=True)
    actual = sha256_path(target) if target.is_file() else None
    if file.source is None:
        return Outcome(dataset.name, file.path, "skipped", f"not downloadable: {file.note}; "
                       f"import a copy with `{IMPORT_HINT}`")
    if actual is not None and not force:
        raise ChecksumError(
            f"{target} is not {dataset.name} {dataset.version} (SHA-256 {actual}, expected {file.sha256}); "
            f"not overwriting it: run `foedus data fetch --force {dataset.name}` to replace it")
    return None


def _fetch_source(url: str, items: list[_Item], root: Path, mirror: str | None, progress: bool | None,
                  force: bool) -> list[Outcome]:
    """Download one official URL once and install every file it provides (replacing what is there with `force`;
    without, a file that appears there during the download is kept)."""
    actual_url = resolve_url(url, mirror)
    names = ", ".join(dict.fromkeys(d.name for d, _ in items))
    manual = f"download {url} by hand and run `{IMPORT_HINT}`"
    direct = {file.sha256 for _, file in items if file.source is not None and file.source.member is None}
    known = direct.pop() if len(direct) == 1 and len(items) == 1 else None  # a zip's members are checked below
    size = items[0][1].size if known is not None else None
    with tempfile.TemporaryDirectory(prefix="foedus-fetch-") as tmp:
        dest = Path(tmp) / url_file_name(url)
        try:
            download(actual_url, dest, label=f"{names}: {dest.name}", progress=progress, sha256=known,
                     size=size)
        except DataFetchError as exc:
            raise DataFetchError(f"could not download {names} from {actual_url} ({exc}); {manual}") from None
        outcomes = []
        for dataset, file in items:
            _install_from(dest, file, root / file.path, actual_url, manual, force=force)
            outcomes.append(Outcome(dataset.name, file.path, "downloaded", actual_url))
        return outcomes


def _install_from(dest: Path, file: DataFile, target: Path, url: str, manual: str, *, force: bool = False) -> None:
    """Install `file` from a downloaded file, or from its member (matched by file name) in a zip or tarball."""
    member = file.source.member if file.source else None
    try:
        if member is None:
            with dest.open("rb") as stream:
                install(stream, target, file.sha256, origin=url, force=force, size=file.size)
            forget_other_version(file)
            return
        if not zipfile.is_zipfile(dest) and tarfile.is_tarfile(dest):
            if _install_tar_member(dest, member, file, target, url, force):
                forget_other_version(file)
                return
            raise DataFetchError(f"{url} has no file named {member}; {manual}")
    except ChecksumError as exc:
        raise _unconfirmed(exc, file) from None
    try:
        with zipfile.ZipFile(dest) as archive:
            for name, where, opener in zip_members(archive, url):
                if name == member:
                    with opener() as stream:
                        install(stream, target, file.sha256, origin=where, force=force, size=file.size)
                    forget_other_version(file)
                    return
    except ARCHIVE_ERRORS as exc:
        raise DataFetchError(f"{url}: {archive_error_text(exc)}; {manual}") from None
    except ChecksumError as exc:
        raise _unconfirmed(exc, file) from None
    raise DataFetchError(f"{url} has no file named {member}; {manual}")


def _install_tar_member(dest: Path, member: str, file: DataFile, target: Path, url: str, force: bool) -> bool:
    """Install the regular file named `member` (at any depth) from a tarball; False when there is none."""
    with tarfile.open(dest) as archive:
        for info in archive:
            if info.isfile() and Path(info.name).name == member:
                stream = archive.extractfile(info)
                if stream is not None:
                    with stream:
                        install(stream, target, file.sha256, origin=f"{url}:{info.name}", force=force,
                                size=file.size)
                    return True
    return False


def _unconfirmed(exc: ChecksumError, file: DataFile) -> ChecksumError:
    """A checksum error, saying so when the registry's hash is itself still to be confirmed."""
    if file.sha256_confirmed:
        return exc
    return ChecksumError(f"{exc} (the registry's SHA-256 for {file.name} is still to be confirmed against the "
                         "official release: if this download is the official file, please report its hash)")
