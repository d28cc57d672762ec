"""A state named without its accents, as most keyboards type it, was unknown: 'Cote d'Ivoire' and 'Sao Tome and
Principe' (COW's own spelling), and 'Côte d'Ivoire' in decomposed form (NFD, as macOS may hand it over), were each
'unknown state ...; did you mean Côte d’Ivoire?', since the lookup key dropped 'ô' instead of reading it as 'o'; and
a full-width 'ＲＵＳ' was unknown. The key now folds accents as the gazetteer's slugs do (`foedus.model.slug.fold`)."""

from __future__ import annotations

import unicodedata

import pytest

import foedus
from foedus.errors import UnknownStateError
from foedus.model.world import World


@pytest.mark.parametrize(("typed", "state"), [
    ("Cote d'Ivoire", "CIV"), ("cote d ivoire", "CIV"), (unicodedata.normalize("NFD", "Côte d'Ivoire"), "CIV"),
    ("Sao Tome and Principe", "STP"), ("Sao Tome & Principe", "STP"), ("ＲＵＳ", "RUS"),
    # an apostrophe typed as a modifier letter (U+02BC, U+02BB) or a right quote (U+2019) is an apostrophe
    ("People\u02bcs Republic of China", "CHN"), ("Lao People\u02bcs Democratic Republic", "LAO"),
    ("People\u02bbs Republic of China", "CHN"), ("People\u2019s Republic of China", "CHN"),
])
def test_a_name_typed_without_accents_is_the_state(typed: str, state: str) -> None:
    assert World.default().states.resolve(typed).id == state


def test_the_python_api_takes_it() -> None:
    result = foedus.cascade("Cote d'Ivoire", "Sao Tome and Principe", "2020-01-01")
    assert (result.scenario.attackers, result.scenario.targets) == (("CIV",), ("STP",))



def test_a_name_in_letters_folding_drops_is_unknown_as_typed() -> None:
    """Folding dropped letters with no ASCII form (Cyrillic, Greek): 'Россия Estonia' was Estonia and 'RUS Россия'
    Russia, the word unread and unseen, and 'Россия 2' was told that a COW number is a whole number. Such a word is
    kept: a text with a word no state's name has names no state ('Россия' alone was already unknown)."""
    told = {}
    for typed in ["Россия", "Україна", "Ελλάδα", "Россия Estonia", "Estonia Россия", "RUS Россия", "Россия 2",
                  "2 Россия", "Россия Russia", "Ελλάδα Estonia"]:
        try:
            told[typed] = World.default().states.resolve(typed).id
        except UnknownStateError as exc:
            if not str(exc).startswith(f"unknown state {typed!r}") or "COW number" in str(exc):
                told[typed] = str(exc)
    assert not told
