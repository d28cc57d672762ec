"""Likelihood benchmarks: the cost `--likelihood` adds to a cascade, and the training table's build time.

Measures (median of --repeat runs, after one warm-up that loads the world, the ATOP history and the data):
a plain cascade and the same cascade with likelihood=True, for Germany → Poland on 1939-09-01 and Russia →
Estonia on 2025-06-01; and, once, the training table of every COW war (features of 7,659 pairs, no Monte
Carlo). Numbers measured on a shared machine are noisy: quote them with the command.

Run: FOEDUS_DATA_DIR=../shared/data .venv/bin/python bench/bench_likely.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time


def _median(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    import foedus
    from foedus.likely.dataset import training_data

    out: dict[str, float] = {}
    for label, (a, t, d) in {"1939 DEU-POL": ("DEU", "POL", "1939-09-01"),
                             "2025 RUS-EST": ("RUS", "EST", "2025-06-01")}.items():
        foedus.cascade(a, t, d, likelihood=True)  # warm-up: world, history, data, model
        out[f"{label}: cascade (s)"] = _median(lambda a=a, t=t, d=d: foedus.cascade(a, t, d), args.repeat)
        out[f"{label}: cascade + likelihood (s)"] = _median(
            lambda a=a, t=t, d=d: foedus.cascade(a, t, d, likelihood=True), args.repeat)
    start = time.perf_counter()
    rows = len(training_data().frame)
    out[f"training table, every war ({rows} pairs) (s)"] = time.perf_counter() - start
    print(json.dumps({k: round(v, 3) for k, v in out.items()}, indent=1))


if __name__ == "__main__":
    main()
