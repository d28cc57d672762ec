"""Named states in the order a reader looks them up: by the name said, not by id (Germany, DEU, came between Czechia
and Denmark in the cascade's side lists). The web page sorts its lists alike (web/src/wording.ts byName;
tests/test_said_parity.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

__all__ = ["by_name", "name_key"]

T = TypeVar("T")


def name_key(text: str) -> str:
    """`text` as it sorts: case and accents ignored ("Côte d'Ivoire" among the Cs, before "Croatia"). Every step is
    one the web's `byName` takes alike: the marks are those of Unicode's category M (JavaScript's `\\p{M}`), and the
    case is folded as upper- then lower-case, which folds "ß" to "ss" and "ς" to "σ" as `casefold` does, where a
    plain `toLowerCase` left them, so "Straße" sorted after "Strasz" on the page and before it here."""
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.category(c).startswith("M"))
    return plain.upper().lower()


def by_name(items: Iterable[T], said: Callable[[T], str] = str) -> list[T]:
    """`items` sorted by the words `said` gives each (a state as a line names it: "Germany (DEU)"), by `name_key`,
    ties by those words; lists in CSV and JSON keep the engine's order.

    >>> by_name(["Germany (DEU)", "Denmark (DNK)", "Czechia (CZE)", "Côte d'Ivoire (CIV)", "Croatia (HRV)"])
    ["Côte d'Ivoire (CIV)", 'Croatia (HRV)', 'Czechia (CZE)', 'Denmark (DNK)', 'Germany (DEU)']
    """
    return sorted(items, key=lambda x: (name_key(said(x)), said(x)))  # by code point, as byName compares
