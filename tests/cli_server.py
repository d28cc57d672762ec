"""`foedus serve --port 0` in a subprocess, for the tests that drive a real server (the e2e tests among them).

The server binds a free port the system picks and says which in the line it prints before it serves
(`foedus: serving on http://127.0.0.1:PORT/ (Ctrl+C to stop)`); the URL is read from that line. A test that picked
a free port itself and passed it as `--port N` raced every other process on the machine for it until the server
bound it.
"""

from __future__ import annotations

import contextlib
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest

SERVING = re.compile(r"foedus: serving on (\S*) \(Ctrl\+C to stop\)")
URL = re.compile(r"(http://127\.0\.0\.1:[1-9][0-9]*)/")
HANG_GUARD_S = 300.0  # a server that neither says where it serves nor exits: not a bound on how fast it starts


@contextlib.contextmanager
def serving(env: dict[str, str]) -> Iterator[str]:
    """`foedus serve --port 0` on loopback with the environment `env`, until the block ends; its base URL (no
    trailing slash) once `/api/health` answers there. Jobs get a 600 s limit: a hang guard, not the test's subject."""
    pytest.importorskip("uvicorn", reason="the web extra (uvicorn) is not installed")
    proc = subprocess.Popen([sys.executable, "-m", "foedus.cli", "serve", "--port", "0", "--no-browser",
                             "--job-timeout", "600"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    said: list[str] = []
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
        deadline = time.monotonic() + HANG_GUARD_S
        base = _announced(lines, said, deadline)
        _wait_until_healthy(base, proc, said, deadline)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # a slow shutdown under load: not what any test checks
            proc.kill()
            proc.wait()
        reader.join(timeout=30)
        if proc.stdout is not None:
            proc.stdout.close()


def _announced(lines: queue.SimpleQueue[str | None], said: list[str], deadline: float) -> str:
    """The base URL in the server's `serving on` line: the port it bound, not the 0 it was asked for."""
    while True:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            line = None
        if line is None:  # it exited, or said nothing of where it serves before the hang guard
            pytest.fail(f"foedus serve did not say where it serves: {''.join(said)[-2000:]}")
        announced = SERVING.fullmatch(line.rstrip("\n"))
        if announced:
            url = URL.fullmatch(announced.group(1))
            if url is None:
                pytest.fail(f"foedus serve announced {announced.group(1)!r}, not a loopback URL with a port")
            return url.group(1)


def _wait_until_healthy(base: str, proc: subprocess.Popen[str], said: list[str], deadline: float) -> None:
    """Wait until `/api/health` answers 200 at `base` (the sockets are bound before the line, listened on after)."""
    import httpx2

    while True:
        try:
            if httpx2.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx2.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"foedus serve did not come up on {base}: {''.join(said)[-2000:]}")
        time.sleep(0.3)
