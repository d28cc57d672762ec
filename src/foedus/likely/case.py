"""One war as the likelihood model sees it on its first day: the two sides, the candidates, the era.

A case is built from a replayable COW war (training) or from a cascade scenario (the product): the attack
side is the opening attackers plus the co-initiators fighting from day 0, the defence side the opening
targets, and the candidates every other state in the system that day. Nothing after the first day is used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from foedus.model.days import ERA_CUTOFF

if TYPE_CHECKING:
    from foedus.backtest.outcomes import OutcomeRow
    from foedus.backtest.warbuild import CowWar
    from foedus.engine.scenario import Scenario
    from foedus.model.world import World

__all__ = ["Case", "case_of_scenario", "case_of_war", "scored_rows"]


@dataclass(frozen=True)
class Case:
    """The sides on a war's first day and the states that might join (engine ids)."""

    key: str  # the COW war number, or "scenario"
    date: dt.date
    attackers: tuple[str, ...]
    targets: tuple[str, ...]
    candidates: tuple[str, ...]

    @property
    def era(self) -> str:
        """pre1945 or post1945, by the first day (the honour model's cut-off)."""
        return "pre1945" if self.date < ERA_CUTOFF else "post1945"

    @property
    def belligerents(self) -> tuple[str, ...]:
        """Both sides' states, attackers first."""
        return (*self.attackers, *self.targets)


def case_of_war(cow: CowWar, rows: list[OutcomeRow]) -> Case:
    """The case of a replayed COW war; candidates are its scored rows (roles `joiner` and `none`)."""
    attack = tuple(sorted(s for s, p in cow.participants.items() if p.role == "original" and p.side == "attack"))
    defense = tuple(sorted(s for s, p in cow.participants.items() if p.role == "original" and p.side == "defense"))
    return Case(str(cow.num), cow.start, attack, defense, tuple(r.state for r in scored_rows(rows)))


def scored_rows(rows: list[OutcomeRow]) -> list[OutcomeRow]:
    """The rows the model is trained and scored on: states that chose to join, or never fought."""
    return [r for r in rows if r.role in ("joiner", "none")]


def case_of_scenario(world: World, scenario: Scenario, extra: tuple[str, ...] = ()) -> Case:
    """The case of a cascade scenario: every system member on its date (plus `extra`) that is not a party."""
    parties = set(scenario.attackers) | set(scenario.targets)
    members = world.states.members_on(scenario.date) or [s.id for s in world.states if s.ccode is not None]
    candidates = sorted((set(members) | set(extra)) - parties)
    return Case("scenario", scenario.date, scenario.attackers, scenario.targets, tuple(candidates))
