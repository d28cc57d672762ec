"""HTTP downloads for datasets through pooch: the registry's SHA-256, retries, and a rich byte progress bar.

pooch downloads into a temporary file, checks the hash (for a file the registry names directly; a
zip's members are checked when they are installed), retries on network errors with a growing pause,
and only then moves the file into place. Failures become one-line `DataFetchError`s (or a
`ChecksumError` naming the expected hash).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from foedus.errors import ChecksumError, DataFetchError

__all__ = ["MAX_DOWNLOAD_BYTES", "MIRROR_ENV", "RETRIES", "check_mirror", "download", "resolve_url",
           "url_file_name"]

MIRROR_ENV = "FOEDUS_DATA_MIRROR"
TIMEOUT_S = 60.0
RETRIES = 2  # after the first try: pooch waits 1 s, then 2 s
_AGENT = {"User-Agent": "foedus (research-data fetch)"}
MAX_DOWNLOAD_BYTES = 512 << 20  # the largest official download is a few tens of MiB
_SCHEMES = ("http", "https", "file")


def check_mirror(mirror: str, where: str = "--mirror") -> str:
    """A mirror base URL, refused when empty or not http(s)/file (an empty one used to fall back silently).

    Raises:
        DataFetchError: the mirror is empty, or not an http, https or file URL.
    """
    text = mirror.strip()
    if not text:
        raise DataFetchError(f"{where} is empty: give a base URL (http://, https:// or file://), or leave it out "
                             "to download from the official hosts")
    parts = urlsplit(text)
    if parts.scheme not in _SCHEMES or not (parts.netloc or parts.scheme == "file"):
        raise DataFetchError(f"{where} {text[:80]!r} is not an http://, https:// or file:// base URL")
    return text


def resolve_url(url: str, mirror: str | None = None) -> str:
    """The URL to download: the official one, or the same file name under a mirror ($FOEDUS_DATA_MIRROR).

    Raises:
        DataFetchError: `mirror` is given but empty or not a URL (an empty $FOEDUS_DATA_MIRROR counts as unset).
    """
    if mirror is not None:
        base = check_mirror(mirror)
    else:
        env = os.environ.get(MIRROR_ENV, "")
        base = check_mirror(env, f"${MIRROR_ENV}") if env.strip() else ""
    if not base:
        return url
    return base.rstrip("/") + "/" + PurePosixPath(urlsplit(url).path).name


def url_file_name(url: str) -> str:
    """The file name a URL points at (percent-decoded), e.g. for a temp file."""
    return unquote(PurePosixPath(urlsplit(url).path).name) or "download"


def download(url: str, dest: Path, *, label: str, progress: bool | None = None, sha256: str | None = None,
             retries: int = RETRIES) -> None:
    """Save `url` to `dest` (checked against `sha256` when given); failures become one-line errors."""
    import pooch
    import requests

    pooch.get_logger().setLevel("WARNING")  # our own messages say what happens
    store = pooch.create(path=dest.parent, base_url="", registry={dest.name: f"sha256:{sha256}" if sha256 else None},
                         urls={dest.name: url}, retry_if_failed=retries, allow_updates=False)
    _refuse_large(url)
    with _progress(label, progress) as bar:
        downloader = pooch.HTTPDownloader(progressbar=bar or False, timeout=TIMEOUT_S, headers=_AGENT)
        try:
            store.fetch(dest.name, downloader=downloader)
            if dest.stat().st_size > MAX_DOWNLOAD_BYTES:  # a server that announced less, or nothing
                dest.unlink()
                raise DataFetchError(_too_large(MAX_DOWNLOAD_BYTES + 1))
        except requests.exceptions.HTTPError as exc:
            response = exc.response
            raise DataFetchError(f"HTTP {response.status_code} {response.reason}" if response is not None
                                 else _one_line(exc)) from None
        except requests.exceptions.RequestException as exc:
            raise DataFetchError(_one_line(exc)) from None
        except ValueError as exc:  # pooch: the hash differs
            if sha256 is None or "hash" not in str(exc):
                raise DataFetchError(_one_line(exc)) from None
            raise ChecksumError(f"{url}: SHA-256 is not the registry's {sha256}; {dest.name} was not "
                                "installed") from None
        except OSError as exc:
            raise DataFetchError(_one_line(exc)) from None


def _refuse_large(url: str) -> None:
    """Refuse, before downloading, a file the server announces as larger than `MAX_DOWNLOAD_BYTES`."""
    if not url.startswith(("http://", "https://")):
        return
    import requests

    try:
        length = requests.head(url, timeout=TIMEOUT_S, headers=_AGENT, allow_redirects=True).headers.get(
            "Content-Length", "")
    except requests.exceptions.RequestException:
        return  # the download itself will report what is wrong
    if length.isdigit() and len(length) < 20 and int(length) > MAX_DOWNLOAD_BYTES:
        raise DataFetchError(_too_large(int(length)))


def _too_large(size: int) -> str:
    return (f"the download is larger than {MAX_DOWNLOAD_BYTES >> 20} MiB ({size:,} bytes so far or announced), "
            "far more than any dataset file; stopped")


def _one_line(reason: object) -> str:
    text = " ".join(str(reason).split())
    return text or type(reason).__name__


class _Bar:
    """The progress-bar object pooch drives (total, update, reset, close), drawn with rich."""

    def __init__(self, bar: Any, task: Any) -> None:
        self._bar, self._task = bar, task

    @property
    def total(self) -> float | None:
        return float(self._bar.tasks[0].total) if self._bar.tasks[0].total else None

    @total.setter
    def total(self, value: int) -> None:
        self._bar.update(self._task, total=value or None)

    def update(self, n: int) -> None:
        self._bar.advance(self._task, n)

    def reset(self) -> None:
        self._bar.reset(self._task)

    def close(self) -> None:
        self._bar.refresh()


@contextlib.contextmanager
def _progress(label: str, enabled: bool | None) -> Iterator[_Bar | None]:
    """A rich byte progress bar on stderr when it is a terminal (or when asked); otherwise None."""
    if not (sys.stderr.isatty() if enabled is None else enabled):
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
               TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True)) as bar:
        yield _Bar(bar, bar.add_task(label, total=None))
