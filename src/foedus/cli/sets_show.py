"""`foedus places --sets`: the named place sets treaty scopes use, each with its places, how sure its extent is and
what is unsure about it (`foedus.set_uses`), as a table, CSV or JSON."""

from __future__ import annotations

from typing import Any

from foedus.errors import FoedusError

__all__ = ["print_sets"]


def print_sets(fmt: str, *, regions: bool = False, homes: bool = False, date: str | None = None) -> None:
    """The gazetteer's place sets, by id; the options that concern places or regions are refused, as given.

    Raises:
        FoedusError: --regions, --homes or --date given with --sets.
    """
    from foedus.cli.listing import emit
    from foedus.model.world import World
    from foedus.set_uses import set_rows

    given = next((o for o, on in (("--regions", regions), ("--homes", homes), ("--date", date is not None)) if on),
                 None)
    if given:
        raise FoedusError(f"{given} has no effect with --sets (it concerns places or regions); leave it out")

    def shown(row: dict[str, Any], key: str) -> str:
        value = row.get(key)
        return ", ".join(value) if isinstance(value, list) else str(value or "—")

    emit(set_rows(World.default().places), fmt,
         [("id", "id"), ("places", "places"), ("certainty", "certainty"), ("doubt", "doubt")], shown)
