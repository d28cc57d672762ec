"""The words of state names, for the state registry's lookup (`foedus.model.states`): the formal styles that may
stand around a name, a text's words, and the key a code or name is indexed by.

Split from `foedus.model.states` so each module stays small.
"""

from __future__ import annotations

import re

__all__ = ["STYLE_WORDS", "norm", "outside_word", "words"]

# words of formal styles that may stand around a state's name ("the Republic of ...")
STYLE_WORDS = frozenset({
    "the", "of", "and", "republic", "kingdom", "state", "states", "federation", "federal", "democratic", "people",
    "peoples", "s", "islamic", "arab", "socialist", "union", "united", "commonwealth", "principality", "grand",
    "duchy", "empire", "sultanate", "emirate", "emirates", "plurinational", "bolivarian", "oriental", "cooperative",
    "hashemite", "independent", "sovereign", "popular", "great", "federated", "islands", "island", "co", "operative",
    "america", "coast",
})


def words(text: str) -> list[str]:
    """The words of `text` (letters only)."""
    return re.findall(r"[^\W\d_]+", text)


def outside_word(text: str, start: int, end: int) -> str:
    """`text` without the words the span [start, end) falls in (a pattern may match part of a word: "afghan")."""
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[:start] + " " + text[end:]


def norm(text: str) -> str:
    """`text` lower-cased with all but letters a-z and digits gone: the registry's key for a code or name."""
    return re.sub(r"[^a-z0-9]+", "", text.lower())
