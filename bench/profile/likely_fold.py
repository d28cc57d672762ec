"""One training fold's inner penalty search of bench/likely_experiments.py (issue #14; session 60): wall and CPU
seconds of `likely_avg.inner_loss` (one dealing, the 94 wars but the first, both grids) for the shipped spec and
`tie2-bound`, three times each, with scikit-learn loaded before the one-thread limit (as `likely_threads.one_thread`
does) or, with `late`, only inside it (as session 59's control ran). Prints times and thread pools, no score.

Run: FOEDUS_DATA_DIR=../shared/data python bench/profile/likely_fold.py [late]"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

import likely_experiments as bench
from foedus.likely.dataset import training_data
from foedus.likely.spec import SHIPPED
from likely_avg import inner_loss


def main() -> None:
    warnings.simplefilter("ignore")
    frame = training_data().frame
    bench._add_ties2(frame)  # fits nothing, so scikit-learn is still not loaded
    specs = {"shipped": SHIPPED, "tie2-bound": bench._ties2_specs(frame, [])["tie2-bound"]}
    wars = frame["war"].to_numpy()
    train = frame[wars != np.unique(wars)[0]]
    late = sys.argv[1:] == ["late"]
    with threadpool_limits(1) if late else bench.one_thread():
        for _ in range(3):
            for name, spec in specs.items():
                wall, cpu = time.perf_counter(), time.process_time()
                inner_loss(spec, train, 0, bench.C_JOIN_GRID, bench.C_SIDE_GRID)
                print(f"{name}: {time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU",
                      flush=True)
        pools = sorted((p["internal_api"], p["filepath"].rsplit("/", 1)[-1], p["num_threads"])
                       for p in threadpool_info())
        print("thread pools:", "; ".join(f"{api} {lib}: {n}" for api, lib, n in pools))


if __name__ == "__main__":
    main()
