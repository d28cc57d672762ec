"""A place no dated record covers on a day shows its holders of today: `foedus cascade -a DEU -t RUS --place narva
-d 1900-01-01` was refused saying Narva was territory of Estonia (EST), a state only from 1918, and `foedus places
--date 1900-01-01` listed Narva as Estonia's and the West Bank as Israel's administration, unsaid. The refusal now
says the holder is no state then and who held it is not recorded; the listing says which places it shows so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from samples import cli_line, error_line

pytestmark = pytest.mark.needs_data  # the states' COW dates tell who is a state on the day


def test_a_refusal_says_the_holder_of_today_was_no_state_then() -> None:
    """Narva in 1900, the Åland Islands in 1905: not known to be the Russian Empire's, not said to be Estonia's or
    Finland's; a place held on the day by a state of the system is refused as before (Kursk Oblast, Russia's)."""
    said = error_line(["cascade", "-a", "DEU", "-t", "RUS", "-d", "1900-01-01", "--place", "narva"])
    assert said == ("Narva (narva) is not known to be territory of Russian Empire (RUS) on 1900-01-01: the gazetteer "
                    "gives it to Estonia (EST), its holder today, no state of the system then, and records no holder "
                    "of it on that day; use --target-kind forces")
    said = error_line(["cascade", "-a", "JPN", "-t", "RUS", "-d", "1905-01-01", "--place", "aland-islands"])
    assert "not known to be territory of Russian Empire (RUS)" in said and "Finland (FIN), its holder today" in said
    said = error_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--place", "kursk-oblast"])
    assert said.startswith("Kursk Oblast (kursk-oblast) is not territory of Estonia (EST) under the recognized view")


def test_places_on_a_day_names_the_rows_it_shows_with_a_later_holder() -> None:
    """`foedus places --date` says how many rows show today's holders and claimants because one of them is no state
    that day (Narva's Estonia, the West Bank's Israel in 1900), naming some; a day where all are states says
    nothing more than the areas' note; a home territory is its state's by definition, never counted."""
    code, _, err = cli_line(["places", "--date", "1900-01-01", "--json"])
    notes = [line for line in err.splitlines() if "today's holders" in line]
    assert code == 0 and len(notes) == 1
    assert notes[0].startswith("note: ") and "no state of the system on 1900-01-01" in notes[0]
    assert "aland-islands: Finland (FIN)" in notes[0] and "more)" in notes[0]
    code, _, err = cli_line(["places", "--date", "2025-06-01", "--homes"])
    assert code == 0 and "today's holders" not in err
    code, _, err = cli_line(["places", "--date", "1960-01-01"])
    assert code == 0 and "narva: Estonia (EST)" in err and "west-bank" not in err  # Jordan's then, a record says


def test_the_apis_places_of_a_date_name_the_holders_no_state_then(web_client: Callable[..., Any]) -> None:
    """/api/places had no date, where `foedus places --date 1900-01-01` notes the places it shows with today's
    holders: it takes one, and each such place names those holders under `holders_not_then`, the note's places and
    states; a day where all are states, or no date, adds the key to no place."""
    from foedus.model.world import World
    from foedus.state_lists import holders_not_then

    world, day = World.default(), dt.date(1900, 1, 1)
    with web_client() as client:
        rows = {r["id"]: r for r in client.get("/api/places", params={"date": "1900-01-01"}).json()}
        assert rows["narva"]["holders_not_then"] == ["EST"] and rows["aland-islands"]["holders_not_then"] == ["FIN"]
        assert {pid: r["holders_not_then"] for pid, r in rows.items() if "holders_not_then" in r} == {
            pid: [s.id for s in held] for pid in rows
            if (held := holders_not_then(world, world.places.places[pid], day, "claimant"))}
        for params in ({"date": "2025-06-01", "homes": "true"}, {}):
            assert not any("holders_not_then" in r for r in client.get("/api/places", params=params).json())
