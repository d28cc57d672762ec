"""Names a reader types for a state that name none: "England" (and Scotland, Wales, Northern Ireland) is a country of
the United Kingdom, "America" names the Americas as well as the United States. Each was "unknown state 'England';
did you mean Finland, Uganda, Poland?"; each is now refused saying which state is meant (`state_aliases.NOT_STATES`),
through the unknown names' path (UnknownStateError, exit 2, a 422), on the CLI, `foedus.cascade` and the web API.
The everyday names of states ("Great Britain", "Holland") and former names (Burma, Siam, Persia, the USSR) name
their states on any day, as the table's comments say.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import pytest
from tests.samples import cli_line

import foedus
from foedus.errors import FoedusError, UnknownStateError
from foedus.model.state_aliases import NOT_STATES

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

CURATED = foedus.World.load(history=False)
DAYS = [dt.date(1850, 1, 1), dt.date(1930, 1, 1), dt.date(1960, 1, 1), dt.date(2020, 1, 1)]
UK = "is part of the United Kingdom (GBR), not a state: use GBR"
AMERICA = "is ambiguous (the Americas, or a state of them): the United States of America is USA"


@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize(("typed", "said"), [
    ("England", UK), ("Scotland", UK), ("Wales", UK), ("Northern Ireland", UK), ("ENGLAND", UK),
    (" northern  ireland ", UK), ("America", AMERICA), ("america", AMERICA)])
def test_a_name_that_names_no_state_is_refused_naming_the_state_meant(typed: str, said: str, day: dt.date) -> None:
    with pytest.raises(UnknownStateError) as caught:
        CURATED.state_named(typed, day, place_option=True)
    assert str(caught.value) == f"{typed.strip()!r} {said}"


@pytest.mark.parametrize("typed", list(NOT_STATES))
def test_the_state_each_refusal_names_is_that_state(typed: str) -> None:
    """The code a refusal says to use is a state of the system, the one it names (the United Kingdom, the USA)."""
    code, said = NOT_STATES[typed]
    named = CURATED.states.get(code).name
    assert said.endswith(f" {code}")  # the message says which code to use
    assert named in ("United Kingdom", "United States") and CURATED.state_named(code, None).id == code


@pytest.mark.parametrize("typed", ["New England", "England and France", "South Wales"])
def test_only_the_whole_name_is_refused_so(typed: str) -> None:
    """A longer text that holds such a name is not said to be the United Kingdom (New England is no part of it)."""
    with pytest.raises(FoedusError) as caught:
        CURATED.state_named(typed, dt.date(1960, 1, 1))
    assert "United Kingdom" not in str(caught.value)


@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize(("typed", "want"), [
    ("Great Britain", "GBR"), ("Britain", "GBR"), ("Holland", "NLD"), ("Burma", "MMR"), ("Siam", "THA"),
    ("Persia", "IRN"), ("Soviet Union", "RUS"), ("USSR", "RUS")])
def test_everyday_and_former_names_name_their_states_on_any_day(typed: str, want: str, day: dt.date) -> None:
    assert CURATED.state_named(typed, day).id == want


@pytest.mark.parametrize("args", [
    ["cascade", "-a", "England", "-t", "FRA", "-d", "1960-01-01"],
    ["cascade", "-a", "RUS", "-t", "Scotland", "-d", "1960-01-01"],
    ["cascade", "-a", "RUS", "-t", "FRA", "-d", "1960-01-01", "--add-member", "nato_1949:Wales"]])
def test_the_cli_refuses_with_exit_2_and_one_line(args: list[str]) -> None:
    code, out, err = cli_line(args)
    assert code == 2 and not out, (code, out, err)
    assert UK in err and "Traceback" not in err and len(err.strip().splitlines()) == 1, err


def test_foedus_cascade_refuses_america() -> None:
    with pytest.raises(UnknownStateError, match=f"^{re.escape(repr('America') + ' ' + AMERICA)}$"):
        foedus.cascade("RUS", "America", dt.date(1960, 1, 1), world=CURATED)


def test_the_web_api_refuses_with_422(api_client: TestClient) -> None:
    r = api_client.get("/api/resolve", params={"state": "America", "date": "1960-01-01", "role": "target"})
    assert r.status_code == 422 and r.json()["error"] == f"'America' {AMERICA}", r.text
    r = api_client.get("/api/resolve", params={"state": "England"})
    assert r.status_code == 422 and r.json()["error"] == f"'England' {UK}", r.text


@pytest.mark.parametrize("role", ["--against", "target", "attacker"])
def test_a_list_of_states_refuses_it_so(role: str) -> None:
    """A list option (`--against`, `-a`, `-t`, each read by `resolve_states`) names the state meant too."""
    from foedus.state_lists import resolve_states

    with pytest.raises(UnknownStateError, match=re.escape(f"'England' {UK}")):
        resolve_states(CURATED, ["RUS", "England"], dt.date(2025, 6, 1), role)


@pytest.mark.parametrize(("typed", "meant", "role"), [
    ("England", "GBR", None), ("northern ireland", "GBR", "target"), ("America", "USA", "attacker")])
def test_the_refusal_offers_the_state_meant_as_a_candidate(api_client: TestClient, typed: str, meant: str,
                                                           role: str | None) -> None:
    """The 422 carries the state meant as `candidates` (with its spells, as an ambiguous name's), and the `name`
    given, so the web's name picker offers it as one click."""
    params = {"state": typed, "date": "1960-01-01", **({"role": role} if role else {})}
    r = api_client.get("/api/resolve", params=params)
    body = r.json()
    assert r.status_code == 422 and body["name"] == typed, r.text
    assert [(c["id"], c["spells"][0][0]) for c in body["candidates"]] == [(meant, "1816-01-01")], r.text


def test_a_cascade_refusal_offers_it_too(api_client: TestClient) -> None:
    r = api_client.get("/api/cascade", params={"attacker": "RUS", "target": "Scotland", "date": "1960-01-01"})
    assert r.status_code == 422 and [c["id"] for c in r.json()["candidates"]] == ["GBR"], r.text
    with pytest.raises(UnknownStateError) as caught:
        CURATED.state_named("Wales", dt.date(1960, 1, 1))
    assert [c["id"] for c in caught.value.candidates] == ["GBR"] and caught.value.name == "Wales"
