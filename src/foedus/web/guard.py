"""Safe-by-default HTTP: security headers on every response, size limits, loopback Host and same-origin checks.

A plain ASGI middleware (no per-request task switching), so it costs little under load:

* Every response gets a strict Content-Security-Policy (only this origin; no inline scripts, no CDNs),
  `X-Content-Type-Options: nosniff`, no framing, no referrer, and `Cache-Control: no-store` for the API.
* Requests whose URL (path plus query) is longer than `max_url` bytes get 414; bodies over `max_body`
  bytes get 413 and chunked bodies 411: the API only reads, so it takes no request bodies to speak of.
* Unless the server was started with `--allow-remote`, a Host header that does not name a loopback
  address is refused with 400, which stops DNS-rebinding pages from reading the local API.
* A request a browser sends on behalf of another site is refused with 403: an `Origin` header that is not
  this server's own origin (`null` included), or `Sec-Fetch-Site: cross-site`/`same-site`. Otherwise any web
  page the user visits could make the local server work for it.
* At most `max_in_flight` requests are handled at once; more get 503 with `Retry-After` (connections are capped
  separately, and half-open ones time out: `foedus.web.connections`).
* At most `loop_slots` API requests compute on the event loop at once; the others wait, in arrival order and
  without using the CPU, so that `/api/health` and the static files never queue behind API work. A handler
  that hands its work to the worker pool gives its slot back first (`release_loop_slot`).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from foedus.web.envelope import error_response

__all__ = ["CSP", "Guard", "GuardSettings", "bare_host", "is_loopback_host", "numeric_address",
           "release_loop_slot", "security_headers"]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
)


def security_headers() -> list[tuple[bytes, bytes]]:
    """The headers every response carries (for responses written below the ASGI app, e.g. by the server)."""
    return list(_HEADERS)


def bare_host(host: str) -> str:
    """A host as the loopback check reads it and the server binds it: spaces around it and an IPv6 address's
    brackets (`[::1]`, as a URL writes it) dropped, in lowercase.

    >>> [bare_host(h) for h in ("[::1]", " LocalHost ", "[::1", "127.0.0.1")]
    ['::1', 'localhost', '::1', '127.0.0.1']
    """
    return host.strip().lower().removeprefix("[").removesuffix("]")


def is_loopback_host(host: str) -> bool:
    """Whether a host name or address means this machine only (localhost, 127.0.0.0/8, ::1), an address read as the
    socket layer binds it (`numeric_address`: `127.1`, `::ffff:127.0.0.1` are 127.0.0.1).

    >>> [is_loopback_host(h) for h in ("127.0.0.1", "localhost", "::1", "[::1]", "0.0.0.0", "192.168.1.2")]
    [True, True, True, True, False, False]
    """
    name = bare_host(host)
    if name in {"localhost", "localhost.", "ip6-localhost"} or name.endswith(".localhost"):
        return True
    address = numeric_address(name)
    return address is not None and address.is_loopback


def numeric_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a numeric host binds, as the socket layer reads it (getaddrinfo, no lookup), or None for a name.
    The socket layer takes forms `ipaddress` refuses (`127.1`, `0x7f.1`, `2130706433` are 127.0.0.1, which a server
    then binds); an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is its IPv4 address, which `ipaddress` (Python
    3.11) does not call loopback and which a socket of IPv6 only (`listen_sockets`) cannot bind.

    >>> [str(numeric_address(h)) for h in ("127.1", "[::ffff:127.0.0.1]", "::1", "0x7f.1", "localhost")]
    ['127.0.0.1', '127.0.0.1', '::1', '127.0.0.1', 'None']
    """
    name = bare_host(host)
    try:
        address = ipaddress.ip_address(name)  # its own reading first: it keeps a scope (`fe80::1%eth0`)
    except ValueError:
        try:
            found = socket.getaddrinfo(name, None, flags=socket.AI_NUMERICHOST) if name else []
        except (OSError, UnicodeError, ValueError):  # a name (or not a host at all): not an address
            return None
        if not found:
            return None
        address = ipaddress.ip_address(str(found[0][4][0]))
    return address.ipv4_mapped or address if isinstance(address, ipaddress.IPv6Address) else address


def _host_name(raw: str) -> str:
    """The host part of a Host header (without the port)."""
    if raw.startswith("["):
        return raw[: raw.find("]") + 1] if "]" in raw else raw
    return raw.rsplit(":", 1)[0] if raw.count(":") == 1 else raw


