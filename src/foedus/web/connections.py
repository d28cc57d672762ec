"""Connection limits for `foedus serve`: a cap on open connections, and a deadline for a request's headers.

uvicorn closes idle keep-alive connections, but a connection that sends part of a request and then nothing
(or one byte every few seconds) stays open for ever, and its `limit_concurrency` counts open connections, so a
few hundred such half-open connections turned every real request into a 503. This protocol (uvicorn's h11 one,
extended) instead:

* closes a connection whose request headers are not complete `header_timeout` seconds after it opened, or after
  its previous response (a slow client, or a flood of half-open connections, frees its place quickly);
* refuses connections beyond `max_connections` at once, with a 503 and `Retry-After`, before reading anything;
* answers malformed requests with a 400 that carries the same security headers as every other response.

Requests in flight are capped separately, by the guard (`foedus.web.guard`).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from foedus.web.guard import security_headers

__all__ = ["HEADER_TIMEOUT_S", "MAX_CONNECTIONS", "guarded_protocol"]

HEADER_TIMEOUT_S = 10.0
MAX_CONNECTIONS = 512


class _GuardedH11(H11Protocol):
    """uvicorn's h11 protocol with a header deadline and a connection cap (set by `guarded_protocol`)."""

    header_timeout: float = HEADER_TIMEOUT_S
    max_connections: int = MAX_CONNECTIONS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_deadline: asyncio.TimerHandle | None = None
        self._waiting_for: object = None  # the request cycle that was current when the deadline was set

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            self._refuse(503, f"the server has {self.max_connections} connections open already; try again in 1 s")
            return
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.cycle is not self._waiting_for:  # a request's headers are complete: the deadline is met
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()  # the next request on this connection gets its own deadline

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        self._refuse(400, f"{msg.rstrip('.')}: this is not an HTTP request foedus can read")

    def _arm(self) -> None:
        self._disarm()
        self._waiting_for = self.cycle
        self._header_deadline = self.loop.call_later(self.header_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _too_slow(self) -> None:
        self._header_deadline = None
        if self.cycle is self._waiting_for and not self.transport.is_closing():
            self.transport.close()  # no complete request within the deadline: the place goes to someone else

    def _refuse(self, status: int, message: str) -> None:
        """Write a complete error response in the API's envelope, with the security headers, and close."""
        body = json.dumps({"ok": False, "error": message, "status": status}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                   (b"connection", b"close"), *security_headers()]
        if status == 503:
            headers.append((b"retry-after", b"1"))
        reason = {400: b"Bad Request", 503: b"Service Unavailable"}[status]
        head = b"HTTP/1.1 %d %s\r\n" % (status, reason) + b"".join(k + b": " + v + b"\r\n" for k, v in headers)
        if not self.transport.is_closing():
            self.transport.write(head + b"\r\n" + body)
            self.transport.close()


def guarded_protocol(header_timeout: float = HEADER_TIMEOUT_S,
                     max_connections: int = MAX_CONNECTIONS) -> type[H11Protocol]:
    """The protocol class to give uvicorn (`http=`), with these limits."""
    return type("GuardedH11", (_GuardedH11,), {"header_timeout": header_timeout, "max_connections": max_connections})
