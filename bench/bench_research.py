"""Research-dataset benchmarks (issue 3 §5), on the real data in FOEDUS_DATA_DIR (default ../shared/data).

1. All directed dyad-years 1816–2018 with ATOP flags (target <= 5 s on 2 cores). Baseline in the
   same run: a peacesciencer-style pandas pipeline (state-years from the COW spells, a per-year self
   merge, then a left join of ATOP's own directed dyad-year flags).
2. The same with foedus's cascade covariates (no target; no other tool computes them).
3. All similarity measures for all dyad-years 1816–2018 from the real ATOP ties and CINC weights
   (target <= 30 s); bench/bench_similarity.py measures the per-pair baseline.

Run: .venv/bin/python bench/bench_research.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("FOEDUS_DATA_DIR", str(Path(__file__).resolve().parents[2] / "shared" / "data"))
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "2")


def _timed(fn, repeat: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    samples, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples), out


def pandas_baseline() -> int:
    """create_dyadyears + add_atop_alliance, the way an R/pandas pipeline does it."""
    import pandas as pd

    data = Path(os.environ["FOEDUS_DATA_DIR"])
    states = pd.read_csv(data / "cow_states" / "states2016.csv")
    rows = [(r.ccode, y) for r in states.itertuples() for y in range(r.styear, r.endyear + 1)]
    sy = pd.DataFrame(rows, columns=["ccode", "year"]).drop_duplicates()
    sy = sy[(sy.year >= 1816) & (sy.year <= 2018)]
    dy = sy.merge(sy, on="year", suffixes=("1", "2"))
    dy = dy[dy.ccode1 != dy.ccode2]
    atop = pd.read_csv(data / "atop" / "atop_alliance.csv")
    out = dy.merge(atop, on=["ccode1", "ccode2", "year"], how="left")
    return len(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from foedus.model.world import World
    from foedus.research.dyads import DyadOptions, build_dyads
    from foedus.research.similarity import similarity_frame
    from foedus.research.ties import yearly_portfolios

    world = World.default()
    base_s, base_n = _timed(pandas_baseline, args.repeat)
    flags_s, flags = _timed(lambda: build_dyads(world, DyadOptions(1816, 2018, covariates=False)), args.repeat)
    cov_s, _ = _timed(lambda: build_dyads(world, DyadOptions(1816, 2018)), args.repeat)
    sim_s, sim = _timed(lambda: similarity_frame(yearly_portfolios(world, 1816, 2018)), args.repeat)
    print(json.dumps({
        "dyad_years": len(flags),  # type: ignore[arg-type]
        "flags_s": round(flags_s, 2), "flags_target_s": 5.0,
        "pandas_baseline_s": round(base_s, 2), "pandas_baseline_rows": base_n,
        "baseline_over_foedus": round(base_s / flags_s, 2),
        "flags_and_covariates_s": round(cov_s, 2),
        "similarity_rows": len(sim),  # type: ignore[arg-type]
        "similarity_s": round(sim_s, 2), "similarity_target_s": 30.0,
        "r_published_similarity_s": 9750, "r_over_foedus_similarity": round(9750 / sim_s),
    }, indent=2))


if __name__ == "__main__":
    main()
