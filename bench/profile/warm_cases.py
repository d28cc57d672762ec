"""Three single cascades at 2025-06-01, warm (10 runs first): RUS->EST legal, UKR->RUS legal and CHN->USA escalatory
(whose gates hold the EU neutrals' Art. 42(7) legs back toward 23 states, found again and again). Per case the median
wall-clock and CPU (thread) time of 200 `run_cascade` calls, the calls cProfile counts in 200 more, and the opcodes
of one. Session 64 read session 63's withheld-leg logs' cost with it. Run it on each tree, alternating:

    OPENBLAS_NUM_THREADS=1 PYTHONPATH=TREE/src python bench/profile/warm_cases.py [RUNS]
"""

from __future__ import annotations

import cProfile
import datetime as dt
import pstats
import statistics
import sys
import time
from types import FrameType
from typing import Any

from foedus.engine.cascade import run_cascade
from foedus.engine.scenario import build_scenario
from foedus.model.world import World

CASES = [("RUS", "EST", "legal"), ("UKR", "RUS", "legal"), ("CHN", "USA", "escalatory")]


def opcodes(world: World, scenario: Any) -> int:
    """The opcodes one `run_cascade` runs (sys.settrace's opcode events)."""
    count = [0]

    def trace(frame: FrameType, event: str, _arg: object) -> Any:
        frame.f_trace_opcodes = True
        count[0] += event == "opcode"
        return trace

    sys.settrace(trace)
    run_cascade(world, scenario)
    sys.settrace(None)
    return count[0]


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    world, day = World.default(), dt.date(2025, 6, 1)
    for attacker, target, reading in CASES:
        scenario = build_scenario(world, attacker=attacker, target=target, date=day, reading=reading)
        for _ in range(10):
            run_cascade(world, scenario)
        wall, cpu = [], []
        for _ in range(runs):
            t, c = time.perf_counter(), time.thread_time()
            run_cascade(world, scenario)
            cpu.append(time.thread_time() - c)
            wall.append(time.perf_counter() - t)
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(runs):
            run_cascade(world, scenario)
        profile.disable()
        calls = pstats.Stats(profile).total_calls  # type: ignore[attr-defined]
        print(f"{attacker}->{target} {reading}: wall {statistics.median(wall) * 1000:.3f} ms, "
              f"cpu {statistics.median(cpu) * 1000:.3f} ms, calls {calls} ({runs} runs), "
              f"opcodes {opcodes(world, scenario)}")


if __name__ == "__main__":
    main()
