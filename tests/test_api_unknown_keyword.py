"""Every public function of `foedus` (its `__all__`) refuses a keyword it does not take the way `foedus.cascade`
always did: one line, a FoedusError (UnknownOptionError), naming the keyword and the ones it takes.
`foedus.replay_war(bogus=1)` and `foedus.load_world(bogus=1)` raised Python's own TypeError."""

from __future__ import annotations

import inspect
from collections.abc import Callable

import pytest

import foedus
from foedus.errors import FoedusError, ScenarioError, UnknownOptionError

PUBLIC = [name for name in foedus.__all__ if inspect.isfunction(getattr(foedus, name))]


def test_the_public_functions_are_found() -> None:
    assert {"cascade", "load_world", "replay_war"} <= set(PUBLIC)


@pytest.mark.parametrize("name", PUBLIC)
def test_an_unknown_keyword_is_one_foedus_error_naming_it_and_the_known_ones(name: str) -> None:
    function: Callable[..., object] = getattr(foedus, name)
    keyword_only = sorted(p.name for p in inspect.signature(function).parameters.values()
                          if p.kind is p.KEYWORD_ONLY)
    with pytest.raises(FoedusError) as caught:
        function(bogus=1, also_bogus=2)
    assert isinstance(caught.value, UnknownOptionError)
    choose = f"choose from {', '.join(keyword_only)}" if keyword_only else f"{name} takes none"
    assert str(caught.value) == f"unknown option(s) also_bogus, bogus: {choose}"


def test_the_words_are_cascades_own() -> None:
    """What `cascade` said of an unknown option (a ScenarioError) is what they all say; its list now names every
    keyword it takes, `world` and `what_if` too."""
    with pytest.raises(ScenarioError, match=r"^unknown option\(s\) readng: choose from add_member, basis, .*what_if, "
                                            r"world$"):
        foedus.cascade("RUS", "EST", "2025-06-01", readng="escalatory")
    with pytest.raises(ScenarioError, match=r"^unknown option\(s\) readng: choose from basis, decisions, "
                                            r"non_military, reading, requested, territory_view, unresolved, until, "
                                            r"world$"):
        foedus.replay_war("russia_ukraine_2022", readng="escalatory")

