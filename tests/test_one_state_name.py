"""A value that takes one state takes text that names one state: every state's name, codes and number, and the
usual other names of its name pattern (countrycode's), but not text naming a second state beside it. After a name
pattern matched, the other words were only checked to be words of some state's name or style, and a pattern that
takes in what stands before its key word ("^(?!.*north).*\\bireland") took the rest with it, so "RUS Korea" was
South Korea, "RUS and Ireland" Ireland, "2 Canada" Canada (numbers were not words), "Russia and Korea" Russia."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

import foedus
from foedus.errors import AmbiguousNameError, UnknownStateError
from foedus.model.states import State, StateRegistry
from foedus.model.world import World

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

REPORTED = ["RUS Korea", "RUS and Ireland", "2 Canada", "Russia and Korea"]


@pytest.fixture(scope="module")
def states() -> StateRegistry:
    return World.default().states


def _found(states: StateRegistry, text: str, state: State) -> str:
    """The state `text` names today, or else on the first day of one of `state`'s spells: a name several states
    have carried (Korea, Guinea, Vietnam) is the one state of that name in the system on the day."""
    for day in [None, *(start for start, _ in state.spells)]:
        try:
            return states.resolve(text, day).id
        except AmbiguousNameError as exc:
            if exc.several:
                raise
    return f"{text!r} is ambiguous on every day tried"


def test_every_state_is_found_by_its_name_code_and_number(states: StateRegistry) -> None:
    wrong = {}
    for state in states:
        texts = [state.name, state.id, state.iso3, str(state.ccode) if state.ccode is not None else None]
        wrong |= {text: found for text in texts if text and (found := _found(states, text, state)) != state.id}
    assert not wrong


@pytest.mark.parametrize(("text", "state_id"), [
    ("South Korea", "KOR"), ("Republic of Korea", "KOR"), ("Korea, Republic of", "KOR"),
    ("Democratic People's Republic of Korea", "PRK"), ("North Korea", "PRK"), ("Burma", "MMR"),
    ("Ivory Coast", "CIV"), ("Côte d'Ivoire", "CIV"), ("Trinidad and Tobago", "TTO"), ("Bosnia and Herzegovina", "BIH"),
    ("Saint Kitts and Nevis", "KNA"), ("Saint Vincent and the Grenadines", "VCT"), ("Sao Tome and Principe", "STP"),
    ("the United States of America", "USA"), ("U.S.A.", "USA"), ("Federal Republic of Germany", "DEU"),
    ("Russian Federation", "RUS"), ("Republic of Estonia", "EST"), ("Papua New Guinea", "PNG"),
    ("Guinea-Bissau", "GNB"), ("Equatorial Guinea", "GNQ"), ("Congo, Democratic Republic of", "COD"),
    ("Iran, Islamic Republic of", "IRN"), ("Soviet Union", "RUS"), ("Antigua and Barbuda", "ATG"),
    ("United Kingdom of Great Britain and Northern Ireland", "GBR"),  # ISO's and the UN's name: not Ireland too
    # "nam" (Namibia's code) is part of "Viet Nam": the pattern matches no text without it
    ("Socialist Republic of Viet Nam", "VNM"), ("Democratic Republic of Viet Nam", "VNM"), ("State of Viet Nam", "VNM"),
    ("Viet Nam, Democratic Republic of", "VNM"),
    ("United Mexican States", "MEX"),  # "United States", style words alone, names no state by pattern
    ("Western Samoa", "WSM"), ("Czech Republic (Czechia)", "CZE"), ("Republic of Côte d’Ivoire", "CIV"),
])
def test_the_usual_names_of_a_state_still_name_it(states: StateRegistry, text: str, state_id: str) -> None:
    assert states.resolve_id(text) == state_id


@pytest.mark.parametrize("text", ["foo Korea", "not Ireland", "Canada 999", "RUS Russia"])
def test_a_pattern_does_not_take_in_the_words_before_it(states: StateRegistry, text: str) -> None:
    """South Korea's and Ireland's patterns match from the text's start ("^...(?!.*north).*ireland"): the words
    before the name were taken with it and never looked at; numbers were not words."""
    with pytest.raises(UnknownStateError, match="unknown state"):
        states.resolve(text)


def test_a_name_without_its_parenthesis_names_its_state_alone(states: StateRegistry) -> None:
    """FSM's pattern needs 'fed': 'Micronesia' alone was unknown ('did you mean Indonesia?'). Its short name (its
    name without countrycode's parenthesis, 'Micronesia (Federated States of)') names it, beside another state it
    does not."""
    assert [states.resolve_id(t) for t in ("Micronesia", "micronesia", "Myanmar")] == ["FSM", "FSM", "MMR"]
    for text in ("Micronesia and Indonesia", "RUS Micronesia", "Micronesia 2"):
        with pytest.raises(AmbiguousNameError, match="names several states") as err:
            states.resolve(text)
        assert err.value.several and "FSM" in {c["id"] for c in err.value.candidates}


def _pairs(states: StateRegistry) -> list[tuple[State, State]]:
    """Each state with the next of the registry's order (a different state, a different name)."""
    ordered = list(states)
    return [(s, ordered[(i + 1) % len(ordered)]) for i, s in enumerate(ordered)]


