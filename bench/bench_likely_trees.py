"""The likelihood's cost in two source trees, alternated: warm (one process per tree and round: one cascade with the
likelihood to warm up, then the median of 3 more) and fresh (`foedus cascade ... --likelihood --json` as a new
process). Medians over the rounds. Each tree needs its own cache folder, given by the script.

    OPENBLAS_NUM_THREADS=1 FOEDUS_DATA_DIR=../shared/data python bench/bench_likely_trees.py BASE/src src [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

SCENARIOS = (("RUS", "EST", "2025-06-01"), ("DEU", "POL", "1939-09-01"))
_WARM = """import statistics, sys, time, foedus
a, t, d = sys.argv[1:4]
foedus.cascade(a, t, d, likelihood=True)
times = []
for _ in range(3):
    start = time.perf_counter(); foedus.cascade(a, t, d, likelihood=True); times.append(time.perf_counter() - start)
print(statistics.median(times))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("trees", nargs=2, help="two src folders, e.g. a base worktree's src and this tree's")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    caches = [tempfile.mkdtemp(prefix="foedus-lk-cache-") for _ in args.trees]
    times: dict[tuple[str, str, str], list[float]] = {}
    for _ in range(args.rounds):
        for tree, cache in zip(args.trees, caches, strict=True):
            env = {**os.environ, "PYTHONPATH": tree, "FOEDUS_CACHE_DIR": cache}
            for a, t, d in SCENARIOS:
                warm = subprocess.run([sys.executable, "-c", _WARM, a, t, d], env=env, check=True,
                                      capture_output=True, text=True).stdout
                times.setdefault((tree, f"{a}->{t} {d}", "warm"), []).append(float(warm))
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "foedus", "cascade", "-a", a, "-t", t, "-d", d, "--likelihood",
                                "--json"], env=env, check=True, stdout=subprocess.DEVNULL)
                times.setdefault((tree, f"{a}->{t} {d}", "fresh"), []).append(time.perf_counter() - start)
    for (tree, scenario, kind), runs in times.items():
        print(f"{tree}  {scenario}  {kind:5}  median {statistics.median(runs) * 1000:7.1f} ms  "
              f"(runs: {', '.join(f'{r * 1000:.0f}' for r in runs)})")


if __name__ == "__main__":
    main()
