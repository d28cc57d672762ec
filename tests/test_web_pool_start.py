"""A web worker process that does not start is one clear error, at once, never a hang: the pool says what did not
start and why (it exited, with the last line it wrote to stderr; it said something else first), and the web answers
500 with that line. A worker starts with the environment its pool was made with, whichever thread starts it and
whatever the process's variables are then; a pool closed while a start is under way stops that worker."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx2", reason="httpx2 (for the test client) is not installed")

from fastapi.testclient import TestClient

import foedus.web.pool as pool_module
from foedus.errors import FoedusError
from foedus.web.envelope import WorkerStartError
from foedus.web.pool import WorkerPool

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning")]
DIES = "import sys; sys.stderr.write('Traceback (most recent call last):\\nValueError: no world here\\n'); sys.exit(3)"
READY = "import sys; print('{\"ready\": true}', flush=True); sys.stdin.read()"
NOT_STARTED = "a worker process (python -m foedus.web.jobs) did not start: "


@pytest.fixture
def workers(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], list[tuple[subprocess.Popen[bytes], Any]]]]:
    """`workers(code)`: the pool's worker processes run `python -c code` instead; the list of each started process
    with the environment it was given. Every one still running at the end is killed."""
    real = subprocess.Popen
    started: list[tuple[subprocess.Popen[bytes], Any]] = []

    def use(code: str) -> list[tuple[subprocess.Popen[bytes], Any]]:
        def popen(_args: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
            proc = real([sys.executable, "-c", code], **kwargs)
            started.append((proc, kwargs.get("env")))
            return proc

        monkeypatch.setattr(pool_module.subprocess, "Popen", popen)
        return started

    yield use
    for proc, _env in started:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_worker_that_exits_before_it_is_ready_is_one_clear_error(workers: Callable[..., Any]) -> None:
    started = workers(DIES)
    pool = WorkerPool(size=1, timeout=600.0)  # the default start-up limit: an exit is seen at once, not waited out
    try:
        with pytest.raises(WorkerStartError) as caught:
            asyncio.run(pool.run({"kind": "compare"}))
    finally:
        pool.close()
    assert str(caught.value) == (f"{NOT_STARTED}it exited with status 3 before it said it was ready "
                                 "(ValueError: no world here)")
    assert isinstance(caught.value, FoedusError) and len(started) == 1


def test_a_worker_whose_first_line_is_not_the_ready_signal_did_not_start(workers: Callable[..., Any]) -> None:
    started = workers("import sys; print('hello', flush=True); sys.stdin.read()")
    pool = WorkerPool(size=1, timeout=1.0)  # were 'hello' taken for the ready signal, its job would end there
    try:
        with pytest.raises(WorkerStartError, match="^" + re.escape(NOT_STARTED + "its first line was 'hello', not ")):
            asyncio.run(pool.run({"kind": "compare"}))
    finally:
        pool.close()
    assert started[0][0].poll() is not None, "the worker was left running"


def test_the_web_answers_500_saying_what_did_not_start(workers: Callable[..., Any],
                                                       web_client: Callable[..., TestClient]) -> None:
    workers(DIES)
    with web_client(workers=1) as c:
        response = c.get("/api/compare", params={"attacker": "RUS", "target": "EST", "date": "2009-11-01",
                                                 "other_date": "2009-12-15"})
    assert response.status_code == 500
    assert response.json()["error"] == (f"{NOT_STARTED}it exited with status 3 before it said it was ready "
                                        "(ValueError: no world here)")


def test_a_worker_starts_with_the_environment_its_pool_was_made_with(workers: Callable[..., Any],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Not the variables of the moment it starts: a worker starts in a thread of its own (the warm-up, a restart
    after a time-out) while this process may be changing them (a test's patched environment, cleared and restored)."""
    started = workers(READY)
    made_with = dict(os.environ)
    pool = WorkerPool(size=1, timeout=600.0)
    monkeypatch.setenv("FOEDUS_DATA_DIR", "/nowhere")
    monkeypatch.delenv("PATH")
    try:
        pool._workers[0].started()
    finally:
        pool.close()
    assert started[0][1] == made_with


def test_a_pool_closed_while_a_worker_starts_stops_that_worker(workers: Callable[..., Any],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The close comes while the start is under way (here: once the process exists, before it is ready), when the
    pool has no process of that worker's to stop: the start stops it when it ends, and says why."""
    started = workers(READY)
    pool = WorkerPool(size=1, timeout=600.0)
    spawn = pool_module.subprocess.Popen

    def closing(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        proc = spawn(*args, **kwargs)
        pool.close()
        return proc

    monkeypatch.setattr(pool_module.subprocess, "Popen", closing)
    with pytest.raises(WorkerStartError, match="^" + re.escape(NOT_STARTED + "the pool was closed") + "$"):
        pool._workers[0].started()
    assert len(started) == 1 and started[0][0].poll() is not None, "the worker was left running"


def test_a_long_lived_workers_stderr_is_kept_to_its_last_bytes(workers: Callable[..., Any],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A running worker's stderr went to a temporary file that grew with all it wrote, for as long as the server ran:
    after each job the file is cut to its last `_STDERR_KEEP` bytes once it holds twice that, the worker still
    writing at its end (its last line is what a failed start says)."""
    monkeypatch.setattr(pool_module, "_STDERR_KEEP", 4096, raising=False)
    workers("import sys\nprint('{\"ready\": true}', flush=True)\nfor n, _ in enumerate(sys.stdin):\n"
            "    sys.stderr.write(('w' * 99 + '\\n') * 100 + f'job {n}\\n'); sys.stderr.flush()\n"
            "    print('{\"ok\": true}', flush=True); print('{}', flush=True)\n")
    pool = WorkerPool(size=1, timeout=600.0)
    try:
        for n in range(4):  # each job writes 10 KiB: 40 KiB in all, were nothing cut
            assert asyncio.run(pool.run({"kind": "compare"})) == b"{}"
            err = pool._workers[0]._stderr
            assert err is not None
            size = os.fstat(err.fileno()).st_size
            assert size <= 2 * 4096, f"job {n}: {size} bytes kept"
            assert pool_module._last_line(err) == f"job {n}"  # the cut kept the end, with no hole before it
            err.seek(0)
            assert b"\0" not in err.read()
    finally:
        pool.close()


def test_a_closed_pools_next_job_starts_a_fresh_worker(workers: Callable[..., Any]) -> None:
    """A pool closed (a test client's exit closes its app's) serves again: its next job starts a fresh worker, as
    after any stop; only a start under way at the close is stopped (the web fuzz test's app was refused, 500)."""
    started = workers(READY)
    pool = WorkerPool(size=1, timeout=600.0)
    try:
        pool._workers[0].started()
        pool.close()
        pool._workers[0].started()
    finally:
        pool.close()
    assert len(started) == 2
