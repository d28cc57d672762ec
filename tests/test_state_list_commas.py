"""A comma-separated list of states keeps each state it names: two parts join into one name ("Korea, Republic of")
only when neither part on its own names another state. A code, a COW number or another state's name before a
comma used to be joined with the name after it when the pair matched that name's pattern, and the state it named
was dropped without a word (`-a 365,Belarus` attacked with Belarus alone, `-a RUS,Korea` with South Korea)."""

from __future__ import annotations

import datetime
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

import foedus
from foedus.errors import AmbiguousNameError, FoedusError, ScenarioError
from foedus.model.world import World
from foedus.state_lists import resolve_states, split_names

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


@pytest.mark.parametrize(("value", "parts"), [
    ("365,Belarus", ["365", "Belarus"]),
    ("2,Canada", ["2", "Canada"]),
    ("RUS,Ireland", ["RUS", "Ireland"]),
    ("RUS,Korea", ["RUS", "Korea"]),
    ("Russia,Korea", ["Russia", "Korea"]),  # "Korea" names two states, neither of them Russia
    ("RUS,Korea, Republic of", ["RUS", "Korea, Republic of"]),
    ("Estonia,Korea, Republic of,840", ["Estonia", "Korea, Republic of", "840"]),
    ("Russia,Russia", ["Russia", "Russia"]),  # given twice: two values, which the list then refuses
    ("2,United States", ["2", "United States"]),
])
def test_a_state_before_a_comma_is_not_joined_with_the_name_after_it(value: str, parts: list[str]) -> None:
    assert split_names(value, World.default().states) == parts


def test_the_cascade_keeps_every_attacker_of_the_list() -> None:
    world = World.load(history=False)
    assert foedus.cascade("365,Belarus", "EST", "2025-06-01", world=world).scenario.attackers == ("RUS", "BLR")
    with pytest.raises(AmbiguousNameError, match="'Korea' is ambiguous"):
        foedus.cascade("RUS,Korea", "EST", "2025-06-01", world=world)
    with pytest.raises(ScenarioError, match=r"attacker\[1\]: USA is listed twice"):
        foedus.cascade("2,United States", "EST", "2025-06-01", world=world)


def test_the_command_line_keeps_a_code_before_a_name_with_a_comma() -> None:
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "cascade", "-a", "FRA,Korea, Republic of", "-t", "PRK",
                           "-d", "2020-01-01", "--format", "csv"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert [line.split(",")[0] for line in proc.stdout.splitlines()[1:3]] == ["FRA", "KOR"]


# ISO 3166-1's names of states with a comma (its newsletters' and pycountry's form), and the state each names
ISO_COMMA_NAMES = [
    ("Taiwan, Province of China", "TWN"), ("Congo, The Democratic Republic of the", "COD"),
    ("Iran, Islamic Republic of", "IRN"), ("Korea, Democratic People's Republic of", "PRK"),
    ("Korea, Republic of", "KOR"), ("Moldova, Republic of", "MDA"), ("Tanzania, United Republic of", "TZA"),
    ("Venezuela, Bolivarian Republic of", "VEN"), ("Bolivia, Plurinational State of", "BOL"),
    ("Micronesia, Federated States of", "FSM"), ("Palestine, State of", "PSE"),
    ("Macedonia, the Former Yugoslav Republic of", "MKD"),
]


def test_every_iso_3166_comma_name_is_its_state_alone_and_in_a_list() -> None:
    """'Taiwan, Province of China' (ISO 3166-1's name of TWN) was refused alone as naming China too, and in a list
    its second part was 'unknown state 'Province of China''; 'Macedonia, the Former Yugoslav Republic of' (ISO's
    name of MKD until 2019) was unknown. ISO's label names the one state; the state's own name stays as it is."""
    world = World.default()
    day = datetime.date(2020, 1, 1)
    wrong = {}
    for name, state_id in ISO_COMMA_NAMES:
        for value, want in ((name, [state_id]), (f"USA,{name},EST", ["USA", state_id, "EST"])):
            try:
                got: object = [state.id for state in resolve_states(world, value, day, "attacker")]
            except FoedusError as exc:
                got = str(exc)
            if got != want:
                wrong[value] = got
    assert not wrong
    assert world.states.get("TWN").name == "Taiwan"


@pytest.mark.parametrize("value", ["RUS,America", "RUS, America", "America,RUS"])
def test_a_name_that_names_no_state_is_not_taken_for_a_style(value: str) -> None:
    """"America" is a word of styles ("United States of America") but, alone, a name refused as ambiguous naming the
    USA: after a comma it is its own part, refused so, not joined into one unknown name "RUS, America"."""
    assert split_names(value, World.default().states) == [part.strip() for part in value.split(",")]
    with pytest.raises(FoedusError, match=r"^'America' is ambiguous .* is USA$"):
        resolve_states(World.default(), value, datetime.date(2025, 6, 1), "attacker")


@pytest.mark.parametrize("role", [None, "attacker", "target"])
def test_the_web_resolves_a_typed_list_part_by_part(api_client: TestClient, role: str | None) -> None:
    """/api/resolve, which the web's state boxes send what was typed, splits a list as the command line does
    (`split_names`), each part read on its own: every state in `states`, a part refused in its own words."""
    extra = {"role": role} if role else {}
    r = api_client.get("/api/resolve", params={"state": "RUS, EST", **extra})
    assert r.status_code == 200 and r.json()["states"] == [{"id": "RUS", "name": "Russia"},
                                                           {"id": "EST", "name": "Estonia"}], r.text
    assert api_client.get("/api/resolve", params={"state": "Korea, Republic of", **extra}).json() == {
        "id": "KOR", "name": "South Korea"}
    r = api_client.get("/api/resolve", params={"state": "RUS,America", **extra})
    assert r.status_code == 422 and r.json()["error"].startswith("'America' is ambiguous"), r.text
    r = api_client.get("/api/resolve", params={"state": "RUS,", **extra})
    assert r.status_code == 422 and r.json()["error"].startswith(f"{role or 'state'}: the 2nd value is empty"), r.text
