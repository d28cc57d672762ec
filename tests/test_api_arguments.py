"""A public function of `foedus` (its `__all__`) called with an argument missing, one too many by position, or one
given twice refuses it as it refuses an unknown keyword: one line, a FoedusError (ArgumentsError, a ScenarioError),
naming the function and the arguments. `foedus.replay_war()` and `foedus.cascade("RUS", "EST", "2025-01-01", "x")`
raised Python's own TypeError."""

from __future__ import annotations

import inspect
from collections.abc import Callable

import pytest

import foedus
from foedus.errors import ArgumentsError, ScenarioError

PUBLIC = [name for name in foedus.__all__ if inspect.isfunction(getattr(foedus, name))]


def _positional(function: Callable[..., object]) -> list[inspect.Parameter]:
    return [p for p in inspect.signature(function).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]


@pytest.mark.parametrize("name", PUBLIC)
def test_a_missing_argument_is_one_scenario_error_naming_the_function_and_it(name: str) -> None:
    function: Callable[..., object] = getattr(foedus, name)
    required = [p.name for p in _positional(function) if p.default is p.empty]
    if not required:
        pytest.skip(f"{name} needs no argument")
    with pytest.raises(ScenarioError) as caught:
        function()
    assert isinstance(caught.value, ArgumentsError)
    listed = ", ".join(required)
    assert str(caught.value) == f"missing argument(s) {listed}: {name} needs {listed}"


@pytest.mark.parametrize("name", PUBLIC)
def test_an_extra_positional_argument_is_one_scenario_error_showing_the_extra_values(name: str) -> None:
    function: Callable[..., object] = getattr(foedus, name)
    params = inspect.signature(function).parameters.values()
    if any(p.kind is p.VAR_POSITIONAL for p in params):
        pytest.skip(f"{name} takes any number by position")
    positional = [p.name for p in _positional(function)]
    with pytest.raises(ArgumentsError) as caught:
        function(*["RUS"] * len(positional), "x", 2)
    assert str(caught.value) == (f"extra argument(s) 'x', 2: {name} takes {', '.join(positional)} by position; "
                                 "give the options by keyword")


def test_cascade_names_the_missing_ones_and_the_one_given_twice() -> None:
    """Each argument given by keyword is still taken; the signature stays the function's own."""
    with pytest.raises(ArgumentsError, match=r"^missing argument\(s\) target, date: cascade needs attacker, target, "
                                             r"date$"):
        foedus.cascade("RUS")
    with pytest.raises(ArgumentsError, match=r"^argument\(s\) attacker given twice, by position and by keyword: "
                                             r"cascade takes attacker, target, date by position$"):
        foedus.cascade("RUS", "EST", "2025-06-01", attacker="BLR")
    result = foedus.cascade(date="2025-06-01", target="EST", attacker="RUS")
    assert "USA" in result.sides["defense"]
    assert next(iter(inspect.signature(foedus.replay_war).parameters)) == "war"
