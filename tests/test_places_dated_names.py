"""A place's holder on a date is named as the state was called on that date (`StateRegistry.names_on`): the Donbas
in 1979 is held by the Soviet Union, not by "Russia"; the home of Serbia in 1942 is that of Yugoslavia (SRB)."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.errors import UnknownPlaceError
from foedus.model.place_spans import spanned


def test_an_areas_places_are_held_by_the_state_as_called_on_the_day(world) -> None:  # type: ignore[no-untyped-def]
    day = dt.date(1979, 12, 24)
    holder = world.places.places["donetsk-oblast"].on(day)
    assert (holder.sovereign or holder.administrator) == "RUS"  # the id stays
    said = spanned("donbas", world.places.places, world.states, day)
    assert "donetsk-oblast (Soviet Union)" in said and "(Russia)" not in said, said
    with pytest.raises(UnknownPlaceError, match=r"donetsk-oblast \(Soviet Union\)"):
        world.places.resolve("Donbas", world.states, day)


def test_the_home_of_a_state_that_is_no_state_is_named_as_on_the_day(world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownPlaceError, match=r"^the place 'serbia' is the home territory of Yugoslavia \(SRB\), "
                                                r"which is no state of the system on 1942-01-01 "):
        world.places.resolve("serbia", world.states, dt.date(1942, 1, 1))


def test_foedus_places_on_a_date_names_a_home_as_its_state_was_called(world) -> None:  # type: ignore[no-untyped-def]
    """`foedus places --homes --date 1979-12-24` listed the place `russia` as "Russia": the Soviet Union's home then;
    undated, and for a state called today as then, the name stays."""
    from foedus.catalog import place_rows

    rows = {r["id"]: r for r in place_rows(world, True, dt.date(1979, 12, 24))}
    assert (rows["russia"]["name"], rows["russia"]["sovereign"]) == ("Soviet Union", "RUS")
    assert rows["russia"]["note"] == "home territory of Soviet Union"
    assert rows["france"]["name"] == "France"
    assert {r["id"]: r for r in place_rows(world, True)}["russia"]["name"] == "Russia"
    assert "russia" not in {r["id"] for r in place_rows(world, False, dt.date(1979, 12, 24))}


def test_the_cli_lists_the_places_of_a_date_by_that_days_names(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from foedus.cli.show import print_places

    print_places(False, True, "json", "1941-06-01")
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["serbia"]["name"] == "Yugoslavia" and rows["serbia"]["id"] == "serbia"


def test_a_snapshots_gazetteer_names_a_home_as_its_state_was_called(world) -> None:  # type: ignore[no-untyped-def]
    """`Gazetteer.called` reads a home's owner from a lookup made on first use: a gazetteer the snapshot codec
    restores without `__post_init__` (foedus.model.codec) names every home as the built one does."""
    from foedus.model.codec import parts_from_plain, parts_to_plain

    restored = parts_from_plain(parts_to_plain(({}, world.states, world.places)))[2]
    names = world.states.names_on(dt.date(1979, 12, 24))
    homes = [world.places.places[p] for p in world.places.home_of.values()]
    assert [restored.called(p, names) for p in homes] == [world.places.called(p, names) for p in homes]
    assert restored.called(world.places.places["russia"], names) == "Soviet Union"
