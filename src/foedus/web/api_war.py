"""War endpoints for the map's timeline: the bundled example wars by id, and one replayed frame by frame.

`GET /api/wars` lists the wars bundled with foedus (`foedus.war.bundled`); `GET /api/war?id=…` replays
one (`foedus.replay_war(...).to_dict()`, the contract of `foedus war --json`, docs/war.md). A request only
ever names a war by id, looked up in that list: no request reaches a path of its own choosing. Replays are
kept (a few, by id, settings and the day replayed), since a war takes up to a couple of seconds to replay.
"""

from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from foedus.engine.scenario import TerritoryView, parse_date
from foedus.errors import FoedusError, UnknownWarError
from foedus.inputs import WAR
from foedus.war.bundled import bundled_wars
from foedus.war.events import War
from foedus.war.replay import replay_end
from foedus.web.models import ErrorOut, WarOut
from foedus.web.params import declared_query

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["war"])
_ERRORS: dict[int | str, dict[str, Any]] = {422: {"model": ErrorOut, "description": "the input cannot be used"}}


@cache
def _summary(war_id: str) -> dict[str, Any]:
    from foedus.war.loader import read_war_file

    w = read_war_file(bundled_wars()[war_id])
    start = min(e.date for e in w.events)
    return {"id": war_id, "name": w.name, "start": start.isoformat(), "end": w.end.isoformat() if w.end else None,
            "ongoing": w.end is None, "events": len(w.events)}


@router.get("/wars", response_model=None, responses={200: {"description": "the wars"}})
def list_wars() -> JSONResponse:
    """The worked example wars that `/api/war` replays: id, name, first event, end, number of events."""
    rows = []
    for war_id in bundled_wars():
        try:
            rows.append(_summary(war_id))
        except FoedusError:
            continue  # a broken example is left out of the list, not served half-read
    return JSONResponse(rows)


Settings = tuple[tuple[str, Any], ...]
war_settings = declared_query(WAR, lambda values: tuple(sorted(values.items())))
"""FastAPI dependency: the declared war switches (reading, requested, basis, territory_view, unresolved,
non_military)."""


@lru_cache(maxsize=8)
def _war(war_id: str, view: TerritoryView) -> War:
    """A bundled war, loaded (its places read in `view`): what says which day a request replays."""
    from foedus.war.loader import load_war

    return load_war(bundled_wars()[war_id], view=view)


@lru_cache(maxsize=8)
def _replay(war_id: str, settings: Settings, end: dt.date) -> dict[str, Any]:
    """The replay of a war to `end`, the day replayed (`replay_end`), not the text asked: every day asked past an
    ongoing war's data is one replay. The request's own `war.asked_until` is added outside (`get_war`)."""
    from foedus.api import replay_war

    options = dict(settings)
    out = replay_war(_war(war_id, options["territory_view"]), until=end, **options).to_dict()
    out["war"] = {**out["war"], "source": f"bundled:{war_id}"}
    return out


@router.get("/war", response_model=None, responses={200: {"model": WarOut, "description": "the replay"}, **_ERRORS})
def get_war(
    id: Annotated[str, Query(description="A war id from /api/wars, e.g. russia_ukraine_2022.", max_length=80)],
    settings: Annotated[Settings, Depends(war_settings)],
    until: Annotated[str | None, Query(description="Last day replayed, YYYY-MM-DD; for an ongoing war, a "
                                                      "day after its data ends is replayed to that end, "
                                                      "`war.asked_until` saying so.", max_length=32)] = None,
) -> JSONResponse:
    """A bundled war replayed date by date: `foedus war --json` (frames with sides, bound states and who moved
    why; per state the date and treaty that first bound it). An ongoing war asked past its data's end is replayed
    to that end, `war.asked_until` holding the day asked; days replayed after the day the bundled treaty set
    was reviewed to (2025-12-31) rest on the treaties as known, later changes encoded only where found, and a note
    says so."""
    if id not in bundled_wars():
        known = ", ".join(bundled_wars()) or "none"
        raise UnknownWarError(f"unknown war {id[:80]!r}; the bundled wars are: {known} (see /api/wars)")
    day = parse_date(until) if until is not None else None  # an empty until= is malformed, not "no date"
    end, asked = replay_end(_war(id, dict(settings)["territory_view"]), day)
    out = _replay(id, settings, end)
    return JSONResponse({**out, "war": {**out["war"], "asked_until": asked.isoformat() if asked else None}})


