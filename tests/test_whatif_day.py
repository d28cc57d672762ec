"""A what-if change's state name is read on the scenario's date, as the attacker's is: `--add-member
nato_1949:Germany --date 1960-01-01` read "Germany" on today's date (unified Germany, DEU, refused as "already a
member from 1990-10-03"), and "Korea" was called ambiguous "on" today's date. Each way in (CLI cascade and compare,
the Python API, the web API) now reads it on the day the changed world is run on."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

import foedus
from foedus.errors import DateOutOfRangeError, FoedusError
from foedus.model.overlay import Overlay, changes_from
from test_input_messages import _error_line

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

DAY = "1960-01-01"
SCENARIO = ["-a", "USA", "-t", "CUB"]


def _attacker_said(name: str) -> str:
    """What the attacker lookup says of `name` on DAY (the rule a what-if name must follow)."""
    return _error_line(["cascade", "-a", name, "-t", "CUB", "-d", DAY])


def test_a_what_if_name_resolves_to_the_state_of_that_name_on_the_day() -> None:
    """"Yemen" is the Yemen Arab Republic in 1960 and today's Yemen now: the member added is the day's."""
    world = foedus.World.default()
    overlay = Overlay(changes=changes_from({"add_member": ["nato_1949:Yemen"]}))
    on_day = overlay.apply(world, dt.date(1960, 1, 1)).treaties["nato_1949"]
    today = overlay.apply(world).treaties["nato_1949"]
    expected = world.states.resolve_id("Yemen", dt.date(1960, 1, 1))
    assert expected != world.states.resolve_id("Yemen")  # the name means another state today
    assert on_day.members[-1].state == expected
    assert today.members[-1].state == world.states.resolve_id("Yemen")


@pytest.mark.parametrize("name", ["Korea", "Germany"])
def test_cli_cascade_reads_a_what_if_name_on_the_scenario_date(name: str) -> None:
    said = _error_line(["cascade", *SCENARIO, "-d", DAY, "--add-member", f"nato_1949:{name}"])
    assert f"on {DAY}" in said
    assert said == _attacker_said(name)


@pytest.mark.parametrize("scenario", [SCENARIO, ["--atlas"]])
@pytest.mark.parametrize("dates", [["-d", DAY], ["-d", "2025-01-01", "--date2", DAY]])
def test_cli_compare_reads_it_on_the_date_of_the_changed_world(scenario: list[str], dates: list[str]) -> None:
    said = _error_line(["compare", *scenario, *dates, "--add-member", "nato_1949:Germany"])
    assert said == _attacker_said("Germany")


@pytest.mark.parametrize("name", ["Korea", "Germany"])
def test_python_api_reads_it_on_the_scenario_date(name: str) -> None:
    with pytest.raises(FoedusError) as caught:
        foedus.cascade("USA", "CUB", DAY, add_member=f"nato_1949:{name}")
    assert str(caught.value) == _attacker_said(name)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize(("path", "dates"), [("/api/cascade", {"date": DAY}),
                                             ("/api/compare", {"date": "2025-01-01", "other_date": DAY})])
def test_web_api_reads_it_on_the_date_of_the_changed_world(api_client: TestClient, path: str,
                                                           dates: dict[str, str]) -> None:
    from foedus.web.envelope import _web_wording

    response = api_client.get(path, params={"attacker": "USA", "target": "CUB", **dates,
                                            "add_member": "nato_1949:Germany"})
    assert response.status_code == 422, response.text
    assert response.json()["error"] == _web_wording(_attacker_said("Germany"))


@pytest.mark.parametrize("date", ["2025-13-01", "1700-01-01", "", "2025-06-01T12:00"])
@pytest.mark.parametrize("member", ["nato_1949:Narnia", "nato_1949:SWE"])
def test_a_date_that_is_none_is_refused_before_the_what_if_is_read(date: str, member: str) -> None:
    """A what-if is never read without the scenario's date: a malformed or out-of-range date was taken for no date,
    the change read on none (names read today, no on-date check) and refused in its own words ("unknown state
    'Narnia'") before the date was; the date is refused first now, in the scenario's words, whatever the change."""
    with pytest.raises(DateOutOfRangeError) as without:
        foedus.cascade("RUS", "FIN", date)
    with pytest.raises(DateOutOfRangeError) as with_it:
        foedus.cascade("RUS", "FIN", date, add_member=member)
    assert str(with_it.value) == str(without.value)


def test_the_web_refuses_the_date_first_too(api_client: TestClient) -> None:
    params = {"attacker": "RUS", "target": "FIN", "date": "2025-13-01", "add_member": "nato_1949:Narnia"}
    for path in ("/api/cascade", "/api/compare"):
        r = api_client.get(path, params=params)
        assert r.status_code == 422 and r.json()["error"].startswith("invalid date '2025-13-01'"), (path, r.text)
