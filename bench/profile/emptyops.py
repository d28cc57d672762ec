"""Opcodes in Binder.volley and Binder.records calls that add nothing to the ledger, against those that add
something, per cascade in the median band (35th-65th percentile by opcodes) of every STEP-th of bench_speed's
1,000 dyads, the others run untraced between (stores warm).

Run: python bench/profile/emptyops.py DAY STEP"""

from __future__ import annotations

from collections.abc import Callable
from types import FrameType
from typing import Any

from cascades import arg, band, scenarios, traced

from foedus.engine import bind
from foedus.engine.cascade import run_cascade

KEYS = [f"{n}{e}{x}" for n in ("volley", "records") for e in (" empty", " finding") for x in ("", " n")]


def size(binder: bind.Binder) -> tuple[int, ...]:
    """What the ledger holds: bound, joins, duties, withheld legs, consultations, violations."""
    led = binder.ledger
    return (len(led.bound), sum(map(len, led.joins.values())), len(led.duties), len(led.withheld),
            len(led.consultations), len(led.violations))


def main() -> None:
    step = int(arg(2))
    world, scen = scenarios(arg(1))
    count, calls = [0], dict.fromkeys(KEYS, 0)

    def wrap(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def run(self: bind.Binder, *args: Any) -> None:  # the opcodes of the call, its own size() but the last
            before = size(self)
            start = count[0]
            method(self, *args)
            ran = count[0] - start
            empty = size(self) == before
            calls[name + (" empty" if empty else " finding")] += ran
            calls[name + (" empty n" if empty else " finding n")] += 1
        return run

    bind.Binder.volley = wrap("volley", bind.Binder.volley)  # type: ignore[method-assign]
    bind.Binder.records = wrap("records", bind.Binder.records)  # type: ignore[method-assign]

    def hit(_frame: FrameType) -> None:
        count[0] += 1

    rows = []
    for j, s in enumerate(scen):
        if j % step:
            run_cascade(world, s)
            continue
        calls.update(dict.fromkeys(KEYS, 0))
        count[0] = 0
        traced(world, s, hit)
        rows.append((count[0], dict(calls)))
    rows.sort(key=lambda r: r[0])
    mid = band(rows)
    total = sum(r[0] for r in mid)
    print("median band opcodes per cascade", total // len(mid))
    for k in KEYS:
        v = sum(r[1][k] for r in mid)
        print(f"{k:22s} {v / len(mid):9.1f}" + ("" if k.endswith(" n") else f"  {100 * v / total:.1f}%"))


if __name__ == "__main__":
    main()
