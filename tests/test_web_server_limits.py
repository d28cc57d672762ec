"""Slow clients and floods against a real `foedus serve` server on 127.0.0.1, bounded in count and time.

The server runs in a thread of this process with a 1 s header deadline (the default is 10 s) and a cap of 300
connections; every socket goes to 127.0.0.1 only, and every test closes what it opened.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("uvicorn", reason="the web extra (uvicorn) is not installed")

from foedus.web.connections import HEADER_TIMEOUT_S
from foedus.web.server import build_server, listen_sockets

HEADER_TIMEOUT = 1.0
MAX_CONNECTIONS = 300
pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@contextlib.contextmanager
def _serving(header_timeout: float) -> Iterator[int]:
    """A server in a thread of this process, on a free port, with this header deadline and the cap."""
    with _served(header_timeout) as (port, _):
        yield port


@contextlib.contextmanager
def _served(header_timeout: float) -> Iterator[tuple[int, Any]]:
    """`_serving`'s server, with the uvicorn server itself (its app's worker pool is `.config.app.state.pool`)."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)  # both ends of every socket live in this process
    if soft < 2048:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(2048, hard), hard))
    sockets = listen_sockets("127.0.0.1", 0)  # bound here, served as is: no free port another process can take
    port = int(sockets[0].getsockname()[1])
    try:
        server = build_server("127.0.0.1", port, header_timeout=header_timeout, max_connections=MAX_CONNECTIONS,
                              job_timeout=600.0, workers=1)  # the job limit a hang guard: a loaded runner is slow
        server.config.loop = "asyncio"  # not uvloop, were it installed: its timers can be recorded (see below)
        thread = threading.Thread(target=server.run, kwargs={"sockets": sockets}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 120
        while not server.started and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "the server did not start"
        try:
            yield port, server
        finally:
            server.should_exit = True
            thread.join(timeout=30)
    finally:
        for sock in sockets:
            sock.close()


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[int, Any]]:
    with _served(HEADER_TIMEOUT) as p:
        yield p


@pytest.fixture(scope="module")
def port(served: tuple[int, Any]) -> int:
    return served[0]


@pytest.fixture(scope="module")
def patient_port() -> Iterator[int]:
    """A server whose header deadline (60 s) outlasts opening the cap's connections on a busy machine, so none
    of those held open is closed for being slow before the one over the cap arrives."""
    with _serving(60.0) as p:
        yield p


def _connect(port: int) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.settimeout(5)
    return s


def _get(port: int, path: str, timeout: float = 5.0) -> tuple[int, dict[str, str], float]:
    """A complete request on a fresh connection: status, headers, seconds taken."""
    start = time.monotonic()
    with _connect(port) as s:
        s.settimeout(timeout)
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in head[1:])}
    return int(head[0].split()[1]), headers, time.monotonic() - start


def _closed_by_server(s: socket.socket, within: float) -> bool:
    """Whether the server closes the connection within `within` seconds (reading whatever it sends first)."""
    s.settimeout(within)
    try:
        while s.recv(4096):
            pass
        return True
    except TimeoutError:
        return False
    except OSError:  # reset by the server
        return True


def test_half_open_connections_do_not_lock_out_real_requests() -> None:
    """255 connections that send part of their headers and then nothing, held by a server whose header deadline
    (60 s) they all outlive: a real request is answered while they are still open. A lock-out would hold it until
    their deadline, past `_get`'s 20 s wait, however slow the machine (no bound on how fast the answer comes)."""
    with _serving(60.0) as port:
        flood: list[socket.socket] = []
        try:
            for _ in range(255):
                s = _connect(port)
                s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                flood.append(s)
            status, headers, _ = _get(port, "/api/health", timeout=20.0)
            assert status == 200 and "content-security-policy" in headers
            assert not any(_closed_by_server(s, 0.01) for s in flood[-5:])  # still open: not freed to let it in
        finally:
            for s in flood:
                s.close()