@dataclass(frozen=True)
class GuardSettings:
    """Limits and the Host rule; `allow_remote` switches the Host check off."""

    max_url: int = 4096
    max_body: int = 16 * 1024
    allow_remote: bool = False
    extra_hosts: tuple[str, ...] = ()
    max_in_flight: int = 128
    loop_slots: int = 1


class Guard:
    """ASGI middleware enforcing `GuardSettings` and adding the security headers."""

    def __init__(self, app: ASGIApp, settings: GuardSettings | None = None) -> None:
        self.app = app
        self.settings = settings or GuardSettings()
        self.in_flight = 0
        self.slots = _Slots(self.settings.loop_slots)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in _HEADERS if k not in present]
                if path.startswith("/api/") and b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        refusal = self._refusal(scope)
        if refusal is None and self.in_flight >= self.settings.max_in_flight:
            refusal = 503, f"the server is handling {self.in_flight} requests already; try again in 1 s"
        if refusal is not None:
            status, text = refusal
            extra = {"retry-after": "1"} if status == 503 else None
            await error_response(status, text, extra)(scope, receive, send_with_headers)
            return
        self.in_flight += 1
        try:
            if path.startswith("/api/") and path != "/api/health":
                async with self.slots.held(scope):
                    await self.app(scope, receive, send_with_headers)
            else:
                await self.app(scope, receive, send_with_headers)
        finally:
            self.in_flight -= 1

    def _refusal(self, scope: Scope) -> tuple[int, str] | None:
        s = self.settings
        raw_path: bytes = scope.get("raw_path") or str(scope.get("path", "")).encode()
        query: bytes = scope.get("query_string", b"")
        if len(raw_path) + len(query) > s.max_url:
            return 414, f"the URL is longer than {s.max_url} bytes; ask for fewer or shorter values"
        headers = _header_map(scope.get("headers", []))
        length = headers.get(b"content-length", b"0")
        if not length.isdigit():
            return 400, "the Content-Length header is not a number"
        if int(length) > s.max_body:
            return 413, f"the request body is larger than {s.max_body} bytes; this API only reads (GET)"
        if b"chunked" in headers.get(b"transfer-encoding", b"").lower():
            return 411, "chunked request bodies are not accepted; this API only reads (GET)"
        raw_host = headers.get(b"host", b"").decode("latin-1")
        if not s.allow_remote:
            host = _host_name(raw_host)
            if host and not is_loopback_host(host) and host not in s.extra_hosts:
                return 400, (f"host {host[:80]!r} is not served: foedus serve answers only on loopback "
                             "(127.0.0.1, localhost); start it with --allow-remote to serve other hosts")
        return _cross_site(headers, raw_host)


def _cross_site(headers: dict[bytes, bytes], host: str) -> tuple[int, str] | None:
    """403 for a request a browser makes for another site: a foreign Origin, or Sec-Fetch-Site naming another site.

    >>> _cross_site({b"origin": b"https://evil.example"}, "127.0.0.1:8765")[0]
    403
    >>> _cross_site({b"origin": b"http://127.0.0.1:8765", b"sec-fetch-site": b"same-origin"}, "127.0.0.1:8765")
    """
    site = headers.get(b"sec-fetch-site", b"").decode("latin-1").strip().lower()
    if site in ("cross-site", "same-site"):
        return 403, "requests from other sites are refused: open the app at its own address"
    origin = headers.get(b"origin")
    if origin is None:
        return None
    text = origin.decode("latin-1").strip()
    parts = urlsplit(text)
    if text.lower() == "null" or parts.scheme not in ("http", "https") or parts.netloc.lower() != host.lower():
        return 403, f"requests from origin {text[:80]!r} are refused: open the app at its own address"
    return None


_RELEASE = "foedus.release_loop_slot"


class _Slots:
    """A semaphore per event loop (the test client may run each request on a loop of its own)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._loop: asyncio.AbstractEventLoop | None = None
        self._semaphore = asyncio.Semaphore(size)

    @asynccontextmanager
    async def held(self, scope: Scope) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._loop, self._semaphore = loop, asyncio.Semaphore(self.size)
        semaphore = self._semaphore
        await semaphore.acquire()
        held = True

        def release() -> None:
            nonlocal held
            if held:
                held = False
                semaphore.release()

        scope[_RELEASE] = release
        try:
            yield
        finally:
            release()


def release_loop_slot(scope: Scope) -> None:
    """Give back the request's event-loop slot (before awaiting work done elsewhere, e.g. in the worker pool)."""
    release: Callable[[], None] | None = scope.get(_RELEASE)
    if release is not None:
        release()


def _header_map(raw: Iterable[tuple[bytes, bytes]]) -> dict[bytes, bytes]:
    return {k.lower(): v for k, v in raw}
