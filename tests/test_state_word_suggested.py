"""An unknown state typed as one word of a state's name ("Saudi") is told that state first, not only look-alikes."""

from __future__ import annotations

import re

import pytest

import foedus
from foedus.errors import UnknownStateError


@pytest.mark.parametrize(("typed", "named"), [("Saudi", "Saudi Arabia"), ("Leone", "Sierra Leone"),
                                              ("Tome", "São Tomé and Príncipe"), ("arabia", "Saudi Arabia")])
def test_one_word_of_a_name_suggests_that_name_first(typed: str, named: str) -> None:
    """'Saudi' was told 'did you mean Sudan, Spain?' (look-alike spellings), never Saudi Arabia, which it is a word
    of; 'Leone' was told Lebanon, 'Tome' nothing: the names holding the typed word come first among the (at most
    three) suggestions."""
    told = rf"^unknown state '{typed}'; did you mean {re.escape(named)}[,?]"
    with pytest.raises(UnknownStateError, match=told) as caught:
        foedus.cascade(typed, "UKR", "2024-12-15")
    assert str(caught.value).count(",") <= 2


def test_a_look_alike_is_still_suggested() -> None:
    """A misspelling that is no word of a name is told the look-alikes, as before ('Rusia': Russia)."""
    with pytest.raises(UnknownStateError, match=r"^unknown state 'Rusia'; did you mean Russia[,?]"):
        foedus.cascade("Rusia", "UKR", "2024-12-15")