def test_a_state_with_another_states_code_number_or_name_is_refused_as_several(states: StateRegistry) -> None:
    kept = []
    for state, other in _pairs(states):
        combos = [f"{state.name} {other.id}", f"{other.id} {state.name}", f"{state.name} and {other.name}"]
        combos += [f"{other.ccode} {state.name}", f"{state.name} {other.ccode}"] if other.ccode is not None else []
        for text in combos:
            try:
                kept.append((text, _found(states, text, state)))
            except AmbiguousNameError as exc:
                if not exc.several:
                    kept.append((text, str(exc)))
            except UnknownStateError as exc:
                kept.append((text, str(exc)))
    assert not kept


@pytest.mark.parametrize("text", REPORTED)
def test_the_reported_texts_are_refused_in_one_line_naming_both(states: StateRegistry, text: str) -> None:
    with pytest.raises(AmbiguousNameError, match="names several states") as err:
        states.resolve(text)
    assert err.value.several and "\n" not in str(err.value) and len(err.value.candidates) == 2


def test_the_command_line_the_web_and_python_refuse_them_alike(api_client: TestClient) -> None:
    """One rule: the CLI, the web API and foedus.cascade all look a state up in the registry."""
    with pytest.raises(AmbiguousNameError, match="'RUS Korea' names several states"):
        foedus.cascade("RUS Korea", "EST", "2025-06-01")
    web = api_client.get("/api/cascade", params={"attacker": "2 Canada", "target": "EST", "date": "2025-06-01"})
    assert web.status_code == 422 and "'2 Canada' names several states" in web.text, web.text
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "cascade", "-a", "RUS and Ireland", "-t", "EST",
                           "-d", "2025-06-01"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "'RUS and Ireland' names several states (Ireland (IRL), Russia (RUS))" in proc.stderr


def test_long_text_is_searched_in_runs_no_longer_than_a_name() -> None:
    """Every run of words of a text was looked up as a code or name: 400 words took 2.9 s (cubic). Runs are now of
    at most `_MOST_WORDS` words, as `name_split` searches: lookups grow with the words, not their square."""
    from foedus.model.state_names import _MOST_WORDS, code_edges, parts_named

    looked: list[str] = []
    text = "foo " * 200
    parts_named(text, code_edges(text), [], lambda key: looked.append(key) or frozenset())  # type: ignore[func-returns-value]
    assert 0 < len(looked) <= 200 * _MOST_WORDS


def test_the_united_states_of_mexico_is_mexico_and_the_united_states_with_mexico_two(states: StateRegistry) -> None:
    """'United States of Mexico', the usual English of Estados Unidos Mexicanos, was refused as naming the United
    States too. The whole name is Mexico's; 'United States' beside 'Mexico' otherwise still names two states."""
    assert [states.resolve_id(t) for t in ("United States of Mexico", "the United States of Mexico")] == ["MEX"] * 2
    for text, ids in [("United States and Mexico", {"USA", "MEX"}), ("Mexico United States", {"USA", "MEX"}),
                      ("United States of America and Mexico", {"USA", "MEX"}),
                      ("United States of Mexico and Canada", {"MEX", "CAN"})]:
        with pytest.raises(AmbiguousNameError, match="names several states") as err:
            states.resolve(text)
        assert {c["id"] for c in err.value.candidates} == ids, text


def test_and_in_lowercase_at_either_end_is_the_word_not_andorras_code(states: StateRegistry) -> None:
    """'Ukraine and' was refused as naming Andorra too: 'and' at the text's end was read as Andorra's code (AND).
    Beside a name a style word is a code only written in capitals, first or last ('AND Ireland', 'Ireland AND')."""
    assert [states.resolve_id(t) for t in ("Ukraine and", "and Ireland", "Ukraine And")] == ["UKR", "IRL", "UKR"]
    assert [states.resolve_id(t) for t in ("AND", "and", "Andorra")] == ["AND"] * 3
    for text in ("AND Ireland", "Ireland AND", "Ukraine AND", "UKRAINE AND"):
        with pytest.raises(AmbiguousNameError, match="names several states") as err:
            states.resolve(text)
        assert "AND" in {c["id"] for c in err.value.candidates}, text
