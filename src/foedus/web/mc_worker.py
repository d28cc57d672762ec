"""Monte Carlo runs in a separate worker process with a hard time limit.

A Monte Carlo cascade can take from milliseconds to minutes (it grows with the draws and with the
escalatory reading's war), and pure-Python work cannot be interrupted inside the server. So the server
hands each run to one long-lived worker process (`python -m foedus.web.mc_worker`, JSON lines over
stdin/stdout) and waits at most `timeout` seconds: a run that takes longer is stopped by killing the
worker (a fresh one starts on the next run), and the request gets a 422 that says what to ask instead.
The event loop never waits on a run, and only one run is computed at a time.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import threading
from dataclasses import asdict
from typing import IO, Any

from foedus.web.envelope import WebInputError
from foedus.web.params import ScenarioQuery
from foedus.web.params_mc import DrawsQuery
from foedus.web.whatif import WhatIfQuery

__all__ = ["McWorker", "main"]

_STARTUP_S = 120.0


class McWorker:
    """Runs Monte Carlo cascades in a killable child process, one at a time, each within `timeout` seconds."""

    def __init__(self, timeout: float = 20.0) -> None:
        self.timeout = timeout
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None

    def run(self, q: ScenarioQuery, whatif: WhatIfQuery, mc: DrawsQuery) -> dict[str, Any]:
        """The cascade's JSON contract with the Monte Carlo keys (blocking: call it from a worker thread).

        Raises:
            WebInputError: the run was stopped at the time limit, another run is in progress, or the
                engine refused the input (its own message).
        """
        if not self._lock.acquire(timeout=self.timeout):
            raise WebInputError("another Monte Carlo run is still in progress; try again in a moment")
        try:
            proc = self._started()
            job = {"query": asdict(q), "flags": list(whatif.flags), "draws": mc.draws, "seed": mc.seed}
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.write(json.dumps(job).encode() + b"\n")
            proc.stdin.flush()
            line = _read_line(proc.stdout, self.timeout)
            if line is None:
                self.close()
                raise WebInputError(
                    f"the Monte Carlo run took longer than {self.timeout:g} s and was stopped; ask for fewer draws, "
                    "fewer states or the legal reading, or run it with `foedus cascade --draws N`")
        finally:
            self._lock.release()
        reply: dict[str, Any] = json.loads(line)
        if "error" in reply:
            raise WebInputError(str(reply["error"]))
        if "crash" in reply:
            raise RuntimeError(f"Monte Carlo worker failed: {reply['crash']}")
        result: dict[str, Any] = reply["result"]
        return result

    def _started(self) -> subprocess.Popen[bytes]:
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        proc = subprocess.Popen([sys.executable, "-m", "foedus.web.mc_worker"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=os.environ.copy())
        assert proc.stdout is not None
        if _read_line(proc.stdout, _STARTUP_S) is None:
            proc.kill()
            proc.wait()
            raise RuntimeError("the Monte Carlo worker did not start")
        self._proc = proc
        return proc

    def close(self) -> None:
        """Stop the worker process (a later run starts a new one)."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()


def _read_line(stream: IO[bytes], timeout: float) -> bytes | None:
    """One line from the worker, or None when none came within `timeout` seconds (or it exited)."""
    ready, _, _ = select.select([stream], [], [], timeout)
    if not ready:
        return None
    line = stream.readline()
    return line or None


def main() -> None:
    """The worker: load the world, say ready, then answer one JSON job per line until stdin closes."""
    from foedus.errors import FoedusError
    from foedus.model.world import World
    from foedus.web.api_cascade import run_query
    from foedus.web.whatif import world_for

    World.default()
    out = sys.stdout
    out.write('{"ready": true}\n')
    out.flush()
    for line in sys.stdin:
        job = json.loads(line)
        try:
            query = job["query"]
            q = ScenarioQuery(query["attackers"], query["targets"], query["date"], tuple(map(tuple, query["options"])))
            world = world_for(WhatIfQuery(tuple((name, value) for name, value in job["flags"])))
            reply: dict[str, Any] = {"result": run_query(q, world, DrawsQuery(job["draws"], job["seed"]))}
        except FoedusError as exc:
            reply = {"error": str(exc)}
        except Exception as exc:  # reported to the server, which answers 500
            reply = {"crash": f"{type(exc).__name__}: {exc}"}
        out.write(json.dumps(reply, ensure_ascii=False) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
