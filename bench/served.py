"""`foedus serve --port 0` in a subprocess, for the web benchmarks (bench_web*.py): the server binds a free port the
system picks and says which in the line it prints before it serves (`foedus: serving on http://127.0.0.1:PORT/
(Ctrl+C to stop)`); the URL is read from that line, as tests/cli_server.py reads it for the tests. A benchmark that
picked a free port itself (bind, close, pass `--port N`) raced every other process on the machine for it until the
server bound it.
"""

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
from collections.abc import Iterator
from urllib.parse import urlsplit

SERVING = re.compile(r"foedus: serving on (\S*) \(Ctrl\+C to stop\)")
URL = re.compile(r"(http://127\.0\.0\.1:[1-9][0-9]*)/")
START_GUARD_S = 120.0  # a server that neither says where it serves nor answers: not a bound on how fast it starts


@contextlib.contextmanager
def serving(*options: str) -> Iterator[str]:
    """`foedus serve --port 0 --no-browser OPTIONS` on loopback with this environment, until the block ends; its
    base URL (no trailing slash) once `/api/health` answers 200 there. Exits the benchmark with a message when the
    server does not come up."""
    proc = subprocess.Popen([sys.executable, "-m", "foedus.cli", "serve", "--port", "0", "--no-browser", *options],
                            env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    said: collections.deque[str] = collections.deque(maxlen=40)  # its last lines, for a failure's message
    lines: queue.SimpleQueue[str | None] = queue.SimpleQueue()

    def drain() -> None:  # read all it says, to the end: a full pipe would stop the server
        assert proc.stdout is not None
        for line in proc.stdout:
            said.append(line)
            lines.put(line)
        lines.put(None)

    reader = threading.Thread(target=drain, name="foedus-serve-output", daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + START_GUARD_S
        base = _announced(lines, said, deadline)
        _wait_until_healthy(base, proc, said, deadline)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        reader.join(timeout=30)
        if proc.stdout is not None:
            proc.stdout.close()


def _announced(lines: queue.SimpleQueue[str | None], said: collections.deque[str], deadline: float) -> str:
    """The base URL in the server's `serving on` line: the port it bound, not the 0 it was asked for."""
    while True:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            line = None
        if line is None:  # it exited, or said nothing of where it serves before the guard
            raise SystemExit(f"foedus serve did not say where it serves: {''.join(said)[-2000:]}")
        announced = SERVING.fullmatch(line.rstrip("\n"))
        if announced:
            url = URL.fullmatch(announced.group(1))
            if url is None:
                raise SystemExit(f"foedus serve announced {announced.group(1)!r}, not a loopback URL with a port")
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
            raise SystemExit(f"foedus serve did not come up on {base}: {''.join(said)[-2000:]}")
        time.sleep(0.3)
