"""Slugs: the lowercase ids of places and regions, and the loose form names are matched in."""

from __future__ import annotations

import re

__all__ = ["slugify"]


def slugify(text: str) -> str:
    """Lowercase slug used for place ids and loose name matching.

    >>> slugify("Bosnia & Herzegovina")
    'bosnia-herzegovina'
    >>> slugify("  Réunion ")
    'reunion'
    """
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
