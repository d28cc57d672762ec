"""Opcodes per cascade, exact (not rounded to thousands): bench_cascade_work.py's dyads and tracer; p50, p90, mean
and total. Run: python bench/profile/ops.py [DAY [DYADS]]   (defaults 2025-06-01, 100)"""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType

from cascades import arg, traced

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import bench_cascade_work


def main() -> None:
    day, dyads = arg(1, "2025-06-01"), int(arg(2, "100"))
    world, scen = bench_cascade_work._scenarios(day, dyads, 15)
    count = [0]

    def hit(_frame: FrameType) -> None:
        count[0] += 1

    per = []
    for s in scen:
        count[0] = 0
        traced(world, s, hit)
        per.append(count[0])
    per.sort()
    print(day, "p50", per[len(per) // 2], "p90", per[int(.9 * len(per))], "mean", sum(per) // len(per),
          "total", sum(per))


if __name__ == "__main__":
    main()
