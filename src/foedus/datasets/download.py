"""HTTP downloads for datasets through pooch: the registry's SHA-256, retries, and a rich byte progress bar.

pooch downloads into a temporary file, checks the hash (for a file the registry names directly; a
zip's members are checked when they are installed), retries on network errors with a growing pause (not on
a failure asking again cannot mend: a certificate that cannot be verified, a client error such as 404), and only
then moves the file into place. A file:// mirror is copied from this machine through the same steps
(hash, size cap). Failures become one-line `DataFetchError`s (or a `ChecksumError` naming the expected hash).
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import re
import stat
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from foedus.datasets.progress import Bar, byte_progress
from foedus.errors import ChecksumError, DataFetchError
from foedus.reachable import os_reason
from foedus.settings import setting

__all__ = ["MAX_DOWNLOAD_BYTES", "MIRROR_ENV", "RETRIES", "check_mirror", "download", "resolve_url",
           "url_file_name"]

MIRROR_ENV = "FOEDUS_DATA_MIRROR"
TIMEOUT_S = 60.0
RETRIES = 2  # after the first try: pooch waits 1 s, then 2 s
_AGENT = {"User-Agent": "foedus (research-data fetch)"}
MAX_DOWNLOAD_BYTES = 512 << 20  # the largest official download is a few tens of MiB
_SCHEMES = ("http", "https", "file")


def check_mirror(mirror: str, where: str = "--mirror") -> str:
    """A mirror base URL, refused when empty (it used to fall back silently), not http(s)/file, or not one a
    download can use (unparsable, a bad host or port, a file:// URL on another machine, a control character or
    another hidden one inside it).

    Raises:
        DataFetchError: the mirror is empty, not an http, https or file URL, or malformed.
    """
    text = mirror.strip()
    if not text:
        raise DataFetchError(f"{where} is empty: give a base URL (http://, https:// or file://), or leave it out "
                             "to download from the official hosts")
    bad = f"{where} {text[:80]!r} is not an http://, https:// or file:// base URL"
    from foedus.model.hidden import refuse_hidden

    # urlsplit drops a tab or line break unsaid, so 'http://h:9\n/' passed and urllib3 refused it later, unclearly
    refuse_hidden(text, error=lambda problem: DataFetchError(f"{bad}: it {problem}"))
    try:
        parts = urlsplit(text)
        host, _ = parts.hostname, parts.port  # the port is parsed (and refused when out of range) on access
    except ValueError as exc:  # an unclosed IPv6 bracket, a port that is not a number...
        raise DataFetchError(f"{bad} ({_one_line(exc)})") from None
    if parts.scheme not in _SCHEMES:
        raise DataFetchError(bad)
    if parts.scheme == "file":
        if parts.netloc not in ("", "localhost") or not parts.path:
            raise DataFetchError(f"{bad}: a file:// mirror is a folder on this machine, e.g. file:///srv/mirror/")
    elif not host:
        raise DataFetchError(f"{bad}: it names no host")
    elif not _valid_host(host):
        raise DataFetchError(f"{bad}: {host[:80]!r} is not a host name or IP address")
    return text


_LABEL = re.compile(r"[A-Za-z0-9_-]{1,63}\Z")


def _valid_host(host: str) -> bool:
    """Whether `host` is an IP address or a host name a connection can be made to (labels of 1-63 letters,
    digits, - or _, at most 253 characters in all): urllib3 fails later, without a clear message, on others."""
    with contextlib.suppress(ValueError):
        ipaddress.ip_address(host)
        return True
    try:
        name = host.encode("idna").decode("ascii")
    except UnicodeError:  # an empty or too long label
        return False
    return len(name) <= 253 and all(_LABEL.match(label) for label in name.removesuffix(".").split("."))


def resolve_url(url: str, mirror: str | None = None) -> str:
    """The URL to download: the official one, or the same file name under a mirror ($FOEDUS_DATA_MIRROR).

    Raises:
        DataFetchError: `mirror` is given but empty or not a URL (an empty $FOEDUS_DATA_MIRROR counts
            as unset); SettingError: $FOEDUS_DATA_MIRROR is blank.
    """
    if mirror is not None:
        base = check_mirror(mirror)
    else:
        env = setting(MIRROR_ENV, "a base URL (http://, https:// or file://)")
        base = check_mirror(env, f"${MIRROR_ENV}") if env else ""
    if not base:
        return url
    return base.rstrip("/") + "/" + PurePosixPath(urlsplit(url).path).name


def url_file_name(url: str) -> str:
    """The file name a URL points at (percent-decoded), e.g. for a temp file."""
    return unquote(PurePosixPath(urlsplit(url).path).name) or "download"


def download(url: str, dest: Path, *, label: str, progress: bool | None = None, sha256: str | None = None,
             retries: int = RETRIES, size: int | None = None) -> None:
    """Save `url` to `dest` (checked against `sha256` when given); failures become one-line errors, a download of
    another size than the official file's (`size`) named as cut short or damaged, never as another version."""
    import pooch
    import requests

    from foedus.datasets.sizes import Measured, size_gap

    pooch.get_logger().setLevel("WARNING")  # our own messages say what happens
    local = urlsplit(url).scheme == "file"  # a copy on this machine: retrying would change nothing
    store = pooch.create(path=dest.parent, base_url="", registry={dest.name: f"sha256:{sha256}" if sha256 else None},
                         urls={dest.name: url}, retry_if_failed=0 if local else retries, allow_updates=False)
    with byte_progress(label, progress) as bar:
        downloader = Measured(_FileCopier(bar) if local else
                              _Final.wrap(pooch.HTTPDownloader(progressbar=bar or False, timeout=TIMEOUT_S,
                                                               headers=_AGENT)))
        try:
            try:
                _refuse_large(url)
                store.fetch(dest.name, downloader=downloader)
            except _Final as final:
                raise final.cause from None
            if dest.stat().st_size > MAX_DOWNLOAD_BYTES:  # a server that announced less, or nothing
                dest.unlink()
                raise DataFetchError(_too_large(MAX_DOWNLOAD_BYTES + 1))
        except requests.exceptions.HTTPError as exc:
            response = exc.response
            raise DataFetchError(f"HTTP {response.status_code} {response.reason}" if response is not None
                                 else _one_line(exc)) from None
        except requests.exceptions.RequestException as exc:
            raise DataFetchError(_request_problem(exc, url)) from None
        except ValueError as exc:  # pooch: the hash differs; else a URL urllib3 cannot parse, or the like
            if sha256 is None or "hash of downloaded file" not in str(exc):
                raise DataFetchError(_one_line(exc)) from None
            if gap := size_gap(downloader.size, size) if downloader.size is not None else "":
                raise ChecksumError(f"{url}: {gap}, an incomplete or damaged download (SHA-256 not the registry's "
                                    f"{sha256}); {dest.name} was not installed: fetch it again") from None
            raise ChecksumError(f"{url}: SHA-256 is not the registry's {sha256}; {dest.name} was not "
                                "installed") from None
        except OSError as exc:
            raise DataFetchError(_one_line(exc)) from None


