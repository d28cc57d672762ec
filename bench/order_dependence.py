"""How much the escalatory reading depends on the order the rounds loop takes states in (0 is the rule's aim).

Every state conflicted in a round is excluded at once, each judged by the sides as the round found them
(`rules.conflict.SIMULTANEOUS`). Before that rule the engine excluded the first late-conflicted state by rank (state
id) and resumed without it, and another might then fight: reversing the rank changed 5,144 of 37,830 ordered dyads on
2025-06-01. This counts, for every ordered dyad of each date, the escalatory cascades (the batched engine's dense
rounds loop) whose sides or conflicts change when that rank is reversed; tests/test_settle_order.py reverses the
reference engine's order of settling a round instead.

Run: FOEDUS_DATA_DIR=../shared/data .venv/bin/python bench/order_dependence.py 2025-06-01 1990-06-01
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

import numpy as np

import foedus.engine.fast.batch as batch
import foedus.engine.fast.rounds as rounds
from foedus.engine.scenario import switches
from foedus.model.world import World
from foedus.sweeps.atlas import dyad_members


def _run(world: World, day: dt.date, reverse: bool) -> Any:
    """Every ordered dyad's escalatory cascade on `day`, the rank reversed or not."""
    solve = rounds.solve_rounds

    def ranked(side: Any, wants: Any, rank: np.ndarray, *args: Any, **kwargs: Any) -> Any:
        return solve(side, wants, (len(rank) - 1 - rank) if reverse else rank, *args, **kwargs)

    saved = batch.solve_rounds, batch._at_home
    batch.solve_rounds, batch._at_home = ranked, lambda rules, reading: False  # the dense loop, which takes `rank`
    try:
        members = dyad_members(world, day)
        rules = batch.compile_rules(world, switches(day), members)
        a, b = np.meshgrid(np.arange(len(members)), np.arange(len(members)), indexing="ij")
        keep = a != b
        return batch.batch_cascades(rules, a[keep], b[keep], "escalatory", shortcut=False)
    finally:
        batch.solve_rounds, batch._at_home = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dates", nargs="+", type=dt.date.fromisoformat, help="ISO dates, e.g. 2025-06-01")
    args = parser.parse_args()
    world = World.default()
    for day in args.dates:
        x, y = _run(world, day, False), _run(world, day, True)
        differ = (x.sides != y.sides).any(axis=1) | (x.conflicts != y.conflicts).any(axis=1)
        print(f"{day}: {int(differ.sum()):,} of {len(differ):,} ordered dyads change when the rank is reversed")


if __name__ == "__main__":
    main()
