"""Probabilistic mode from query parameters: `draws` Monte Carlo runs with an optional `seed`.

Bounded (at most `MAX_DRAWS` draws a request) so one request cannot hold the server for long; the
honour model is always the bundled default, since a request may not name a file to read one from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Query

__all__ = ["MAX_DRAWS", "DrawsQuery", "draws_query"]

MAX_DRAWS = 10_000
_D = (f"Monte Carlo draws over whether each triggered obligation is honoured (1-{MAX_DRAWS}); adds "
      "`probabilities`, `war_size`, `p_major_powers_opposite` and `expected_power` to the result.")
_S = "Random seed for the draws: the same seed gives the same numbers."


@dataclass(frozen=True, slots=True)
class DrawsQuery:
    """How many draws (None: deterministic only) and the seed."""

    draws: int | None = None
    seed: int | None = None


async def draws_query(
    draws: Annotated[int | None, Query(description=_D, ge=1, le=MAX_DRAWS)] = None,
    seed: Annotated[int | None, Query(description=_S, ge=0, le=2**32 - 1)] = None,
) -> DrawsQuery:
    """FastAPI dependency: the probabilistic-mode parameters."""
    return DrawsQuery(draws, seed)
