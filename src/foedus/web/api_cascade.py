"""`GET /api/cascade`: the cascade of one scenario, exactly `CascadeResult.to_dict()` (the CLI's --json).

The handler is `async` on purpose: a cascade is a few milliseconds of pure-Python CPU work, so running it
on the event loop beats a hop to the thread pool, where threads would only contend for the GIL (about 25%
more requests per second in bench/bench_web.py on two cores).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from foedus.model.world import World
from foedus.web.models import CascadeOut, ErrorOut
from foedus.web.params import ScenarioQuery, scenario_query

__all__ = ["router", "run_query"]

router = APIRouter(prefix="/api", tags=["cascade"])
_ERRORS: dict[int | str, dict[str, Any]] = {422: {"model": ErrorOut, "description": "the input cannot be used"}}


def run_query(q: ScenarioQuery, world: World | None = None) -> dict[str, Any]:
    """Run the scenario through the public API and return its JSON contract."""
    from foedus.api import cascade

    result = cascade(
        q.attackers, q.targets, q.date, place=q.place, target_kind=q.target_kind, reading=q.reading,
        requested=q.requested, basis=q.basis, territory_view=q.territory_view, unresolved=q.unresolved,
        world=world or World.default(),
    )
    return result.to_dict()


@router.get("/cascade", response_model=None, responses={200: {"model": CascadeOut}, **_ERRORS})
async def get_cascade(q: Annotated[ScenarioQuery, Depends(scenario_query)]) -> JSONResponse:
    """Who is obligated to join a war that starts with this attack, on which side, and why.

    The body is `CascadeResult.to_dict()`, the contract of `foedus cascade --json` (docs/json-contract.md).
    """
    return JSONResponse(run_query(q))
