"""Names of areas that span several places, mostly held by different states (`data/place_spans.yaml`: the Suwałki
Gap across the Poland-Lithuania border, the Korean DMZ across the two Koreas, Kashmir across three states' places,
the Donbas across two Ukrainian oblasts). No one place answers for such a name, and a place
decides whose territory an attack hits, so `Gazetteer.resolve` refuses one with the places it spans, each with its
holder ("name one of them"), rather than guessing one or answering "unknown place", with "region" or "area" after
it too ("Donbas region"); a name close to an area's ("Kashmr", "Suwałki") has the area among its suggestions, with
the places it spans.

Read only when a typed place matches no place: a cascade that names a place pays nothing for it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from foedus.errors import TreatyDataError, UnknownPlaceError, shown
from foedus.model.slug import slugify
from foedus.wording import and_listed

if TYPE_CHECKING:
    from foedus.model.places import Place, PlaceSpan
    from foedus.model.states import StateRegistry

__all__ = ["area_names", "span_error", "spanned", "spans", "spans_note"]

_FILE = "place_spans.yaml"
_GENERIC = r"-(?:region|area)$"  # a word that adds nothing to an area's name (`_area_named`)


@functools.cache
def spans() -> dict[str, PlaceSpan]:
    """Every area of `place_spans.yaml`, by its id; a malformed entry is named by its path in the file."""
    from foedus.model.bundled import read_bundled, validated
    from foedus.model.places import PlaceSpan

    return {str(k): validated(PlaceSpan, raw, _FILE, str(k)) for k, raw in (read_bundled(_FILE) or {}).items()}


def area_names() -> dict[str, str]:
    """Every name of every area (its id, name and aliases) as a slug (`slugify`), with the area's id: what a typed
    place is matched against, exactly (`span_error`) or loosely (`Gazetteer.resolve`'s suggestions)."""
    return {slugify(name): area for area, span in spans().items() for name in (area, span.name, *span.aliases)}


def spanned(area: str, places: Mapping[str, Place], states: StateRegistry | None = None,
            day: dt.date | None = None) -> str:
    """The area `area` in words with the places it spans, each with its holder on `day`, named as it was called then
    (`StateRegistry.names_on`): "the Suwałki Gap, across poland (Poland) and lithuania (Lithuania), held by
    different states"; "across" has no verb to agree with a plural name ("the Baltic states, which spans" did not).

    Raises:
        TreatyDataError: the area names a place the gazetteer lacks (`place_spans.yaml: suwalki-gap.places[1]`).
    """
    span = spans()[area]
    names = states.names_on(day) if states is not None else {}  # as called on the day (the Soviet Union in 1979)
    held, holders = [], set()
    for i, place_id in enumerate(span.places):
        if place_id not in places:
            raise TreatyDataError(_FILE, f"{area}.places[{i}]", f"unknown place {place_id!r} (see `foedus places "
                                  "--homes`)")
        place = places[place_id].on(day) if day is not None else places[place_id]
        holder = place.sovereign or place.administrator
        holders.add(holder)
        name = names.get(holder, holder) if holder else holder
        held.append(f"{place_id} ({name})" if name else place_id)
    apart = ", held by different states" if len(holders) > 1 else ""
    return f"the {span.name}, across {and_listed(held)}{apart}"


def span_error(text: str, places: Mapping[str, Place], states: StateRegistry | None = None,
               day: dt.date | None = None) -> UnknownPlaceError | None:
    """The error for `text` where it names an area that spans several places (`spanned`: the places, each with its
    holder on `day`), or None where it names none.

    Raises:
        TreatyDataError: as `spanned`.
    """
    area = _area_named(slugify(text))
    if area is None:
        return None
    return UnknownPlaceError(f"the place {shown(text)} is {spanned(area, places, states, day)}: name one of them, e.g. "
                             f"{spans()[area].places[0]!r} (try `foedus places`)")


def _area_named(key: str) -> str | None:
    """The area whose name is the slug `key`, a trailing "region" or "area" on either side aside ("Donbas region" is
    the Donbas, "Kashmir area" the Kashmir region): such a word adds nothing to an area's name."""
    names = area_names()
    if key in names:
        return names[key]
    bare = {_bare(name): area for name, area in names.items()}
    return bare.get(_bare(key))


def _bare(key: str) -> str:
    """The slug `key` without a trailing "-region" or "-area" (`_GENERIC`)."""
    return re.sub(_GENERIC, "", key)


def spans_note() -> str:
    """The note `foedus places` gives of the areas it lists no row for: each with the places to name instead."""
    areas = "; ".join(f"{area} ({span.name}: {', '.join(span.places)})" for area, span in spans().items())
    return f"note: these areas span several places and are refused as a place (name one of their places): {areas}"
