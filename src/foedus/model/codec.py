"""The world's parts (treaties, state registry, gazetteer) as plain JSON data and back, for the on-disk cache.

Plain data cannot run code when it is read, unlike a pickle; the lookup indexes are stored as they were
built, so that a start from the cache does no more work than rebuilding the objects.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from foedus.model.gazetteer import Gazetteer
from foedus.model.places import Place, Region
from foedus.model.plain import from_plain, to_plain
from foedus.model.states import State, StateRegistry
from foedus.model.treaty import Treaty

__all__ = ["parts_from_plain", "parts_to_plain", "treaties_from_plain", "treaties_to_plain"]

Parts = tuple[dict[str, Treaty], StateRegistry, Gazetteer]
Spell = tuple[dt.date, dt.date | None]


def treaties_to_plain(treaties: list[Treaty]) -> list[dict[str, Any]]:
    """Treaties as plain data."""
    return [to_plain(t) for t in treaties]


def treaties_from_plain(data: list[dict[str, Any]]) -> list[Treaty]:
    """Treaties back from `treaties_to_plain`."""
    return [from_plain(Treaty, d) for d in data]


def _spells_out(spells: tuple[Spell, ...]) -> list[list[str | None]]:
    return [[a.isoformat(), b.isoformat() if b else None] for a, b in spells]


def _spells_in(data: list[list[str | None]]) -> tuple[Spell, ...]:
    return tuple((dt.date.fromisoformat(str(a)), dt.date.fromisoformat(b) if b else None) for a, b in data)


def parts_to_plain(parts: Parts) -> dict[str, Any]:
    """Curated treaties, state registry and gazetteer as one plain-data object."""
    treaties, states, places = parts
    state_rows = [{"id": s.id, "name": s.name, "ccode": s.ccode, "iso3": s.iso3, "cow_abb": s.cow_abb,
                   "regex": s.regex, "continent": s.continent, "subregion": s.subregion,
                   "spells": _spells_out(s.spells)} for s in states.states.values()]
    return {
        "treaties": treaties_to_plain(list(treaties.values())),
        "states": {"states": state_rows, "has_system_dates": states.has_system_dates,
                   "majors": {k: _spells_out(v) for k, v in states.majors.items()}, "index": states._index},
        "places": {"regions": [to_plain(r) for r in places.regions.values()],
                   "places": [to_plain(p) for p in places.places.values()], "home_of": places.home_of,
                   "index": places._index},
    }


def parts_from_plain(data: dict[str, Any]) -> Parts:
    """The parts back from `parts_to_plain`, without re-validating or re-indexing.

    Raises:
        KeyError, TypeError, ValueError, AttributeError: `data` does not have the shape `parts_to_plain` gives.
    """
    treaties = {t.id: t for t in treaties_from_plain(data["treaties"])}
    raw_states = data["states"]
    states_by_id: dict[str, State] = {}
    for row in raw_states["states"]:
        state = State(**{**row, "spells": _spells_in(row["spells"])})
        states_by_id[state.id] = state
    registry = _without_post_init(StateRegistry, states=states_by_id,
                                  has_system_dates=bool(raw_states["has_system_dates"]),
                                  majors={k: _spells_in(v) for k, v in raw_states["majors"].items()},
                                  _index=dict(raw_states["index"]))
    raw_places = data["places"]
    regions = {r.id: r for r in (from_plain(Region, x) for x in raw_places["regions"])}
    places = {p.id: p for p in (from_plain(Place, x) for x in raw_places["places"])}
    gazetteer = _without_post_init(Gazetteer, regions=regions, places=places, home_of=dict(raw_places["home_of"]),
                                   _index=dict(raw_places["index"]))
    return treaties, registry, gazetteer


def _without_post_init(cls: type[Any], **given: Any) -> Any:
    """A dataclass instance with these fields (the others at their defaults), its `__post_init__` (index
    building) skipped: the index is given."""
    import dataclasses

    obj = object.__new__(cls)
    for f in dataclasses.fields(cls):
        if f.name in given:
            obj.__dict__[f.name] = given[f.name]
        elif f.default_factory is not dataclasses.MISSING:
            obj.__dict__[f.name] = f.default_factory()
        elif f.default is not dataclasses.MISSING:
            obj.__dict__[f.name] = f.default
        else:
            raise TypeError(f"{cls.__name__}.{f.name} is missing from the cached data")
    return obj
