"""A place typed where a state is expected but no --place is taken (compare's --watch and --against, an attacker, a
what-if's TREATY:STATE): refused as a place, not a state; it was 'unknown state', as if misspelt."""

from __future__ import annotations

from typing import Any

import pytest

import foedus
from foedus.errors import UnknownStateError
from samples import cli_line

DAY = "2024-01-01"
_COMPARE = ["compare", "-d", DAY, "--date2", "2020-01-01"]
_WATCH = [*_COMPARE, "--atlas", "--watch"]
_GAZA = "'Gaza Strip' is a place, not a state (held on 2024-01-01 by Palestine (PSE))"
_CRIMEA = "'Crimea' is a place, not a state (held on 2024-01-01 by Ukraine (UKR))"
_KURDISTAN = ("'Kurdistan' is not a state but the Kurdistan area, across turkey (Turkey), iraqi-kurdistan (Iraq), "
              "iraq (Iraq), iran (Iran) and syria (Syria), held by different states")


@pytest.mark.parametrize(("args", "said"), [
    ([*_WATCH, "Crimea"], _CRIMEA),
    ([*_WATCH, "RUS", "--against", "UKR,Gaza Strip"], _GAZA),
    ([*_WATCH, "RUS", "--against", "Kurdistan"], _KURDISTAN),
    ([*_COMPARE, "-a", "Gaza Strip", "-t", "ISR"], _GAZA),
    (["compare", "-a", "RUS", "-t", "UKR", "-d", DAY, "--add-member", "nato_1949:Crimea"], _CRIMEA),
    (["cascade", "-a", "RUS", "-t", "UKR", "-d", DAY, "--remove-member", "nato_1949:Mediterranean Sea"],
     "'Mediterranean Sea' is a place, not a state"),
])
def test_a_place_where_no_place_option_is_taken_is_said_to_be_a_place(args: list[str], said: str) -> None:
    """Each was "unknown state 'Crimea'; did you mean Eritrea, Armenia?": the one-line refusal (exit 2) says the name
    is a place, and by whom it is held on the day, with no --place to advise (an atlas attacks home territories, an
    attacker is no place, a treaty's member is a state)."""
    out = cli_line(args)
    assert (out.returncode, out.stdout, out.stderr) == (2, "", f"error: {said}\n")


def test_compare_advises_place_for_a_place_typed_as_its_target() -> None:
    """compare takes --place, as cascade does: a place typed as its target is told to go there."""
    out = cli_line([*_COMPARE, "-a", "ISR", "-t", "Gaza Strip"])
    assert out.returncode == 2 and out.stderr.count("\n") == 1, out.stderr
    assert out.stderr.startswith("error: 'Gaza Strip' is a place, not a state: use --place gaza with the state that "
                                 "holds it as the target (on 2024-01-01: Palestine (PSE))"), out.stderr


@pytest.mark.parametrize("args", [[*_WATCH, "Atlantis"], ["cascade", "-a", "RUS", "-t", "UKR", "-d", DAY,
                                                          "--add-member", "nato_1949:Atlantis"]])
def test_a_name_that_is_no_place_either_stays_an_unknown_state(args: list[str]) -> None:
    """Only a place or an area is told so: a name that is neither is still an unknown state, with suggestions."""
    out = cli_line(args)
    assert out.returncode == 2 and out.stderr.startswith("error: unknown state 'Atlantis'"), out.stderr


def test_the_python_api_says_a_place_attacker_is_a_place() -> None:
    """`foedus.cascade` raises an UnknownStateError (a FoedusError) saying so, as the CLI does."""
    with pytest.raises(UnknownStateError, match=rf"^{_GAZA.replace('(', '[(]').replace(')', '[)]')}$"):
        foedus.cascade("Gaza Strip", "ISR", DAY)


def test_the_web_api_says_a_place_member_is_a_place(api_client: Any) -> None:
    """A web what-if's member is read as the CLI's: a place is said to be one (422), not an unknown state."""
    response = api_client.get("/api/cascade", params={"attacker": "RUS", "target": "UKR", "date": DAY,
                                                      "add_member": "nato_1949:Crimea"})
    assert response.status_code == 422, response.text
    assert response.json()["error"] == _CRIMEA


@pytest.mark.needs_data
def test_the_states_command_says_a_place_is_a_place() -> None:
    """`foedus states Crimea` looks a state up by name: it was 'unknown state', and says the name is a place."""
    out = cli_line(["states", "Crimea", "--date", DAY])
    assert (out.returncode, out.stdout, out.stderr) == (2, "", f"error: {_CRIMEA}\n")


def test_the_web_resolver_says_a_place_is_a_place(api_client: Any) -> None:
    """`/api/resolve`, which reads a typed name as a state on a date, answers a place's name as the CLI does (422)."""
    response = api_client.get("/api/resolve", params={"state": "Kurdistan", "date": DAY})
    assert response.status_code == 422, response.text
    assert response.json()["error"] == _KURDISTAN
