"""The reference cascade's Python work, counted rather than timed: opcodes per escalatory cascade.

On a shared, noisy machine wall-clock figures of a few milliseconds move by a third from run to run; the
number of bytecode instructions a cascade executes does not (it leaves out the work done inside C calls,
such as sorting or set operations, so it is a guide, not a time). Each dyad runs once with its leg table
warm, as in bench_speed.py's cascades. Compare two trees by running it with each on PYTHONPATH.

With --phases, the opcodes are split by the part of the run that executes them (the rounds' volleys, settling
each round, making the next round's strikes, going back after a late conflict, the records pass, and the frozen
result with its citations), with what a cascade holds: joiners, obligations cited, the other records of its
result (consultations, violations, neutrality duties, supporters, withheld legs, conflicts; and the median
result's count of all of them), volleys evaluated and the share of them a resume evaluated again (the final
run's rounds hold the rest).

Run: .venv/bin/python bench/bench_cascade_work.py [--dyads 100] [--dates 1990-06-01 2025-06-01] [--phases]
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


def _scenarios(day: str, dyads: int, seed: int) -> tuple[Any, list[Any]]:
    """The world and `dyads` of the random ordered dyads bench_speed.py draws (every nth of 1,000) as escalatory
    scenarios at `day`, with the date's leg table warm (every leg compiled)."""
    from foedus.engine.scenario import build_scenario
    from foedus.engine.table import leg_table
    from foedus.model.world import World
    from foedus.sweeps.atlas import dyad_members

    world, when = World.default(), dt.date.fromisoformat(day)
    members = dyad_members(world, when)
    rng = random.Random(seed)
    pairs = [tuple(rng.sample(members, 2)) for _ in range(1000)][:: max(1, 1000 // dyads)]
    assert leg_table(world, when).by_beneficiary
    return world, [build_scenario(world, attacker=a, target=b, date=when, reading="escalatory") for a, b in pairs]


def opcodes(day: str, dyads: int, seed: int = 15) -> dict[str, Any]:
    """Opcodes per cascade over `dyads` of the random ordered dyads bench_speed.py draws (every nth of 1,000)."""
    from foedus.engine.cascade import run_cascade

    world, scenarios = _scenarios(day, dyads, seed)
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


PHASES = {"volleys": ("foedus.engine.bind", "Binder", "volley"), "settle": ("foedus.engine.cascade", "_Run", "_settle"),
          "next strikes": ("foedus.engine.cascade", "_Run", "_next"),
          "resume": ("foedus.engine.cascade", "_Run", "_resume"),
          "records pass": ("foedus.engine.cascade", "_Run", "_records"),
          "result": ("foedus.engine.cascade", "_Run", "result")}


RECORDS = {"joiners": lambda r: len(r.joiners), "obligations": lambda r: sum(1 + len(j.also) for j in r.joiners),
           "consultations": lambda r: len(r.consultations), "violations": lambda r: len(r.violations),
           "neutrality duties": lambda r: len(r.neutral), "supporters": lambda r: len(r.supporters),
           "withheld": lambda r: len(r.withheld), "conflicts": lambda r: len(r.conflicts)}


def phases(day: str, dyads: int, seed: int = 15) -> dict[str, Any]:
    """Mean opcodes per cascade by phase (the rest: setting up and running the rounds), and the work it holds."""
    import importlib

    from foedus.engine.cascade import run_cascade

    world, scenarios = _scenarios(day, dyads, seed)
    now = ["rest"]
    ops: dict[str, int] = dict.fromkeys([*PHASES, "rest"], 0)
    calls: dict[str, int] = dict.fromkeys(PHASES, 0)

    def within(name: str, method: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            outer, now[0] = now[0], name if now[0] == "rest" else now[0]
            calls[name] += 1
            try:
                return method(*args, **kwargs)
            finally:
                now[0] = outer
        return run

    originals = []
    for name, (module, cls, method) in PHASES.items():
        try:
            owner = getattr(importlib.import_module(module), cls)
            getattr(owner, method)
        except (ImportError, AttributeError):  # an older tree: the phase is counted in the rest
            continue
        originals.append((owner, method, getattr(owner, method)))
        setattr(owner, method, within(name, getattr(owner, method)))

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        frame.f_trace_opcodes = True
        if event == "opcode":
            ops[now[0]] += 1
        return tracer

    held = dict.fromkeys(RECORDS, 0)
    sizes = []  # the records each result holds: every obligation, consultation, violation, duty, support, conflict
    resumed = []  # resumes per cascade: most cascades have none or one, a few dozens
    for scenario in scenarios:
        before = calls["resume"]
        sys.settrace(tracer)
        result = run_cascade(world, scenario)
        sys.settrace(None)
        resumed.append(calls["resume"] - before)
        counts = {name: count(result) for name, count in RECORDS.items()}
        for name, got in counts.items():
            held[name] += got
        sizes.append(sum(got for name, got in counts.items() if name != "joiners"))
    for owner, method, original in originals:
        setattr(owner, method, original)
    n, total = len(scenarios), sum(ops.values())
    final = _final_volleys(scenarios, world)
    again = None if final is None or not calls["volleys"] else round(1 - final / calls["volleys"], 3)
    return {"date": day, "n": n, "kilo_opcodes_mean": total // n // 1000,
            "share": {k: round(v / total, 3) for k, v in ops.items()},
            "per_cascade": {**{k: round(v / n, 1) for k, v in held.items()},
                            "records in the result (all but joiners), median": sorted(sizes)[n // 2],
                            "volleys evaluated": round(calls["volleys"] / n, 1),
                            "resumes": round(calls["resume"] / n, 2), "resumes, median": sorted(resumed)[n // 2],
                            "cascades with more than 10 resumes": sum(r > 10 for r in resumed),
                            "share of volleys evaluated again after a resume": again}}


def _final_volleys(scenarios: list[Any], world: Any) -> int | None:
    """The volleys of the final runs' rounds (what the records pass reads), summed over the scenarios (None for
    an older tree, whose run keeps no rounds)."""
    from foedus.engine.cascade import _Run
    from foedus.engine.table import leg_table

    total = 0
    for scenario in scenarios:
        try:
            run = _Run(world, scenario, leg_table(world, scenario.date, scenario.basis))
            run.execute()
            total += sum(len(saved.frontier) for saved in run.saved.values())
        except (TypeError, AttributeError):
            return None
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dyads", type=int, default=100)
    parser.add_argument("--dates", nargs="+", default=["1990-06-01", "2025-06-01"])
    parser.add_argument("--phases", action="store_true", help="split the opcodes by phase of the run")
    args = parser.parse_args()
    import foedus

    for day in args.dates:
        got = phases(day, args.dyads) if args.phases else opcodes(day, args.dyads)
        print(json.dumps({"tree": foedus.__file__, **got}), flush=True)


if __name__ == "__main__":
    main()
