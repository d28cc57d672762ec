"""What testing each doubt costs a cascade: every doubt is listed only where the engine's answer, run again with what
the doubt says may have been so, differs (`foedus.engine.doubt_reach`), one more cascade per doubt looked at.

bench_speed.py's random ordered dyads (seed 15, escalatory, the date's leg table warm) at dates where windowed dates
hold many doubts (1990-09-30, 2004-09-15, 2013-01-15, 2014-01-01) and at the single-cascade benchmark's dates (none),
under this tree and a baseline tree, the two sides alternating, each run in a fresh process that loads the world
once: the first pass over the dyads (cold: each assumption's table compiled) and the best of three warm passes, in ms
per cascade, with the doubts listed, and how much the process's resident memory grew over the date (`grown_mib`: the
date's tables, the assumed ones each cascade's doubts made and cached on them, and the results; the dates run in
turn in one process). Pure Python (no BLAS work). Medians over the repeats, and this tree's over the baseline's.

Run: FOEDUS_DATA_DIR=../shared/data python bench/bench_doubts.py --baseline BASE [--dyads 200] [--repeat 3]
     (BASE: a tree with the baseline's src, e.g. `git archive c0f8a05 src | tar -x -C BASE`)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

DATES = ("1990-09-30", "2004-09-15", "2013-01-15", "2014-01-01", "1990-06-01", "2025-06-01")
HERE = Path(__file__).resolve()


def worker(dyads: int, dates: list[str]) -> dict[str, dict[str, float]]:
    """In this process: per date, the cold pass and the best warm pass (ms per cascade) and the doubts listed."""
    sys.path[:0] = [str(HERE.parent / "profile")]
    from cascades import scenarios

    from foedus.engine.cascade import run_cascade

    out = {}
    for day in dates:
        before = _rss_mib()
        world, runs = scenarios(day, dyads)
        start = time.perf_counter()
        results = [run_cascade(world, s) for s in runs]
        cold = time.perf_counter() - start
        warm = []
        for _ in range(3):
            start = time.perf_counter()
            for s in runs:
                run_cascade(world, s)
            warm.append(time.perf_counter() - start)
        out[day] = {"cold_ms": cold / dyads * 1e3, "warm_ms": min(warm) / dyads * 1e3,
                    "doubts": sum(len(r.doubts) for r in results),
                    "with_doubt": sum(bool(r.doubts) for r in results), "grown_mib": _rss_mib() - before}
    return out


def _rss_mib() -> float:
    """This process's resident memory now, in MiB (Linux: /proc/self/statm)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _side(src: Path, dyads: int, dates: list[str]) -> dict[str, dict[str, float]]:
    """One fresh process of `worker` with `src` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, str(HERE), "--worker", "--dyads", str(dyads), "--dates", *dates],
                          env=env, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> None:
    """Alternate the two trees, then print each date's medians and ratios as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="a tree whose src/ is the baseline")
    parser.add_argument("--dyads", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dates", nargs="+", default=list(DATES))
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.dyads, args.dates)))
        return
    if args.baseline is None:
        parser.error("--baseline is required")
    sides = {"baseline": args.baseline / "src", "this": HERE.parents[1] / "src"}
    runs: dict[str, list[dict[str, dict[str, float]]]] = {name: [] for name in sides}
    for i in range(args.repeat):
        for name in (list(sides) if i % 2 == 0 else list(sides)[::-1]):
            runs[name].append(_side(sides[name], args.dyads, args.dates))
    report: dict[str, object] = {"dyads": args.dyads, "repeat": args.repeat, "fresh_process_per_run": True}
    for day in args.dates:
        row: dict[str, float] = {}
        for name in sides:
            for key in ("cold_ms", "warm_ms", "grown_mib"):
                row[f"{name}_{key}"] = round(statistics.median(r[day][key] for r in runs[name]), 3)
            row[f"{name}_doubts"] = runs[name][0][day]["doubts"]
            row[f"{name}_with_doubt"] = runs[name][0][day]["with_doubt"]
        for key in ("cold_ms", "warm_ms"):
            row[f"ratio_{key}"] = round(row[f"this_{key}"] / row[f"baseline_{key}"], 2)
        report[day] = row
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
