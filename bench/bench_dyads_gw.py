"""A first `foedus dyads --system gw` with cascade covariates, on a fresh cache, in trees side by side.

Each run is a fresh process (`nice`, one BLAS thread) with an empty FOEDUS_CACHE_DIR of its own, so it pays for
everything a first run pays for (the world, the ATOP history, the defender tables); the trees alternate, and which
goes first alternates too. Prints each tree's wall-clock and CPU times (user + system: on a shared machine the wall
clock is mostly the wait for a core), their medians, and whether each tree's outputs are frame-equal
to the first tree's (`--same`: trees that must give the same table, e.g. a speed change against its base).

Make a tree with: git archive <commit> src | tar -x -C /tmp/tree
Run: FOEDUS_DATA_DIR=../shared/data python bench/bench_dyads_gw.py --tree now=src --tree base=/tmp/tree/src \
         [--from 1816 --to 2018] [--repeat 3] [--same] [--after-cow]
(`--after-cow`: the timed run follows a `dyads --system cow` in the same cache, as a user's second table would.)
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _run(src: Path, years: tuple[int, int], out: Path, cache: Path, system: str = "gw") -> tuple[float, float]:
    """The run's wall-clock and CPU seconds (user + system, of the process and its threads)."""
    env = {**os.environ, "PYTHONPATH": str(src), "FOEDUS_CACHE_DIR": str(cache), "OPENBLAS_NUM_THREADS": "1",
           "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    command = ["nice", "-n", "5", sys.executable, "-m", "foedus.cli", "dyads", "--from", str(years[0]), "--to",
               str(years[1]), "--system", system, "--out", str(out), "--force"]
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (now.ru_utime - used.ru_utime) + (now.ru_stime - used.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", required=True, help="NAME=PATH of a tree's src/ folder")
    parser.add_argument("--from", dest="first", type=int, default=1816)
    parser.add_argument("--to", dest="last", type=int, default=2018)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--same", action="store_true", help="check every tree's table equals the first tree's")
    parser.add_argument("--after-cow", action="store_true",
                        help="in each run's cache, run `dyads --system cow` first (not timed): its cache filled")
    args = parser.parse_args()
    trees = {name: Path(path).resolve() for name, path in (t.split("=", 1) for t in args.tree)}
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
    with tempfile.TemporaryDirectory(prefix="bench-dyads-gw-") as tmp:
        outs: dict[str, Path] = {}
        for k in range(args.repeat):
            order = list(trees) if k % 2 == 0 else list(reversed(trees))
            for name in order:
                out, cache = Path(tmp) / f"{name}-{k}.parquet", Path(tmp) / f"cache-{name}-{k}"
                if args.after_cow:
                    _run(trees[name], (args.first, args.last), out, cache, "cow")
                times[name].append(_run(trees[name], (args.first, args.last), out, cache))
                outs.setdefault(name, out)
                wall, cpu = times[name][-1]
                print(f"{name} run {k + 1}: {wall:.1f} s wall, {cpu:.1f} s CPU", flush=True)
        for name, samples in times.items():
            for k, what in enumerate(("wall", "CPU")):
                got = [s[k] for s in samples]
                print(f"{name}: {what} median {statistics.median(got):.2f} s of {', '.join(f'{s:.2f}' for s in got)}")
        if args.same:
            import pandas as pd

            first = next(iter(trees))
            base = pd.read_parquet(outs[first])
            for name in list(trees)[1:]:
                other = pd.read_parquet(outs[name])
                pd.testing.assert_frame_equal(base, other)
                print(f"{name}: the same table as {first} ({len(base):,} rows)")


if __name__ == "__main__":
    main()
