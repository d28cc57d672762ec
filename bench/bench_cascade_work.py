"""The reference cascade's Python work, counted rather than timed: opcodes per escalatory cascade.

On a shared, noisy machine wall-clock figures of a few milliseconds move by a third from run to run; the
number of bytecode instructions a cascade executes does not (it leaves out the work done inside C calls,
such as sorting or set operations, so it is a guide, not a time). Each dyad runs once with its leg table
warm, as in bench_speed.py's cascades. Compare two trees by running it with each on PYTHONPATH.

Run: .venv/bin/python bench/bench_cascade_work.py [--dyads 100] [--dates 1990-06-01 2025-06-01]
     PYTHONPATH=/tmp/foedus-base/src .venv/bin/python bench/bench_cascade_work.py   (a baseline tree)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from types import FrameType
from typing import Any


def opcodes(day: str, dyads: int, seed: int = 15) -> dict[str, Any]:
    """Opcodes per cascade over `dyads` of the random ordered dyads bench_speed.py draws (every nth of 1,000)."""
    from foedus.engine.cascade import run_cascade
    from foedus.engine.scenario import build_scenario
    from foedus.engine.table import leg_table
    from foedus.model.world import World
    from foedus.sweeps.atlas import dyad_members

    world, when = World.default(), dt.date.fromisoformat(day)
    members = dyad_members(world, when)
    rng = random.Random(seed)
    pairs = [tuple(rng.sample(members, 2)) for _ in range(1000)][:: max(1, 1000 // dyads)]
    assert leg_table(world, when).by_beneficiary  # warm: every leg of the date compiled
    scenarios = [build_scenario(world, attacker=a, target=b, date=when, reading="escalatory") for a, b in pairs]
    count = [0]

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        frame.f_trace_opcodes = True
        if event == "opcode":
            count[0] += 1
        return tracer

    per = []
    for scenario in scenarios:
        count[0] = 0
        sys.settrace(tracer)
        run_cascade(world, scenario)
        sys.settrace(None)
        per.append(count[0])
    per.sort()

    def q(p: float) -> int:
        return per[min(len(per) - 1, int(p * len(per)))] // 1000

    return {"date": day, "n": len(per), "kilo_opcodes": {"p50": q(0.5), "p90": q(0.9), "p99": q(0.99),
                                                         "mean": sum(per) // len(per) // 1000}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dyads", type=int, default=100)
    parser.add_argument("--dates", nargs="+", default=["1990-06-01", "2025-06-01"])
    args = parser.parse_args()
    import foedus

    for day in args.dates:
        print(json.dumps({"tree": foedus.__file__, **opcodes(day, args.dyads)}), flush=True)


if __name__ == "__main__":
    main()
