"""`GET /api/cascade`: the cascade of one scenario, exactly `CascadeResult.to_dict()` (the CLI's --json).

Optional what-if changes run it in a changed world, and `draws`/`seed` add the Monte Carlo keys, just as
`foedus cascade --add-member … --draws N --seed S --json` would.

The handler is `async` on purpose: a cascade is a few milliseconds of pure-Python CPU work, so running it
on the event loop beats a hop to the thread pool, where threads would only contend for the GIL (about 25%
more requests per second in bench/bench_web.py on two cores). Monte Carlo runs, which can take far longer,
go to a separate worker process with a time limit (`foedus.web.mc_worker`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from foedus.model.world import World
from foedus.web.models import CascadeOut, ErrorOut
from foedus.web.params import ScenarioQuery, scenario_query
from foedus.web.params_mc import DrawsQuery, draws_query, likelihood_query
from foedus.web.whatif import WhatIfQuery, whatif_query, world_for

__all__ = ["router", "run_query"]

router = APIRouter(prefix="/api", tags=["cascade"])
ERRORS: dict[int | str, dict[str, Any]] = {422: {"model": ErrorOut, "description": "the input cannot be used"}}


def run_query(q: ScenarioQuery, world: World | None = None, mc: DrawsQuery | None = None) -> dict[str, Any]:
    """Run the scenario through the public API and return its JSON contract."""
    from foedus.api import cascade

    mc = mc or DrawsQuery()
    result = cascade(q.attackers, q.targets, q.date, world=world or World.default(), draws=mc.draws, seed=mc.seed,
                     **q.kwargs())
    return result.to_dict()


@router.get("/cascade", response_model=None, responses={200: {"model": CascadeOut}, **ERRORS})
async def get_cascade(
    request: Request,
    q: Annotated[ScenarioQuery, Depends(scenario_query)],
    whatif: Annotated[WhatIfQuery, Depends(whatif_query)],
    mc: Annotated[DrawsQuery, Depends(draws_query)],
    likelihood: Annotated[bool, Depends(likelihood_query)],
) -> JSONResponse:
    """Who is obligated to join a war that starts with this attack, on which side, and why.

    The body is `CascadeResult.to_dict()`, the contract of `foedus cascade --json` (docs/json-contract.md),
    computed in the what-if world when changes are given, with Monte Carlo keys when `draws` is given, and
    the `likelihood` object (the joining model's probabilities, docs/likelihood.md) with `likelihood=true`.
    """
    if likelihood:  # features and draws take a few hundred ms: off the event loop
        q = replace(q, options=(*q.options, ("likelihood", True)))
        if not mc.draws:
            import anyio

            return JSONResponse(await anyio.to_thread.run_sync(run_query, q, world_for(whatif)))
    if mc.draws:
        import anyio

        worker = request.app.state.mc_worker
        return JSONResponse(await anyio.to_thread.run_sync(worker.run, q, whatif, mc))
    return JSONResponse(run_query(q, world_for(whatif)))
