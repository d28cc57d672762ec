"""Machine instructions of the cascades alone, for callgrind: the first WARM of bench_speed.py's dyads at DAY run
plainly (stores warm as the bench finds them), then the next COUNT each through `itertools.starmap`, so that
`valgrind --tool=callgrind --collect-atstart=no --toggle-collect=starmap_next` counts only those (nothing else
in the run calls `starmap`). Session 26 ran it with WARM 300 and COUNT 100 (docs/performance.md):

    PYTHONHASHSEED=0 PYTHONPATH=TREE/src valgrind --tool=callgrind --collect-atstart=no \\
        --toggle-collect=starmap_next python bench/profile/instructions.py 2025-06-01 300 100
"""

from __future__ import annotations

from itertools import starmap

from cascades import arg, scenarios

from foedus.engine.cascade import run_cascade


def main() -> None:
    day, warm, count = arg(1), int(arg(2, "300")), int(arg(3, "100"))
    world, runs = scenarios(day)
    for scenario in runs[:warm]:
        run_cascade(world, scenario)
    for _ in starmap(run_cascade, [(world, scenario) for scenario in runs[warm:warm + count]]):
        pass


if __name__ == "__main__":
    main()