@router.get("/wars/at", response_model=None, responses={200: {"description": "the war, or null"}, **_ERRORS})
def war_at(
    date: Annotated[str, Query(description="The scenario's day, YYYY-MM-DD.", max_length=32)],
    attackers: Annotated[str, Query(description="Attacker codes, comma-separated, e.g. UKR.", max_length=400)],
    targets: Annotated[str, Query(description="Target codes, comma-separated, e.g. RUS.", max_length=400)],
    settings: Annotated[Settings, Depends(war_settings)],
    states: Annotated[str, Query(description="The scenario's other states (its joiners), comma-separated: a war "
                                             "one of them fights in is `involved` too.", max_length=4000)] = "",
) -> JSONResponse:
    """The bundled war a scenario sits in (`{"id": ...}`, or `{"id": null}`): the first whose span holds `date` and
    in which an attacker and a target fight on opposite sides that day, as the cascade's war note finds it
    (`foedus.war.notes.wars_spanning`, `war_day`, `at_war`): the map's war picker defaults to it. `involved`: each
    bundled war in which an attacker, a target or one of `states` fights that day (`_involved`): the map's Replay
    opens a war at the scenario's date only if it is one of them (web/src/waropen.ts)."""
    from foedus.engine.outcome import DATA_END
    from foedus.model.world import World
    from foedus.war.notes import at_war, replay_settings, war_day, wars_spanning

    day, how = parse_date(date), replay_settings(dict(settings))
    codes = [[c for c in given.upper().split(",") if c] for given in (attackers, targets, states)]
    pairs = [(a, t) for a in codes[0] for t in codes[1]]
    found_id = None
    for wid, _, named in wars_spanning(day, DATA_END):
        if named is not None and not any(a in named and t in named for a, t in pairs):
            continue
        found = war_day(World.default(), wid, day, how)
        if found is not None and any(at_war(found[0], a, t) for a, t in pairs):
            found_id = wid
            break
    return JSONResponse({"id": found_id, "involved": _involved(day, {c for cs in codes for c in cs}, how)})


def _involved(day: dt.date, states: set[str], how: tuple[object, ...]) -> list[str]:
    """The bundled wars in which one of `states` fights on `day`: the war's span as `/api/wars` gives it and Replay
    reads it (its first event to its `end`, or on if ongoing) holds the day, and on the replay's last date up to it
    (`foedus.war.notes.war_day`) one of them is on a side. USA attacking Canada on 2025-06-01 is in none, and Replay
    no longer opened the Russia–Ukraine war at that date as if it were. A war that names its states by code and none
of these is skipped before anything is read (`foedus.war.notes.named_in`): its replay, cold, took over a second."""
    from foedus.engine.outcome import DATA_END
    from foedus.model.world import World
    from foedus.war.notes import fights, named_in, war_day

    named, out = named_in(DATA_END), []
    for wid in bundled_wars():
        if wid in named and named[wid].isdisjoint(states):
            continue  # none of them is named in the war: none fights in it, known without its replay (seconds, cold)
        try:
            row = _summary(wid)
        except FoedusError:
            continue  # a broken example is not listed (list_wars)
        if day < dt.date.fromisoformat(row["start"]) or (row["end"] and day > dt.date.fromisoformat(row["end"])):
            continue
        found = war_day(World.default(), wid, day, how)
        if found is not None and fights(found[0], states):
            out.append(wid)
    return out
