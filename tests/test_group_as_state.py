"""A region or a place set typed where a state goes (an attacker, a target, `foedus states`, `war --state`, a treaty
file's member, the web's resolver): refused as a region or a set of places, not a state; it was "unknown state
'europe'" with close names, as if misspelt (`foedus.wording.not_a_state`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from foedus.errors import TreatyDataError, not_a_state
from foedus.model.loader import load_treaties
from foedus.model.world import World
from samples import GOOD_TREATY, cli_line

DAY = "2024-06-01"
_SET = ("'french-overseas-debated' is a set of places (french-guiana, reunion, mayotte, new-caledonia, "
        "french-polynesia), not a state: give one state (try `foedus states`)")


@pytest.mark.parametrize(("args", "said"), [
    (["cascade", "-a", "french-overseas-debated", "-t", "FRA", "-d", DAY], _SET),
    (["cascade", "-a", "RUS", "-t", "French-Overseas-Debated", "-d", DAY],
     _SET.replace("french-overseas-debated", "French-Overseas-Debated", 1)),
    (["cascade", "-a", "RUS", "-t", "europe", "-d", DAY], not_a_state("europe", "a region (Europe)")),
    (["cascade", "-a", "Europe", "-t", "FRA", "-d", DAY], not_a_state("Europe", "a region (Europe)")),
    (["war", "russia_ukraine_2022", "--state", "french-overseas-debated"], _SET),
    (["war", "russia_ukraine_2022", "--state", "Europe"], not_a_state("Europe", "a region (Europe)")),
])
def test_a_region_or_place_set_given_as_a_state_is_said_to_be_one(args: list[str], said: str) -> None:
    """Each was "unknown state 'europe'; did you mean ...?": one line (exit 2) says what the name is."""
    assert cli_line(args) == (2, "", f"error: {said}\n")


@pytest.mark.needs_data
def test_the_states_command_says_a_region_is_a_region() -> None:
    """`foedus states Europe` looks a state up by name: the name is a region's."""
    said = not_a_state("Europe", "a region (Europe)")
    assert cli_line(["states", "Europe", "--date", DAY]) == (2, "", f"error: {said}\n")


def test_a_treaty_member_that_is_a_place_set_is_said_to_be_one(world: World, tmp_path: Path) -> None:
    """A treaty file's member is a state: a place set there is named as one, with the file and the field."""
    assert "{state: ARG}" in GOOD_TREATY
    pact = tmp_path / "pact.yaml"
    pact.write_text(GOOD_TREATY.replace("{state: ARG}", "{state: french-overseas-debated}"), encoding="utf-8")
    with pytest.raises(TreatyDataError) as info:
        load_treaties([pact], world.states, world.places)
    assert str(info.value) == f"{pact}: members[1].state: {_SET}"


def test_the_web_resolver_says_a_region_is_a_region(api_client: Any) -> None:
    """`/api/resolve` answers a region's name as the CLI does (422), its advice the web's list of states."""
    response = api_client.get("/api/resolve", params={"state": "Europe", "date": DAY})
    assert response.status_code == 422, response.text
    said = not_a_state("Europe", "a region (Europe)")
    assert response.json()["error"] == said.replace("`foedus states`", "/api/states")


def test_a_name_that_is_neither_stays_an_unknown_state() -> None:
    """Only a region's or a set's name is told so: a misspelt state is still an unknown state."""
    code, _, err = cli_line(["cascade", "-a", "RUS", "-t", "Narnia", "-d", DAY])
    assert code == 2 and err.startswith("error: unknown state 'Narnia'"), err
