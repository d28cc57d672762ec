"""The world's parts (treaties, state registry, gazetteer) as plain JSON data and back, for the on-disk cache.

Plain data cannot run code when it is read, unlike a pickle; the lookup indexes are stored as they were
built, so that a start from the cache does no more work than rebuilding the objects. The data comes back as
pydantic models, or as runtime records in a process that asked for them (`foedus.model.records`); encoding
needs the models, and imports pydantic only then.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from foedus.model import records
from foedus.model.gazetteer import Gazetteer
from foedus.model.state_codec import states_from_plain, states_to_plain
from foedus.model.states import StateRegistry

if TYPE_CHECKING:
    from foedus.model.places import Place, Region
    from foedus.model.treaty import Treaty

__all__ = ["parts_from_plain", "parts_to_plain", "treaties_from_plain", "treaties_to_plain"]

Parts = tuple["dict[str, Treaty]", StateRegistry, Gazetteer]


def treaties_to_plain(treaties: list[Treaty]) -> list[dict[str, Any]]:
    """Treaties as plain data."""
    from foedus.model.plain import to_plain

    return [to_plain(t) for t in treaties]


def treaties_from_plain(data: list[dict[str, Any]]) -> list[Treaty]:
    """Treaties back from `treaties_to_plain`: models, or records where this process uses them."""
    if records.records_on():
        from foedus.model import record_decoders

        return cast("list[Treaty]", [record_decoders.treaty(d) for d in data])  # records stand in for the models
    from foedus.model.plain import from_plain
    from foedus.model.treaty import Treaty

    return [from_plain(Treaty, d) for d in data]


def parts_to_plain(parts: Parts) -> dict[str, Any]:
    """Curated treaties, state registry and gazetteer as one plain-data object."""
    from foedus.model.plain import to_plain

    treaties, states, places = parts
    return {
        "treaties": treaties_to_plain(list(treaties.values())),
        "states": states_to_plain(states),
        "places": {"regions": [to_plain(r) for r in places.regions.values()],
                   "places": [to_plain(p) for p in places.places.values()], "home_of": places.home_of,
                   "sets": places.sets, "doubted_sets": places.doubted_sets,
                   "set_doubts": places.set_doubts, "index": places.lookup_index},
    }


def parts_from_plain(data: dict[str, Any]) -> Parts:
    """The parts back from `parts_to_plain`, without re-validating or re-indexing.

    Raises:
        KeyError, TypeError, ValueError, AttributeError: `data` does not have the shape `parts_to_plain` gives.
    """
    treaties = {t.id: t for t in treaties_from_plain(data["treaties"])}
    registry = states_from_plain(data["states"])
    raw_places = data["places"]
    region, place = _place_decoders()
    regions = {r.id: r for r in map(region, raw_places["regions"])}
    places = {p.id: p for p in map(place, raw_places["places"])}
    gazetteer = Gazetteer.indexed(dict(raw_places["index"]), regions=regions, places=places,
                                  home_of=dict(raw_places["home_of"]),
                                  sets={k: list(v) for k, v in raw_places["sets"].items()},
                                  doubted_sets=dict(raw_places["doubted_sets"]),
                                  set_doubts=dict(raw_places["set_doubts"]))
    return treaties, registry, gazetteer


Decoders = tuple[Callable[[dict[str, Any]], "Region"], Callable[[dict[str, Any]], "Place"]]


def _place_decoders() -> Decoders:
    """How a region and a place come back from plain data: as records where this process uses them."""
    if records.records_on():
        from foedus.model import place_decoders

        return cast("Decoders", (place_decoders.region, place_decoders.place))  # records stand in for the models
    from foedus.model.places import Place, Region
    from foedus.model.plain import from_plain

    return functools.partial(from_plain, Region), functools.partial(from_plain, Place)
