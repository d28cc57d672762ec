"""`GET /api/compare`: one scenario in two worlds (another date, and/or what-if changes), and what changed.

The base world is the bundled one on `date`; the other is the same scenario on `other_date` (default:
`date`) in the world the what-if changes make (default: the bundled one). The answer carries both
results and `changes` (states gained, lost or switched, with the treaty and article that explain them).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from foedus.web.api_cascade import ERRORS
from foedus.web.envelope import WebInputError
from foedus.web.params import ScenarioQuery, scenario_query
from foedus.web.whatif import WhatIfQuery, whatif_query, world_for

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["compare"])
_OD = "The other date, YYYY-MM-DD (default: the scenario's date)."


@router.get("/compare", response_model=None, responses={200: {"description": "both results and the changes"},
                                                        **ERRORS})
async def get_compare(
    q: Annotated[ScenarioQuery, Depends(scenario_query)],
    whatif: Annotated[WhatIfQuery, Depends(whatif_query)],
    other_date: Annotated[str | None, Query(description=_OD, max_length=32)] = None,
) -> JSONResponse:
    """The same scenario in two worlds: which states it gains, loses or switches, and why."""
    from dataclasses import replace

    from foedus.api import cascade
    from foedus.sweeps.compare import compare_results

    if not whatif.flags and not other_date:
        raise WebInputError("nothing to compare: give other_date, or a what-if change (add_member, remove_member, "
                            "drop_treaty, set_strength)")
    other_q = replace(q, date=other_date) if other_date else q

    def run(sq: ScenarioQuery, world: Any) -> Any:
        return cascade(sq.attackers, sq.targets, sq.date, world=world, **sq.kwargs())

    base = run(q, world_for(WhatIfQuery()))
    other = run(other_q, world_for(whatif))
    return JSONResponse({"base": base.to_dict(), "other": other.to_dict(), "whatif": whatif.changes,
                         "changes": compare_results(base, other)})
