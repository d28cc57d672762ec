"""foedus.errors' wording of a refused value: the value given is shown unless the message says it already, and a
word or a bound of pydantic's equal to it ('must be a whole number' given 'a', 'must be less than 1' given 1) is
not the value said; it was taken for it, and the value left out."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field, ValidationError

from foedus.errors import validation_problem


class _Bounded(BaseModel):
    below_one: int = Field(0, lt=1)
    above_one: float = Field(2.0, gt=1)
    count: int = 0


@pytest.mark.parametrize(("data", "problem"), [
    ({"below_one": 1}, "must be less than 1 (got 1)"),
    ({"above_one": 1}, "must be greater than 1 (got 1)"),
    ({"count": "a"}, "must be a whole number (got 'a')"),
    ({"count": "number"}, "must be a whole number (got 'number')"),
])
def test_a_value_equal_to_a_word_or_bound_of_the_message_is_still_shown(data: dict[str, object],
                                                                         problem: str) -> None:
    with pytest.raises(ValidationError) as err:
        _Bounded.model_validate(data)
    assert validation_problem(err.value.errors()[0], _Bounded) == problem


def test_a_value_a_check_of_ours_names_is_not_shown_twice() -> None:
    error = {"type": "value_error", "msg": "Value error, id 'My-Pact' is not snake_case", "input": "My-Pact"}
    assert validation_problem(error) == "id 'My-Pact' is not snake_case"


def test_the_wording_is_its_own_module_and_its_names_are_still_foedus_errors() -> None:
    """errors.py was at the 300-line limit (tests/test_quality.py), no room for a line more: the wording of values
    and pydantic's problems is `foedus.wording`; every name of it is still importable from `foedus.errors`."""
    import foedus.errors
    import foedus.wording

    assert set(foedus.wording.__all__) <= set(foedus.errors.__all__)
    assert all(getattr(foedus.errors, name) is getattr(foedus.wording, name) for name in foedus.wording.__all__)


@pytest.mark.parametrize(("given", "problem"), [("", "must not be empty"), ("  ", "must not be blank"),
                                                ("\t", "must not be blank")])
def test_an_empty_or_blank_value_is_said_to_be_so_and_not_shown(given: str, problem: str) -> None:
    """A treaty member of `state: ''` read 'must not be empty (got '')': the value said twice. A blank one (a
    stripped field) is said to be blank, as every message says it (`empty_or_blank`)."""
    error = {"type": "string_too_short", "msg": "String should have at least 1 character", "input": given,
             "ctx": {"min_length": 1}}
    assert validation_problem(error) == problem


@pytest.mark.parametrize("module", ["foedus.characters", "foedus.file_words", "foedus.problem_words", "foedus.ranges",
                                    "foedus.value_words"])
def test_every_name_of_the_wording_family_is_foedus_wording_and_foedus_errors(module: str) -> None:
    """`foedus.wording` re-exports its subject modules' names, and `foedus.errors` wording's: `STDIN_NOT_READ`
    (`foedus.file_words`) was neither, so `from foedus.errors import STDIN_NOT_READ` failed where its siblings did
    not; the words moved out of wording.py (at the 300-line limit) stay importable from both."""
    import importlib

    import foedus.errors
    import foedus.wording

    words = importlib.import_module(module)
    for name in words.__all__:
        assert getattr(foedus.wording, name) is getattr(words, name), name
        assert getattr(foedus.errors, name) is getattr(words, name), name
        assert name in foedus.wording.__all__ and name in foedus.errors.__all__, name
