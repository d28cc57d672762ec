"""Empirical honour rates for the Monte Carlo (`foedus cascade --draws N --honour empirical`).

The likelihood model's coefficients file carries, by era and strength, the model's mean probability
that a state the legal reading binds fights on the side it is bound to (`foedus.likely.build.honour_rates`).
They replace the published figures in the one formula every probabilistic engine uses
(`LegTable.honour_probabilities`, through `HonourModel.probability`): an `HonourModel` with these rates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from foedus.engine.reliability import HonourModel
from foedus.likely.model import ModelFile, as_records, load_model

__all__ = ["empirical_honour"]


def empirical_honour(model: ModelFile | str | Path | None = None) -> HonourModel:
    """The honour model with the likelihood model's empirical rates (default: the shipped model's).

    >>> m = empirical_honour()
    >>> import datetime as dt
    >>> 0 < m.probability("x", "S1", True, dt.date(1914, 1, 1)) < 0.5
    True
    >>> m.probability("x", "S4", True, dt.date(2000, 1, 1))
    0.0
    """
    chosen = load_model(model) if model is None or isinstance(model, str | Path) else as_records(model)
    era: Any = {e: dict(rates) for e, rates in chosen.honour.items()}
    return HonourModel(era=era)
