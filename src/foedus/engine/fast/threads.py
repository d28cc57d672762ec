"""How many BLAS threads the vectorised engines use: one, unless $FOEDUS_BLAS_THREADS says otherwise.

Their matrix products are small (a few hundred states a side), so a second BLAS thread costs more in start-up
and contention than it saves, the more so on a busy machine (bench/bench_speed.py measures both). The limit is
set with threadpoolctl around each batched run and restored afterwards, so a caller's own BLAS setting is kept
outside it. Where PyTorch is loaded (the torch backend, `foedus.engine.fast.backend`), its CPU threads are held to
the same count, as threadpoolctl does not see the BLAS torch links in. `blas_threads()` says what a run uses, for
benchmarks to report.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
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
    """Run the block with the engines' BLAS thread count (see `blas_threads`); nested uses are cheap."""
    n = blas_threads()
    if n is None:
        yield
        return
    with _controller().limit(limits=n, user_api="blas"), _torch_threads(n):
        yield


@contextlib.contextmanager
def _torch_threads(n: int) -> Iterator[None]:
    """torch's CPU threads held to `n` in the block, where torch is loaded (never imported here)."""
    torch: Any = sys.modules.get("torch")
    before = n if torch is None else torch.get_num_threads()
    if before == n:
        yield
        return
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


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
