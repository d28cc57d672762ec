"""Any engine's answer to one scenario in one comparable form: who fights on which side, from which
round, and who is bound both ways. The reference suite runs every engine through this (tests/conftest.py).
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from foedus.datarecord import dataclass
from foedus.engine.cascade import run_cascade
from foedus.engine.fast.rounds import ATTACK, NONE
from foedus.engine.result import CascadeResult
from foedus.engine.scenario import Scenario
from foedus.model.world import World

__all__ = ["BACKEND_OF", "ENGINES", "Engine", "Outcome", "outcome", "outcome_of"]

Engine = Literal["reference", "batched", "montecarlo", "torch"]
ENGINES: tuple[Engine, ...] = ("reference", "batched", "montecarlo", "torch")
BACKEND_OF = {"batched": "numpy", "torch": "torch"}  # the batched engines' backends, whatever $FOEDUS_BACKEND says


@dataclass(frozen=True)
class Outcome:
    """Sides of every belligerent, the round each joiner joined in (0 for the original parties), and the
    states bound to both sides (they join neither). `rounds` is None where an engine does not track them."""

    sides: dict[str, str]
    rounds: dict[str, int] | None
    conflicts: frozenset[str]


def outcome_of(result: CascadeResult) -> Outcome:
    """The reference engine's result as an `Outcome`."""
    sides = {s: side for side, states in result.sides.items() for s in states}
    rounds = {s: 0 for s in sides} | {j.state: j.primary.round for j in result.joiners}
    return Outcome(sides, rounds, frozenset(c.state for c in result.conflicts))


def _from_arrays(states: list[str], sides: np.ndarray, rounds: np.ndarray | None, conflicts: np.ndarray) -> Outcome:
    on = np.flatnonzero(sides != NONE)
    return Outcome({states[i]: "attack" if sides[i] == ATTACK else "defense" for i in on},
                   None if rounds is None else {states[i]: int(rounds[i]) for i in on},
                   frozenset(states[i] for i in np.flatnonzero(conflicts)))


def outcome(engine: Engine, world: World, scenario: Scenario, draws: int = 2) -> Outcome:
    """Run `scenario` through `engine`. The Monte Carlo runs with every commitment honoured (and every
    state asking for request-gated help when the scenario says help is requested), so each of its
    `draws` must equal the others and the deterministic engines. The batched engine runs on numpy, "torch" on
    torch (`BACKEND_OF`): each names its backend, so that $FOEDUS_BACKEND does not turn one into the other."""
    if engine == "reference":
        return outcome_of(run_cascade(world, scenario))
    if engine in ("batched", "torch"):
        from foedus.engine.fast.batch import batch_scenario

        res = batch_scenario(world, scenario, BACKEND_OF[engine])
        return _from_arrays(res.states, res.sides[0], res.rounds[0], res.conflicts[0])
    from foedus.engine.fast.montecarlo import replay
    from foedus.engine.fast.potential import potential_graph
    from foedus.engine.reliability import HonourModel

    certain = HonourModel(era={e: dict.fromkeys(("S1", "S2", "S3", "S4", "S5"), 1.0) for e in ("pre1945", "post1945")})
    graph = potential_graph(world, scenario, certain)
    honour = np.ones((draws, len(graph.commits)), dtype=bool)
    asks = np.full((draws, len(graph.states)), scenario.requested)
    sides, rounds, conflicts = replay(graph, scenario, honour, asks)
    found = [_from_arrays(graph.states, sides[d], rounds[d], conflicts[d]) for d in range(draws)]
    if any(f != found[0] for f in found):
        raise AssertionError(f"Monte Carlo draws with certain honour disagree: {found}")
    return found[0]
