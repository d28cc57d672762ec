"""Opcodes of one warm `run_cascade` (10 runs first) at 2025-06-01, by function and by line: where a single case's
work goes, to find a rewrite's candidates (counts do not move with the machine's load; time them before keeping one).

    OPENBLAS_NUM_THREADS=1 PYTHONPATH=TREE/src python bench/profile/oplines.py CHN USA escalatory [FUNCS [LINES]]
"""

from __future__ import annotations

import collections
import datetime as dt
import sys
from types import FrameType
from typing import Any

from foedus.engine.cascade import run_cascade
from foedus.engine.scenario import build_scenario
from foedus.model.world import World


def main() -> None:
    attacker, target, reading = sys.argv[1:4]
    funcs, lines = (int(sys.argv[4]) if len(sys.argv) > 4 else 40), (int(sys.argv[5]) if len(sys.argv) > 5 else 0)
    world = World.default()
    scenario = build_scenario(world, attacker=attacker, target=target, date=dt.date(2025, 6, 1), reading=reading)
    for _ in range(10):
        run_cascade(world, scenario)
    per: collections.Counter[tuple[str, int, str]] = collections.Counter()
    at: collections.Counter[tuple[str, int | None]] = collections.Counter()

    def trace(frame: FrameType, event: str, _arg: object) -> Any:
        frame.f_trace_opcodes = True
        if event == "opcode":
            code, name = frame.f_code, frame.f_code.co_filename.split("/src/")[-1]
            per[name, code.co_firstlineno, code.co_qualname] += 1
            at[name, frame.f_lineno] += 1
        return trace

    sys.settrace(trace)
    run_cascade(world, scenario)
    sys.settrace(None)
    print("total", sum(per.values()))
    for (name, first, qualname), n in per.most_common(funcs):
        print(n, f"{name}:{first}", qualname)
    for (name, line), n in at.most_common(lines):
        print(n, f"{name}:{line}")


if __name__ == "__main__":
    main()
