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

import contextlib
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

from foedus.web.envelope import JobTimeoutError, ServerBusyError, WebInputError, WorkerStartError

__all__ = ["READY", "JobTimeoutError", "ServerBusyError", "WorkerPool", "WorkerStartError", "default_size"]

# A hang guard, not a budget: a worker that exits before it is ready is noticed at once (its output ends); this
# bounds only one that is alive and silent. Start-up (the world loaded, one scenario run) runs at nice 10
# (`foedus.web.jobs.main`), so on a machine busy with other work it gets a small share of the CPU and can take many
# times what it takes on an idle one; 120 s, the limit before, could pass while it was still making progress.
_STARTUP_S = 600.0
READY = b'{"ready": true}'  # the line a worker writes once it has loaded the world (`foedus.web.jobs.main`)
# bytes of a running worker's stderr kept (`_trimmed`): only its last line is read, and only at a failed start
_STDERR_KEEP = 64 * 1024


def default_size() -> int:
    """Worker processes: one core is left to the event loop (at least one worker, at most four)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 2)
    return max(1, min(4, cores - 1))


class _Worker:
    """One worker process (`python -m foedus.web.jobs`), started on first use and after being stopped, with the
    environment its pool was made with (`env`)."""

    def __init__(self, startup: float = _STARTUP_S, env: dict[str, str] | None = None) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.startup = startup  # seconds a process may take to say it is ready before it is stopped
        self.env = dict(os.environ) if env is None else env
        self._starting = threading.Lock()  # the warm-up and a first job must not start two processes
        self._closes = 0  # times its pool was closed: a process whose start was under way then is stopped, not kept
        self._stderr: IO[bytes] | None = None  # the running process's stderr (a file, closed with it)

    def started(self) -> subprocess.Popen[bytes]:
        """The running process, started now if there is none.

        Raises:
            WorkerStartError: it exited before it said it was ready, said something else, or said nothing within
                the start-up limit; or the pool was closed.
        """
        with self._starting:
            if self.proc is not None and self.proc.poll() is None:
                return self.proc
            closes = self._closes
            self.proc = self._start()
            if self._closes != closes:  # closed while this one was starting: the close could not see it
                self.close()
                raise WorkerStartError("the pool was closed")
            return self.proc

    def _start(self) -> subprocess.Popen[bytes]:
        import tempfile

        err = tempfile.TemporaryFile()  # noqa: SIM115 - kept open with the process; a file, not a pipe: never blocks it
        _appending(err)  # the worker writes at its end, wherever `_trimmed` cut it
        proc = subprocess.Popen([sys.executable, "-m", "foedus.web.jobs"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=err, env=self.env)
        if proc.stdout is None:
            raise RuntimeError("the worker was started without a stdout pipe")
        line = _read_line(proc.stdout, self.startup)
        if line is not None and line.strip() == READY:
            self._close_stderr()
            self._stderr = err
            return proc
        if line == b"":  # its output ended: it is exiting; its status, once it has (a hang guard bounds the wait)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(self.startup)
        _kill(proc)
        with err:
            said = _last_line(err)
        if line:
            raise WorkerStartError(f"its first line was {_short(line)!r}, not {READY.decode()}")
        if line is None:
            raise WorkerStartError(f"it said nothing for {self.startup:g} s (the start-up limit) and was stopped")
        raise WorkerStartError(f"it exited with status {proc.returncode} before it said it was ready"
                               + (f" ({said})" if said else ""))

    def _close_stderr(self) -> None:
        err, self._stderr = self._stderr, None
        if err is not None:
            err.close()

    def run(self, line: bytes, timeout: float) -> tuple[dict[str, Any], bytes] | None:
        """The reply header and body for one job line, or None when it ran past `timeout` (the worker is stopped)."""
        proc = self.started()
        if proc.stdin is None or proc.stdout is None:
            raise RuntimeError("the worker was started without its stdin and stdout pipes")
        try:
            proc.stdin.write(line)
            proc.stdin.flush()
        except OSError:  # the worker died between jobs: start another and try once more
            self.close()
            return self.run(line, timeout)
        head = _read_line(proc.stdout, timeout)
        if not head:
            self.close()
            if head == b"":
                raise RuntimeError("a worker process exited in the middle of a job")
            return None
        header: dict[str, Any] = json.loads(head)
        # the worker writes the header and the body at once (the body may already be buffered: no select here)
        body = proc.stdout.readline() if header.get("ok") else b""
        if header.get("ok") and not body.endswith(b"\n"):
            self.close()
            raise RuntimeError("a worker process stopped in the middle of a reply")
        if self._stderr is not None:  # a long-lived worker's warnings would grow its stderr file without end
            _trimmed(self._stderr, _STDERR_KEEP)
        return header, body.rstrip(b"\n")

    def close(self) -> None:
        """Stop the process (a fresh one starts for the next job)."""
        proc, self.proc = self.proc, None
        if proc is not None:
            _kill(proc)
        self._close_stderr()

    def retire(self) -> None:
        """Stop the process: its pool is closed (a start under way then is stopped when it ends; a later job starts
        a fresh one, as after any stop: an app whose pool was closed, by a test client's exit, may serve again)."""
        self._closes += 1
        self.close()


class WorkerPool:
    """`size` worker processes; at most `size + waiting` jobs admitted at once; `timeout` seconds a job; `startup`
    seconds a worker process may take to say it is ready (a hang guard: it is stopped then, and the job fails)."""

    def __init__(self, size: int | None = None, timeout: float = 20.0, waiting: int | None = None,
                 startup: float = _STARTUP_S) -> None:
        self.size = size or default_size()
        self.timeout = timeout
        self.capacity = self.size + (self.size if waiting is None else waiting)
        env = dict(os.environ)  # read here, once: a worker started later from another thread (the warm-up, a
        # restart) must not read the variables while this process changes them (a test's patched environment)
        self._workers = [_Worker(startup, env) for _ in range(self.size)]
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
                except (WorkerStartError, OSError):
                    return

        threading.Thread(target=start, name="foedus-pool-warm-up", daemon=True).start()

    async def run(self, job: dict[str, Any]) -> bytes:
        """The job's result as JSON bytes, computed by a worker (the event loop only waits).

        Raises:
            ServerBusyError: the pool is full.
            JobTimeoutError: the job ran past the time limit.
            WebInputError: the engine refused the input (its own message).
            WorkerStartError: a worker process did not start (the server answers 500 with the reason).
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
        """Stop every worker process, and any whose start is under way when it ends."""
        for worker in self._workers:
            worker.retire()


def _read_line(stream: IO[bytes], timeout: float) -> bytes | None:
    """One line from a worker; b"" when its output ended (it exited: told apart from a time-out by this, not by
    polling the process, which may not have been reaped yet); None when nothing came within `timeout` seconds."""
    ready, _, _ = select.select([stream], [], [], timeout)
    if not ready:
        return None
    return stream.readline()


def _last_line(stream: IO[bytes]) -> str:
    """The last line written to `stream` (a file), shortened, or "" for none."""
    stream.seek(0, os.SEEK_END)
    stream.seek(max(0, stream.tell() - 4096))
    lines = [x for x in stream.read().splitlines() if x.strip()]
    return _short(lines[-1]) if lines else ""


def _appending(stream: IO[bytes]) -> None:
    """Open `stream` (a file) for appending, a flag its worker's inherited descriptor shares: each write lands at the
    file's end, so a cut (`_trimmed`) leaves no hole of zeros where the worker's offset was."""
    import fcntl  # here: the pool runs workers on POSIX systems only (select on pipes)

    fd = stream.fileno()
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_APPEND)


def _trimmed(stream: IO[bytes], keep: int) -> None:
    """Cut a running worker's stderr (a file it appends to, `_appending`) to its last `keep` bytes once it holds more
    than twice that; what the worker writes during the cut may be lost (it is never read: only a failed start's last
    line is)."""
    size = os.fstat(stream.fileno()).st_size
    if size <= 2 * keep:
        return
    stream.seek(size - keep)
    tail = stream.read(keep)
    stream.truncate(0)
    stream.write(tail)
    stream.flush()


def _short(line: bytes) -> str:
    """A line a worker wrote, shortened for a one-line message."""
    text = line.decode(errors="replace").strip()
    return text if len(text) <= 200 else text[:199] + "…"


def _kill(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    for pipe in (proc.stdin, proc.stdout):
        if pipe is not None:
            pipe.close()
