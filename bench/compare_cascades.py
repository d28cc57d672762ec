"""The JSON of every cascade bench_speed.py times, written to a file, to compare two trees' outputs exactly.

Runs the random ordered dyads of `bench_speed.py --only cascades` (seed 15) at each date, in the reading given,
one after another in one process (so reuse across the cascades of a date is exercised as the bench does), and
writes two lines per cascade: its date and dyad, then `json.dumps(result.to_dict())`. Run it once per tree and
compare the files (`cmp`); the sha256 of each date's JSON lines is printed.

Run: PYTHONPATH=TREE/src FOEDUS_DATA_DIR=../shared/data .venv/bin/python bench/compare_cascades.py OUT.jsonl
     [--dyads 1000] [--dates 1990-06-01 2025-06-01] [--reading escalatory]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
from pathlib import Path

from bench_out import refuse_taken, staged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--dyads", type=int, default=1000)
    parser.add_argument("--dates", nargs="+", default=["1990-06-01", "2025-06-01"])
    parser.add_argument("--reading", default="escalatory")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    refuse_taken(args.out)

    from foedus.engine.cascade import run_cascade
    from foedus.engine.scenario import build_scenario
    from foedus.model.world import World
    from foedus.sweeps.atlas import dyad_members

    world = World.default()
    with staged(args.out) as out:
        for day in args.dates:
            when = dt.date.fromisoformat(day)
            members = dyad_members(world, when)
            rng = random.Random(args.seed)
            pairs = [tuple(rng.sample(members, 2)) for _ in range(args.dyads)]
            digest = hashlib.sha256()
            for a, b in pairs:
                result = run_cascade(world, build_scenario(world, attacker=a, target=b, date=when,
                                                           reading=args.reading))
                line = json.dumps(result.to_dict(), sort_keys=False, default=str) + "\n"
                digest.update(line.encode())
                out.write(f"{day} {a} {b}\n")
                out.write(line)
            print(day, args.reading, len(pairs), digest.hexdigest())


if __name__ == "__main__":
    main()
