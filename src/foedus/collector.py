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
def paused_gc(*, collect_young: bool = False) -> Iterator[None]:
    """The cyclic garbage collector off for the block (as it was after): for bulk loads of acyclic data. With
    `collect_young`, the youngest generation is collected before the collector is back on: enabling it with the
    block's allocations still counted would start an automatic collection at once, of older generations too."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if collect_young:
                gc.collect(0)
            gc.enable()


def acyclic() -> contextlib.AbstractContextManager[None]:
    """`paused_gc`, the young objects the work leaves collected before it ends."""
    return paused_gc(collect_young=True)
