"""A home territory's owner is one rule (`Gazetteer.owner`): the engine's citations, the gazetteer and `foedus places
--date` name a place alike on every day its holder changes. The engine named a held home territory by its holder that
day: IND attacking PAK at East Pakistan in 1965 read "at Bangladesh" in the result's header and "Pakistan is within
the scope of art. VIII" in each Manila Pact obligation's conditions."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

import foedus
from foedus.catalog import place_rows
from foedus.engine.citing import Certifier
from foedus.model.world import World

pytestmark = pytest.mark.needs_data  # the states' COW dates tell what each state was called on a day

_DAY = dt.timedelta(days=1)


def _change_days(world: World) -> list[dt.date]:
    """Every day a bundled place's dated holder or dated name starts or ends, and the day either side."""
    edges = {d for p in world.places.places.values() for h in (*p.history, *p.dated_names) for d in (h.start, h.end)
             if d is not None}
    return sorted({d + k * _DAY for d in edges for k in (-1, 0, 1)})


def test_the_engine_and_the_gazetteer_name_every_place_alike_on_every_change_day(world: World) -> None:
    """For every bundled place (home territories too) on every day a holder changes, and one day either side: the
    engine's name for the attacked place (`Certifier.called`, what an obligation's conditions say), the gazetteer's
    (`Gazetteer.called`, the result's header) and `foedus places --homes --date`'s row agree, and a home
    territory's owner stays the state it is the home of, whoever holds it."""
    days = _change_days(world)
    assert len(days) > 100  # the Baltic states, Bangladesh, Crimea and the rest
    gazetteer, table = world.places, SimpleNamespace(derived=lambda key, make: make())
    differ = []
    for day in days:
        held, names = gazetteer.on(day), world.states.names_on(day)
        scenario = SimpleNamespace(territory_view="recognized")
        engine = Certifier.of(scenario, held, table, names)  # type: ignore[arg-type]
        listed = {row["id"]: row["name"] for row in place_rows(world, True, day)}
        for pid, place in held.items():
            said = {engine.called(pid), gazetteer.called(place, names), listed[pid]}
            if len(said) != 1:
                differ.append((pid, day.isoformat(), sorted(said)))
    assert differ == []
    homes = [p for p in gazetteer.places.values() if p.kind == "home"]
    assert {gazetteer.owner(p.id) for p in homes if p.history} >= {"EST", "LVA", "LTU", "BGD"}
    assert [p.id for p in homes if gazetteer.owner(p.id) != p.sovereign] == []  # the state it was made the home of


def test_a_cascade_at_east_pakistan_in_1965_names_it_alike_in_header_and_conditions(world: World) -> None:
    """East Pakistan (`bangladesh`, PAK's that day): each obligation's scope condition names the place as the header
    does, not as Pakistan, whose own home is another place."""
    result = foedus.cascade("IND", "PAK", "1965-09-06", place="bangladesh", world=world)
    header = result.place_names["bangladesh"]
    scoped = [c for j in result.joiners for o in (j.primary, *j.also) for c in o.conditions if "within the scope" in c]
    assert scoped and all(c.startswith(f"{header} is within the scope") for c in scoped), (header, scoped)
    assert header != world.states.names_on(dt.date(1965, 9, 6))["PAK"]
