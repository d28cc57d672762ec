"""Issue 15, similarity: the former algorithms (tests/legacy/similarity.py) against the current ones, in one process.

Alternates the two, `--repeat` times, and reports medians (seconds) of: the yearly portfolios 1816–2018 (ties
and CINC weights; the ATOP flag keys come from their cache each time), and the six measures of every directed
dyad-year, as columns (`similarity_columns`, what the CLI runs) and as the pandas frame (`similarity_frame`),
against the former frame. The fresh-process figure of the whole command is `bench_speed.py --only similarity`.

Run: FOEDUS_DATA_DIR=../shared/data .venv/bin/python bench/bench_similarity_fast.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    from foedus.engine.fast.threads import blas_info
    from foedus.model.world import World
    from foedus.research.similarity import similarity_frame
    from foedus.research.similarity_fast import similarity_columns
    from foedus.research.ties import yearly_portfolios
    from legacy import similarity as legacy

    world = World.default()
    years = yearly_portfolios(world, 1816, 2018)
    runs: dict[str, list[float]] = {}
    steps: list[tuple[str, Any]] = [
        ("portfolios, current", lambda: yearly_portfolios(world, 1816, 2018)),
        ("portfolios, former", lambda: legacy.yearly_portfolios(world, 1816, 2018)),
        ("measures as columns, current", lambda: similarity_columns(years)),
        ("measures as a frame, current", lambda: similarity_frame(years)),
        ("measures as a frame, former", lambda: legacy.similarity_frame(years)),
    ]
    for k in range(max(1, args.repeat)):
        for name, step in steps if k % 2 == 0 else steps[::-1]:
            t = time.perf_counter()
            step()
            runs.setdefault(name, []).append(round(time.perf_counter() - t, 4))
    report = {"rows": sum(len(c) * (len(c) - 1) for c, _, _ in years.values()), "blas": blas_info(),
              "medians_s": {name: statistics.median(v) for name, v in runs.items()}, "runs_s": runs}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
