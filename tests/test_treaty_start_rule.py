"""The day a treaty starts binding has one form, `TreatyRules.starts` (its signature or its entry into force, by the
basis): the leg table reads it through `in_effect`, and the war replay's timeline of changes (`foedus.war.changes`),
on whose days the replay looks again, reads it too, so that a change to the rule there moves both alike (the timeline
used to pick the day itself, so the replay looked on the old day, found no change, and saw the treaty bind late)."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.api import replay_war
from foedus.model.behaviour import TreatyRules
from foedus.model.world import World

WAR = "russia_ukraine_2022"


def _first_bound(world: World) -> dt.date | None:
    """The day the replay finds North Korea first bound (Russia–DPRK 2024, in force 2024-12-04), on a world of its
    own (no leg table compiled under another rule)."""
    own = World(treaties=world.treaties, states=world.states, places=world.places)
    bound = replay_war(WAR, world=own, until="2025-06-30").first_bound("PRK")
    return None if bound is None else bound.date


def test_the_replay_reads_the_day_a_treaty_starts_where_the_rule_is(world: World, monkeypatch: pytest.MonkeyPatch
                                                                    ) -> None:
    assert _first_bound(world) == dt.date(2024, 12, 4)
    starts = TreatyRules.starts

    def ten_days_later(self: TreatyRules, basis: str = "in-force") -> dt.date | None:  # a changed rule
        day = starts(self, basis)  # type: ignore[arg-type]
        return None if day is None else day + dt.timedelta(days=10)

    monkeypatch.setattr(TreatyRules, "starts", ten_days_later)
    assert _first_bound(world) == dt.date(2024, 12, 14)


def test_the_in_force_doubt_reads_the_day_a_treaty_starts_where_the_rule_is(world: World,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A doubt that the treaty was in force on the day reads its parties on the day it starts (`read_as`), the day
    the date rule gives: it used to read `in_force` itself, so a change to the rule moved the table but not the
    doubt's reading of it."""
    from foedus.engine.assumption import Assumption, read_as

    nato = world.treaty("nato_1949")
    assert nato.in_force is not None
    hypo = (Assumption("nato_1949", "in force"),)
    day = nato.in_force - dt.timedelta(days=30)
    assert read_as(nato, day, "in-force", hypo) == (nato.in_force, "in-force")
    starts = TreatyRules.starts

    def ten_days_later(self: TreatyRules, basis: str = "in-force") -> dt.date | None:  # a changed rule
        start = starts(self, basis)  # type: ignore[arg-type]
        return None if start is None else start + dt.timedelta(days=10)

    monkeypatch.setattr(TreatyRules, "starts", ten_days_later)
    assert read_as(nato, day, "in-force", hypo) == (nato.in_force + dt.timedelta(days=10), "in-force")
