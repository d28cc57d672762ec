"""The engines' thread counts (`foedus.engine.fast.threads`): runs in several threads at once (a threaded Dask
worker's tasks) share one hold of the process's BLAS limit, so that none restores the caller's limit while another
still runs, and each thread holds and restores its own torch count (torch keeps one per thread under OpenMP)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

import pytest

from foedus.engine.fast import threads
from foedus.engine.fast.threads import BLAS_ENV, engine_threads


class _FakeTorch:
    """Stands in for PyTorch's CPU thread count as torch 2.14.1 keeps it under OpenMP: one per thread, which a
    thread that has none yet takes from the last one set (in any thread) when it first reads it."""

    def __init__(self, threads: int) -> None:
        self.last = threads
        self.own = threading.local()

    def get_num_threads(self) -> int:
        if not hasattr(self.own, "n"):
            self.own.n = self.last
        return int(self.own.n)

    def set_num_threads(self, n: int) -> None:
        self.own.n = self.last = n


class _FakeBlas:
    """Stands in for threadpoolctl's controller of a process-wide BLAS thread count (OpenBLAS ignores a count set
    from a thread once the main thread has set one, so the real library cannot show what a run sets there)."""

    def __init__(self, threads: int) -> None:
        self.threads = threads

    def select(self, user_api: str) -> _FakeBlas:
        assert user_api == "blas"
        return self

    def limit(self, limits: int, user_api: str = "blas") -> _FakeBlas:
        assert user_api == "blas"
        limiter = _FakeBlas(self.threads)  # what threadpoolctl keeps to restore
        limiter.restore_original_limits = lambda: setattr(self, "threads", limiter.threads)  # type: ignore[method-assign]
        self.threads = limits
        return limiter

    def restore_original_limits(self) -> None:
        raise AssertionError("set by `limit`")

    def __enter__(self) -> _FakeBlas:  # a limiter is a context manager too
        return self

    def __exit__(self, *exc: object) -> None:
        self.restore_original_limits()


def _overlapping(torch: Any, seen: Callable[[], object] = lambda: None) -> dict[str, object]:
    """Two runs in two threads, each with its own torch count (A 2, B 3; the caller's, in this thread, 4): A
    starts, B starts, A ends, and what B's torch count and `seen` are while B still runs; then each one's count."""
    a_in, b_in, a_out, b_out = (threading.Event() for _ in range(4))
    found: dict[str, object] = {}

    def first() -> None:
        torch.set_num_threads(2)
        with engine_threads():
            a_in.set()
            b_in.wait(10)
        a_out.set()
        b_out.wait(10)
        found["A after"] = torch.get_num_threads()

    def second() -> None:
        a_in.wait(10)
        torch.set_num_threads(3)
        torch.get_num_threads()
        with engine_threads():
            b_in.set()
            a_out.wait(10)
            found["B during, A gone"] = (torch.get_num_threads(), seen())
        found["B after"] = torch.get_num_threads()
        b_out.set()

    torch.set_num_threads(4)
    torch.get_num_threads()
    workers = [threading.Thread(target=first), threading.Thread(target=second)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(20)
    found["caller after"] = torch.get_num_threads()
    return found


def test_a_run_ending_does_not_restore_the_counts_under_another(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first run to end used to restore the caller's torch threads and BLAS limit while the second still ran,
    which then ran with every core; the caller's own BLAS setting was lost once both ended; and one thread's
    torch count was restored in another (which kept the hold's) or to another's."""
    torch, blas = _FakeTorch(4), _FakeBlas(2)
    monkeypatch.setitem(sys.modules, "torch", torch)
    monkeypatch.setattr(threads, "_controller", lambda: blas)
    monkeypatch.setenv(BLAS_ENV, "1")
    found = _overlapping(torch, lambda: blas.threads)
    assert found == {"B during, A gone": (1, 1), "B after": 3, "A after": 2, "caller after": 4}
    assert blas.threads == 2


def test_each_thread_gets_its_own_torch_count_back_with_pytorch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same with PyTorch itself, where it is installed (its count is a thread's under OpenMP)."""
    torch = pytest.importorskip("torch", reason="the optional torch backend (foedus[gpu]) is not installed")
    monkeypatch.setenv(BLAS_ENV, "1")
    before = torch.get_num_threads()
    try:
        found = _overlapping(torch)
    finally:
        torch.set_num_threads(before)
    assert found == {"B during, A gone": (1, None), "B after": 3, "A after": 2, "caller after": 4}


def test_nested_runs_keep_the_count_and_restore_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run inside a run keeps the count; torch loaded by a run inside the hold is held too, and restored."""
    monkeypatch.setenv(BLAS_ENV, "1")
    monkeypatch.delitem(sys.modules, "torch", raising=False)
    torch = _FakeTorch(3)
    with engine_threads():
        monkeypatch.setitem(sys.modules, "torch", torch)  # loaded by the run (the torch backend imports it)
        with engine_threads():
            assert torch.get_num_threads() == 1
        assert torch.get_num_threads() == 1
    assert torch.get_num_threads() == 3
