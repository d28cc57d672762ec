"""Slugs: the lowercase ids of places and regions, and the loose form names are matched in."""

from __future__ import annotations

import re

__all__ = ["fold", "norm", "slugify"]

_NOT_KEY = r"[^a-z0-9]+"  # slugify's too: re's cache compiles it once
_LATIN = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ħ": "h",
                        "Ħ": "H", "ı": "i", "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                        "þ": "th", "Þ": "Th"})  # Latin letters NFKD leaves whole, as their ASCII spelling


def slugify(text: str) -> str:
    """Lowercase slug used for place ids and loose name matching.

    >>> slugify("Bosnia & Herzegovina")
    'bosnia-herzegovina'
    >>> slugify("  Réunion ")
    'reunion'
    """
    return re.sub(_NOT_KEY, "-", fold(text).lower()).strip("-")


def fold(text: str, keep_letters: bool = False) -> str:
    """`text` in ASCII as a person without the accents would type it: accents dropped, full-width forms plain.
    Latin letters that no accent makes (ł, ø, ß, æ: `_LATIN`) are written as such a person writes them, where they
    were dropped ("Suwałki" was "Suwaki", "Føroyar" "Froyar"). Letters with no ASCII form (Cyrillic, Greek) are
    dropped, or kept as they are with `keep_letters`: a state's name must not lose a word it cannot read ("Россия
    Estonia" is not "Estonia"). Modifier letters (category Lm, such as the apostrophe-like U+02BC and U+02BB) are
    dropped like punctuation: "Peopleʼs" is "Peoples".

    >>> fold("Côte d’Ivoire"), fold("São Tomé"), fold("ＲＵＳ"), fold("Ελλάδα"), fold("Ελλάδα", keep_letters=True)
    ('Cote dIvoire', 'Sao Tome', 'RUS', '', 'Ελλαδα')
    >>> fold("Suwałki"), fold("Føroyar"), fold("Łódź", keep_letters=True), fold("Straße")
    ('Suwalki', 'Foroyar', 'Lodz', 'Strasse')
    """
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.translate(_LATIN))
    if keep_letters:
        return "".join(c for c in decomposed
                       if c.isascii() or (c.isalpha() and unicodedata.category(c) != "Lm"))
    return decomposed.encode("ascii", "ignore").decode()


def norm(text: str) -> str:
    """`text` lower-cased with only its letters and digits, accents folded as slugs fold them ('Cote d'Ivoire' is
    'Côte d’Ivoire'), letters with no ASCII form kept (`fold`): the state registry's key for a code or name."""
    if text.isascii():
        return re.sub(_NOT_KEY, "", text.lower())
    return "".join(c for c in fold(text, keep_letters=True).lower() if c.isalnum())
