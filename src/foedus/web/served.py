"""`foedus serve --port 0` in a subprocess, and where it serves: the server binds a free port the system picks and
names it in the line it prints before it serves (`ANNOUNCED`); the URL is read from that line. For scripts that drive
a real server (the web benchmarks, the e2e tests): picking a free port and passing `--port N` raced every other
process on the machine for it until the server bound it. The line's wording and its reading live here together."""

from __future__ import annotations

import collections
import contextlib
import http.client
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from urllib.parse import urlsplit

from foedus.errors import ServeError

__all__ = ["ANNOUNCED", "serving"]

ANNOUNCED = "foedus: serving on {url} (Ctrl+C to stop)"
"""The line `foedus serve` prints once its sockets are bound, `url` naming the port bound (`foedus.web.server`)."""

_ANNOUNCED = re.compile(re.escape(ANNOUNCED).replace(re.escape("{url}"), r"(\S*)"))
_LOOPBACK = re.compile(r"(http://127\.0\.0\.1:[1-9][0-9]*)/")


@contextlib.contextmanager
def serving(*options: str, env: Mapping[str, str] | None = None, guard_s: float = 300.0) -> Iterator[str]:
    """`foedus serve --port 0 --no-browser OPTIONS` on loopback with the environment `env` (this process's by
    default), until the block ends; its base URL (no trailing slash) once `/api/health` answers 200 there. `guard_s`
    is a hang guard for a server that neither says where it serves nor answers, not a bound on how fast it starts.
    A server that does not come up is a `ServeError` naming what it last said."""
    proc = subprocess.Popen([sys.executable, "-m", "foedus.cli", "serve", "--port", "0", "--no-browser", *options],
                            env=dict(os.environ if env is None else env), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    said: collections.deque[str] = collections.deque(maxlen=40)  # its last lines, for a failure's message
    lines: queue.SimpleQueue[str | None] = queue.SimpleQueue()

    def drain() -> None:  # read all it says, to the end: a full pipe would stop the server
        if proc.stdout is None:
            raise RuntimeError("the server was started without a stdout pipe")
        for line in proc.stdout:
            said.append(line)
            lines.put(line)
        lines.put(None)

    reader = threading.Thread(target=drain, name="foedus-serve-output", daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + guard_s
        base = _announced(lines, said, deadline)
        _wait_until_healthy(base, proc, said, deadline)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # a slow shutdown under load
            proc.kill()
            proc.wait()
        reader.join(timeout=30)
        if proc.stdout is not None:
            proc.stdout.close()


def _last_said(said: collections.deque[str]) -> str:
    """What the server last said, on one line (a failure's message)."""
    return " | ".join(line.strip() for line in said if line.strip())[-2000:] or "nothing"


def _announced(lines: queue.SimpleQueue[str | None], said: collections.deque[str], deadline: float) -> str:
    """The base URL in the server's `ANNOUNCED` line: the port it bound, not the 0 it was asked for."""
    while True:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            line = None
        if line is None:  # it exited, or said nothing of where it serves before the guard
            raise ServeError(f"foedus serve did not say where it serves; it said: {_last_said(said)}")
        announced = _ANNOUNCED.fullmatch(line.rstrip("\n"))
        if announced:
            url = _LOOPBACK.fullmatch(announced.group(1))
            if url is None:
                raise ServeError(f"foedus serve announced {announced.group(1)!r}, not a loopback URL with a port")
            return url.group(1)


def _wait_until_healthy(base: str, proc: subprocess.Popen[str], said: collections.deque[str],
                        deadline: float) -> None:
    """Wait until `/api/health` answers 200 at `base` (the sockets are bound before the line, listened on after)."""
    parts = urlsplit(base)
    while True:
        conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=2)
        try:
            conn.request("GET", "/api/health")
            if conn.getresponse().status == 200:
                return
        except (OSError, http.client.HTTPException):
            pass
        finally:
            conn.close()
        if proc.poll() is not None or time.monotonic() > deadline:
            raise ServeError(f"foedus serve did not come up on {base}; it said: {_last_said(said)}")
        time.sleep(0.3)
