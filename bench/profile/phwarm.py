"""Wall-clock time (time.perf_counter_ns) by phase over bench_speed's dyads at DAY, each result's joiners read
(`len(result.joiners)`, its own line: `read`), warm: a first pass untimed, then PASSES passes timed: the p50 per
cascade, and each phase's share of the median band's time, the volleys (`Binder.volley`) and the records pass's
rules (`Binder._nonaggression`, `Binder._consultations`, within `records`) among them; the rounds' loop is the rest.
Each wrapper's own call is in its phase's time (about 157 volleys a cascade at 2025).

Run: python bench/profile/phwarm.py DAY [PASSES]"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from cascades import PHASES, arg, band, scenarios

from foedus.engine import bind
from foedus.engine.cascade import run_cascade

RULES = (("nonaggression", bind.Binder, "_nonaggression"), ("consultations", bind.Binder, "_consultations"))
SHOWN = ("volleys", "records", "nonaggression", "consultations", "result", "read", "settle", "next", "resume", "save")
spent: defaultdict[str, int] = defaultdict(int)


def timed(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter_ns()
        try:
            return method(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter_ns() - start

    return run


def main() -> None:
    world, scen = scenarios(arg(1))
    for s in scen:
        len(run_cascade(world, s).joiners)
    for name, owner, method in PHASES + RULES:
        setattr(owner, method, timed(name, getattr(owner, method)))
    rows = []
    for _ in range(int(arg(2, "2"))):
        for s in scen:
            spent.clear()
            start = time.perf_counter_ns()
            result = run_cascade(world, s)
            ran = time.perf_counter_ns()
            len(result.joiners)
            spent["read"] = time.perf_counter_ns() - ran
            rows.append((spent["read"] + ran - start, dict(spent)))
    rows.sort(key=lambda r: r[0])
    mid = band(rows)
    print(f"p50 ms {rows[len(rows) // 2][0] / 1e6:.3f}")
    total = sum(r[0] for r in mid)
    for name in SHOWN:
        print(name, f"{100 * sum(r[1].get(name, 0) for r in mid) / total:.1f}%")


if __name__ == "__main__":
    main()
