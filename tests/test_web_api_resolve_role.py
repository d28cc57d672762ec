"""`/api/resolve?role=target`: a place typed in the web form's target field is refused with the place and its holder
as a structured `place` (the form offers to fill both in), as a cascade's target is told to use `place=`."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx2", reason="httpx2 (for the test client) is not installed")

from fastapi.testclient import TestClient

import foedus

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning")]

DAY = "2025-01-15"


@pytest.mark.parametrize("typed", ["Gaza Strip", "Crimea"])
def test_a_place_typed_as_a_target_comes_with_the_place_and_its_holder(api_client: TestClient, typed: str) -> None:
    """/api/resolve did not know which field asked: "Gaza Strip" typed as the target got only "is a place, not a
    state (held on ... by ...)", with no word of the place field. With role=target it says to use place= and gives
    the place's id and name and its holder's id and name, which a cascade then takes."""
    world = foedus.load_world()
    day = dt.date.fromisoformat(DAY)
    place = world.places.resolve(typed, world.states, day).on(day)
    holder = place.sovereign or place.administrator
    assert holder
    r = api_client.get("/api/resolve", params={"state": typed, "date": DAY, "role": "target"})
    assert r.status_code == 422, r.text
    body = r.json()
    assert f"use place={place.id} with the state that holds it as the target" in body["error"], body
    assert "--place" not in body["error"], body
    assert body["place"] == {"id": place.id, "name": place.name, "holder": holder,
                             "holder_name": world.states.names_on(day)[holder]}, body
    advised = api_client.get("/api/cascade", params={"attacker": "RUS" if holder != "RUS" else "UKR",
                                                     "target": body["place"]["holder"], "date": DAY,
                                                     "place": body["place"]["id"]})
    assert advised.status_code == 200, advised.text


@pytest.mark.parametrize("role", [None, "attacker"])
def test_a_place_typed_elsewhere_is_only_said_to_be_one(api_client: TestClient, role: str | None) -> None:
    """An attacker (or a caller that names no field) cannot take a place: it is said to be one, held by whom, with no
    advice to use place= and no `place` to fill in."""
    params = {"state": "Gaza Strip", "date": DAY, **({"role": role} if role else {})}
    r = api_client.get("/api/resolve", params=params)
    assert r.status_code == 422 and "is a place, not a state (held on" in r.json()["error"], r.text
    assert "place" not in r.json() and "place=" not in r.json()["error"], r.text


def test_a_sea_typed_as_a_target_has_no_holder_to_offer(api_client: TestClient) -> None:
    """A sea is no state's territory: the target is told to name forces, and no holder is offered."""
    r = api_client.get("/api/resolve", params={"state": "Mediterranean Sea", "date": DAY, "role": "target"})
    assert r.status_code == 422 and "target_kind=forces" in r.json()["error"], r.text
    assert "place" not in r.json(), r.text


def test_a_state_resolves_whichever_field_asks(api_client: TestClient) -> None:
    for role in ("attacker", "target"):
        r = api_client.get("/api/resolve", params={"state": "Rusia", "role": role})
        assert r.status_code == 422 and "did you mean Russia" in r.json()["error"], r.text
        assert api_client.get("/api/resolve", params={"state": "russia", "role": role}).json()["id"] == "RUS"


def test_an_unknown_role_is_refused_with_the_choices(api_client: TestClient) -> None:
    r = api_client.get("/api/resolve", params={"state": "Russia", "role": "place"})
    assert r.status_code == 422 and "role" in r.json()["error"] and "target" in r.json()["error"], r.text


def test_a_cascade_whose_target_is_a_place_carries_the_place_too(api_client: TestClient) -> None:
    """The cascade's target is read as a target is: its refusal of a held place carries the same `place`."""
    asked = api_client.get("/api/resolve", params={"state": "Gaza Strip", "date": DAY, "role": "target"}).json()
    r = api_client.get("/api/cascade", params={"attacker": "ISR", "target": "Gaza Strip", "date": DAY})
    assert r.status_code == 422 and r.json()["place"] == asked["place"], r.text
