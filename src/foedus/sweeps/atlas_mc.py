"""Monte Carlo over the whole atlas: N draws x every ordered dyad at a date, in either reading.

A draw is one possible world of honour decisions: each (state, treaty) commitment is honoured or
not, and each attacked state asks for request-gated help or not, the same for every dyad of that
draw (probabilities from `HonourModel`). Most dyads are *simple* in the legal reading: the
attacker has no offence partners, no neutrality clause binds when it attacks, and every defence leg
owed to the target covers any attacker; their war is the target's honoured defenders, so a draw
needs one gather per dyad. The other dyads run the per-scenario Monte Carlo replay
(`foedus.engine.fast.montecarlo`) on the same draws. With every probability 1 the atlas equals the
batched engine's legal atlas (tested).

Where the defence side strikes too (`rules.STRIKES`: the escalatory reading), every belligerent calls in its own
allies, and the shortcut does not hold: each draw runs the batched engine
over every dyad with the legs that draw honours (`BatchRules.for_draw`), where the dyads whose war has no
conflict come from two closures per state (`foedus.engine.fast.closure`, war size and major powers only),
which equals the per-scenario replay on the same draws (tested).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from foedus.engine.fast.backend import get_backend
from foedus.engine.fast.batch import batch_summaries, compile_rules
from foedus.engine.fast.budget import check_draws
from foedus.engine.fast.montecarlo import replay
from foedus.engine.fast.potential import potential_graph
from foedus.engine.fast.rounds import ATTACK, DEFENSE
from foedus.engine.fast.threads import in_engine_threads
from foedus.engine.reliability import HonourModel
from foedus.engine.rules import STRIKES
from foedus.engine.scenario import Basis, Reading, Scenario, build_scenario, switches
from foedus.engine.table import leg_table
from foedus.model.world import World
from foedus.sweeps.atlas import dyad_members
from foedus.sweeps.atlas_simple import is_simple, simple_draws, simple_legs

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["AtlasDraws", "atlas_montecarlo", "complex_draws", "draws_notes", "shared_draws"]


@dataclass
class AtlasDraws:
    """War size and major-power opposition per dyad and draw."""

    attackers: list[str]
    targets: list[str]
    sizes: np.ndarray  # (dyads, draws) int16
    majors_opposite: np.ndarray  # (dyads, draws) bool
    reading: Reading = "legal"

    def frame(self, world: World, day: dt.date, seed: int | None) -> pd.DataFrame:
        """Per dyad: mean and 5th/50th/95th percentile war size, P(major powers on opposite sides): empty (null)
        where COW's list gives no major powers on `day` (`majors_unknown`), as a cascade's Monte Carlo says it is
        not known, since the draws' share would read 0 whatever the sides (`draws_notes` says why)."""
        import pandas as pd

        from foedus.model.major_notes import majors_unknown

        ccode = {s.id: s.ccode for s in world.states}
        q = np.percentile(self.sizes, [5, 50, 95], axis=1)
        opposite = (self.majors_opposite.mean(axis=1) if majors_unknown(world.states, day) is None
                    else pd.array([pd.NA] * len(self.attackers), dtype="Float64"))
        return pd.DataFrame({
            "date": day.isoformat(), "attacker": self.attackers, "target": self.targets,
            "ccode1": pd.array([ccode.get(a) for a in self.attackers], dtype="Int64"),
            "ccode2": pd.array([ccode.get(t) for t in self.targets], dtype="Int64"),
            "war_size_mean": self.sizes.mean(axis=1), "war_size_p5": q[0], "war_size_p50": q[1],
            "war_size_p95": q[2], "p_majors_opposite": opposite,
            "draws": self.sizes.shape[1], "seed": seed, "reading": self.reading,
        })


