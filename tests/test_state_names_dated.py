"""A state is named as it was called on the date of a dated answer: `foedus cascade -a "Soviet Union" -t AFG -d
1979-12-24` said "Russia (RUS)", and a 1941 Yugoslavia "Serbia (SRB)", COW 365 and 345 having one name on every
date. The ids stay (RUS, SRB); the names come from `data/state_names_dated.json` (`foedus.model.dated_names`)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from typing import TYPE_CHECKING, Any

import pytest
from tests.samples import cli_line

import foedus
from foedus.errors import FileDataError
from foedus.model.dated_names import checked_rows, rows
from foedus.model.world import World

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_every_row_names_a_state_of_the_registry_in_order_without_overlap_and_with_a_source() -> None:
    states = World.default().states
    by_state: dict[int, list[Any]] = {}
    for row in rows():
        assert row.ccode in states.by_ccode, row
        assert row.source.startswith("https://") and row.name.strip()
        assert row.start is None or row.until is None or row.start < row.until, row
        by_state.setdefault(row.ccode, []).append(row)
    for spans in by_state.values():  # in the file's order, each after the one before
        ends = [(r.start or dt.date.min, r.until or dt.date.max) for r in spans]
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends)), spans
    assert {365, 345, 640, 630, 800, 490, 775, 780, 255, 325} <= by_state.keys()


def test_each_dated_name_reads_back_as_its_state_on_its_days() -> None:
    states = World.default().states
    for row in rows():
        day = row.start or (row.until - dt.timedelta(days=1) if row.until else dt.date.today())
        assert states.resolve(row.name, day).id == states.by_ccode[row.ccode], row


@pytest.mark.parametrize(("rows_given", "said"), [
    ([{"ccode": 365, "name": "Soviet Union", "from": "1991-12-26", "until": "1922-12-30", "source": "https://a"}],
     "names[0]: from 1991-12-26 is not before until 1922-12-30"),
    ([{"ccode": 365, "name": "Soviet Union", "from": None, "until": "1991-12-26", "source": "https://a"},
      {"ccode": 365, "name": "Russian Empire", "from": None, "until": "1917-09-14", "source": "https://a"}],
     "names[1]: overlaps the row naming COW 365 'Soviet Union'"),
    ([{"ccode": 365, "name": "Soviet Union", "from": None, "until": None, "source": ""}],
     "names[0]: source must be the https address"),
    ([{"ccode": 365, "name": "Soviet Union", "from": "1922-13-30", "until": None, "source": "https://a"}],
     "names[0]: needs ccode, name, from, until, source"),
])
def test_a_malformed_row_is_refused_naming_it(rows_given: list[dict[str, Any]], said: str) -> None:
    with pytest.raises(FileDataError) as err:
        checked_rows({"names": rows_given})
    assert str(err.value).startswith(f"state_names_dated.json: {said}"), err.value


def test_names_on_a_date_are_those_of_the_date_and_made_once_per_era() -> None:
    states = World.default().states
    assert states.names_on(_day("1979-12-24"))["RUS"] == "Soviet Union"
    assert states.names_on(_day("1941-04-06"))["SRB"] == "Yugoslavia"
    assert states.names_on(_day("2004-06-01"))["SRB"] == "Serbia and Montenegro"
    assert states.names_on(_day("1946-01-01"))["THA"] == "Siam"  # again, 1945-1949
    assert states.names_on(_day("1900-01-01"))["TUR"] == "Ottoman Empire"
    assert states.names_on(_day("1870-01-01"))["DEU"] == "Prussia"
    assert states.names_on(_day("2025-01-01"))["RUS"] == "Russia"
    assert states.names_on(None) is states.names
    assert states.names_on(_day("1979-12-24")) is states.names_on(_day("1980-06-01"))  # one era, one dict


@pytest.mark.needs_data
def test_the_1979_cascade_names_the_soviet_union_and_2025_russia() -> None:
    code, out, err = cli_line(["cascade", "-a", "Soviet Union", "-t", "AFG", "-d", "1979-12-24"])
    assert code == 0, err
    assert "Soviet Union (RUS) → Afghanistan (AFG)" in out and "Russia (RUS)" not in out
    code, out, err = cli_line(["cascade", "-a", "RUS", "-t", "UKR", "-d", "2025-01-01"])
    assert code == 0, err
    assert "Russia (RUS)" in out and "Soviet Union" not in out


@pytest.mark.needs_data
def test_the_1941_cascade_names_yugoslavia_in_its_table_and_its_result_names() -> None:
    code, out, err = cli_line(["cascade", "-a", "DEU", "-t", "Yugoslavia", "-d", "1941-04-06", "--format", "csv"])
    assert code == 0, err
    # eleven empty columns, instrument and target_kind among them (docs/outputs.md)
    assert "SRB,345,Yugoslavia,target,defense,0,,,,,,,,,,," in out.splitlines()
    result = foedus.cascade("Soviet Union", "AFG", "1979-12-24")
    assert result.names["RUS"] == "Soviet Union" and result.to_frame().set_index("state").loc["RUS", "name"] == (
        "Soviet Union")


@pytest.mark.needs_data
def test_the_1939_war_replay_names_the_ussr_the_soviet_union_in_its_json() -> None:
    replay = foedus.replay_war("europe_1939_1941").to_dict()
    assert replay["names"]["RUS"] == "Soviet Union"
    assert foedus.replay_war("russia_ukraine_2022").to_dict()["names"]["RUS"] == "Russia"


@pytest.mark.needs_data
def test_states_on_a_date_and_a_treaty_shown_name_the_state_as_called_then() -> None:
    code, out, err = cli_line(["states", "SRB", "--date", "1941-01-01", "--json"])
    assert code == 0, err
    assert [s["name"] for s in json.loads(out)] == ["Yugoslavia"]
    code, out, err = cli_line(["states", "SRB", "--json"])
    assert [s["name"] for s in json.loads(out)] == ["Serbia"]
    code, out, err = cli_line(["treaties", "show", "sun_prk_1961"])  # a member row named as on its first day
    assert code == 0, err
    assert "│ Soviet Union" in out and "│ Russia" not in out


@pytest.mark.needs_data
def test_the_web_api_names_a_state_on_the_date_asked(api_client: TestClient) -> None:
    assert api_client.get("/api/resolve?state=USSR&date=1979-12-24").json() == {"id": "RUS", "name": "Soviet Union"}
    assert api_client.get("/api/resolve?state=USSR").json() == {"id": "RUS", "name": "Russia"}
    rows = api_client.get("/api/states?date=1941-01-01").json()
    assert {r["id"]: r["name"] for r in rows}["SRB"] == "Yugoslavia"


@pytest.mark.needs_data
def test_every_state_of_a_date_is_named_as_then(api_client: TestClient) -> None:
    """`/api/states?date=&every=true` (the web map's names of a date) lists the states out of the system then too,
    `member` false, named as the CLI names them (`names_on`: Yugoslavia for SRB in 1942, out from 1941-04-20 to
    1944-10-20); without `every` they stay left out, as `foedus states --date` leaves them."""
    import datetime as dt

    from foedus.model.world import World

    rows = {r["id"]: r for r in api_client.get("/api/states?date=1942-06-01&every=true").json()}
    assert (rows["SRB"]["name"], rows["SRB"]["member"]) == ("Yugoslavia", False)
    assert len(rows) == len(World.default().states)
    assert {i: r["name"] for i, r in rows.items()} == World.default().states.names_on(dt.date(1942, 6, 1))
    plain = {r["id"] for r in api_client.get("/api/states?date=1942-06-01").json()}
    assert "SRB" not in plain and plain == {i for i, r in rows.items() if r["member"] is not False}


def test_the_json_says_which_states_are_called_otherwise_on_the_date() -> None:
    """A page holding today's names (the web map) needs the date's: `renamed`, id -> name, only where they differ."""
    import foedus

    then = foedus.cascade("RUS", "AFG", "1979-12-24").to_dict()["renamed"]
    assert then["RUS"] == "Soviet Union" and then["COD"] == "Zaire" and "AFG" not in then
    assert foedus.cascade("RUS", "EST", "2025-06-01").to_dict()["renamed"] == {}
