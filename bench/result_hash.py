"""Result-hash check for engine changes meant to keep every answer the same (speed work): random ordered dyads of
states that exist on every date asked, both readings, each cascade run through `foedus.api.cascade` (what the CLI
calls) and its full JSON (`to_dict()`, keys sorted) hashed; one SHA-256 per date and reading, and one over all.
Run it on two trees and compare the lines:

    FOEDUS_DATA_DIR=../shared/data PYTHONPATH=src python bench/result_hash.py
    FOEDUS_DATA_DIR=../shared/data PYTHONPATH=/path/to/baseline/src python bench/result_hash.py

A change meant to alter only some words (a data change that rewords a certainty reason's `fact`) is checked to keep
everything else with `--without fact`: that key is dropped wherever it occurs before hashing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
from typing import Any


def _without(value: Any, keys: frozenset[str]) -> Any:
    """`value` (a cascade's JSON) with every `keys` key dropped, at any depth."""
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    return value


def main() -> None:
    """Print the hashes of `--dyads` seeded random dyads' cascades on each `--date`, in both readings."""
    from foedus.api import cascade
    from foedus.model.world import World
    from foedus.sweeps.atlas import dyad_members

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dyads", type=int, default=300, help="ordered dyads drawn (default 300)")
    parser.add_argument("--seed", type=int, default=47, help="seed of the draw (default 47)")
    parser.add_argument("--date", action="append", dest="dates", help="a date (repeat; default 1990-06-01 and "
                        "2025-06-01)")
    parser.add_argument("--without", action="append", default=[], help="a key dropped wherever it occurs before "
                        "hashing (repeat), e.g. fact: the answers alike but for the reasons' words")
    args = parser.parse_args()
    dropped = frozenset(args.without)
    world = World.default()
    days = [dt.date.fromisoformat(d) for d in (args.dates or ["1990-06-01", "2025-06-01"])]
    both = sorted(set.intersection(*(set(dyad_members(world, day)) for day in days)))
    rng = random.Random(args.seed)
    pairs = [tuple(rng.sample(both, 2)) for _ in range(args.dyads)]
    total = hashlib.sha256()
    for day in days:
        for reading in ("legal", "escalatory"):
            one = hashlib.sha256()
            for attacker, target in pairs:
                result = cascade(attacker, target, day, world=world, reading=reading)
                blob = json.dumps(_without(result.to_dict(), dropped), sort_keys=True, default=str).encode()
                one.update(blob)
                total.update(blob)
            print(day, reading, one.hexdigest())
    print("all", total.hexdigest())


if __name__ == "__main__":
    main()
