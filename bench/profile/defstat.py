"""Counts per cascade in Binder._defence over every STEP-th of bench_speed's 1,000 dyads (only those run, first
pass): calls, early returns, obligors and legs looked at, and the ledger's binds (new keys, keys of earlier rounds).

Run: python bench/profile/defstat.py DAY STEP"""

from __future__ import annotations

from collections import Counter
from typing import Any

from cascades import arg, scenarios

from foedus.engine import bind
from foedus.engine.cascade import run_cascade


def count(c: Counter[str]) -> None:
    """Wrap _defence, Ledger.bind and Binder.volley with counters (the first repeats _defence's opening)."""
    defence, bind_, volley = bind.Binder._defence, bind.Ledger.bind, bind.Binder.volley

    def counted_defence(self: bind.Binder, vol: Any, key: Any, owed: Any, ctx: Any, state: Any, waiting: Any) -> None:
        c["calls"] += 1  # `volley` calls `_defence` only with legs waiting on the key (`waiting`, never empty)
        if not waiting:
            c["nothing waiting"] += 1
        else:
            todo = waiting.keys() - state.settled[state.side_of[vol.victim]]
            c["waiting obligors"] += len(waiting)
            if not todo:
                c["none todo"] += 1
            c["todo obligors"] += len(todo)
            c["todo legs"] += sum(len(waiting[o]) for o in todo)
            c["attackers"] += len(vol.attackers)
        defence(self, vol, key, owed, ctx, state, waiting)

    def counted_bind(self: bind.Ledger, key: Any, found: Any) -> None:
        c["bind calls"] += 1
        held = self.bound.get(key)
        if held is None:
            c["bind new"] += 1
        elif held[0] != found[0]:
            c["bind earlier round"] += 1
        bind_(self, key, found)

    def counted_volley(self: bind.Binder, vol: Any, ctx: Any, state: Any) -> None:
        c["volleys"] += 1
        owed = self._owed.get(vol.victim) or self.owed(vol.victim)
        if owed.defence:
            c["volleys w/ defence"] += 1
        volley(self, vol, ctx, state)

    bind.Binder._defence = counted_defence  # type: ignore[method-assign]
    bind.Ledger.bind = counted_bind  # type: ignore[method-assign]
    bind.Binder.volley = counted_volley  # type: ignore[method-assign]


def main() -> None:
    world, scen = scenarios(arg(1), step=int(arg(2)))
    c: Counter[str] = Counter()
    count(c)
    for s in scen:
        run_cascade(world, s)
    for k, v in c.items():
        print(f"{k:25s} {v / len(scen):9.1f}")


if __name__ == "__main__":
    main()
