"""A comma-separated list of states keeps each state it names: two parts join into one name ("Korea, Republic of")
only when neither part on its own names another state. A code, a COW number or another state's name before a
comma used to be joined with the name after it when the pair matched that name's pattern, and the state it named
was dropped without a word (`-a 365,Belarus` attacked with Belarus alone, `-a RUS,Korea` with South Korea)."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest

import foedus
from foedus.errors import AmbiguousNameError, FoedusError, ScenarioError
from foedus.model.world import World
from foedus.state_lists import resolve_states, split_names


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
