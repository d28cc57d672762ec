"""How many BLAS threads the vectorised engines use: one, unless $FOEDUS_BLAS_THREADS says otherwise.

Their matrix products are small (a few hundred states a side), so a second BLAS thread costs more in start-up
and contention than it saves, the more so on a busy machine (bench/bench_speed.py measures both). The limit is
set with threadpoolctl around the batched runs and restored afterwards, so a caller's own BLAS setting is kept
outside it. Where PyTorch is loaded (the torch backend, `foedus.engine.fast.backend`), its CPU threads are held to
the same count, as threadpoolctl does not see the BLAS torch links in. The BLAS limit is the process's: runs in
several threads at once (a threaded Dask worker's tasks) share one hold, set by the first run to start and restored
when the last one ends (`_Hold`), so that no run restores the caller's limit under another. torch's count is a
thread's (torch keeps one per thread under OpenMP), so each thread saves and restores its own (`_TorchHold`).
`blas_threads()` says what a run uses, for benchmarks to report.
"""

from __future__ import annotations

import contextlib
import functools
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, cast

from foedus.errors import SettingError
from foedus.numerals import whole_within
from foedus.settings import setting

__all__ = ["BLAS_ENV", "MAX_THREADS", "blas_info", "blas_threads", "engine_threads", "in_engine_threads"]

F = TypeVar("F", bound=Callable[..., Any])

BLAS_ENV = "FOEDUS_BLAS_THREADS"
MAX_THREADS = 2**31 - 1  # the largest C int, which BLAS libraries take the count as


def blas_threads() -> int | None:
    """The BLAS threads the engines run with: $FOEDUS_BLAS_THREADS (0: BLAS's own default, None), else 1.

    Raises:
        SettingError: $FOEDUS_BLAS_THREADS is not a whole number (0 or more) that fits a C int.
    """
    raw = setting(BLAS_ENV, "a whole number of threads (0: BLAS's own default)", "1").strip()
    # BLAS takes the count as a C int, which a larger one overflowed (an internal error, or a wrapped count)
    n = whole_within(raw, 0, MAX_THREADS)
    if n is None:
        raise SettingError(f"{BLAS_ENV} must be a whole number of threads (0: BLAS's own default) up to "
                           f"{MAX_THREADS}, not {raw!r}")
    return None if n <= 0 else n


@functools.cache
def _controller() -> Any:
    import numpy  # noqa: F401 - loads the BLAS the controller must see
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@contextlib.contextmanager
def engine_threads() -> Iterator[None]:
    """Run the block with the engines' BLAS thread count (see `blas_threads`); nested and concurrent uses share
    one BLAS hold (`_HOLD`), and each thread holds its own torch count (`_TORCH`)."""
    n = blas_threads()
    if n is None:
        yield
        return
    _HOLD.enter(n)
    try:
        _TORCH.enter(n)
        try:
            yield
        finally:
            _TORCH.leave()
    finally:
        _HOLD.leave()


class _Hold:
    """The process's BLAS thread limit held to the engines' while any run (in any thread) is inside
    `engine_threads`: the first to enter sets it, the last to leave restores the caller's (threadpoolctl's limit
    acts on the whole process, so one run restoring it would undo another's)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.runs = 0  # runs inside the hold
        self.blas: Any = None  # threadpoolctl's limiter, which restores the caller's BLAS threads

    def enter(self, n: int) -> None:
        """One more run; the first sets the BLAS count to `n` (later ones keep the first's)."""
        with self.lock:
            if self.runs == 0:  # only the BLAS libraries: a limiter restores every library it holds, OpenMP's too
                self.blas = _controller().select(user_api="blas").limit(limits=n)
            self.runs += 1

    def leave(self) -> None:
        """One run fewer; the last restores the caller's limit."""
        with self.lock:
            self.runs -= 1
            if self.runs == 0:
                self.blas.restore_original_limits()
                self.blas = None


class _TorchHold(threading.local):
    """torch's CPU threads held to the engines' in each thread while it runs inside `engine_threads`: torch keeps
    one count per thread under OpenMP, so a thread's first entry that sees torch loaded saves that thread's count
    and sets `n`, and the thread's last exit restores it (a run may load torch inside the hold: never imported)."""

    def __init__(self) -> None:
        self.depth = 0  # this thread's runs inside the hold
        self.before: tuple[Any, int] | None = None  # torch and this thread's count before the hold, once loaded

    def enter(self, n: int) -> None:
        """One more run in this thread; holds torch's count to `n` from the first that finds torch loaded."""
        self.depth += 1
        torch: Any = sys.modules.get("torch")
        if torch is None or self.before is not None:
            return
        self.before = (torch, torch.get_num_threads())
        if self.before[1] != n:
            torch.set_num_threads(n)

    def leave(self) -> None:
        """One run fewer in this thread; the last restores the thread's count."""
        self.depth -= 1
        if self.depth or self.before is None:
            return
        torch, before = self.before
        self.before = None
        if torch.get_num_threads() != before:
            torch.set_num_threads(before)


_HOLD = _Hold()
_TORCH = _TorchHold()


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
