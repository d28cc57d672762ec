"""`foedus serve --port 0`: a free port the system picks, bound before it is announced and named in the line that
says where the server serves. Tests (the e2e fixtures among them) read the port from that line: picking a free
port themselves and passing it raced every other process on the machine for it until the server bound it."""

from __future__ import annotations

import errno
import os
import socket
from typing import Any

import pytest

pytest.importorskip("uvicorn", reason="the web extra (uvicorn) is not installed")

import foedus.web.server as server
from cli_server import serving
from foedus.errors import FoedusError
from foedus.web.server import check_bind, listen_sockets


def test_port_0_serves_on_the_port_the_ready_line_names() -> None:
    import httpx2

    with serving(os.environ.copy()) as base:  # the URL read from `foedus: serving on URL (Ctrl+C to stop)`
        port = int(base.rsplit(":", 1)[1])
        assert 0 < port < 65536
        with socket.socket() as other, pytest.raises(OSError):  # the server holds it: no other process can take it
            other.bind(("127.0.0.1", port))
        health = httpx2.get(f"{base}/api/health", timeout=30)
        assert health.status_code == 200 and health.json()["ok"] is True


def test_port_0_binds_one_port_on_every_address_the_host_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """A host with two addresses (`localhost`: 127.0.0.1 and ::1, where IPv6 is on) is served on one port, the one
    announced, not on a port the system picked for each address."""
    rows = [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, 0))
            for address in ("127.0.0.1", "127.0.0.2")]
    monkeypatch.setattr(server.socket, "getaddrinfo", lambda *args, **kwargs: rows)
    sockets = listen_sockets("twice.test", 0)
    try:
        names = [s.getsockname() for s in sockets]
        assert [name[0] for name in names] == ["127.0.0.1", "127.0.0.2"]
        assert names[0][1] != 0 and names[1][1] == names[0][1], names
    finally:
        for sock in sockets:
            sock.close()


def test_port_0_picks_again_when_the_port_picked_is_taken_on_another_address(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Port 0's pick can be taken on the host's other address: a fresh one is picked (a few times at most); a port
    asked for by number that is taken is refused at once, as before."""
    real = server._bind_each
    calls: list[int] = []

    def taken_first(found: list[tuple[Any, ...]], port: int) -> list[socket.socket]:
        calls.append(port)
        if len(calls) == 1:
            raise OSError(errno.EADDRINUSE, "Address already in use")
        return real(found, port)

    monkeypatch.setattr(server, "_bind_each", taken_first)
    sockets = listen_sockets("127.0.0.1", 0)
    try:
        assert calls == [0, 0] and sockets[0].getsockname()[1] != 0
    finally:
        for sock in sockets:
            sock.close()

    def always_taken(found: list[tuple[Any, ...]], port: int) -> list[socket.socket]:
        calls.append(port)
        raise OSError(errno.EADDRINUSE, "Address already in use")

    monkeypatch.setattr(server, "_bind_each", always_taken)
    calls.clear()
    with pytest.raises(FoedusError, match=r"^cannot listen on 127\.0\.0\.1:8765 \(address already in use\)$"):
        listen_sockets("127.0.0.1", 8765)
    assert calls == [8765]
    calls.clear()
    with pytest.raises(FoedusError, match=r"^cannot listen on 127\.0\.0\.1:0 \(address already in use\)$"):
        listen_sockets("127.0.0.1", 0)
    assert calls == [0] * server._PICKS


@pytest.mark.parametrize("port", [-1, 65536])
def test_a_port_out_of_range_is_refused_and_the_message_names_0(port: int) -> None:
    with pytest.raises(FoedusError) as info:
        check_bind("127.0.0.1", port, allow_remote=False)
    assert str(info.value) == f"--port must be between 0 and 65,535 (got {port}); 0 picks a free port"
    assert check_bind("127.0.0.1", 0, allow_remote=False) == "127.0.0.1"


def test_a_server_that_does_not_come_up_is_one_line_naming_what_it_said() -> None:
    """`foedus.web.served.serving` (the tests' and benchmarks' server): a server that exits before saying where it
    serves is a ServeError of one line carrying what it printed, not a hang or a traceback."""
    from foedus.errors import ServeError
    from foedus.web import served

    with pytest.raises(ServeError) as caught, served.serving("--host", "192.0.2.1"):
        pytest.fail("a server on a non-loopback address without --allow-remote came up")
    said = str(caught.value)
    assert "\n" not in said and said.startswith("foedus serve did not say where it serves; it said: "), said
    assert "192.0.2.1" in said, said
