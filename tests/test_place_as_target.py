"""A place typed where a state is expected (`-t "Gaza Strip"`, `-t Crimea`): refused as a place, with --place."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from typing import Any

import pytest

import foedus
from foedus.errors import UnknownStateError

DAY = "2024-01-01"


def _cascade(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "foedus.cli", "cascade", "-a", "ISR", "-d", DAY, *args],
                          capture_output=True, text=True)


@pytest.mark.parametrize("typed", ["Gaza Strip", "Crimea", "Golan Heights"])
def test_a_place_given_as_the_target_is_refused_with_the_place_option(typed: str) -> None:
    """`-t "Gaza Strip"` was "unknown state 'Gaza Strip'" with no word of --place: it is refused as a place (exit 2,
    one line), naming the place's id for --place and its holder on the day for the target; the advised form runs."""
    out = _cascade("-t", typed)
    assert out.returncode == 2 and out.stdout == "" and out.stderr.count("\n") == 1, out.stderr
    assert out.stderr.startswith(f"error: {typed!r} is a place, not a state: use --place "), out.stderr
    found = re.search(r"--place (\S+) with the state that holds it as the target \(on (\S+): .* \((\w+)\)\)$",
                      out.stderr.strip())
    assert found, out.stderr
    world = foedus.load_world()
    place = world.places.resolve(typed, world.states, dt.date.fromisoformat(DAY))
    held = place.on(dt.date.fromisoformat(DAY))
    assert (found[1], found[2], found[3]) == (place.id, DAY, held.sovereign or held.administrator)
    advised = _cascade("-t", found[3], "--place", found[1])
    assert advised.returncode == 0, advised.stderr


def test_a_sea_given_as_the_target_is_told_to_name_forces() -> None:
    """A sea is no state's territory: the refusal says to hit a state's forces there."""
    out = _cascade("-t", "Mediterranean Sea")
    assert out.returncode == 2 and out.stderr.count("\n") == 1, out.stderr
    assert "is a place, not a state: use --place mediterranean-sea with --target-kind forces" in out.stderr


def test_the_python_api_refuses_a_place_target_as_an_unknown_state() -> None:
    """`foedus.cascade` raises the same message as an UnknownStateError (a FoedusError); an attacker that names a
    place is said to be one, with no --place to advise (tests/test_place_as_state.py), and a name that is no place
    stays 'unknown state'."""
    with pytest.raises(UnknownStateError, match=r"^'Gaza Strip' is a place, not a state: use --place gaza "):
        foedus.cascade("ISR", "Gaza Strip", DAY)
    with pytest.raises(UnknownStateError, match=r"^'Gaza Strip' is a place, not a state \(held on "):
        foedus.cascade("Gaza Strip", "ISR", DAY)
    with pytest.raises(UnknownStateError, match=r"^unknown state 'Atlantis'"):
        foedus.cascade("ISR", "Atlantis", DAY)


def test_the_web_api_says_place_for_the_option(api_client: Any) -> None:
    """The web API words the same refusal with its query parameter (`place=gaza`), not the CLI's option."""
    response = api_client.get("/api/cascade", params={"attacker": "ISR", "target": "Gaza Strip", "date": DAY})
    assert response.status_code == 422, response.text
    message = response.json()["error"]
    assert message.startswith("'Gaza Strip' is a place, not a state: use place=gaza with the state"), message


@pytest.mark.parametrize(("typed", "spans"), [
    ("Kurdistan", "the Kurdistan area, across turkey (Turkey), iraqi-kurdistan (Iraq), iraq (Iraq), iran (Iran) "
                  "and syria (Syria)"),
    ("Jerusalem", "the city of Jerusalem, across israel (Israel) and east-jerusalem (Palestine)")])
def test_an_area_given_as_the_target_is_refused_with_the_places_it_spans(typed: str, spans: str) -> None:
    """`-t Kurdistan` was "unknown state": an area across several places is no state; the refusal names the places,
    each with its holder on the day, for --place."""
    out = _cascade("-t", typed)
    assert out.returncode == 2 and out.stderr.count("\n") == 1, out.stderr
    said = f"error: {typed!r} is not a state but {spans}, held by different states: "
    assert out.stderr.startswith(said + "use one of them as --place ID, with its holder as the target"), out.stderr


def test_an_area_of_states_home_territories_given_as_the_target_is_told_to_give_the_states() -> None:
    """The Baltic states span three states' home territories: the refusal says to give the states as the target."""
    out = _cascade("-t", "Baltics")
    assert out.returncode == 2 and out.stderr.count("\n") == 1, out.stderr
    said = "error: 'Baltics' is not a state but the Baltic states, across estonia "
    assert out.stderr.startswith(said), out.stderr
    assert out.stderr.rstrip().endswith(": give their states as the target"), out.stderr


def test_the_web_api_says_place_for_an_area_too(api_client: Any) -> None:
    """The area's refusal reads as the web's query parameter too (`place=ID`), not the CLI's option."""
    response = api_client.get("/api/cascade", params={"attacker": "RUS", "target": "Kurdistan", "date": DAY})
    assert response.status_code == 422, response.text
    assert response.json()["error"].endswith("use one of them as place=ID, with its holder as the target")


@pytest.mark.parametrize(("typed", "said"), [
    ("Baltics", "is the Baltic states, across estonia (Estonia), latvia (Latvia) and lithuania (Lithuania), held by "),
    ("Kashmir", "is the Kashmir region, across jammu-and-kashmir (India), ladakh (India), azad-kashmir (Pakistan), ")])
def test_an_areas_places_follow_no_verb_to_agree_with_its_name(typed: str, said: str) -> None:
    """'the Baltic states, which spans estonia ...' read as one state: the places follow 'across', which reads for a
    plural name as for a singular one, in the place's refusal as in the target's."""
    world = foedus.load_world()
    with pytest.raises(foedus.FoedusError) as err:
        world.places.resolve(typed, world.states, dt.date.fromisoformat(DAY))
    assert str(err.value).startswith(f"the place {typed!r} {said}"), err.value
    assert "spans" not in str(err.value)
    with pytest.raises(UnknownStateError) as err:
        foedus.cascade("RUS", typed, DAY)
    assert str(err.value).startswith(f"{typed!r} {said.replace('is the', 'is not a state but the')}"), err.value


@pytest.mark.parametrize("typed", ["U\u200bSA", "Crim\u200bea"])
def test_a_target_hiding_a_character_is_told_of_the_character_not_of_a_place(typed: str) -> None:
    """'U\\u200bSA' (a zero width space inside) was read as the United States' home territory, and told to use
    --place united-states: the state's refusal names the hidden character, as an attacker's does."""
    with pytest.raises(UnknownStateError) as err:
        foedus.cascade("RUS", typed, DAY)
    assert str(err.value) == f"the state {typed!r} has U+200B ZERO WIDTH SPACE, an invisible format character: " \
        "write the text as it is to be shown"
