"""Work that makes no reference cycles, run with the cycle collector paused (`acyclic`).

Such work frees its objects as they die, so a collection in mid-run would only traverse them, and promote those
still alive to older generations, whose collections then traverse everything the process holds (the world, the
leg tables: tens of milliseconds each at 2025). The young objects left are collected when the work ends, so
that cost stays with it. A cascade is such work (tests/test_engine_equality.py checks that it leaves no cycles).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["acyclic"]


@contextlib.contextmanager
def acyclic() -> Iterator[None]:
    """The cycle collector off for the block, then the youngest generation collected (when it was on)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
            gc.collect(0)
