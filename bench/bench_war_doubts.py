"""What a frame's doubts cost a war replay: every COW war replayed (legal reading) with and without them
(`foedus.war.replay.replay`'s `doubts`: each frame's doubts on its own day, and the frames made where a doubt's window
opens or closes), a pass over every war without them and one with them, alternating, each first in turn, after a
first pass that is not timed; the median CPU time (`time.process_time`) of each, as the machine may be shared.

Run: FOEDUS_DATA_DIR=../shared/data .venv/bin/python bench/bench_war_doubts.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time


def main() -> None:
    from foedus.backtest.outcomes import cow_wars
    from foedus.errors import FoedusError
    from foedus.model.world import World
    from foedus.war.replay import replay

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over every war (default 3)")
    args = parser.parse_args()
    world = World.default()
    wars = []
    for cow in cow_wars(world, None, None)[0]:  # warm: tables compiled, the timelines cached
        try:
            replay(cow.war, world, doubts=True)
        except FoedusError:  # a war the engine rejects (the backtest skips it too)
            continue
        wars.append(cow.war)
    took: dict[bool, list[float]] = {False: [], True: []}
    frames: dict[bool, int] = {False: 0, True: 0}
    for i in range(args.repeat):
        for doubts in ((False, True) if i % 2 else (True, False)):
            t, made = time.process_time(), 0
            for war in wars:
                made += len(replay(war, world, doubts=doubts).frames)
            took[doubts].append(time.process_time() - t)
            frames[doubts] = made
    out = {"cow_wars": len(wars), "frames_without": frames[False], "frames_with": frames[True],
           "frames_with_doubts": 0, "without_doubts_cpu_s": statistics.median(took[False]),
           "with_doubts_cpu_s": statistics.median(took[True])}
    out["frames_with_doubts"] = sum(1 for war in wars for f in replay(war, world).frames if f.doubts)
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in out.items()}, indent=2))


if __name__ == "__main__":
    main()
