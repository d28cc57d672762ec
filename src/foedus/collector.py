"""The cycle collector paused around work that makes no reference cycles.

Such work frees its objects as they die, so a collection in mid-run would only traverse them, and promote those
still alive to older generations, whose collections then traverse everything the process holds (the world, the
leg tables: tens of milliseconds each at 2025). `paused_gc` suits bulk loads of long-lived data; `acyclic`
suits repeated work such as a cascade (tests/test_engine_equality.py checks that one leaves no cycles): it
also collects the young objects left when the work ends, so that cost stays with the work.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["acyclic", "paused_gc"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector off for the block (as it was after): for bulk loads of acyclic data."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextlib.contextmanager
def acyclic() -> Iterator[None]:
    """`paused_gc`, then the youngest generation collected (when the collector was on)."""
    was = gc.isenabled()
    with paused_gc():
        yield
    if was:
        gc.collect(0)
