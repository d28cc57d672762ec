"""What the profiling scripts share: bench_speed.py's 1,000 random ordered dyads as escalatory scenarios (the leg
table warm), an opcode tracer (`sys.settrace`), the median band, and wrappers that mark a cascade's phases.

Each script is run from the repository root with the tree to measure on PYTHONPATH, e.g.
`FOEDUS_DATA_DIR=/work/shared/data PYTHONPATH=src python bench/profile/phfun.py 2025-06-01 10`."""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any, TypeVar

from foedus.engine import bind, cascade
from foedus.engine.scenario import Scenario, build_scenario
from foedus.engine.table import leg_table
from foedus.model.world import World
from foedus.sweeps.atlas import dyad_members

T = TypeVar("T")
DYADS = 1000  # bench_speed.py's cascades suite draws 1,000 ordered dyads, seed 15
SEED = 15

# The phases of a cascade, as (name, class, method): a call of the method, and all it calls, counts for the phase.
PHASES: tuple[tuple[str, type, str], ...] = (
    ("volleys", bind.Binder, "volley"), ("settle", cascade._Run, "_settle"), ("next", cascade._Run, "_next"),
    ("resume", cascade._Run, "_resume"), ("records", cascade._Run, "_records"), ("result", cascade._Run, "result"),
    ("save", cascade._Run, "_save"))


def arg(i: int, default: str | None = None) -> str:
    """The i-th command-line argument (1-based), or `default`; a missing one without a default is an error."""
    if len(sys.argv) > i:
        return sys.argv[i]
    if default is None:
        sys.exit(f"usage: see the docstring of {sys.argv[0]}")
    return default


def scenarios(day: str, n: int = DYADS, step: int = 1) -> tuple[World, list[Scenario]]:
    """The world and every `step`-th of the first `n` of bench_speed's dyads as escalatory scenarios at `day`."""
    world, when = World.default(), dt.date.fromisoformat(day)
    members = dyad_members(world, when)
    rng = random.Random(SEED)
    pairs = [tuple(rng.sample(members, 2)) for _ in range(n)][::step]
    assert leg_table(world, when).by_beneficiary
    return world, [build_scenario(world, attacker=a, target=b, date=when, reading="escalatory") for a, b in pairs]


def traced(world: World, scenario: Scenario, hit: Callable[[FrameType], None]) -> None:
    """Run one cascade with `hit` called on every Python opcode it executes."""
    traced_call(lambda: cascade.run_cascade(world, scenario), hit)


def traced_call(call: Callable[[], T], hit: Callable[[FrameType], None]) -> T:
    """`call()`, with `hit` called on every Python opcode it executes."""

    def tracer(frame: FrameType, event: str, _arg: object) -> Any:
        frame.f_trace_opcodes = True
        if event == "opcode":
            hit(frame)
        return tracer

    sys.settrace(tracer)
    try:
        return call()
    finally:
        sys.settrace(None)


def two_reads(scen: Sequence[Scenario], first: Callable[[Scenario], Callable[[], T]],
              second: Callable[[T], Callable[[], object]], step: int, by_both: bool) -> tuple[int, int, int, int]:
    """Opcodes of a call (`first(scenario)`, the call to trace) and then of a read of what it gave (`second(value)`),
    over `scen` in order, every `step`-th traced (the rest run, both parts, untraced between: each per-table store as
    warm as an untraced reader has it): the median band's count, the traced count, and its means a dyad of the call
    and of the read. The band is by the call's opcodes, or with `by_both` by the two together."""
    count = [0]

    def hit(_frame: FrameType) -> None:
        count[0] += 1

    rows = []
    for j, s in enumerate(scen):
        if j % step:
            second(first(s)())()
            continue
        count[0] = 0
        value = traced_call(first(s), hit)
        one = count[0]
        count[0] = 0
        traced_call(second(value), hit)
        rows.append((one + count[0] if by_both else one, one, count[0]))
    rows.sort(key=lambda r: r[0])
    mid = band(rows)
    n = len(mid)
    return n, len(rows), sum(r[1] for r in mid) // n, sum(r[2] for r in mid) // n


def band(rows: Sequence[T]) -> Sequence[T]:
    """The median band of sorted rows: the 35th to the 65th percentile."""
    return rows[int(.35 * len(rows)):int(.65 * len(rows))]


def where(frame: FrameType) -> tuple[str, str, int]:
    """A frame's function: its file's name, the function's name and first line."""
    code = frame.f_code
    return code.co_filename.rsplit("/", 1)[-1], code.co_name, code.co_firstlineno
