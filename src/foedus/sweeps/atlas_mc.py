"""Monte Carlo over the whole atlas: N draws x every ordered dyad at a date, in either reading.

A draw is one possible world of honour decisions: each (state, treaty) commitment is honoured or
not, and each attacked state asks for request-gated help or not, the same for every dyad of that
draw (probabilities from `HonourModel`). Most dyads are *simple* in the legal reading: the
attacker has no offence partners, no neutrality clause binds when it attacks, and every defence leg
owed to the target covers any attacker; their war is the target's honoured defenders, so a draw
needs one gather per dyad. The other dyads run the per-scenario Monte Carlo replay
(`foedus.engine.fast.montecarlo`) on the same draws. With every probability 1 the atlas equals the
batched engine's legal atlas (tested).

The escalatory reading has no such shortcut (every belligerent calls in its own allies): each draw
runs the batched engine over every dyad with the legs that draw honours (`BatchRules.for_draw`),
which equals the per-scenario replay on the same draws (tested) and costs one escalatory atlas per draw.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from foedus.engine.cascade import leg_index
from foedus.engine.fast.backend import get_backend
from foedus.engine.fast.batch import batch_cascades, compile_rules
from foedus.engine.fast.montecarlo import _replay, potential_graph
from foedus.engine.fast.rounds import ATTACK, DEFENSE
from foedus.engine.index import LegIndex
from foedus.engine.reliability import HonourModel
from foedus.engine.rules import in_scope
from foedus.engine.scenario import Attack, Reading, build_scenario
from foedus.model.treaty import Kind
from foedus.model.world import World
from foedus.sweeps.atlas import dyad_members

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["AtlasDraws", "atlas_montecarlo"]


@dataclass
class AtlasDraws:
    """War size and major-power opposition per dyad and draw."""

    attackers: list[str]
    targets: list[str]
    sizes: np.ndarray  # (dyads, draws) int16
    majors_opposite: np.ndarray  # (dyads, draws) bool
    reading: Reading = "legal"

    def frame(self, world: World, day: dt.date, seed: int | None) -> pd.DataFrame:
        """Per dyad: mean and 5th/50th/95th percentile war size, P(major powers on opposite sides)."""
        import pandas as pd

        ccode = {s.id: s.ccode for s in world.states}
        q = np.percentile(self.sizes, [5, 50, 95], axis=1)
        return pd.DataFrame({
            "date": day.isoformat(), "attacker": self.attackers, "target": self.targets,
            "ccode1": pd.array([ccode.get(a) for a in self.attackers], dtype="Int64"),
            "ccode2": pd.array([ccode.get(t) for t in self.targets], dtype="Int64"),
            "war_size_mean": self.sizes.mean(axis=1), "war_size_p5": q[0], "war_size_p50": q[1],
            "war_size_p95": q[2], "p_majors_opposite": self.majors_opposite.mean(axis=1),
            "draws": self.sizes.shape[1], "seed": seed, "reading": self.reading,
        })


def atlas_montecarlo(world: World, day: dt.date, draws: int, seed: int | None,
                     model: HonourModel | None = None, requested: bool = True, backend: str | None = None,
                     reading: Reading = "legal", progress: Callable[[int], None] | None = None,
                     only: range | None = None) -> AtlasDraws:
    """`draws` Monte Carlo draws of every ordered dyad's cascade at `day`.

    `backend="torch"` computes the legal reading's simple dyads' draws, and the batched engine's
    matrix products, as tensors (on CUDA when available). `progress(k)` is called after each of
    the escalatory reading's draws. `only` computes a slice of the draws (the same draws as in the
    full run with that seed), so that a sweep can split them among workers (`foedus.sweeps.dask_sweeps`).
    """
    model = model or HonourModel()
    members = dyad_members(world, day)
    index = leg_index(world, day, "in-force")
    states = list(dict.fromkeys([*members, *sorted({m for ms in index.members.values() for m in ms})]))
    pos = {s: i for i, s in enumerate(states)}
    commits, probs = _commitments(index, day, model)
    rng = np.random.default_rng(seed)
    honour = rng.random((draws, len(commits))) < probs[None, :]
    ask_p = model.ask_probability if model.ask_probability is not None else (1.0 if requested else 0.0)
    asks = rng.random((draws, len(states))) < ask_p
    if only is not None:
        honour, asks = honour[only.start:only.stop], asks[only.start:only.stop]
        draws = len(honour)
    majors = np.array([world.states.is_major(s, day) for s in states], dtype=bool)
    pairs = [(a, b) for a in members for b in members if a != b]
    att = np.array([pos[a] for a, _ in pairs])
    tgt = np.array([pos[b] for _, b in pairs])
    sizes = np.zeros((len(pairs), draws), dtype=np.int16)
    opposite = np.zeros((len(pairs), draws), dtype=bool)
    if reading == "escalatory":
        rules = compile_rules(world, day, members, backend=backend)  # same state order as `states`
        cols = np.array([commits[k] for k in rules.commit_keys()], dtype=np.int64)
        for d in range(draws):
            res = batch_cascades(rules.for_draw(honour[d, cols], asks[d]), att, tgt, "escalatory")
            sizes[:, d], opposite[:, d] = res.war_size(), res.majors_opposite()
            if progress is not None:
                progress(d + 1)
        return AtlasDraws([a for a, _ in pairs], [b for _, b in pairs], sizes, opposite, reading)
    simple_victims, legs = _simple_legs(world, index, pos, commits)
    simple = np.array([_is_simple(index, a, b, simple_victims) for a, b in pairs], dtype=bool)
    simple_draws = _simple_draws_torch if get_backend(backend).name == "torch" else _simple_draws
    simple_draws(legs, honour, asks, majors, att[simple], tgt[simple], len(states), sizes, opposite, simple)
    for k in np.nonzero(~simple)[0]:
        sizes[k], opposite[k] = _complex_draws(world, day, pairs[k], model, commits, honour, asks, pos, majors)
    return AtlasDraws([a for a, _ in pairs], [b for _, b in pairs], sizes, opposite)


def _commitments(index: LegIndex, day: dt.date, model: HonourModel) -> tuple[dict[tuple[str, str], int], np.ndarray]:
    """Every (obligor, treaty) defence or offence commitment on `day`, with its honour probability."""
    strongest: dict[tuple[str, str], tuple[str, bool]] = {}
    for kind in (Kind.DEFENSE, Kind.OFFENSE):
        for legs in index.by_beneficiary.get(kind, {}).values():
            for leg in legs:
                key = (leg.obligor, leg.treaty.id)
                s = leg.provision.strength.value
                if key not in strongest or s < strongest[key][0]:
                    strongest[key] = (s, leg.treaty.type == "bilateral")
    keys = sorted(strongest)
    probs = np.array([model.probability(t, *strongest[(o, t)], day) for o, t in keys])
    return {k: i for i, k in enumerate(keys)}, probs


def _simple_legs(world: World, index: LegIndex, pos: dict[str, int], commits: dict[tuple[str, str], int]
                 ) -> tuple[set[str], tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """Victims whose defence legs all cover any attacker, and those legs as arrays (victim, obligor, commit, gated)."""
    rows: list[tuple[int, int, int, bool]] = []
    clean: set[str] = set()
    for victim, legs in index.by_beneficiary.get(Kind.DEFENSE, {}).items():
        if victim not in pos:
            continue
        home = world.places.home(victim, index.date)
        attack = Attack("", victim, home.id, "territory")
        ok = True
        for leg in legs:
            p = leg.provision
            if p.adversary.type != "any":
                ok = False
            if in_scope(p, attack, home) and leg.obligor in pos:
                rows.append((pos[victim], pos[leg.obligor], commits[(leg.obligor, leg.treaty.id)], p.request_gated))
        if ok:
            clean.add(victim)
    arr = np.array(rows, dtype=np.int64).reshape(-1, 4)
    return clean, (arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3].astype(bool))


def _is_simple(index: LegIndex, attacker: str, target: str, clean_victims: set[str]) -> bool:
    """No offence partners of the attacker, no neutrality binding on its attack, plain legs to the target."""
    owed = index.owed_to
    if owed(Kind.OFFENSE, attacker):
        return False
    if any(leg.provision.when_partner_attacks for leg in owed(Kind.NEUTRALITY, attacker)):
        return False
    if owed(Kind.DEFENSE, target) and target not in clean_victims:
        return False
    return not any(leg.provision.unresolved for leg in owed(Kind.DEFENSE, target))


def _simple_draws(legs: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray], honour: np.ndarray,
                  asks: np.ndarray, majors: np.ndarray, att: np.ndarray, tgt: np.ndarray, n: int,
                  sizes: np.ndarray, opposite: np.ndarray, rows: np.ndarray) -> None:
    """A simple dyad's war in each draw: the target's honoured defenders (the attacker never counts)."""
    victim, obligor, commit, gated = legs
    out_rows = np.nonzero(rows)[0]
    for d in range(honour.shape[0]):
        live = honour[d, commit] & (~gated | asks[d, victim])
        bound = np.zeros((n, n), dtype=bool)
        bound[victim[live], obligor[live]] = True
        bound[np.arange(n), np.arange(n)] = False
        count = bound.sum(axis=1)
        major_count = bound.astype(np.int64) @ majors.astype(np.int64)
        self_hit = bound[tgt, att]
        sizes[out_rows, d] = 2 + count[tgt] - self_hit
        defender_majors = major_count[tgt] - (self_hit & majors[att])
        opposite[out_rows, d] = majors[att] & (majors[tgt] | (defender_majors > 0))


def _simple_draws_torch(legs: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],  # noqa: PLR0913
                        honour: np.ndarray, asks: np.ndarray, majors: np.ndarray, att: np.ndarray,
                        tgt: np.ndarray, n: int, sizes: np.ndarray, opposite: np.ndarray, rows: np.ndarray,
                        chunk: int = 256) -> None:
    """`_simple_draws` with every draw of a chunk at once, as PyTorch tensors (CUDA when available)."""
    import torch

    dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    victim, obligor, commit, gated = (torch.as_tensor(x, device=dev) for x in legs)
    a, t = torch.as_tensor(att, device=dev), torch.as_tensor(tgt, device=dev)
    maj = torch.as_tensor(majors, device=dev)
    diag = torch.eye(n, dtype=torch.bool, device=dev)
    out_rows = np.nonzero(rows)[0]
    for lo in range(0, honour.shape[0], chunk):
        h = torch.as_tensor(honour[lo:lo + chunk], device=dev)
        ask = torch.as_tensor(asks[lo:lo + chunk], device=dev)
        d = h.shape[0]
        live = h[:, commit] & (~gated | ask[:, victim])  # (draws, legs)
        di, li = torch.nonzero(live, as_tuple=True)
        bound = torch.zeros((d, n, n), dtype=torch.bool, device=dev)
        bound[di, victim[li], obligor[li]] = True
        bound &= ~diag
        count = bound.sum(dim=2)
        major_count = (bound & maj[None, None, :]).sum(dim=2)
        self_hit = bound[:, t, a]  # (draws, dyads)
        size = 2 + count[:, t] - self_hit.long()
        defender_majors = major_count[:, t] - (self_hit & maj[a][None, :]).long()
        opp = maj[a][None, :] & (maj[t][None, :] | (defender_majors > 0))
        sizes[out_rows, lo:lo + d] = size.T.cpu().numpy()
        opposite[out_rows, lo:lo + d] = opp.T.cpu().numpy()


def _complex_draws(world: World, day: dt.date, pair: tuple[str, str], model: HonourModel,
                   commits: dict[tuple[str, str], int], honour: np.ndarray, asks: np.ndarray,
                   pos: dict[str, int], majors: np.ndarray, reading: Reading = "legal"
                   ) -> tuple[np.ndarray, np.ndarray]:
    """The per-scenario replay of one dyad, on the atlas's shared draws."""
    scenario = build_scenario(world, attacker=pair[0], target=pair[1], date=day, reading=reading)
    graph = potential_graph(world, scenario, model)
    cols = np.array([commits[c] for c in graph.commits], dtype=np.int64)
    state_cols = np.array([pos[s] for s in graph.states], dtype=np.int64)
    sides = _replay(graph, scenario, honour[:, cols], asks[:, state_cols])
    size = (sides != 0).sum(axis=1)
    m = majors[state_cols]
    opposite = ((sides == ATTACK) & m).any(axis=1) & ((sides == DEFENSE) & m).any(axis=1)
    return size, opposite
