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

__all__ = ["MIRROR_ENV", "download", "resolve_url"]

MIRROR_ENV = "FOEDUS_DATA_MIRROR"
TIMEOUT_S = 60.0


def resolve_url(url: str, mirror: str | None = None) -> str:
    """The URL to download: the official one, or the same file name under a mirror ($FOEDUS_DATA_MIRROR)."""
    base = mirror if mirror is not None else os.environ.get(MIRROR_ENV, "")
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
            total = int(length) if length and length.isdigit() else None
            with _progress(label, total, progress) as advance:
                while chunk := response.read(CHUNK):
                    out.write(chunk)
                    advance(len(chunk))
    except urllib.error.HTTPError as exc:
        raise DataFetchError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise DataFetchError(_one_line(exc.reason)) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise DataFetchError(_one_line(exc)) from None


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
