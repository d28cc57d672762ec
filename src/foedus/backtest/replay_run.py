"""Run the replayed backtest: build every COW war's events, replay them in each reading, keep the outcomes.

Nothing here raises for one bad war: a war without initiators is skipped with its reason, and a war whose
replay the engine rejects too (logged, never fatal).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from foedus.backtest.errors import Rejected, one_war
from foedus.backtest.outcomes import OutcomeRow, candidates_of, cow_wars, outcome_rows
from foedus.backtest.replayed import ReplayedWar, Variant, replay_war_variants
from foedus.inputs import war_seed
from foedus.model.world import World

__all__ = ["ReplayBacktest", "run_replays"]

log = logging.getLogger("foedus.backtest")


@dataclass
class ReplayBacktest:
    """Every replayed war, its outcome rows, and the wars skipped."""

    wars: list[ReplayedWar] = field(default_factory=list)
    rows: dict[int, list[OutcomeRow]] = field(default_factory=dict)
    skipped: list[dict[str, Any]] = field(default_factory=list)

    def all_rows(self) -> list[OutcomeRow]:
        """Every outcome row, war by war."""
        return [r for w in self.wars for r in self.rows[w.cow.num]]


def run_replays(world: World, first: int | None, last: int | None, *, draws: int | None, seed: int,
                variants: tuple[Variant, ...] = ("legal", "escalatory", "legal-unmet"),
                on_war: Callable[[int, str], None] | None = None) -> ReplayBacktest:
    """Replay every COW war that starts in [first, last] (`on_war(num, name)` after each, for a progress bar).

    War number *n* uses Monte Carlo seed `seed + n` (`foedus.inputs.war_seed`), as the opening-attack backtest does.

    Raises:
        DataMissingError: the COW war data are not in the data folder.
        FoedusError: an error of the run, not of one war (`NOT_THE_WARS`: a corrupt data file, ...), where a war
            the engine rejects is skipped.
    """
    built, skipped = cow_wars(world, first, last)
    out = ReplayBacktest(skipped=skipped)
    for cow in built:
        replayed = one_war("replay", replay_war_variants, world, cow, candidates_of(world, cow), draws=draws,
                           seed=war_seed(seed, cow.num), variants=variants)
        if isinstance(replayed, Rejected):
            log.info("war %s (%s) not replayed: %s", cow.num, cow.name, replayed.reason)
            out.skipped.append({"war": cow.num, "name": cow.name, "reason": replayed.reason})
            continue
        out.wars.append(replayed)
        out.rows[cow.num] = outcome_rows(world, cow)
        if on_war is not None:
            on_war(cow.num, cow.name)
    return out
