"""Marks each cascade phase (`cascades.PHASES`) while it runs, for the scripts that count or time by phase."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from cascades import PHASES, arg, band, scenarios

from foedus.engine.cascade import run_cascade


class Current:
    """The outermost phase running now ('rest': the rounds' own loop), set by wrappers on the phases' methods (kept
    in a one-item list, as session 23's scripts did, so the wrappers run the same opcodes as theirs)."""

    def __init__(self) -> None:
        self.now = ["rest"]

    def install(self) -> None:
        for name, owner, method in PHASES:
            setattr(owner, method, self._within(name, getattr(owner, method)))

    def _within(self, name: str, m: Callable[..., Any]) -> Callable[..., Any]:
        now = self.now

        def run(*a: Any, **k: Any) -> Any:
            outer = now[0]
            now[0] = name if outer == "rest" else outer
            # `try` and its call on one line, as session 23's wrapper had them: a `try:` line of its own runs a NOP
            try: return m(*a, **k)  # noqa: E701
            finally:
                now[0] = outer
        return run


class Clock:
    """Time spent in each phase but the volleys (a phase's time includes any phase it calls), by `clock`."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.spent: defaultdict[str, float] = defaultdict(float)

    def install(self) -> None:
        for name, owner, method in PHASES:
            if name != "volleys":
                setattr(owner, method, self._timed(name, getattr(owner, method)))

    def _timed(self, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = self.clock()
            try:
                return method(*args, **kwargs)
            finally:
                self.spent[name] += self.clock() - start
        return run


def timed_run(clock: Callable[[], float]) -> None:
    """Print the p50 of `clock` per cascade over the first N of the dyads (argv: DAY N) and, over the median band,
    each phase's share of the time (the volleys and the rounds' loop are the rest)."""
    world, scen = scenarios(arg(1), int(arg(2)))
    phases = Clock(clock)
    phases.install()
    rows = []
    for s in scen:
        phases.spent.clear()
        start = clock()
        run_cascade(world, s)
        rows.append((clock() - start, dict(phases.spent)))
    rows.sort(key=lambda r: r[0])
    mid = band(rows)
    print(f"p50 ms {rows[len(rows) // 2][0] * 1e3:.3f}")
    total = sum(r[0] for r in mid)
    for name in ("result", "records", "settle", "next", "resume", "save"):
        print(name, f"{100 * sum(r[1].get(name, 0) for r in mid) / total:.1f}%")
