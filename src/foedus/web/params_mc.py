"""Probabilistic mode from query parameters: `draws` Monte Carlo runs with an optional `seed`; and the
`likelihood` switch (the joining model's probabilities beside the legal answer).

Bounded (at most `MAX_DRAWS` draws a request) so one request cannot hold the server for long; the
honour model is always the bundled default, and the likelihood model the shipped one, since a request
may not name a file to read one from.
"""

from __future__ import annotations

from dataclasses import dataclass

from foedus.inputs import LIKELIHOOD, MONTE_CARLO
from foedus.web.params import declared_query

__all__ = ["MAX_DRAWS", "DrawsQuery", "draws_query", "likelihood_query"]

MAX_DRAWS = 10_000


@dataclass(frozen=True, slots=True)
class DrawsQuery:
    """How many draws (None: deterministic only) and the seed."""

    draws: int | None = None
    seed: int | None = None


draws_query = declared_query(MONTE_CARLO, lambda values: DrawsQuery(values["draws"], values["seed"]),
                             {"draws": {"ge": 1, "le": MAX_DRAWS}})  # the seed's bounds are its input's (MAX_SEED)
"""FastAPI dependency: the probabilistic-mode parameters (the declared `draws` and `seed`, bounded)."""

likelihood_query = declared_query(LIKELIHOOD, lambda values: bool(values["likelihood"]))
"""FastAPI dependency: the declared `likelihood` switch."""
