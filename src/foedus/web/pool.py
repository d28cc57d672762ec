"""A bounded pool of worker processes for expensive requests, each job under a time limit, off the event loop.

Pure-Python work cannot be interrupted inside the server, and on the event loop (or in threads, which share the
GIL with it) a long cascade would stall every other request. So expensive jobs (`foedus.web.jobs`) go to a few
long-lived worker processes. A job waits at most for the jobs admitted before it: the pool admits `size`
running plus `waiting` queued jobs, and answers any more with `ServerBusyError` (503 with Retry-After). A job
that runs past `timeout` seconds is stopped by killing its worker (a fresh one starts for the next job) and
gets a 504 (`JobTimeoutError`) that says the limit and what to ask instead. The server's threads only wait on
pipes here; they never compute.
"""

from __future__ import annotations

import json
import math
import os
import queue
import select
import subprocess
import sys
import threading
import time
from typing import IO, Any

from foedus.web.envelope import JobTimeoutError, ServerBusyError, WebInputError

__all__ = ["JobTimeoutError", "ServerBusyError", "WorkerPool", "default_size"]

# A hang guard, not a budget: a worker that exits before it is ready is noticed at once (its output ends); this
# bounds only one that is alive and silent. Start-up (the world loaded, one scenario run) runs at nice 10
# (`foedus.web.jobs.main`), so on a machine busy with other work it gets a small share of the CPU and can take many
# times what it takes on an idle one; 120 s, the limit before, could pass while it was still making progress.
_STARTUP_S = 600.0


def default_size() -> int:
    """Worker processes: one core is left to the event loop (at least one worker, at most four)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 2)
    return max(1, min(4, cores - 1))


class _Worker:
    """One worker process (`python -m foedus.web.jobs`), started on first use and after being stopped."""

    def __init__(self, startup: float = _STARTUP_S) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.startup = startup  # seconds a process may take to say it is ready before it is stopped
        self._starting = threading.Lock()  # the warm-up and a first job must not start two processes

    def started(self) -> subprocess.Popen[bytes]:
        with self._starting:
            if self.proc is not None and self.proc.poll() is None:
                return self.proc
            self.proc = self._start()
            return self.proc

    def _start(self) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen([sys.executable, "-m", "foedus.web.jobs"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=os.environ.copy())
        assert proc.stdout is not None
        if _read_line(proc.stdout, self.startup) is None:
            _kill(proc)
            raise RuntimeError("a worker process did not start")
        return proc

    def run(self, line: bytes, timeout: float) -> tuple[dict[str, Any], bytes] | None:
        """The reply header and body for one job line, or None when it ran past `timeout` (the worker is stopped)."""
        proc = self.started()
        assert proc.stdin is not None and proc.stdout is not None
        try:
            proc.stdin.write(line)
            proc.stdin.flush()
        except OSError:  # the worker died between jobs: start another and try once more
            self.close()
            return self.run(line, timeout)
        head = _read_line(proc.stdout, timeout)
        if head is None:
            exited = proc.poll() is not None
            self.close()
            if exited:
                raise RuntimeError("a worker process exited in the middle of a job")
            return None
        header: dict[str, Any] = json.loads(head)
        # the worker writes the header and the body at once (the body may already be buffered: no select here)
        body = proc.stdout.readline() if header.get("ok") else b""
        if header.get("ok") and not body.endswith(b"\n"):
            self.close()
            raise RuntimeError("a worker process stopped in the middle of a reply")
        return header, body.rstrip(b"\n")

    def close(self) -> None:
        proc, self.proc = self.proc, None
        if proc is not None:
            _kill(proc)


class WorkerPool:
    """`size` worker processes; at most `size + waiting` jobs admitted at once; `timeout` seconds a job; `startup`
    seconds a worker process may take to say it is ready (a hang guard: it is stopped then, and the job fails)."""

    def __init__(self, size: int | None = None, timeout: float = 20.0, waiting: int | None = None,
                 startup: float = _STARTUP_S) -> None:
        self.size = size or default_size()
        self.timeout = timeout
        self.capacity = self.size + (self.size if waiting is None else waiting)
        self._workers = [_Worker(startup) for _ in range(self.size)]
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        for worker in self._workers:
            self._idle.put(worker)
        self._lock = threading.Lock()
        self._admitted = 0
        self._mean_s = 1.0  # running mean of job durations, for Retry-After

    @property
    def admitted(self) -> int:
        """Jobs running or waiting now."""
        return self._admitted

    def warm_up(self) -> None:
        """Start the worker processes in the background, so that the first expensive request does not wait."""
        def start() -> None:
            for worker in self._workers:
                try:
                    worker.started()
                except (RuntimeError, OSError):
                    return

        threading.Thread(target=start, name="foedus-pool-warm-up", daemon=True).start()

    async def run(self, job: dict[str, Any]) -> bytes:
        """The job's result as JSON bytes, computed by a worker (the event loop only waits).

        Raises:
            ServerBusyError: the pool is full.
            JobTimeoutError: the job ran past the time limit.
            WebInputError: the engine refused the input (its own message).
            RuntimeError: the worker failed (a bug: the server answers 500).
        """
        import anyio

        with self._lock:
            if self._admitted >= self.capacity:
                raise ServerBusyError(self._retry_after())
            self._admitted += 1
        try:
            line = json.dumps(job).encode() + b"\n"
            return await anyio.to_thread.run_sync(self._run_blocking, line)
        finally:
            with self._lock:
                self._admitted -= 1

    def _run_blocking(self, line: bytes) -> bytes:
        worker = self._idle.get()  # admission bounds the wait: at most the jobs admitted before this one
        start = time.monotonic()
        try:
            reply = worker.run(line, self.timeout)
        finally:
            self._idle.put(worker)
            with self._lock:
                self._mean_s = 0.8 * self._mean_s + 0.2 * (time.monotonic() - start)
        if reply is None:
            raise JobTimeoutError(self.timeout)
        header, body = reply
        if "error" in header:
            raise WebInputError(str(header["error"]), header)  # with the candidates, name or place it carried
        if "crash" in header:
            raise RuntimeError(f"worker failed: {header['crash']}")
        return body

    def _retry_after(self) -> int:
        """Seconds until a place is likely free: the queue ahead, at the recent pace."""
        return max(1, min(60, math.ceil(self._mean_s * self.capacity / self.size)))

    def close(self) -> None:
        """Stop every worker process."""
        for worker in self._workers:
            worker.close()


def _read_line(stream: IO[bytes], timeout: float) -> bytes | None:
    """One line from a worker, or None when none came within `timeout` seconds (or it exited)."""
    ready, _, _ = select.select([stream], [], [], timeout)
    if not ready:
        return None
    line = stream.readline()
    return line or None


def _kill(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    for pipe in (proc.stdin, proc.stdout):
        if pipe is not None:
            pipe.close()
