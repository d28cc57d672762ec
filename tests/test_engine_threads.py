"""The engines' thread counts (`foedus.engine.fast.threads`) are the process's: runs in several threads at once (a
threaded Dask worker's tasks) share one hold, so that none restores the caller's counts while another still runs."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

import pytest

from foedus.engine.fast import threads
from foedus.engine.fast.threads import BLAS_ENV, engine_threads


class _FakeTorch:
    """Stands in for PyTorch (a process-wide CPU thread count): the threads module only reads and sets that."""

    def __init__(self, threads: int) -> None:
        self.threads = threads

    def get_num_threads(self) -> int:
        return self.threads

    def set_num_threads(self, n: int) -> None:
        self.threads = n


class _FakeBlas:
    """Stands in for threadpoolctl's controller of a process-wide BLAS thread count (OpenBLAS ignores a count set
    from a thread once the main thread has set one, so the real library cannot show what a run sets there)."""

    def __init__(self, threads: int) -> None:
        self.threads = threads

    def limit(self, limits: int, user_api: str) -> _FakeBlas:
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


def _overlapping(seen: Callable[[], object]) -> object:
    """Two runs in two threads: A starts, B starts, A ends, and what `seen` finds while B still runs."""
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    found: list[object] = []

    def first() -> None:
        with engine_threads():
            a_in.set()
            b_in.wait(10)
        a_out.set()

    def second() -> None:
        a_in.wait(10)
        with engine_threads():
            b_in.set()
            a_out.wait(10)
            found.append(seen())

    workers = [threading.Thread(target=first), threading.Thread(target=second)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(20)
    return found[0]


def test_a_run_ending_does_not_restore_the_counts_under_another(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first run to end used to restore the caller's torch threads and BLAS limit while the second still ran,
    which then ran with every core; and the caller's own BLAS setting was lost once both ended."""
    torch, blas = _FakeTorch(4), _FakeBlas(2)
    monkeypatch.setitem(sys.modules, "torch", torch)
    monkeypatch.setattr(threads, "_controller", lambda: blas)
    monkeypatch.setenv(BLAS_ENV, "1")
    during = _overlapping(lambda: (torch.threads, blas.threads))
    assert during == (1, 1)
    assert (torch.threads, blas.threads) == (4, 2)


def test_nested_runs_keep_the_count_and_restore_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run inside a run keeps the count; torch loaded by a run inside the hold is held too, and restored."""
    monkeypatch.setenv(BLAS_ENV, "1")
    monkeypatch.delitem(sys.modules, "torch", raising=False)
    torch = _FakeTorch(3)
    with engine_threads():
        monkeypatch.setitem(sys.modules, "torch", torch)  # loaded by the run (the torch backend imports it)
        with engine_threads():
            assert torch.threads == 1
        assert torch.threads == 1
    assert torch.threads == 3

