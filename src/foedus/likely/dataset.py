"""The training table: one row per COW war × candidate that chose to join or never fought, with the
features of `foedus.likely.features`, the outcomes by horizon (`foedus.backtest.outcomes`) and, when
asked, today's Monte Carlo forecast of the opening attack (legal reading, default honour model) as a
baseline. Built in memory from the user's data folder; never written into the package.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from foedus.backtest.errors import Rejected, one_war
from foedus.backtest.outcomes import OutcomeRow, cow_wars, outcome_rows
from foedus.engine.scenario import build_scenario
from foedus.inputs import war_seed
from foedus.likely.case import case_of_war, scored_rows
from foedus.likely.features import case_features, columns
from foedus.likely.obligations import bindings, readings
from foedus.model.world import World

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["HORIZONS", "LABELS", "TrainingData", "training_data"]

log = logging.getLogger("foedus.likely")
HORIZONS = ("30", "365", "ever")
LABELS = tuple(f"outcome_{h}" for h in HORIZONS)


@dataclass
class TrainingData:
    """The table, the wars left out (with the reason) and the notes of every case."""

    frame: pd.DataFrame
    skipped: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def features(self) -> list[str]:
        """The feature columns."""
        return columns()


def _montecarlo(world: World, legal: Any, draws: int, seed: int) -> dict[str, tuple[float, float]]:
    from foedus.engine.fast.montecarlo import simulate
    from foedus.engine.reliability import HonourModel

    if not legal.joiners and not legal.conflicts:
        return {}
    mc = simulate(world, legal.scenario, draws, seed, HonourModel())
    return {s: (p["attack"], p["defense"]) for s, p in mc.probabilities().items()}


def _war_rows(world: World, rows: list[OutcomeRow], cow: Any, draws: int | None, seed: int) -> list[dict[str, Any]]:
    case = case_of_war(cow, rows)
    scenario = build_scenario(world, attacker=list(case.attackers), target=list(case.targets), date=case.date)
    results = readings(world, scenario)
    feats = case_features(world, case, bindings(results), skip_war=cow.num)
    mc = _montecarlo(world, results["legal"], draws, war_seed(seed, cow.num)) if draws else {}
    out = []
    for i, r in enumerate(scored_rows(rows)):
        record: dict[str, Any] = {"war": cow.num, "war_name": cow.name, "year": cow.start.year, "era": r.era,
                                  "state": r.state, "role": r.role, "outcome_30": r.outcome_30,
                                  "outcome_365": r.outcome_365, "outcome_ever": r.outcome_ever}
        record |= {k: float(v[i]) for k, v in feats.values.items()}
        if draws:
            record["mc_attack"], record["mc_defense"] = mc.get(r.state, (0.0, 0.0))
        out.append(record)
    return out


def training_data(world: World | None = None, first: int | None = None, last: int | None = None, *,
                  draws: int | None = None, seed: int = 1815,
                  on_war: Callable[[int, str], None] | None = None) -> TrainingData:
    """The training table for the wars starting in [first, last] (with `draws`, the Monte Carlo baseline,
    war number *n* using seed `seed + n`, `foedus.inputs.war_seed`, as the backtest does).

    Raises:
        DataMissingError: the COW war, contiguity, capability or state data are not in the data folder.
        FoedusError: an error of the run, not of one war (`NOT_THE_WARS`: a corrupt data file, ...), where a war
            the engine rejects is left out.
    """
    import pandas as pd

    w = world or World.default()
    built, skipped = cow_wars(w, first, last)
    records: list[dict[str, Any]] = []
    for cow in built:
        rows = outcome_rows(w, cow)
        made = one_war("war", _war_rows, w, rows, cow, draws, seed)
        if isinstance(made, Rejected):
            log.info("war %s (%s) left out: %s", cow.num, cow.name, made.reason)
            skipped.append({"war": cow.num, "name": cow.name, "reason": made.reason})
        else:
            records += made
        if on_war is not None:
            on_war(cow.num, cow.name)
    frame = pd.DataFrame(records)
    return TrainingData(frame, skipped)
