"""The German occupation of the Baltic states (1941-44/45) was not encoded: their home territories were the Soviet
Union's, as administrator, from June 1940 to September 1991, so on 1942-06-01 `foedus places` gave RUS, an attack by
the USSR on Germany in Lithuania was refused as on Soviet territory, and one by Germany on the USSR there was taken as
on Soviet territory. `place_history.yaml` gives Germany as administrator from the day it held each whole to the month
the Red Army came back, no state while the front crossed it, the Soviet Union claiming it throughout (sources and
certainty in the file)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from tests.samples import cli_line

import foedus
from foedus.errors import ScenarioError

D = dt.date
BALTIC = ("lithuania", "latvia", "estonia")


def test_foedus_places_on_1942_06_01_gives_germany_as_each_baltic_states_administrator() -> None:
    code, out, _ = cli_line(["places", "--homes", "--date", "1942-06-01", "--json"])  # stderr: a note on areas
    assert code == 0
    held = {p["id"]: p for p in json.loads(out) if p["id"] in BALTIC}
    assert sorted(held) == sorted(BALTIC)
    for place in held.values():
        assert (place["sovereign"], place["administrator"], place["claimants"]) == (None, "DEU", ["RUS"]), place
        assert "Reichskommissariat Ostland" in place["note"]


@pytest.mark.parametrize("place", BALTIC)
def test_on_1942_06_01_a_baltic_state_is_germanys_territory_not_the_soviet_unions(place: str) -> None:
    assert foedus.cascade("RUS", "DEU", "1942-06-01", place=place).to_dict()["targets"] == ["DEU"]
    with pytest.raises(ScenarioError) as err:
        foedus.cascade("DEU", "RUS", "1942-06-01", place=place)
    assert ("is not territory of Soviet Union (RUS) under the recognized view, under which it is territory of "
            "Germany (DEU), which administers it, no sovereign being agreed") in str(err.value)
    claimed = foedus.cascade("DEU", "RUS", "1942-06-01", place=place, territory_view="claimant")  # the USSR's claim
    assert claimed.to_dict()["targets"] == ["RUS"]


@pytest.mark.parametrize(("place", "day", "administrator"), [
    ("lithuania", D(1941, 6, 21), "RUS"), ("lithuania", D(1941, 6, 22), None), ("lithuania", D(1941, 6, 29), "DEU"),
    ("lithuania", D(1944, 6, 30), "DEU"), ("lithuania", D(1944, 7, 1), None), ("lithuania", D(1945, 1, 28), "RUS"),
    ("latvia", D(1941, 6, 21), "RUS"), ("latvia", D(1941, 7, 9), None), ("latvia", D(1941, 7, 10), "DEU"),
    ("latvia", D(1944, 7, 1), None), ("latvia", D(1945, 5, 8), None), ("latvia", D(1945, 5, 9), "RUS"),
    ("estonia", D(1941, 7, 6), "RUS"), ("estonia", D(1941, 7, 7), None), ("estonia", D(1941, 10, 21), "DEU"),
    ("estonia", D(1944, 1, 31), "DEU"), ("estonia", D(1944, 2, 1), None), ("estonia", D(1944, 11, 24), "RUS"),
])
def test_germany_holds_each_from_its_whole_occupation_to_the_red_armys_return(world, place: str, day: dt.date,  # type: ignore[no-untyped-def]
                                                                              administrator: str | None) -> None:
    """While the front crossed it (1941; 1944-45) no state administers it; the Soviet Union claims it throughout."""
    held = world.places.on(day)[place]
    assert (held.sovereign, held.administrator, held.claimants) == (None, administrator, ["RUS"]), (place, day)
