"""Named states in the order a reader looks them up: by the name said, not by id (Germany, DEU, came between Czechia
and Denmark in the cascade's side lists)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["by_name"]


def by_name(said: Iterable[str]) -> list[str]:
    """`said` (each a state as a line names it: "Germany (DEU)") sorted by its words, case and accents ignored
    ("Côte d'Ivoire" among the Cs, before "Croatia"); lists in CSV and JSON keep the engine's order.

    >>> by_name(["Germany (DEU)", "Denmark (DNK)", "Czechia (CZE)", "Côte d'Ivoire (CIV)", "Croatia (HRV)"])
    ["Côte d'Ivoire (CIV)", 'Croatia (HRV)', 'Czechia (CZE)', 'Denmark (DNK)', 'Germany (DEU)']
    """
    import unicodedata

    def key(text: str) -> tuple[str, str]:
        plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        return plain.casefold(), text

    return sorted(said, key=key)
