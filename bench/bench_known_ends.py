"""What the likelihood's early stop in the per-war shift (`foedus.likely.spec._known_ends`: the bisection skips the sums
whose comparison Newton's bracket already knows) saves on one answer, alternated with the bisection without it (each
row summed at every step until its bracket stands still; `_known_ends` replaced by ends that know nothing). Both give
the same bits (tests/test_likely_shifted_exact.py); the script checks the two answers' JSON are equal and counts the
sigmoids each computes. Warm: one process, one cascade with the likelihood to warm up, then the two sides alternated,
`--repeats` runs each; fresh: a new process per run (import, world from its cache, one cascade), alternated. Medians.

    OPENBLAS_NUM_THREADS=1 FOEDUS_DATA_DIR=../shared/data python bench/bench_known_ends.py [--repeats 9] [--fresh 5]

Measured in session 67 (the shared 2 cores under load 8 to 10, OPENBLAS_NUM_THREADS=1, `--repeats 15 --fresh 7`):
6,670,466 sigmoids in the shift against 14,139,566; warm 397 ms against 586 ms; fresh 4.65 s against 4.63 s (docs/
performance.md, "The likelihood's early stop, measured apart").
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

ATTACKER, TARGET, DATE = "RUS", "EST", "2025-06-01"
_FRESH = """import sys, numpy as np, foedus
from foedus.likely import spec
if sys.argv[1] == "plain":
    spec._known_ends = lambda eta2, target: (np.full(len(eta2), -np.inf), np.full(len(eta2), np.inf))
foedus.cascade(*sys.argv[2:5], likelihood=True)
"""


def _plain_ends(eta2: Any, target: Any) -> tuple[Any, Any]:
    """Ends that know nothing: the bisection sums every step until a row's bracket stands still."""
    import numpy as np

    return np.full(len(eta2), -np.inf), np.full(len(eta2), np.inf)


def _sides() -> dict[str, Callable[[], Any]]:
    """The cascade with the likelihood, with the early stop (`known-ends`) and without (`plain`)."""
    import foedus
    from foedus.likely import spec

    kept = spec._known_ends

    def run(ends: Callable[..., Any]) -> Callable[[], Any]:
        def once() -> Any:
            spec._known_ends = ends  # type: ignore[assignment]
            try:
                return foedus.cascade(ATTACKER, TARGET, DATE, likelihood=True)
            finally:
                spec._known_ends = kept  # type: ignore[assignment]
        return once

    return {"known-ends": run(kept), "plain": run(_plain_ends)}


def _sigmoids(run: Callable[[], Any]) -> int:
    """How many sigmoids one answer computes in the shift's bisection (`spec._sigmoid_into`'s elements): a count the
    machine's load does not move."""
    from foedus.likely import spec

    kept, count = spec._sigmoid_into, [0]

    def counted(z: Any) -> Any:
        count[0] += z.size
        return kept(z)

    spec._sigmoid_into = counted  # type: ignore[assignment]
    try:
        run()
    finally:
        spec._sigmoid_into = kept  # type: ignore[assignment]
    return count[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--fresh", type=int, default=5)
    args = parser.parse_args()
    sides = _sides()
    answers = {name: run().to_dict() for name, run in sides.items()}  # warm-up, and the answers compared
    if answers["known-ends"] != answers["plain"]:
        raise SystemExit("the two sides' answers differ")
    for name, run in sides.items():
        print(f"{ATTACKER}->{TARGET} {DATE}  {name:10}  {_sigmoids(run):,} sigmoids in the shift")
    warm: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(args.repeats):
        for name, run in sides.items():
            start = time.perf_counter()
            run()
            warm[name].append(time.perf_counter() - start)
    fresh: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(args.fresh):
        for name in sides:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", _FRESH, name, ATTACKER, TARGET, DATE], check=True)
            fresh[name].append(time.perf_counter() - start)
    for kind, times in (("warm", warm), ("fresh", fresh)):
        for name, runs in times.items():
            print(f"{ATTACKER}->{TARGET} {DATE}  {kind:5}  {name:10}  median {statistics.median(runs) * 1000:7.1f} ms"
                  f"  (runs: {', '.join(f'{r * 1000:.0f}' for r in runs)})")


if __name__ == "__main__":
    main()
