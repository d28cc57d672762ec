"""Run the web app with uvicorn: loopback only unless asked otherwise, and open a browser tab.

Binding to anything but a loopback address needs `allow_remote=True` (`--allow-remote`): the API
has no authentication, so it is for the person at this machine unless they decide otherwise.
"""

from __future__ import annotations

import errno
import socket
import threading
import webbrowser
from typing import Any

from foedus.errors import FoedusError, empty_or_blank, out_of_range
from foedus.web.guard import bare_host, is_loopback_host, numeric_address
from foedus.web.served import ANNOUNCED

__all__ = ["build_server", "check_bind", "listen_sockets", "serve", "url_for"]


def check_bind(host: str, port: int, allow_remote: bool) -> str:
    """Refuse an empty host (it binds every interface: `--host "$HOST" --allow-remote` with HOST unset served the
    network, announced as 127.0.0.1), a non-loopback host unless `allow_remote`, and a port outside 0-65535 (0: a
    free port the system picks when the server binds, `listen_sockets`); return
    the host to bind, read as the loopback check reads it (`foedus.web.guard.bare_host`: spaces and an IPv6
    address's brackets dropped): the check passed `[::1]` and `localhost `, and the bind then failed on them ('cannot
    listen on [[::1]]'). An address is returned as the socket layer binds it (`127.1`, `::ffff:127.0.0.1`:
    127.0.0.1, `numeric_address`).

    Raises:
        FoedusError: the host is empty or not loopback (and remote serving was not allowed), or the port is invalid.
    """
    if not 0 <= port < 65536:
        raise FoedusError(f"{out_of_range('--port', 0, 65535, port)}; 0 picks a free port")
    if not host.strip():  # the socket layer binds every interface for it, which the announced URL does not say
        raise FoedusError(f"the host is {empty_or_blank(host)}: give the address to serve on (127.0.0.1, this machine "
                          "only; 0.0.0.0 with --allow-remote, every interface)")
    if not allow_remote and not is_loopback_host(host):
        raise FoedusError(
            f"refusing to serve on {host!r}: it is not a loopback address, and the API has no authentication; "
            "use --host 127.0.0.1, or add --allow-remote if you mean to expose it to your network"
        )
    address = numeric_address(host)  # `127.1` binds 127.0.0.1: announced as it is bound
    return bare_host(host) if address is None else str(address)


def url_for(host: str, port: int) -> str:
    """The address a browser should open."""
    shown = "127.0.0.1" if host in {"0.0.0.0", "::", ""} else host
    return f"http://[{shown}]:{port}/" if ":" in shown else f"http://{shown}:{port}/"


def build_server(host: str = "127.0.0.1", port: int = 8765, *, allow_remote: bool = False,
                 log_level: str = "warning", header_timeout: float | None = None, max_connections: int | None = None,
                 job_timeout: float = 20.0, workers: int | None = None) -> Any:
    """A uvicorn server for the app with foedus's limits (header deadline, connection cap); `.run()` serves.

    Raises:
        FoedusError: a bad host or port, FastAPI/uvicorn missing, or research data that fails its check.
    """
    host = check_bind(host, port, allow_remote)
    try:
        import uvicorn

        from foedus.web.app import create_app
        from foedus.web.connections import HEADER_TIMEOUT_S, MAX_CONNECTIONS, guarded_protocol
        from foedus.web.guard import GuardSettings
    except ImportError as exc:
        raise FoedusError(f"the web app needs FastAPI and uvicorn ({exc.name} is missing): "
                          "pip install 'fastapi>=0.110' 'uvicorn>=0.29'") from None
    from foedus.model.world import World

    world = World.default()  # a corrupt data file stops here, in one line, not in the server's start-up
    if world.has_history:
        world.treaties.history  # noqa: B018
    app = create_app(GuardSettings(allow_remote=allow_remote), mc_timeout=job_timeout, workers=workers)
    protocol = guarded_protocol(header_timeout or HEADER_TIMEOUT_S, max_connections or MAX_CONNECTIONS)
    config = uvicorn.Config(app, host=host, port=port, log_level=log_level, http=protocol, limit_concurrency=None,
                            timeout_keep_alive=5, server_header=False, lifespan="on")
    return uvicorn.Server(config)


def listen_sockets(host: str, port: int) -> list[socket.socket]:
    """Bind every address `host` resolves to, as uvicorn would, before the server is announced: a taken port or a
    host that does not resolve is then one error line, and the server serves on these very sockets (no race).
    Port 0 binds a free port the system picks, one port for every address (`localhost`: 127.0.0.1 and ::1); were
    it taken on another address, a fresh one is picked, a few times at most.

    Raises:
        FoedusError: `cannot listen on HOST:PORT (reason)`, with the system's or the resolver's reason.
    """
    where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    try:
        found = list(dict.fromkeys(socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                                                      flags=socket.AI_PASSIVE)))
        picks = 1
        while True:
            try:
                return _bind_each(found, port)
            except OSError as exc:  # the port picked for the first address was taken on another: pick again
                if port or exc.errno != errno.EADDRINUSE or picks == _PICKS:
                    raise
                picks += 1
    except (OSError, UnicodeError, ValueError) as exc:
        reason = str(getattr(exc, "strerror", None) or exc) or type(exc).__name__
        raise FoedusError(f"cannot listen on {where} ({reason[:1].lower()}{reason[1:]})") from None


_PICKS = 8  # port 0: free ports picked at most, should each be taken on another of the host's addresses


def _bind_each(found: list[tuple[Any, ...]], port: int) -> list[socket.socket]:
    """A socket bound to each address found (`getaddrinfo`'s rows), all on `port`; 0: the port the system picks
    for the first. An IPv6 address is skipped where IPv6 is switched off, as asyncio does, unless it is the only one.

    Raises:
        OSError: an address could not be bound (the sockets bound so far are closed).
    """
    bound: list[socket.socket] = []
    try:
        for family, kind, proto, _, address in found:
            sock = socket.socket(family, kind, proto)
            bound.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                sock.bind((address[0], port, *address[2:]))
            except OSError as exc:  # IPv6 switched off: serve on the other addresses, as asyncio does
                if exc.errno != errno.EADDRNOTAVAIL or family != socket.AF_INET6 or len(found) == 1:
                    raise
                bound.pop().close()
                continue
            port = port or int(sock.getsockname()[1])  # 0: every other address binds the port picked here
    except BaseException:
        for sock in bound:
            sock.close()
        raise
    return bound


def serve(host: str = "127.0.0.1", port: int = 8765, *, allow_remote: bool = False, open_browser: bool = True,
          log_level: str = "warning", job_timeout: float = 20.0) -> None:
    """Serve the app until interrupted, on an address bound before it is announced (`foedus: serving on URL`,
    with the port bound: port 0 binds a free one); an expensive request's job is stopped after `job_timeout`
    seconds (504)."""
    host = check_bind(host, port, allow_remote)
    sockets = listen_sockets(host, port)
    if port == 0:  # a free port the system picked: the one announced below, where a script reads it
        port = int(sockets[0].getsockname()[1])
    try:
        server = build_server(host, port, allow_remote=allow_remote, log_level=log_level, job_timeout=job_timeout)
        url = url_for(host, port)
        print(ANNOUNCED.format(url=url), flush=True)
        if open_browser:
            threading.Timer(1.0, webbrowser.open, args=(url,)).start()
        server.run(sockets=sockets)
    finally:
        for sock in sockets:
            sock.close()
