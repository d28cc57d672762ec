"""Time in the cycle collector (gc.callbacks) per cascade over the first N of bench_speed's dyads, untraced, first
pass: the p50 cascade, the collector's share of the median band's time, collections, gen-0 objects at a start.

Run: python bench/profile/gctime.py DAY N"""

from __future__ import annotations

import gc
import time
from typing import Any

from cascades import arg, band, scenarios

from foedus.engine.cascade import run_cascade


def main() -> None:
    world, scen = scenarios(arg(1), int(arg(2)))
    started, spent, collections, sizes = [0.0], [0.0], [0], []

    def callback(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
            sizes.append(len(gc.get_objects(0)))
        else:
            spent[0] += time.perf_counter() - started[0]
            collections[0] += 1

    rows = []
    gc.callbacks.append(callback)
    for s in scen:
        spent[0] = 0.0
        start = time.perf_counter()
        run_cascade(world, s)
        rows.append((time.perf_counter() - start, spent[0]))
    gc.callbacks.remove(callback)
    rows.sort()
    mid = band(rows)
    print(f"p50 {rows[len(rows) // 2][0] * 1e3:.3f} ms; median-band gc share "
          f"{100 * sum(r[1] for r in mid) / sum(r[0] for r in mid):.1f}%, gc ms per cascade "
          f"{sum(r[1] for r in mid) / len(mid) * 1e3:.3f}; collections {collections[0]}; gen0 objects median "
          f"{sorted(sizes)[len(sizes) // 2] if sizes else 0}")


if __name__ == "__main__":
    main()
