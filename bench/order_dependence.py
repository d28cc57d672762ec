"""Whether the reference engine's escalatory outcome depends on the order it settles a round's states in (0 is the
rule's aim: `rules.conflict.SIMULTANEOUS`).

Every state conflicted in a round is excluded at once, each judged by the sides as the round found them. Before that
rule the engine excluded the first late-conflicted state by id and resumed without it, and another might then fight.
This runs each ordered dyad's escalatory cascade (`foedus.engine.cascade.run_cascade`) twice, settling each round's
states by id and then in reverse (`cascade.SETTLE_ORDER`, swapped), and counts the dyads whose outcome (sides, join
rounds, conflicts) changes, and those whose result changes at all: 10,000 random ordered dyads per date (`--sample N`,
seeded: `--seed`), or every one (`--every`); tests/test_settle_order.py does the same on a few hundred.

Run: FOEDUS_DATA_DIR=../shared/data .venv/bin/python bench/order_dependence.py 2025-06-01 1990-06-01
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import time
from collections.abc import Iterable

from foedus.engine import cascade
from foedus.engine.result import CascadeResult
from foedus.engine.scenario import build_scenario
from foedus.errors import FoedusError
from foedus.model.world import World
from foedus.sweeps.atlas import dyad_members

Outcome = tuple[tuple[tuple[str, str, int], ...], tuple[tuple[str, int, str], ...]]


def outcome(result: CascadeResult) -> Outcome:
    """The sides with each joiner's round, and the conflicts with theirs and the reason."""
    return (tuple(sorted((j.state, j.side, j.primary.round) for j in result.joiners)),
            tuple(sorted((c.state, c.round, c.reason) for c in result.conflicts)))


def reversed_order(states: Iterable[str]) -> list[str]:
    """`cascade.SETTLE_ORDER` reversed: a round's states settled from the highest id down."""
    return sorted(states, reverse=True)


def both_ways(world: World, attacker: str, target: str, day: dt.date) -> tuple[CascadeResult, CascadeResult]:
    """The escalatory cascade of `attacker` striking `target` on `day`, settled by id, then in reverse."""
    scenario = build_scenario(world, attacker=attacker, target=target, date=day, reading="escalatory")
    forward = cascade.run_cascade(world, scenario)
    saved, cascade.SETTLE_ORDER = cascade.SETTLE_ORDER, reversed_order
    try:
        return forward, cascade.run_cascade(world, scenario)
    finally:
        cascade.SETTLE_ORDER = saved


def dyads(members: list[str], sample: int | None, seed: int) -> list[tuple[str, str]]:
    """Every ordered dyad of `members`, or `sample` of them drawn at random."""
    every = list(itertools.permutations(members, 2))
    return every if sample is None or sample >= len(every) else random.Random(seed).sample(every, sample)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dates", nargs="+", type=dt.date.fromisoformat, help="ISO dates, e.g. 2025-06-01")
    parser.add_argument("--sample", type=int, default=10_000, help="random ordered dyads per date (default 10,000)")
    parser.add_argument("--every", action="store_true", help="every ordered dyad, not a sample")
    parser.add_argument("--seed", type=int, default=1, help="the sample's seed")
    args = parser.parse_args()
    world = World.default()
    for day in args.dates:
        start, run, changed, differ = time.perf_counter(), 0, [], 0
        for attacker, target in dyads(dyad_members(world, day), None if args.every else args.sample, args.seed):
            try:
                forward, backward = both_ways(world, attacker, target, day)
            except FoedusError:
                continue  # a dyad the engine refuses (both orders alike)
            run += 1
            differ += forward != backward
            if outcome(forward) != outcome(backward):
                changed.append(f"{attacker}/{target}")
        print(f"{day}: {len(changed):,} of {run:,} ordered dyads change their outcome when a round's states are "
              f"settled in reverse ({differ:,} change their result at all; {time.perf_counter() - start:.0f} s)")
        for dyad in changed[:20]:
            print(f"  {dyad}")


if __name__ == "__main__":
    main()
