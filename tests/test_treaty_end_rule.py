"""The days a treaty stops binding have one form, `TreatyRules.stops` (its termination, and the day after its source's
coverage ends): the leg table reads it through `in_effect`, and the war replay's timeline of changes
(`foedus.war.changes`), on whose days the replay looks again, reads it too, so that a change to the rule there moves
both alike (the timeline used to work out the days itself, beside `in_effect`)."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.model.behaviour import TreatyRules
from foedus.model.world import World
from foedus.war.changes import treaty_changes

TREATY = "usa_roc_1954"  # the Sino-American Mutual Defense Treaty, terminated 1980-01-01


def _ends(world: World) -> list[tuple[dt.date, str]]:
    """The days the timeline of changes says the treaty stops binding."""
    treaty = world.treaty(TREATY)
    days = treaty_changes([treaty], "in-force", dt.date(1979, 1, 1), dt.date(1981, 1, 1), {})
    return [(day, c.what) for day, changes in days.items() for c in changes
            if c.what in ("terminated", "coverage-ends")]


def test_the_timeline_reads_the_day_a_treaty_stops_where_the_rule_is(world: World,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    treaty = world.treaty(TREATY)
    assert _ends(world) == [(dt.date(1980, 1, 1), "terminated")]
    assert not treaty.in_effect(dt.date(1980, 1, 5))
    stops = TreatyRules.stops

    def ten_days_later(self: TreatyRules) -> tuple[tuple[dt.date, str], ...]:  # a changed rule
        return tuple((day + dt.timedelta(days=10), why) for day, why in stops(self))

    monkeypatch.setattr(TreatyRules, "stops", ten_days_later)
    assert _ends(world) == [(dt.date(1980, 1, 11), "terminated")]
    assert treaty.in_effect(dt.date(1980, 1, 5))  # the table reads the same rule
