"""A place is called on a day as a reader of that day knew it (`names` in place_history.yaml, `Place.name_on`):
Bangladesh was East Bengal from 1947 and East Pakistan from 1955 to 1971. A cascade at `bangladesh` in 1965 said
"at Bangladesh" in its header and "Bangladesh is within the scope of art. VIII" in its conditions, of a state that
came to be six years later; `foedus places --date` and the web's /api/places named it alike."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import foedus
from foedus.catalog import place_rows
from foedus.errors import TreatyDataError
from foedus.model.gazetteer_build import add_history
from foedus.model.world import World
from foedus.render import explain_text

pytestmark = pytest.mark.needs_data  # the states' COW dates tell what each state was called on a day


@pytest.mark.parametrize(("day", "called"), [("1950-01-01", "East Bengal"), ("1955-10-13", "East Bengal"),
                                             ("1955-10-14", "East Pakistan"), ("1971-12-15", "East Pakistan")])
def test_a_cascade_names_the_place_as_on_its_day_in_header_and_conditions(world: World, day: str,
                                                                         called: str) -> None:
    """Pakistan attacked at `bangladesh` before 1971: the header, each scope condition and the text name the place
    as it was called then, never as the state it later became."""
    result = foedus.cascade("IND", "PAK", day, place="bangladesh", world=world)
    assert result.place_names["bangladesh"] == called
    text = explain_text(result)
    assert f"Pakistan (PAK) at {called} (territory)" in text and "Bangladesh" not in text
    scoped = [c for j in result.joiners for o in (j.primary, *j.also) for c in o.conditions if "within the scope" in c]
    assert all(c.startswith(f"{called} is within the scope") for c in scoped)
    assert scoped or day < "1955-02-19"  # the Manila Pact binds from 19 Feb 1955


def test_places_lists_the_dated_name_with_its_holders_note(world: World) -> None:
    """`foedus places --homes --date` names the place as then, and keeps its holder's note: it is no state's home
    territory that day ("home territory of East Pakistan" would call it a state); from 16 Dec 1971 it is Bangladesh's
    home, named as its state."""
    from foedus.cli.app import app

    out = CliRunner().invoke(app, ["places", "--homes", "--date", "1965-09-06", "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    row = next(r for r in (rows["places"] if isinstance(rows, dict) else rows) if r["id"] == "bangladesh")
    assert row["name"] == "East Pakistan" and row["sovereign"] == "PAK"
    assert "home territory of" not in (row["note"] or "")
    later = next(r for r in place_rows(world, True, dt.date(1971, 12, 16)) if r["id"] == "bangladesh")
    assert (later["name"], later["note"]) == ("Bangladesh", "home territory of Bangladesh")  # its state's from then
    for old in ("East Pakistan", "East Bengal", "east-pakistan"):  # the old names still find it
        assert world.places.resolve(old).id == "bangladesh"


def test_the_api_lists_places_as_on_a_date(api_client: TestClient) -> None:
    """/api/places takes `date`, as `foedus places --date`: East Pakistan in 1965, Bangladesh today; a malformed date
    is a clear 4xx."""
    def bangladesh(query: str) -> dict[str, Any]:
        rows = api_client.get(f"/api/places?homes=true{query}").json()
        return next(r for r in rows if r["id"] == "bangladesh")

    assert bangladesh("&date=1965-09-06")["name"] == "East Pakistan"
    assert bangladesh("")["name"] == "Bangladesh"
    bad = api_client.get("/api/places?date=1965-13-45")
    assert 400 <= bad.status_code < 500 and "1965-13-45" in bad.text


def test_a_dated_name_that_is_the_places_own_is_refused(world: World) -> None:
    """A dated name is one the place had otherwise: its own name in `names` is a data error naming the entry."""
    places = dict(world.places.places)
    entry = {"names": [{"name": "Bangladesh", "start": "1950-01-01", "source": "https://example.org/x"}]}
    with pytest.raises(TreatyDataError, match=r"bangladesh\.names.*own name"):
        add_history(places, world.places.regions, world.states, {"bangladesh": entry})


@pytest.mark.parametrize(("place", "last", "old", "new"), [
    ("luhansk-oblast", "1958-03-04", "Voroshilovgrad Oblast", "Luhansk Oblast"),
    ("luhansk-oblast", "1990-05-03", "Voroshilovgrad Oblast", "Luhansk Oblast"),
    ("donetsk-oblast", "1961-11-08", "Stalino Oblast", "Donetsk Oblast")])
def test_the_donbas_oblasts_are_called_as_on_the_day(world: World, place: str, last: str, old: str, new: str) -> None:
    """Luhansk Oblast was Voroshilovgrad Oblast in 1938-58 and 1970-90, Donetsk Oblast Stalino Oblast to 1961: a
    Soviet-era cascade there, and `foedus places --date`, name it so to the last day, and by today's name the day
    after; the old name finds the place."""
    for day, called in ((dt.date.fromisoformat(last), old), (dt.date.fromisoformat(last) + dt.timedelta(days=1), new)):
        assert foedus.cascade("USA", "RUS", day, place=place, world=world).place_names[place] == called
        assert next(r for r in place_rows(world, False, day) if r["id"] == place)["name"] == called
    assert world.places.resolve(old).id == place
