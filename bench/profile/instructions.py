"""Machine instructions of the cascades alone, for callgrind: the first WARM of bench_speed.py's dyads at DAY run
plainly (stores warm as the bench finds them), then the next COUNT each through `itertools.starmap`, so that
`valgrind --tool=callgrind --collect-atstart=no --toggle-collect=starmap_next` counts only those (nothing else
in the run calls `starmap`). With PHASE (a method of `foedus.engine.cascade._Run`: `result`, `_records`, ...),
the COUNT cascades run plainly and only that method's calls go through `starmap`: the instructions of that phase
alone (session 27). Session 26 ran it with WARM 300 and COUNT 100 (docs/performance.md):

    PYTHONHASHSEED=0 PYTHONPATH=TREE/src valgrind --tool=callgrind --collect-atstart=no \\
        --toggle-collect=starmap_next python bench/profile/instructions.py 2025-06-01 300 100 [PHASE]
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import starmap
from typing import Any

from cascades import arg, scenarios

from foedus.engine import cascade
from foedus.engine.cascade import run_cascade


def counted(method: Callable[..., Any]) -> Callable[..., Any]:
    """`method`, each call run through `starmap` (so that callgrind's toggle counts it)."""
    def run(*args: Any) -> Any:
        return next(starmap(method, [args]))
    return run


def main() -> None:
    day, warm, count, phase = arg(1), int(arg(2, "300")), int(arg(3, "100")), arg(4, "")
    world, runs = scenarios(day)
    for scenario in runs[:warm]:
        run_cascade(world, scenario)
    if phase:
        setattr(cascade._Run, phase, counted(getattr(cascade._Run, phase)))
        for scenario in runs[warm:warm + count]:
            run_cascade(world, scenario)
        return
    for _ in starmap(run_cascade, [(world, scenario) for scenario in runs[warm:warm + count]]):
        pass


if __name__ == "__main__":
    main()
