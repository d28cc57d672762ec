"""The state registry as plain JSON data and back: the `states` part of the world cache (`foedus.model.codec`).

Kept apart from the treaty and place codecs so that a command which needs only the states (`foedus similarity`)
reads them from the cache without importing or decoding the treaty model (`foedus.world_cache.cached_states`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from foedus.datarecord import without_post_init
from foedus.model.states import State, StateRegistry

__all__ = ["spells_in", "spells_out", "states_from_plain", "states_to_plain", "without_post_init"]

Spell = tuple[dt.date, dt.date | None]


def spells_out(spells: tuple[Spell, ...]) -> list[list[str | None]]:
    """Membership spells as ISO dates (None: ongoing)."""
    return [[a.isoformat(), b.isoformat() if b else None] for a, b in spells]


def spells_in(data: list[list[str | None]]) -> tuple[Spell, ...]:
    """Spells back from `spells_out`."""
    return tuple((dt.date.fromisoformat(str(a)), dt.date.fromisoformat(b) if b else None) for a, b in data)


def states_to_plain(states: StateRegistry) -> dict[str, Any]:
    """The registry's states, system-date flag, major-power spells and name index as plain data."""
    rows = [{"id": s.id, "name": s.name, "ccode": s.ccode, "iso3": s.iso3, "cow_abb": s.cow_abb, "regex": s.regex,
             "continent": s.continent, "subregion": s.subregion, "spells": spells_out(s.spells)}
            for s in states.states.values()]
    return {"states": rows, "has_system_dates": states.has_system_dates,
            "majors": {k: spells_out(v) for k, v in states.majors.items()}, "index": states.lookup_index}


def states_from_plain(data: dict[str, Any]) -> StateRegistry:
    """The registry back from `states_to_plain`, without re-indexing.

    Raises:
        KeyError, TypeError, ValueError, AttributeError: `data` does not have the shape `states_to_plain` gives.
    """
    by_id: dict[str, State] = {}
    for row in data["states"]:
        state = State(**{**row, "spells": spells_in(row["spells"])})
        by_id[state.id] = state
    return StateRegistry.indexed(dict(data["index"]), states=by_id, has_system_dates=bool(data["has_system_dates"]),
                                 majors={k: spells_in(v) for k, v in data["majors"].items()})