class _Final(Exception):
    """A failure that trying again cannot mend (a certificate that cannot be verified, a client error such as
    404): carried past pooch's retries, which pause 1 s, then 2 s, and ask again on any request error."""

    def __init__(self, cause: Exception) -> None:
        super().__init__(str(cause))
        self.cause = cause

    @staticmethod
    def wrap(downloader: Any) -> Any:
        """`downloader`, with the failures retrying cannot mend raised as `_Final`."""
        import requests

        def download(url: str, output_file: Any, pooch: object, check_only: bool = False) -> Any:
            try:
                return downloader(url, output_file, pooch, check_only=check_only)
            except requests.exceptions.SSLError as exc:
                raise _Final(exc) from None
            except requests.exceptions.HTTPError as exc:
                status = exc.response.status_code if exc.response is not None else 0
                if 400 <= status < 500 and status not in (408, 425, 429):  # the request itself is refused
                    raise _Final(exc) from None
                raise

        return download


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


class _FileCopier:
    """pooch's downloader for a file:// URL: copies the local file (a regular file, at most `MAX_DOWNLOAD_BYTES`)
    into pooch's temporary file, which pooch then checks against the registry's SHA-256."""

    def __init__(self, bar: Bar | None) -> None:
        self._bar = bar

    def __call__(self, url: str, output_file: Any, _pooch: object, check_only: bool = False) -> bool | None:
        from urllib.request import url2pathname

        source = url2pathname(urlsplit(url).path)
        if check_only:
            return os.path.isfile(source)
        try:  # O_NONBLOCK: a named pipe is refused below instead of waiting for a writer
            fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError as exc:
            raise DataFetchError(f"{source}: {os_reason(exc)}") from None
        with os.fdopen(fd, "rb") as src:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise DataFetchError(f"{source} is not a regular file")
            if self._bar is not None:
                self._bar.total = info.st_size
            if hasattr(output_file, "write"):
                self._copy(src, output_file)
            else:
                with open(output_file, "wb") as out:
                    self._copy(src, out)
        return None

    def _copy(self, src: Any, out: Any) -> None:
        copied = 0
        while chunk := src.read(1 << 20):
            copied += len(chunk)
            if copied > MAX_DOWNLOAD_BYTES:
                raise DataFetchError(_too_large(copied))
            out.write(chunk)
            if self._bar is not None:
                self._bar.update(len(chunk))


