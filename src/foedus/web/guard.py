"""Safe-by-default HTTP: security headers on every response, size limits, and a loopback Host check.

A plain ASGI middleware (no per-request task switching), so it costs little under load:

* Every response gets a strict Content-Security-Policy (only this origin; no inline scripts, no CDNs),
  `X-Content-Type-Options: nosniff`, no framing, no referrer, and `Cache-Control: no-store` for the API.
* Requests whose URL (path plus query) is longer than `max_url` bytes get 414; bodies over `max_body`
  bytes get 413 and chunked bodies 411: the API only reads, so it takes no request bodies to speak of.
* Unless the server was started with `--allow-remote`, a Host header that does not name a loopback
  address is refused with 400, which stops DNS-rebinding pages from reading the local API.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from foedus.web.envelope import error_response

__all__ = ["CSP", "Guard", "GuardSettings", "is_loopback_host"]

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


def is_loopback_host(host: str) -> bool:
    """Whether a host name or address means this machine only (localhost, 127.0.0.0/8, ::1).

    >>> [is_loopback_host(h) for h in ("127.0.0.1", "localhost", "::1", "[::1]", "0.0.0.0", "192.168.1.2")]
    [True, True, True, True, False, False]
    """
    name = host.strip().lower().removeprefix("[").removesuffix("]")
    if name in {"localhost", "localhost.", "ip6-localhost"} or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


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


class Guard:
    """ASGI middleware enforcing `GuardSettings` and adding the security headers."""

    def __init__(self, app: ASGIApp, settings: GuardSettings | None = None) -> None:
        self.app = app
        self.settings = settings or GuardSettings()

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
        if refusal is not None:
            status, text = refusal
            await error_response(status, text)(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

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
        if not s.allow_remote:
            host = _host_name(headers.get(b"host", b"").decode("latin-1"))
            if host and not is_loopback_host(host) and host not in s.extra_hosts:
                return 400, (f"host {host[:80]!r} is not served: foedus serve answers only on loopback "
                             "(127.0.0.1, localhost); start it with --allow-remote to serve other hosts")
        return None


def _header_map(raw: Iterable[tuple[bytes, bytes]]) -> dict[bytes, bytes]:
    return {k.lower(): v for k, v in raw}
