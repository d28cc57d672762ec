"""`GET /api/compare`: one scenario in two worlds (another date, and/or what-if changes), and what changed.

The base world is the bundled one on `date`; the other is the same scenario on `other_date` (default:
`date`) in the world the what-if changes make (default: the bundled one). The answer carries both
results and `changes` (states gained, lost or switched, with the treaty and article that explain them).
Two cascades and perhaps a what-if world: it always runs in the worker pool (`foedus.web.pool`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from foedus.web.api_cascade import ERRORS
from foedus.web.compute import check_comparable
from foedus.web.guard import release_loop_slot
from foedus.web.jobs import check_cost, compare_job
from foedus.web.params import ScenarioQuery, scenario_query
from foedus.web.whatif import WhatIfQuery, whatif_query

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["compare"])
_OD = "The other date, YYYY-MM-DD (default: the scenario's date)."


@router.get("/compare", response_model=None, responses={200: {"description": "both results and the changes"},
                                                        **ERRORS})
async def get_compare(
    request: Request,
    q: Annotated[ScenarioQuery, Depends(scenario_query)],
    whatif: Annotated[WhatIfQuery, Depends(whatif_query)],
    other_date: Annotated[str | None, Query(description=_OD, max_length=32)] = None,
) -> Response:
    """The same scenario in two worlds: which states it gains, loses or switches, and why."""
    check_comparable(q, whatif, other_date)
    check_cost(q)
    release_loop_slot(request.scope)  # the worker computes; this request only waits now
    body = await request.app.state.pool.run(compare_job(q, whatif, other_date))
    return Response(body, media_type="application/json")