def _too_large(size: int) -> str:
    return (f"the download is larger than {MAX_DOWNLOAD_BYTES >> 20} MiB ({size:,} bytes so far or announced), "
            "far more than any dataset file; stopped")


def _request_problem(exc: Exception, url: str) -> str:
    """Why a request failed, in a few words naming the host: requests' own message is urllib3's chain of reprs
    ('HTTPSConnectionPool(host=…): Max retries exceeded … (Caused by NameResolutionError(…))'), long enough that
    the one-line error, cut at its length, lost the advice after it."""
    import requests
    from urllib3.exceptions import NameResolutionError, NewConnectionError

    parts = urlsplit(url)
    host = parts.hostname or url
    where = f"{host}:{parts.port}" if parts.port else host
    if isinstance(exc, requests.exceptions.Timeout):
        return f"no answer from {where} within {TIMEOUT_S:g} s"
    cause: BaseException = exc
    for _ in range(8):  # requests' error holds urllib3's MaxRetryError, whose reason is what went wrong
        inner = getattr(cause, "reason", None)
        if not isinstance(inner, BaseException):
            inner = next((a for a in getattr(cause, "args", ()) if isinstance(a, BaseException)), None)
        if inner is None:
            break
        cause = inner
    if isinstance(cause, NameResolutionError):
        return f"cannot find the host {host}: no network here, or no such host"
    if isinstance(cause, NewConnectionError):
        system = cause.__cause__ if isinstance(cause.__cause__, OSError) else None
        why = system.strerror if system is not None and system.strerror else "no connection"
        return f"cannot connect to {where} ({why})"
    if isinstance(exc, requests.exceptions.SSLError):
        return _tls_problem(cause, where)
    return _one_line(exc)


def _tls_problem(cause: BaseException, where: str) -> str:
    """Why a TLS connection failed, in words: a certificate that could not be verified says why (self-signed,
    expired, for another host) and how to trust a proxy's; another TLS error gives OpenSSL's reason ('wrong version
    number'). Kept short: the whole error is cut at `foedus.errors.MAX_MESSAGE`, and the advice comes after it."""
    import ssl

    if isinstance(cause, ssl.SSLCertVerificationError):
        why = _one_line(cause.verify_message or "certificate verify failed").rstrip(".")
        return f"the TLS certificate of {where} could not be verified ({why}; for a proxy's CA, set REQUESTS_CA_BUNDLE)"
    if isinstance(cause, ssl.SSLError) and cause.reason:
        return f"the secure (TLS) connection to {where} failed ({cause.reason.lower().replace('_', ' ')})"
    return f"the secure (TLS) connection to {where} failed"  # requests' own text is urllib3's chain of reprs


def _one_line(reason: object) -> str:
    text = " ".join(str(reason).split())
    return text or type(reason).__name__
