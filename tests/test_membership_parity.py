"""The web form and map decide whether a state is in the state system on a date with their own copy of the rule
(web/src/membership.ts `existsOn`, read synchronously per state and frame, so it is kept rather than asking
/api/resolve for each); it must not disagree with the server's (`State.member_on`, which the engine and
`/api/states?date=` read) silently: both are asked about every bundled state on the days around each of its spells'
ends, the system's first day and a present day."""

from __future__ import annotations

import datetime as dt

from foedus.catalog import state_rows
from foedus.model.world import World
from ts_said import run_ts

_ONE = dt.timedelta(days=1)


def _days(spells: list[tuple[dt.date, dt.date | None]]) -> list[dt.date]:
    """The days where membership turns (each spell's first and last, the days either side), and fixed ones."""
    days = {dt.date(1815, 12, 31), dt.date(1816, 1, 1), dt.date(2025, 6, 1), dt.date(2100, 12, 31)}
    for start, end in spells:
        days |= {start - _ONE, start, start + _ONE}
        if end is not None:
            days |= {end - _ONE, end, end + _ONE}
    return sorted(d for d in days if dt.date(1815, 1, 1) <= d <= dt.date(2100, 12, 31))


def test_exists_on_agrees_with_the_server_on_every_bundled_state() -> None:
    states = World.default().states
    rows = {row["id"]: row for row in state_rows(states, None)}
    asked = [(s.id, day) for s in states for day in _days(list(s.spells))]
    said = run_ts([("membership", "existsOn", [rows[i], day.isoformat()]) for i, day in asked])
    server = [states.get(i).member_on(day) is not False for i, day in asked]
    wrong = [(i, str(day), web) for (i, day), web, srv in zip(asked, said, server, strict=True) if web != srv]
    assert len(asked) > 1000 and not wrong, wrong[:10]