@in_engine_threads
def atlas_montecarlo(world: World, day: dt.date, draws: int, seed: int | None, model: HonourModel | None = None,
                     backend: str | None = None, progress: Callable[[int, int], None] | None = None,
                     only: range | None = None, **given: Any) -> AtlasDraws:
    """`draws` Monte Carlo draws of every ordered dyad's cascade at `day`.

    `backend="torch"` computes the legal reading's simple dyads' draws, and the batched engine's
    matrix products, as tensors (on CUDA when available). `progress(done, total)` counts the escalatory
    reading's draws, and the legal reading's dyads that need the per-scenario replay (the others are drawn
    at once, before them). `only` computes a slice of the draws (the same draws as in the
    full run with that seed), so that a sweep can split them among workers (`foedus.sweeps.dask_sweeps`).
    `given`: the scenario switches (reading, requested, severity, ...; `foedus.engine.scenario.switches`).
    """
    model = model or HonourModel()
    switched = switches(day, **given)
    reading, requested = switched.reading, switched.requested
    members = dyad_members(world, day)
    table = leg_table(world, day, switched.basis)
    share = len(only) / max(1, draws) if only is not None else 1.0  # the draws this call keeps
    # per draw: the random numbers, honour and asks, and (for the draws kept) war size and majors of every dyad
    check_draws(draws, 3 * len(members) * (len(members) - 1) * share + 9 * (len(table.commitments) + len(members)),
                f"the {day} atlas")
    states, honour, asks = shared_draws(world, day, draws, seed, model, requested, basis=switched.basis)
    pos = {s: i for i, s in enumerate(states)}
    if only is not None:
        honour, asks = honour[only.start:only.stop], asks[only.start:only.stop]
        draws = len(honour)
    majors = np.array([world.states.is_major(s, day) for s in states], dtype=bool)
    pairs = [(a, b) for a in members for b in members if a != b]
    att = np.array([pos[a] for a, _ in pairs])
    tgt = np.array([pos[b] for _, b in pairs])
    sizes = np.zeros((len(pairs), draws), dtype=np.int16)
    opposite = np.zeros((len(pairs), draws), dtype=bool)
    if STRIKES[reading].defenders_strike:  # the shortcut below holds only where the defence side never strikes
        rules = compile_rules(world, switched, members, backend=backend)  # same state order as `states`
        cols = np.array(rules.commitments(), dtype=np.int64)
        for d in range(draws):
            sizes[:, d], opposite[:, d] = batch_summaries(rules.for_draw(honour[d, cols], asks[d]), att, tgt, reading)
            if progress is not None:
                progress(d + 1, draws)
        return AtlasDraws([a for a, _ in pairs], [b for _, b in pairs], sizes, opposite, reading)
    clean, legs = simple_legs(world, table, switched, pos)
    simple = np.array([is_simple(table, a, b, clean) for a, b in pairs], dtype=bool)
    simple_draws(legs, honour, asks, majors, att[simple], tgt[simple], len(states), sizes, opposite, simple,
                 torch=get_backend(backend).name == "torch")
    replayed = np.nonzero(~simple)[0]
    for done, k in enumerate(replayed, 1):
        scenario = build_scenario(world, attacker=pairs[k][0], target=pairs[k][1], date=day, **given)
        sizes[k], opposite[k] = complex_draws(world, scenario, model, honour, asks, pos, majors)
        if progress is not None:
            progress(done, len(replayed))
    return AtlasDraws([a for a, _ in pairs], [b for _, b in pairs], sizes, opposite, reading)


def draws_notes(world: World, day: dt.date) -> list[str]:
    """The Monte Carlo atlas's notes on its own columns: why `p_majors_opposite` is empty, where it is
    (`AtlasDraws.frame`), in the words of a cascade's `p_major_powers_unknown` (`majors_unknown`)."""
    from foedus.model.major_notes import empty_note, majors_unknown

    unknown = majors_unknown(world.states, day)
    return [] if unknown is None else [empty_note(["p_majors_opposite"], "P(major powers on opposite sides)", unknown)]


def shared_draws(world: World, day: dt.date, draws: int, seed: int | None, model: HonourModel,
                 requested: bool = True, *, basis: Basis) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The atlas's state index and its draws: honour per commitment of the date's table on `basis` (the table whose
    commitments the atlas's legs and rules index, and whose states `compile_rules` adds), and asks per state.
    `basis` has no default: one would let a caller's basis go unread (the signed atlas drew on the in-force table)."""
    table = leg_table(world, day, basis)
    states = list(dict.fromkeys([*dyad_members(world, day), *table.states()]))
    probs = np.array(table.honour_probabilities(model), dtype=float)
    rng = np.random.default_rng(seed)
    honour = rng.random((draws, len(probs))) < probs[None, :]
    ask_p = model.ask_probability if model.ask_probability is not None else (1.0 if requested else 0.0)
    return states, honour, rng.random((draws, len(states))) < ask_p


def complex_draws(world: World, scenario: Scenario, model: HonourModel, honour: np.ndarray, asks: np.ndarray,
                   pos: dict[str, int], majors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The per-scenario replay of one dyad, on the atlas's shared draws."""
    graph = potential_graph(world, scenario, model)
    state_cols = np.array([pos[s] for s in graph.states], dtype=np.int64)
    sides = replay(graph, scenario, honour[:, graph.commits], asks[:, state_cols])[0]
    size = (sides != 0).sum(axis=1)
    m = majors[state_cols]
    opposite = ((sides == ATTACK) & m).any(axis=1) & ((sides == DEFENSE) & m).any(axis=1)
    return size, opposite
