"""Slugs: the lowercase ids of places and regions, and the loose form names are matched in."""

from __future__ import annotations

import re

__all__ = ["fold", "slugify"]


def slugify(text: str) -> str:
    """Lowercase slug used for place ids and loose name matching.

    >>> slugify("Bosnia & Herzegovina")
    'bosnia-herzegovina'
    >>> slugify("  Réunion ")
    'reunion'
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def fold(text: str) -> str:
    """`text` in ASCII as a person without the accents would type it: accents dropped, full-width forms plain.

    >>> fold("Côte d’Ivoire"), fold("São Tomé"), fold("ＲＵＳ")
    ('Cote dIvoire', 'Sao Tome', 'RUS')
    """
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
