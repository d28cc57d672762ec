"""The cycle collector paused around work that makes no reference cycles.

Such work frees its objects as they die, so a collection in mid-run would only traverse them, and promote those
still alive to older generations, whose collections then traverse everything the process holds (the world, the
leg tables: tens of milliseconds each at 2025). `paused_gc` suits bulk loads of long-lived data; `acyclic`
suits repeated work such as a cascade (tests/test_engine_equality.py checks that one leaves no cycles): it
also collects the young objects left when the work ends, so that cost stays with the work.

`loading` suits loads of data that lives as long as the process (the world, ATOP's history, a date's leg
table). Such data never becomes garbage, but the next collections of older generations traverse all of it: in
a fresh process, one such collection after the world and the flagship's table were loaded took 8–25 ms, most
of the escalatory flagship's JSON conversion. A short-lived process (the console script running one plain
cascade) asks for it to be frozen instead (`freeze_loads`): after each load, every object then alive moves
out of the collector's reach (`gc.freeze`). Any other process (the web server, a notebook, a report that runs
thousands of cascades) is left as it is, since an object frozen while alive is never collected if it later
dies in a cycle. Counted with `gc.callbacks` in fresh processes, the escalatory flagship's `foedus cascade …
--reading escalatory --json` spent 23–29 ms in 31 collections before, and 2.4–2.9 ms in 20 after (the plain
flagship: 6.8–10.8 ms, then 2.4–2.7 ms).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["acyclic", "freeze_loads", "loading", "paused_gc"]

_FREEZE = [False]  # whether this process freezes what `loading` blocks load (`freeze_loads`)


@contextlib.contextmanager
def paused_gc(*, collect_young: bool = False, freeze: bool = False) -> Iterator[None]:
    """The cyclic garbage collector off for the block (as it was after): for bulk loads of acyclic data. With
    `collect_young`, the youngest generation is collected before the collector is back on: enabling it with the
    block's allocations still counted would start an automatic collection at once, of older generations too.
    With `freeze`, every object then alive is frozen instead (`gc.freeze`), before the collector is back on."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        elif was and collect_young:
            gc.collect(0)
        if was:
            gc.enable()


def acyclic() -> contextlib.AbstractContextManager[None]:
    """`paused_gc`, the young objects the work leaves collected before it ends (frozen instead, at no cost, in
    a process that freezes its loads: what a cascade leaves is what it compiled and cached; what a result's text
    rendering leaves is its renderer's imports)."""
    return paused_gc(collect_young=True, freeze=_FREEZE[0])


def loading() -> contextlib.AbstractContextManager[None]:
    """`paused_gc` around a load of data that lives as long as the process; frozen after it where the process
    asked for that (`freeze_loads`)."""
    return paused_gc(freeze=_FREEZE[0])


def freeze_loads() -> None:
    """From now on, freeze what each `loading` block loads (for a short-lived process: one plain cascade)."""
    _FREEZE[0] = True
