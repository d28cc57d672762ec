"""War endpoints for the map's timeline: the bundled example wars by id, and one replayed frame by frame.

`GET /api/wars` lists the worked wars in the source tree's `examples/wars/`; `GET /api/war?id=…` replays
one (`foedus.replay_war(...).to_dict()`, the contract of `foedus war --json`, docs/war.md). A request only
ever names a war by id, looked up in that list: no request reaches a path of its own choosing. Replays are
kept (a few, by id and settings), since a war takes up to a couple of seconds to replay.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from foedus.errors import FoedusError, UnknownWarError
from foedus.web.models import ErrorOut

__all__ = ["router", "war_files", "wars_dir"]

router = APIRouter(prefix="/api", tags=["war"])
_ERRORS: dict[int | str, dict[str, Any]] = {422: {"model": ErrorOut, "description": "the input cannot be used"}}
_ID = re.compile(r"^[a-z0-9_]{1,80}$")


def wars_dir() -> Path:
    """The worked wars: `examples/wars` in the source tree foedus runs from."""
    return Path(__file__).resolve().parents[3] / "examples" / "wars"


@cache
def war_files() -> dict[str, Path]:
    """War id (the file's stem) -> file, for every bundled example war (read once)."""
    folder = wars_dir()
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.yaml")) if _ID.match(p.stem)}


@cache
def _summary(war_id: str) -> dict[str, Any]:
    from foedus.war.loader import read_war_file

    w = read_war_file(war_files()[war_id])
    start = min(e.date for e in w.events)
    return {"id": war_id, "name": w.name, "start": start.isoformat(), "end": w.end.isoformat() if w.end else None,
            "ongoing": w.end is None, "events": len(w.events)}


@router.get("/wars", response_model=None, responses={200: {"description": "the wars"}})
def list_wars() -> JSONResponse:
    """The worked example wars that `/api/war` replays: id, name, first event, end, number of events."""
    rows = []
    for war_id in war_files():
        try:
            rows.append(_summary(war_id))
        except FoedusError:
            continue  # a broken example is left out of the list, not served half-read
    return JSONResponse(rows)


@lru_cache(maxsize=8)
def _replay(war_id: str, reading: str, basis: str, requested: bool, territory_view: str,
            unresolved: str, until: str | None) -> dict[str, Any]:
    from foedus.api import replay_war

    out = replay_war(war_files()[war_id], reading=reading, basis=basis, requested=requested,  # type: ignore[arg-type]
                     territory_view=territory_view, unresolved=unresolved, until=until).to_dict()  # type: ignore[arg-type]
    out["war"] = {**out["war"], "source": f"examples/wars/{war_id}.yaml"}
    return out


@router.get("/war", response_model=None, responses={200: {"description": "the replay"}, **_ERRORS})
def get_war(
    id: Annotated[str, Query(description="A war id from /api/wars, e.g. russia_ukraine_2022.", max_length=80)],
    reading: Annotated[Literal["legal", "escalatory"], Query(description="The reading.")] = "legal",
    basis: Annotated[Literal["in-force", "signed"], Query(description="Membership basis.")] = "in-force",
    requested: Annotated[bool, Query(description="Whether victims ask for request-gated help.")] = True,
    territory_view: Annotated[Literal["recognized", "claimant"],
                              Query(description="How contested places are read.")] = "recognized",
    unresolved: Annotated[Literal["met", "unmet"], Query(description="Unspecified ATOP conditions.")] = "met",
    until: Annotated[str | None, Query(description="Last day replayed, YYYY-MM-DD.", max_length=32)] = None,
) -> JSONResponse:
    """A bundled war replayed date by date: `foedus war --json` (frames with sides, bound states and who moved
    why; per state the date and treaty that first bound it)."""
    if id not in war_files():
        known = ", ".join(war_files()) or "none (examples/wars is not in this installation)"
        raise UnknownWarError(f"unknown war {id[:80]!r}; the bundled wars are: {known} (see /api/wars)")
    return JSONResponse(_replay(id, reading, basis, requested, territory_view, unresolved, until))
