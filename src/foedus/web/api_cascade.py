"""`GET /api/cascade`: the cascade of one scenario, exactly `CascadeResult.to_dict()` (the CLI's --json).

Optional what-if changes run it in a changed world, and `draws`/`seed` add the Monte Carlo keys, just as
`foedus cascade --add-member … --draws N --seed S --json` would.

A cheap request — the legal reading among a few states, no what-if, no draws, no ongoing_since — is a few
milliseconds of pure-Python CPU work. It runs in one thread beside the event loop (`CHEAP`; the request's
event-loop slot, held meanwhile, keeps it to one at a time): the thread gives the interpreter back to the loop at
every switch interval, so `/api/health` and the static files are answered while cheap requests queue, where
running them on the loop itself made every other request wait behind all of them. Anything more
(`foedus.web.jobs.is_cheap`) is checked against the cost caps and handed to the worker pool (`foedus.web.pool`),
which runs it in another process under a time limit (past it: 504); a full pool answers 503 with Retry-After.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from foedus.web.compute import run_query
from foedus.web.guard import release_loop_slot
from foedus.web.jobs import cascade_job, check_cost, is_cheap
from foedus.web.models import CascadeOut, ErrorOut
from foedus.web.params import ScenarioQuery, scenario_query
from foedus.web.params_mc import DrawsQuery, draws_query, likelihood_query
from foedus.web.whatif import WhatIfQuery, whatif_query

__all__ = ["CHEAP", "ERRORS", "router", "run_query"]

CHEAP = ThreadPoolExecutor(max_workers=1, thread_name_prefix="foedus-cheap")  # cheap cascades, one at a time

router = APIRouter(prefix="/api", tags=["cascade"])
ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorOut, "description": "the input cannot be used, or costs more than the web app allows"},
    503: {"model": ErrorOut, "description": "the server is busy with other long requests; see Retry-After"},
    504: {"model": ErrorOut, "description": "the request ran past the web app's time limit and was stopped; the "
                                            "message says the limit (ask for less, or use the command line)"},
}


@router.get("/cascade", response_model=None, responses={200: {"model": CascadeOut}, **ERRORS})
async def get_cascade(
    request: Request,
    q: Annotated[ScenarioQuery, Depends(scenario_query)],
    whatif: Annotated[WhatIfQuery, Depends(whatif_query)],
    mc: Annotated[DrawsQuery, Depends(draws_query)],
    likelihood: Annotated[bool, Depends(likelihood_query)],
) -> Response:
    """Who is obligated to join a war that starts with this attack, on which side, and why.

    The body is `CascadeResult.to_dict()`, the contract of `foedus cascade --json` (docs/json-contract.md),
    computed in the what-if world when changes are given, with Monte Carlo keys when `draws` is given, and
    the `likelihood` object (the joining model's probabilities, docs/likelihood.md) with `likelihood=true`.
    """
    if likelihood:  # features and intervals take a few hundred ms: a job for a worker, off the event loop
        q = replace(q, options=(*q.options, ("likelihood", True)))
    elif is_cheap(q, whatif, mc):  # no draws, but perhaps a seed, which the engine refuses without them
        return await asyncio.get_running_loop().run_in_executor(CHEAP, _cheap_response, q, mc)
    check_cost(q, mc)
    release_loop_slot(request.scope)  # the worker computes; this request only waits now
    body = await request.app.state.pool.run(cascade_job(q, whatif, mc))
    return Response(body, media_type="application/json")


def _cheap_response(q: ScenarioQuery, mc: DrawsQuery) -> JSONResponse:
    """The response of a cheap request, rendered in the `CHEAP` thread (JSON encoding included)."""
    return JSONResponse(run_query(q, mc=mc))
