"""Alliance-similarity benchmark: all six measures for every directed dyad-year 1816–2018 (issue 3 §4).

Synthetic years: n states per year from COW system2016.csv (2016's count carried to 2017–2018; without the
file, n grows linearly from 23 to 195), random symmetric tie matrices (self-tie 3) and Dirichlet CINC shares.
Fast path: `similarity_frame` end to end (DataFrame included; every one of --repeat runs,
the first of which pays the cold-memory cost), and the
measures alone (`similarity_matrices` per year). Baseline, measured in the same run: the
direct per-pair definitions (`pair_similarity`) in a Python loop over a uniform sample of dyad-years,
extrapolated to all of them. Target: <= 30 s on 2 cores (the published R pipeline took 9,750 s).

Run: .venv/bin/python bench/bench_similarity.py [--threads 2] [--sample 3000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

SYSTEM_CSV = Path(__file__).resolve().parents[2] / "shared" / "data" / "cow_states" / "system2016.csv"
YEARS = range(1816, 2019)


def _pin_threads(threads: int) -> None:
    """Cap BLAS threads and CPU affinity before numpy loads, so the figure is a 2-core figure."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(threads)
    if hasattr(os, "sched_setaffinity"):
        cpus = sorted(os.sched_getaffinity(0))[:threads]
        os.sched_setaffinity(0, cpus)


def _states_per_year() -> tuple[dict[int, int], str]:
    """Number of system members per year, from COW when present, else a linear ramp 23 -> 195."""
    env = os.environ.get("FOEDUS_DATA_DIR")
    path = Path(env) / "cow_states" / "system2016.csv" if env else SYSTEM_CSV
    if path.is_file():
        with path.open(newline="") as fh:
            counts = Counter(int(row["year"]) for row in csv.DictReader(fh))
        last = max(counts)
        return {y: counts.get(y, counts[last]) for y in YEARS}, str(path)
    span = YEARS[-1] - YEARS[0]
    return {y: round(23 + (195 - 23) * (y - YEARS[0]) / span) for y in YEARS}, "linear ramp 23..195"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sample", type=int, default=3000, help="dyad-years timed with the direct loop")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2016)
    args = parser.parse_args()
    _pin_threads(args.threads)

    import numpy as np

    from foedus.research.similarity import MEASURES, pair_similarity, similarity_frame, similarity_matrices

    sizes, source = _states_per_year()
    rng = np.random.default_rng(args.seed)
    years = {}
    for year, n in sizes.items():
        upper = np.triu(rng.choice(4, size=(n, n), p=[0.85, 0.04, 0.03, 0.08]), 1)
        ties = upper + upper.T
        np.fill_diagonal(ties, 3)
        years[year] = (np.arange(n, dtype=np.int64), ties.astype(np.int64), rng.dirichlet(np.ones(n)))

    runs = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        frame = similarity_frame(years)
        runs.append(time.perf_counter() - t0)
    fast = min(runs)
    t0 = time.perf_counter()
    for _, ties, weights in years.values():
        similarity_matrices(ties, weights)
    matrices_only = time.perf_counter() - t0

    # Baseline: uniform sample over all directed dyad-years, direct definitions in a Python loop.
    pick = np.sort(rng.choice(len(frame), size=min(args.sample, len(frame)), replace=False))
    rows = frame.iloc[pick][["ccode1", "ccode2", "year"]].to_numpy()
    t0 = time.perf_counter()
    direct = [pair_similarity(years[y][1][i], years[y][1][j], years[y][2]) for i, j, y in rows]
    sample_s = time.perf_counter() - t0
    baseline = sample_s / len(rows) * len(frame)
    got = frame.iloc[pick][list(MEASURES)].to_numpy()
    want = np.array([[d[m] for m in MEASURES] for d in direct])
    max_diff = float(np.nanmax(np.abs(got - want)))

    out = {
        "years": len(years), "states_per_year_source": source, "n_min": min(sizes.values()),
        "n_max": max(sizes.values()), "directed_dyad_years": len(frame), "threads": args.threads,
        "fast_seconds": round(fast, 3), "fast_median_seconds": round(statistics.median(runs), 3),
        "fast_runs_seconds": [round(r, 3) for r in runs], "matrices_only_seconds": round(matrices_only, 3),
        "baseline_sample_pairs": len(rows), "baseline_sample_seconds": round(sample_s, 3),
        "baseline_extrapolated_seconds": round(baseline, 1), "speedup_vs_best": round(baseline / fast, 1),
        "speedup_vs_median": round(baseline / statistics.median(runs), 1),
        "max_abs_diff_fast_vs_direct": max_diff, "target_seconds": 30.0, "published_r_seconds": 9750.0,
        "meets_target_every_run": max(runs) <= 30.0, "python": sys.version.split()[0],
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
