"""The validation report's out-of-sample forecasts of one scheme (`foedus.likely.validate.forecasts`, with the
challengers), timed, with the thread pools they ran on and a SHA-256 of every forecast (issue #14; session 66).

Run it in a fresh interpreter on two checkouts to compare them (the digest must be equal: threads change the time,
not the figures). The training table (no Monte Carlo) is built once and kept in --frame.

Run: OPENBLAS_NUM_THREADS=1 FOEDUS_DATA_DIR=../shared/data PYTHONPATH=src python bench/likely_report_threads.py \
    [--scheme forward-1945] [--frame /tmp/likely-frame.pkl]
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scheme", default="forward-1945")
    parser.add_argument("--frame", type=Path, default=Path("/tmp/likely-frame.pkl"))
    args = parser.parse_args()
    import numpy as np
    import pandas as pd

    from foedus.likely.dataset import HORIZONS, training_data
    from foedus.likely.validate import forecasts

    if args.frame.exists():
        frame = pd.read_pickle(args.frame)
    else:
        frame = training_data().frame
        frame.to_pickle(args.frame)
    from threadpoolctl import threadpool_info

    pools: set[tuple[str, int]] = set()

    def seen() -> None:  # the pools as the fits ran on them (the limit is lifted on return)
        pools.update((p["internal_api"], p["num_threads"]) for p in threadpool_info())

    wall, cpu = time.perf_counter(), time.process_time()
    got, tested = forecasts(frame, args.scheme, HORIZONS, challengers=True, on_fold=seen)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    digest = hashlib.sha256(tested.tobytes())
    for h in sorted(got):
        for name in sorted(got[h]):
            digest.update(f"{h}/{name}".encode() + np.ascontiguousarray(got[h][name]).tobytes())
    print(f"{args.scheme}: {wall:.2f} s wall, {cpu:.2f} s CPU; pools {sorted(pools)}; "
          f"forecasts {digest.hexdigest()[:16]}", flush=True)


if __name__ == "__main__":
    main()