def test_the_header_deadline_frees_half_open_connections(served: tuple[int, Any],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """20 connections that send part of a request's headers and then nothing are all closed, by a deadline armed
    with the configured 1 s, not the 10 s default: the delay each connection's timer is armed with is recorded as
    it is armed (the event loop's `call_later`), so a server that ignored `header_timeout` fails here however fast
    or slow the machine, and how soon the connections go is not asked (60 s is a hang guard)."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    assert HEADER_TIMEOUT != HEADER_TIMEOUT_S  # else the default would pass for the configured deadline
    port, _ = served
    armed: list[float] = []  # the delays of the timers the server's connections set (the server's thread appends)
    real_call_later = asyncio.BaseEventLoop.call_later

    def call_later(loop: asyncio.BaseEventLoop, delay: float, callback: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(getattr(callback, "__self__", None), H11Protocol):
            armed.append(delay)
        return real_call_later(loop, delay, callback, *args, **kwargs)

    monkeypatch.setattr(asyncio.BaseEventLoop, "call_later", call_later)
    flood: list[socket.socket] = []
    try:
        for _ in range(20):  # each sends part of a request's headers and then nothing
            s = _connect(port)
            s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            flood.append(s)
        deadline = time.monotonic() + 60  # a hang guard: how soon after the 1 s deadline they go is not the question
        closed = sum(_closed_by_server(s, max(0.01, deadline - time.monotonic())) for s in flood)
        assert closed == 20, f"{closed} of 20 half-open connections closed"
    finally:
        for s in flood:
            s.close()
    assert len(armed) >= 20 and set(armed) == {HEADER_TIMEOUT}, f"header deadlines armed with {sorted(set(armed))} s"


def test_a_slow_client_is_cut_off_at_the_header_deadline(port: int) -> None:
    """A client that sends its headers a byte every 0.1 s for up to 30 s is cut off: only the header deadline
    (1 s here) ends it, so the test needs no bound on when (a loaded machine may cut it late)."""
    with _connect(port) as s:
        cut = False
        for byte in b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 260:
            try:
                s.sendall(bytes([byte]))
            except OSError:
                cut = True
                break
            if _closed_by_server(s, 0.1):
                cut = True
                break
        assert cut


def test_connections_over_the_cap_get_503_and_the_server_recovers(patient_port: int) -> None:
    port = patient_port
    held: list[socket.socket] = []
    try:
        for _ in range(MAX_CONNECTIONS):
            held.append(_connect(port))
        with _connect(port) as extra:
            extra.settimeout(20)  # how long is not this test's question (a loaded machine took over 5 s)
            reply = extra.recv(65536)
        assert reply.startswith(b"HTTP/1.1 503") and b"retry-after: 1" in reply.lower()
        assert b"content-security-policy" in reply.lower()
    finally:
        for s in held:
            s.close()
    deadline = time.monotonic() + 120  # a hang guard while the server lets the held connections go
    status = 0
    while time.monotonic() < deadline and status != 200:
        with contextlib.suppress(OSError):
            status = _get(port, "/api/health")[0]
        time.sleep(0.1)
    assert status == 200


def test_a_malformed_request_gets_400_with_the_security_headers(port: int) -> None:
    with _connect(port) as s:
        s.settimeout(30)  # a hang guard: a reply slow on a loaded machine is still read
        s.sendall(b"NOT HTTP AT ALL\r\n\r\n")
        reply = b""
        with contextlib.suppress(OSError):
            while chunk := s.recv(65536):
                reply += chunk
    assert reply.startswith(b"HTTP/1.1 400") and b"content-security-policy" in reply.lower()


def test_health_answers_while_the_workers_are_busy(served: tuple[int, Any]) -> None:
    """`/api/health` is answered while the pool's only worker is taken and expensive requests wait for it, and a
    request over the pool's capacity gets 503 with Retry-After. The test holds the worker itself (taken from the
    pool's idle queue) until the checks are done, so a health check queued behind the pool would never be answered
    within its 20 s wait, and how fast the answers come does not matter (no speed bound: speed is bench/'s)."""
    port, server = served
    pool = server.config.app.state.pool
    slow = "/api/cascade?attacker=RUS&target=EST&date=2025-06-01&reading=escalatory&draws=800&seed={}"
    worker = pool._idle.get(timeout=60)  # the only worker (workers=1): every job now waits for it
    replies: list[int] = []
    waiting = [threading.Thread(target=lambda s=seed: replies.append(_get(port, slow.format(s), 120.0)[0]))
               for seed in range(1, pool.capacity + 1)]
    try:
        for thread in waiting:
            thread.start()
        _wait_for(lambda: pool.admitted == pool.capacity, "the expensive requests to reach the pool")
        for _ in range(5):
            assert _get(port, "/api/health", 20.0)[0] == 200
        status, headers, _ = _get(port, slow.format(99), 20.0)
        assert status == 503 and int(headers["retry-after"]) >= 1
        assert all(thread.is_alive() for thread in waiting)  # they were still waiting for the worker
    finally:
        pool._idle.put(worker)
        for thread in waiting:
            thread.join(timeout=120)
    assert replies == [200] * pool.capacity


def _wait_for(condition: Any, what: str, within: float = 60.0) -> None:
    """Poll `condition` until it holds; a hang guard, not a speed bound."""
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, f"waited {within:.0f} s for {what}"
        time.sleep(0.02)
