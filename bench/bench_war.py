"""War-replay benchmarks: every COW war replayed (both readings), and a 3-year war with 200 events.

Targets (issue 13): replaying all 95 COW wars, legal and escalatory readings, <= 60 s on 2 cores; a
3-year war with 200 events <= 1 s. Both are measured with a cold table of compiled legs
(`foedus.engine.table._cached_table` cleared first), after the world and the ATOP history are loaded (not
timed). `--profile` prints where the time goes (the reference engine's cascade and leg compilation, versus the replay).

Run: FOEDUS_DATA_DIR=../shared/data .venv/bin/python bench/bench_war.py [--repeat N] [--profile]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import time


def synthetic_war(events: int = 200, seed: int = 13) -> object:
    """A 3-year war (2022-02-24 to 2025-02-23): Russia and Ukraine strike each other's regions, with ends."""
    from foedus.engine.scenario import Attack
    from foedus.model.world import World
    from foedus.war.events import War, WarEvent

    world = World.default()
    rng = random.Random(seed)
    start, days = dt.date(2022, 2, 24), 3 * 365
    ukr = ["ukraine", "crimea", "donetsk-oblast", "luhansk-oblast", "zaporizhzhia-oblast", "kherson-oblast"]
    rus = ["russia", "kursk-oblast", "belgorod-oblast"]
    out = [WarEvent(0, "attack", start, attacks=(Attack("RUS", "UKR", "ukraine", "territory"),))]
    for i in range(1, events):
        day = start + dt.timedelta(days=rng.randrange(1, days))
        until = day + dt.timedelta(days=rng.randrange(5, 200))
        if rng.random() < 0.6:
            a = Attack("RUS", "UKR", rng.choice(ukr), "territory")
        else:
            a = Attack("UKR", "RUS", rng.choice(rus), "territory")
        out.append(WarEvent(i, "attack", day, attacks=(a,), until=until))
    assert world.places.places["kursk-oblast"]
    ordered = tuple(sorted(out, key=lambda e: (e.date, e.index)))
    return War("bench_3y", "synthetic 3-year war", ordered, start + dt.timedelta(days=days - 1))


def _cold() -> None:
    from foedus.engine.table import _cached_table

    _cached_table.cache_clear()


def bench_cow(repeat: int) -> dict[str, float]:
    from foedus.backtest.replay_run import run_replays
    from foedus.model.world import World

    world = World.default()
    list(world.treaties)  # load the ATOP history before timing
    wall, cpu = [], []
    for _ in range(repeat):
        _cold()
        t, c = time.perf_counter(), time.process_time()
        rb = run_replays(world, None, None, draws=None, seed=1815, variants=("legal", "escalatory"))
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    evaluations = sum(len(w.evaluations) for w in rb.wars)
    return {"cow_wars": len(rb.wars), "cow_legal_evaluations": evaluations, "cow_both_readings_wall_s":
            statistics.median(wall), "cow_both_readings_cpu_s": statistics.median(cpu)}


def bench_synthetic(repeat: int) -> dict[str, float]:
    from foedus.model.world import World
    from foedus.war.replay import replay

    world = World.default()
    war = synthetic_war()
    replay(war, world, until=war.start)  # type: ignore[arg-type, attr-defined]  # the treaty timeline, once
    wall, cpu = [], []
    for _ in range(repeat):
        _cold()
        t, c = time.perf_counter(), time.process_time()
        r = replay(war, world)  # type: ignore[arg-type]
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return {"synthetic_events": len(war.events), "synthetic_frames": len(r.frames),  # type: ignore[attr-defined]
            "synthetic_3y_200_events_wall_s": statistics.median(wall),
            "synthetic_3y_200_events_cpu_s": statistics.median(cpu)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="profile one COW run and print the top functions")
    args = parser.parse_args()
    out = {**bench_synthetic(args.repeat), **bench_cow(max(1, args.repeat // 3))}
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in out.items()}, indent=2))
    if args.profile:
        import cProfile
        import pstats

        _cold()
        prof = cProfile.Profile()
        prof.runcall(bench_cow, 1)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(
            r"(replay|run_cascade|compile_legs|_bind|triggers|evaluate_at|simulate)\b", 12)


if __name__ == "__main__":
    main()
