"""The Why? panel's invocation history marks an invocation dated only to a window that holds the scenario's date
"(possibly after this date)" (warwords7, session 65): the mark "(after this date)" read the recorded day alone, so
Armenia's CSTO appeal of May 2021 (recorded on the 14th, known only to the month) was unmarked on 20 May 2021,
though it may have come after, and marked "after" on 10 May, though it may have come before. The treaty's JSON gives
each such invocation's `window` (`foedus.model.windows.date_window`); web/src/invocationafter.ts reads it (run in
node: tests/ts_said.py)."""

from __future__ import annotations

import datetime as dt

from foedus.catalog import treaty_detail
from foedus.model.windows import date_window
from foedus.model.world import World
from ts_said import run_ts


def test_an_invocation_known_to_a_month_is_possibly_after_a_day_in_it() -> None:
    """Each of the CSTO's invocations: after the date before its window, possibly after a day inside it before its
    end, not after from its window's last day; one known to the day is after the date or not."""
    world = World.default()
    rows = treaty_detail(world, "csto_1992")["invocations"]
    dated = [(r, i) for r, i in zip(rows, world.treaty("csto_1992").invocations, strict=True)]
    windowed = [(r, i) for r, i in dated if i.date_certainty is not None and i.date_certainty.within == "month"]
    assert windowed and all(r["window"] == [d.isoformat() for d in date_window(i.date, i.date_certainty)]
                            for r, i in windowed)
    assert all("window" not in r for r, i in dated if i.date_certainty is None)
    calls, want = [], []
    for r, i in windowed:
        first, last = (dt.date.fromisoformat(d) for d in r["window"])
        for day, mark in ((first - dt.timedelta(days=1), " (after this date)"), (first, " (possibly after this date)"),
                          (i.date, " (possibly after this date)"), (last, "")):
            calls.append(("invocationafter", "invocationAfter", [r, day.isoformat()]))
            want.append(mark)
    plain = next(r for r, i in dated if i.date_certainty is None)
    day = dt.date.fromisoformat(plain["date"])
    for on, mark in ((day - dt.timedelta(days=1), " (after this date)"), (day, "")):
        calls.append(("invocationafter", "invocationAfter", [plain, on.isoformat()]))
        want.append(mark)
    assert run_ts(calls) == want
