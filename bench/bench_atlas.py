"""Atlas, compare and Monte Carlo benchmarks (issues 4 and 5), each with a baseline from the same run.

- all ordered dyads at one date with the batched engine, per reading; baseline: the single-scenario
  engine looped over a random sample of the same dyads, extrapolated to all of them;
- `compare` of the atlas with and without the 2024 Russia–DPRK treaty (the seeds' question), legal reading;
- 10,000 Monte Carlo draws of one scenario; baseline: the same scenario's deterministic cascade x 10,000;
- 1,000 Monte Carlo draws x every ordered dyad (legal reading); baseline: the per-scenario Monte Carlo
  looped over a sample of dyads, extrapolated;
- the same in the escalatory reading with fewer draws (default 50); same kind of baseline;
- the yearly atlas series over a range of years (default 1816–2018), both readings and legal only,
  and its peak memory.

Run: .venv/bin/python bench/bench_atlas.py [--sample 300] [--escalatory-draws 50] [--first 1816] [--last 2018]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import time
from pathlib import Path

os.environ.setdefault("FOEDUS_DATA_DIR", str(Path(__file__).resolve().parents[2] / "shared" / "data"))
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "2")

DAY = dt.date(2025, 6, 1)


def _clock(fn):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def atlas_vs_loop(sample: int) -> dict[str, float]:
    import foedus
    from foedus.model.world import World
    from foedus.sweeps.atlas import AtlasOptions, atlas_results, dyad_members

    world = World.default()
    members = dyad_members(world, DAY)
    n_dyads = len(members) * (len(members) - 1)
    rng = random.Random(1)
    pairs = [tuple(rng.sample(members, 2)) for _ in range(sample)]
    out: dict[str, float] = {"dyads": n_dyads}
    for reading in ("legal", "escalatory"):
        atlas_results(world, DAY, AtlasOptions(readings=(reading,)))  # warm caches
        batch_s, _ = _clock(lambda r=reading: atlas_results(world, DAY, AtlasOptions(readings=(r,))))  # type: ignore[misc]
        loop_s, _ = _clock(lambda r=reading: [foedus.cascade(a, b, DAY, reading=r) for a, b in pairs])  # type: ignore[misc]
        per_dyad = loop_s / sample
        out[f"{reading}_batch_s"] = round(batch_s, 3)
        out[f"{reading}_loop_extrapolated_s"] = round(per_dyad * n_dyads, 1)
        out[f"{reading}_speedup"] = round(per_dyad * n_dyads / batch_s, 1)
    return out


def compare_question() -> dict[str, float]:
    from foedus.model.overlay import Overlay, changes_from
    from foedus.model.world import World
    from foedus.sweeps.atlas import AtlasOptions
    from foedus.sweeps.compare import compare_atlas

    world = World.default()
    other = Overlay(changes=changes_from({"drop_treaty": ["rus_prk_2024"]})).apply(world)
    secs, report = _clock(lambda: compare_atlas(world, DAY, other, DAY, AtlasOptions(readings=("legal",)),
                                                "USA", ["RUS", "CHN"]))
    watch = report["readings"]["legal"]["watch"]
    return {"compare_legal_s": round(secs, 3), "usa_vs_rus_or_chn_with": watch["base"],
            "usa_vs_rus_or_chn_without": watch["other"]}


def monte_carlo() -> dict[str, float]:
    import foedus

    foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", draws=100, seed=1)
    runs = [_clock(lambda: foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", draws=10_000, seed=1))[0]
            for _ in range(5)]
    det = [_clock(lambda: foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast"))[0] for _ in range(50)]
    mc = statistics.median(runs)
    return {"mc_10k_draws_s": round(mc, 4), "det_cascade_x10k_s": round(statistics.median(det) * 10_000, 2),
            "mc_speedup_vs_loop": round(statistics.median(det) * 10_000 / mc, 1)}


def atlas_draws(sample: int) -> dict[str, float]:
    """1,000 draws x every ordered dyad (legal reading); baseline: per-dyad Monte Carlo on a sample."""
    from foedus.engine.fast.montecarlo import simulate
    from foedus.engine.reliability import HonourModel
    from foedus.engine.scenario import build_scenario
    from foedus.model.world import World
    from foedus.sweeps.atlas import dyad_members
    from foedus.sweeps.atlas_mc import atlas_montecarlo

    world = World.default()
    secs, result = _clock(lambda: atlas_montecarlo(world, DAY, 1000, 1))
    members = dyad_members(world, DAY)
    rng = random.Random(2)
    pairs = [tuple(rng.sample(members, 2)) for _ in range(sample)]
    loop_s, _ = _clock(lambda: [simulate(world, build_scenario(world, attacker=a, target=b, date=DAY), 1000, 1,
                                         HonourModel()) for a, b in pairs])
    per = loop_s / sample * len(result.attackers)
    return {"atlas_1000_draws_s": round(secs, 2), "atlas_draws_loop_extrapolated_s": round(per, 1),
            "atlas_draws_speedup": round(per / secs, 1)}


def atlas_draws_escalatory(draws: int, sample: int) -> dict[str, float]:
    """`draws` escalatory draws x every ordered dyad; baseline: the per-scenario replay on a sample of dyads."""
    from foedus.engine.fast.montecarlo import simulate
    from foedus.engine.reliability import HonourModel
    from foedus.engine.scenario import build_scenario
    from foedus.model.world import World
    from foedus.sweeps.atlas import dyad_members
    from foedus.sweeps.atlas_mc import atlas_montecarlo

    world = World.default()
    secs, result = _clock(lambda: atlas_montecarlo(world, DAY, draws, 1, reading="escalatory"))
    members = dyad_members(world, DAY)
    rng = random.Random(3)
    pairs = [tuple(rng.sample(members, 2)) for _ in range(sample)]
    loop_s, _ = _clock(lambda: [simulate(world, build_scenario(world, attacker=a, target=b, date=DAY,
                                                               reading="escalatory"), draws, 1, HonourModel())
                                for a, b in pairs])
    per = loop_s / sample * len(result.attackers)
    return {"atlas_escalatory_draws": draws, "atlas_escalatory_draws_s": round(secs, 1),
            "atlas_escalatory_draws_loop_extrapolated_s": round(per, 1),
            "atlas_escalatory_draws_speedup": round(per / secs, 1)}


def yearly(first: int, last: int) -> dict[str, float]:
    """The yearly series in both readings (the default of `foedus atlas --from --to`), then legal only."""
    from foedus.model.world import World
    from foedus.sweeps.atlas import AtlasOptions, yearly_indicators

    world = World.default()
    both_s, frame = _clock(lambda: yearly_indicators(world, range(first, last + 1)))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    legal_s, _ = _clock(lambda: yearly_indicators(world, range(first, last + 1), AtlasOptions(readings=("legal",))))
    return {"years": len(frame), "yearly_both_readings_s": round(both_s, 1), "yearly_legal_s": round(legal_s, 1),
            "peak_rss_mb": round(peak_mb)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--first", type=int, default=1816)
    parser.add_argument("--last", type=int, default=2018)
    parser.add_argument("--escalatory-draws", type=int, default=50)
    parser.add_argument("--skip-years", action="store_true")
    args = parser.parse_args()
    out = atlas_vs_loop(args.sample) | compare_question() | monte_carlo() | atlas_draws(max(args.sample // 4, 20))
    out |= atlas_draws_escalatory(args.escalatory_draws, max(args.sample // 10, 10))
    if not args.skip_years:
        out |= yearly(args.first, args.last)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
