"""Opcodes by phase and function in the median band (35th-65th percentile) of every STEP-th of bench_speed's 1,000
dyads at DAY, each cascade traced on its first pass (stores as warm as the dyads before it left them).

Run: python bench/profile/phfun.py DAY STEP [TOP]   (only the traced dyads run, as bench_cascade_work.py's do)
phfun1000.py runs the untraced dyads in between too, as bench_speed.py does."""

from __future__ import annotations

from collections import Counter
from types import FrameType

from cascades import arg, band, scenarios, traced, where
from phases import Current

from foedus.engine.cascade import run_cascade


def by_function(step: int, between: bool) -> None:
    """Print the median band's opcodes per cascade and by phase, then each phase's TOP functions."""
    day, top = arg(1), int(arg(3, "25"))
    world, scen = scenarios(day, step=1 if between else step)
    phase = Current()
    phase.install()
    per = []
    for j, s in enumerate(scen):
        if between and j % step:
            run_cascade(world, s)
            continue
        fn: Counter[tuple[str, str, str, int]] = Counter()

        def hit(frame: FrameType, fn: Counter[tuple[str, str, str, int]] = fn) -> None:
            fn[(phase.now[0], *where(frame))] += 1

        traced(world, s, hit)
        per.append((sum(fn.values()), fn))
    per.sort(key=lambda x: x[0])
    mid = band(per)
    total: Counter[tuple[str, str, str, int]] = Counter()
    for _, fn in mid:
        total.update(fn)
    ops, n = sum(total.values()), len(mid)
    by_phase: Counter[str] = Counter()
    for k, v in total.items():
        by_phase[k[0]] += v
    print("median band per dyad", ops // n, {k: f"{v / ops * 100:.1f}% {v // n}" for k, v in by_phase.most_common()})
    for name, _ in by_phase.most_common():
        print("==", name)
        for k, v in sorted(((k, v) for k, v in total.items() if k[0] == name), key=lambda kv: -kv[1])[:top]:
            print(f"  {v / ops * 100:5.2f}% {v // n:7d} {k[1:]}")


if __name__ == "__main__":
    by_function(int(arg(2)), between=False)
