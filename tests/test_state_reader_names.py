"""States' names read as a reader writes them, not as the name sources spell them: countrycode's "Trinidad & Tobago",
"St. Lucia", "Congo - Brazzaville" and "Micronesia (Federated States of)" (shown "... (FSM)" beside the code), COW's
"Wuerttemburg" and "Hesse Grand Ducal" (`foedus.model.state_reader_names`). The sources' spellings still name their
states, in the lookup and in `foedus states`."""

from __future__ import annotations

import re

import pytest

from foedus.model.dated_names import era_days
from foedus.model.state_reader_names import READER_NAMES
from foedus.model.states import StateRegistry
from foedus.model.world import World
from samples import cli_line

# what a source writes that a reader does not: an ampersand, a spaced dash, a parenthesis (which doubles with the
# code the state is shown with: "Micronesia (Federated States of) (FSM)"), "St.", a word in capitals ("DRC")
_SOURCE_FORM = re.compile(r"&| - |[()]|\bSt\.|\b[A-Z]{2,}\b")


@pytest.fixture(scope="module")
def states() -> StateRegistry:
    return World.default().states


def test_no_state_is_named_as_a_source_spells_it_on_any_day(states: StateRegistry) -> None:
    days = [None, *era_days()]
    shown = {(state_id, name) for day in days for state_id, name in states.names_on(day).items()}
    assert not sorted(f"{state_id}: {name}" for state_id, name in shown if _SOURCE_FORM.search(name))


@pytest.mark.parametrize(("state_id", "name"), [
    ("TTO", "Trinidad and Tobago"), ("COG", "Republic of the Congo"), ("COD", "Democratic Republic of the Congo"),
    ("FSM", "Federated States of Micronesia"), ("LCA", "Saint Lucia"), ("MMR", "Myanmar"),
    ("COW271", "Württemberg"), ("COW275", "Hesse-Darmstadt")])
def test_a_state_is_shown_by_its_readers_name(states: StateRegistry, state_id: str, name: str) -> None:
    assert states.get(state_id).name == name


def test_the_two_congos_are_told_apart_by_name(states: StateRegistry) -> None:
    assert states.get("COG").name != states.get("COD").name
    assert [states.resolve_id(states.get(s).name) for s in ("COG", "COD")] == ["COG", "COD"]


@pytest.mark.parametrize(("ccode", "spellings"), sorted(READER_NAMES.items()))
def test_the_sources_spelling_and_the_readers_name_both_name_the_state(
        states: StateRegistry, ccode: int, spellings: tuple[str, str]) -> None:
    state_id = states.by_ccode[ccode]
    assert [states.resolve_id(text) for text in spellings] == [state_id, state_id]


def test_foedus_states_takes_the_old_spelling_and_shows_the_new() -> None:
    code, out, err = cli_line(["states", "Trinidad & Tobago", "--format", "csv"])
    assert code == 0, err
    assert "Trinidad and Tobago" in out and "&" not in out


@pytest.mark.parametrize(("state_id", "place_id"), [
    ("TTO", "trinidad-tobago"), ("COG", "congo-brazzaville"), ("FSM", "micronesia-federated-states-of"),
    ("COW275", "hesse-grand-ducal")])
def test_a_home_territory_keeps_its_id_and_is_named_by_both_names(state_id: str, place_id: str) -> None:
    """A home territory's id was its state's name's slug: the ids a saved scenario, a URL or place_coords.yaml holds
    ("trinidad-tobago") stay as they were, and the reader's name ("Trinidad and Tobago") names the place too."""
    world = World.default()
    home = world.places.home(state_id)
    assert home.id == place_id and home.name == world.states.get(state_id).name
    assert world.places.named_id(home.name) == world.places.named_id(place_id) == place_id
