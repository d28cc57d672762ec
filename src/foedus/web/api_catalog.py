"""Read-only catalogue endpoints: treaties (with invocation history), states, places, regions, health.

The same rows the CLI prints with `--json` (`foedus treaties list/show`, `states`, `places`), plus
the ISO numeric code of each state so the map can join its shapes to state ids.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse

from foedus import catalog
from foedus.model.world import World
from foedus.web.models import ErrorOut, HealthOut, StateOut, TreatyRowOut

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["catalogue"])
_ERRORS: dict[int | str, dict[str, Any]] = {422: {"model": ErrorOut, "description": "the input cannot be used"}}
_DATE = "Only those on this date, YYYY-MM-DD (1815-01-01 to 2100-12-31)."
_UNKNOWN_IN = "the system members, and the states whose membership the COW dates cannot say (`member` null),"


def _day(date: str | None) -> Any:
    from foedus.engine.scenario import parse_date

    return parse_date(date) if date is not None else None  # an empty date is malformed, not "every date"


@router.get("/treaties", response_model=None, responses={200: {"model": list[TreatyRowOut]}, **_ERRORS})
def list_treaties(
    date: Annotated[str | None, Query(description="Only treaties in force on this date, YYYY-MM-DD.",
                                      max_length=32)] = None,
    origin: Annotated[Literal["all", "curated", "atop"],
                      Query(description="curated (foedus's own files), atop (ATOP history), or all.")] = "all",
) -> JSONResponse:
    """The treaties: id, name, dates, member count, kinds of obligation, number of recorded invocations."""
    return JSONResponse(catalog.treaty_rows(World.default(), _day(date), origin))


@router.get("/treaties/{treaty_id}", response_model=None, responses={200: {"description": "the treaty"},
                                                                    **_ERRORS})
def show_treaty(
    treaty_id: Annotated[str, Path(description="Treaty id, e.g. rus_prk_2024.", max_length=80)],
) -> JSONResponse:
    """One treaty: dates, members, provisions, sources, invocation history, duties, forms of help and depth
    (`foedus treaties show --json`, from the same serializer)."""
    return JSONResponse(catalog.treaty_detail(World.default(), treaty_id))


@router.get("/states", response_model=None, responses={200: {"model": list[StateOut]}, **_ERRORS})
def list_states(
    date: Annotated[str | None, Query(description=_DATE.replace("those", _UNKNOWN_IN), max_length=32)] = None,
    every: Annotated[bool, Query(description="With `date`: the states out of the state system then too (`member` "
                                             "false), each named as called then, as the CLI names them.")] = False,
) -> JSONResponse:
    """The state registry: id, COW number and abbreviation, ISO3 and ISO numeric codes, name, system spells and
    `member` on the date (true, or null where the COW dates cannot say, as for Palestine or before 1816; false, with
    `every`, for a state out of the system then: the web map names it as on the date, Yugoslavia in 1942)."""
    return JSONResponse(catalog.state_rows(World.default().states, _day(date), every=every))


@router.get("/places", response_model=None, responses={200: {"description": "the places"}, **_ERRORS})
def list_places(
    homes: Annotated[bool, Query(description="Include every state's home territory.")] = False,
    date: Annotated[str | None, Query(description="Holders and names as on this date (YYYY-MM-DD, 1815-01-01 to "
                                                  "2100-12-31; East Pakistan in 1965), as `foedus places --date`; "
                                                  "default today's.", max_length=32)] = None,
) -> JSONResponse:
    """The gazetteer: places an attack can hit, with holder, claimants and regions, and where they are
    (`coords`: {lat, lon}, and for contested land a rough `outline` of [lon, lat] points; null when unknown). With
    `date`, each as held and called on it; a place listed with today's holder or claimant that is no state then, no
    dated record covering the day, names it under `holders_not_then` (`foedus places --date`'s note: who held it then
    is not known here)."""
    from foedus.model.place_coords import place_coords
    from foedus.state_lists import holders_not_then

    coords, world, day = place_coords(), World.default(), _day(date)
    rows = catalog.place_rows(world, homes, day)
    for row in rows:
        found = coords.get(row["id"])
        row["coords"] = None if found is None else {"lat": found.lat, "lon": found.lon}
        row["outline"] = None if found is None or found.outline is None else [list(p) for p in found.outline]
        if day is not None and (later := holders_not_then(world, world.places.places[row["id"]], day, "claimant")):
            row["holders_not_then"] = [state.id for state in later]
    return JSONResponse(rows)


@router.get("/regions", response_model=None, responses={200: {"description": "the regions"}})
def list_regions() -> JSONResponse:
    """The regions that treaty scopes name (Europe, the North Atlantic area, the Pacific area, ...)."""
    return JSONResponse(catalog.region_rows(World.default()))


@router.get("/health", response_model=None, responses={200: {"model": HealthOut}})
async def health(request: Request) -> JSONResponse:
    """The server is up: version, what it loaded (treaties, states, places, COW dates, ATOP history), and each
    dataset's version and its state in the data folder.

    On the event loop (no thread hop) and constant-time, so it answers at once however busy the workers are: the
    data folder's state is `foedus data status`'s check, whose SHA-256s are remembered by each file's stat (the
    app checks them once at start-up), so a call costs a stat per dataset file.
    """
    from foedus._version import __version__
    from foedus.datasets import DATASETS, status

    world = World.default()
    return JSONResponse({
        "ok": True, "version": __version__, "treaties": len(world.treaties), "states": len(world.states),
        "places": len(world.places.places), "system_dates": world.states.has_system_dates,
        "history": world.has_history, "front_end": request.app.state.bundle.has_index,
        "datasets": {d.name: d.version for d in DATASETS.values()},  # the PNG caption names data versions
        "dataset_states": {s.dataset.name: s.state for s in status()},
    })
