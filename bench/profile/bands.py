"""What the cascades in each band of time are like, over the first N of bench_speed's dyads at DAY: each timed on
its second run (the table's stores warm, nothing patched), then counted on a third: per band of the time
distribution, the median ms and the means of late conflicts' resumes, final rounds, joiners, volleys and conflicts
a cascade; and over all N, the resumes (those going back one round), the rounds between a late state's joining and
its conflict's finding, and the volleys evaluated (`Binder.volley` calls). Session 37: the p50's band is one large
war with few resumes, the slowest tenth many.

Run: python bench/profile/bands.py DAY N"""

from __future__ import annotations

import statistics
import time
from typing import Any

from cascades import arg, scenarios

from foedus.engine import bind, cascade

BANDS = ((0, 10), (10, 30), (30, 45), (45, 55), (55, 70), (70, 90), (90, 100))  # percentiles of time


def main() -> None:
    world, runs = scenarios(arg(1), int(arg(2)))
    table = cascade.leg_table(world, runs[0].date, runs[0].basis)
    for s in runs:  # the first run fills the table's stores
        cascade.run_cascade(world, s, table)
    times = []
    for s in runs:
        start = time.perf_counter()
        cascade.run_cascade(world, s, table)
        times.append((time.perf_counter() - start) * 1e3)
    resume, volley, gaps, volleys = cascade._Run._resume, bind.Binder.volley, [], [0]

    def resumed(run: cascade._Run, late: list[str], *args: Any) -> Any:  # the states conflicted late in one round
        gaps.append(run.rounds - min(run.joiners[state][0][0] for state in late) + 1)
        return resume(run, late, *args)

    def counted(binder: bind.Binder, *args: Any) -> None:
        volleys[0] += 1
        volley(binder, *args)

    cascade._Run._resume, bind.Binder.volley = resumed, counted  # type: ignore[method-assign]
    rows = []
    for ms, s in zip(times, runs, strict=True):
        before = len(gaps)
        run = cascade._Run(world, s, table)
        with cascade.acyclic():
            result = run.execute()
        rows.append((ms, len(gaps) - before, len(run.saved), len(result.joiners), len(run.attacked),
                     len(result.conflicts)))
    rows.sort()
    print("band (% of time)  median ms  resumes  rounds  joiners  volleys  conflicts (means)")
    for lo, hi in BANDS:
        rs = rows[len(rows) * lo // 100:len(rows) * hi // 100]
        means = [statistics.mean(r[i] for r in rs) for i in range(1, 6)]
        print(f"{lo:3d}-{hi:3d}  {statistics.median(r[0] for r in rs):9.2f}  {means[0]:7.2f}  {means[1]:6.1f}  "
              f"{means[2]:7.1f}  {means[3]:7.0f}  {means[4]:9.1f}")
    print(f"all {len(rows)}: resumes {len(gaps)} ({gaps.count(2)} back one round); final rounds "
          f"{sum(r[2] for r in rows)}; rounds from a late state's joining to its conflict {sum(gaps)}; "
          f"volleys evaluated {volleys[0]}")


if __name__ == "__main__":
    main()
