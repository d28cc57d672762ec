"""HTTP downloads for datasets: mirror-aware URLs, a byte progress bar on a terminal, one-line failures."""

from __future__ import annotations

import contextlib
import http.client
import os
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from foedus.datasets.files import CHUNK
from foedus.errors import DataFetchError

__all__ = ["MAX_DOWNLOAD_BYTES", "MIRROR_ENV", "check_mirror", "download", "resolve_url"]

MIRROR_ENV = "FOEDUS_DATA_MIRROR"
TIMEOUT_S = 60.0
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


def download(url: str, dest: Path, *, label: str, progress: bool | None = None) -> None:
    """Save `url` to `dest`; any network or HTTP failure becomes a DataFetchError with a one-line reason."""
    request = urllib.request.Request(url, headers={"User-Agent": "foedus (research-data fetch)"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response, dest.open("wb") as out:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() and len(length) < 20 else None
            if total is not None and total > MAX_DOWNLOAD_BYTES:
                raise DataFetchError(_too_large(total))
            received = 0
            with _progress(label, total, progress) as advance:
                while chunk := response.read(CHUNK):
                    received += len(chunk)
                    if received > MAX_DOWNLOAD_BYTES:
                        raise DataFetchError(_too_large(received))
                    out.write(chunk)
                    advance(len(chunk))
    except urllib.error.HTTPError as exc:
        raise DataFetchError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise DataFetchError(_one_line(exc.reason)) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise DataFetchError(_one_line(exc)) from None


def _too_large(size: int) -> str:
    return (f"the download is larger than {MAX_DOWNLOAD_BYTES >> 20} MiB ({size:,} bytes so far or announced), "
            "far more than any dataset file; stopped")


def _one_line(reason: object) -> str:
    text = " ".join(str(reason).split())
    return text or type(reason).__name__


@contextlib.contextmanager
def _progress(label: str, total: int | None, enabled: bool | None) -> Iterator[Callable[[int], None]]:
    """A rich byte progress bar on stderr when it is a terminal (or when asked); otherwise a no-op."""
    if not (sys.stderr.isatty() if enabled is None else enabled):
        yield lambda _n: None
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
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)
