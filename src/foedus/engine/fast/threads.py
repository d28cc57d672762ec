"""How many BLAS threads the vectorised engines use: one, unless $FOEDUS_BLAS_THREADS says otherwise.

Their matrix products are small (a few hundred states a side), so a second BLAS thread costs more in start-up
and contention than it saves, the more so on a busy machine (bench/bench_speed.py measures both). The limit is
set with threadpoolctl around the batched runs and restored afterwards, so a caller's own BLAS setting is kept
outside it. Where PyTorch is loaded (the torch backend, `foedus.engine.fast.backend`), its CPU threads are held to
the same count, as threadpoolctl does not see the BLAS torch links in. Both settings are the process's, not a
thread's: runs in several threads at once (a threaded Dask worker's tasks) share one hold, set by the first run
to start and restored when the last one ends (`_Hold`), so that no run restores the caller's count under another.
`blas_threads()` says what a run uses, for benchmarks to report.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, cast

from foedus.errors import SettingError

__all__ = ["BLAS_ENV", "blas_info", "blas_threads", "engine_threads", "in_engine_threads"]

F = TypeVar("F", bound=Callable[..., Any])

BLAS_ENV = "FOEDUS_BLAS_THREADS"


def blas_threads() -> int | None:
    """The BLAS threads the engines run with: $FOEDUS_BLAS_THREADS (0: BLAS's own default, None), else 1.

    Raises:
        SettingError: $FOEDUS_BLAS_THREADS is not a whole number (0 or more).
    """
    raw = os.environ.get(BLAS_ENV, "1").strip()
    if not raw.isdigit():
        raise SettingError(f"{BLAS_ENV} must be a whole number of threads (0: BLAS's own default), not {raw!r}")
    n = int(raw)
    return None if n <= 0 else n


@functools.cache
def _controller() -> Any:
    import numpy  # noqa: F401 - loads the BLAS the controller must see
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@contextlib.contextmanager
def engine_threads() -> Iterator[None]:
    """Run the block with the engines' BLAS thread count (see `blas_threads`); nested and concurrent uses share
    one hold (`_HOLD`)."""
    n = blas_threads()
    if n is None:
        yield
        return
    _HOLD.enter(n)
    try:
        yield
    finally:
        _HOLD.leave()


class _Hold:
    """The process's BLAS and torch thread counts held to the engines' while any run (in any thread) is inside
    `engine_threads`: the first to enter sets them, the last to leave restores the caller's (threadpoolctl's limit
    and `torch.set_num_threads` act on the whole process, so one run restoring them would undo another's)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.runs = 0  # runs inside the hold
        self.blas: Any = None  # threadpoolctl's limiter, which restores the caller's BLAS threads
        self.torch: tuple[Any, int] | None = None  # torch and its threads before the hold, once loaded

    def enter(self, n: int) -> None:
        """One more run; the first sets the BLAS count to `n` (later ones keep the first's). torch's is set in each
        run's thread that sees another count (under OpenMP torch keeps one per thread, taken from the last set where
        a thread has none yet), as soon as torch is loaded (a run may load it inside the hold: never imported here);
        the caller's count is the first one seen."""
        with self.lock:
            if self.runs == 0:
                self.blas = _controller().limit(limits=n, user_api="blas")
                self.torch = None
            torch: Any = sys.modules.get("torch")
            if torch is not None:
                before = torch.get_num_threads()
                if self.torch is None:
                    self.torch = (torch, before)
                if before != n:
                    torch.set_num_threads(n)
            self.runs += 1

    def leave(self) -> None:
        """One run fewer; the last restores the caller's counts."""
        with self.lock:
            self.runs -= 1
            if self.runs:
                return
            if self.torch is not None:
                torch, before = self.torch
                if torch.get_num_threads() != before:
                    torch.set_num_threads(before)
            self.blas.restore_original_limits()
            self.blas = self.torch = None


_HOLD = _Hold()


def in_engine_threads(fn: F) -> F:
    """Decorate a function to run with the engines' BLAS thread count."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with engine_threads():
            return fn(*args, **kwargs)

    return cast(F, wrapper)


def blas_info() -> list[dict[str, Any]]:
    """The BLAS libraries loaded and their current thread counts (for benchmark reports)."""
    return [{"library": i.get("internal_api"), "threads": i.get("num_threads"), "version": i.get("version")}
            for i in _controller().info() if i.get("user_api") == "blas"]
