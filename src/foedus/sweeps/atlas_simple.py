"""The Monte Carlo atlas's shortcut for simple dyads in the legal reading.

A dyad is simple when the attacker has no offence partners and no neutrality clause binds when it
attacks, and every defence leg owed to the target covers any attacker: its war in a draw is the
target's honoured defenders, many draws at once (numpy, or PyTorch tensors on CUDA when available).
The legs come from the compiled table and the rules (`covers`, `withheld_by_switches`), as elsewhere.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from foedus.engine.fast.threads import in_engine_threads
from foedus.engine.rules import covers, implemented_gates, severe_enough, where, withheld_by_switches
from foedus.engine.scenario import Attack, Scenario
from foedus.engine.table import LegTable
from foedus.model.treaty import Kind
from foedus.model.world import World

__all__ = ["is_simple", "simple_draws", "simple_legs"]

Legs = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # victim, obligor, commitment, request-gated


def simple_legs(world: World, table: LegTable, switches: Scenario, pos: dict[str, int]) -> tuple[set[str], Legs]:
    """Victims whose defence legs all cover any attacker, and the legs that bind when their home is attacked."""
    implemented_gates(switches)  # the request gate is read by name, in the form the rules check
    rows: list[tuple[int, int, int, bool]] = []
    clean: set[str] = set()
    places = world.places.on(table.date)
    for victim, legs in table.by_beneficiary.get(Kind.DEFENSE, {}).items():
        if victim not in pos:
            continue
        attack = Attack("", victim, world.places.home(victim, table.date).id, "territory", severity=switches.severity)
        live = [leg for leg in legs if withheld_by_switches(leg, switches) is None]
        if all(leg.counterparts.anyone for leg in live):
            clean.add(victim)
        rows += [(pos[victim], pos[leg.obligor], leg.commitment, leg.gated_by("request")) for leg in live
                 if leg.obligor in pos and covers(leg, attack, places) and severe_enough(leg, attack)]
    arr = np.array(rows, dtype=np.int64).reshape(-1, 4)
    return clean, (arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3].astype(bool))


def is_simple(table: LegTable, attacker: str, target: str, clean_victims: set[str]) -> bool:
    """No offence partners of the attacker, no neutrality binding on its attack, plain legs to the target."""
    if table.owed_to(Kind.OFFENSE, attacker):
        return False
    if any(where.binds_when_partner_attacks(leg.provision) for leg in table.owed_to(Kind.NEUTRALITY, attacker)):
        return False
    return not table.owed_to(Kind.DEFENSE, target) or target in clean_victims


@in_engine_threads  # torch's CPU threads as the engines' BLAS threads
def simple_draws(legs: Legs, honour: np.ndarray, asks: np.ndarray, majors: np.ndarray,  # noqa: PLR0913
                 att: np.ndarray, tgt: np.ndarray, n: int, sizes: np.ndarray, opposite: np.ndarray,
                 rows: np.ndarray, *, torch: bool = False, chunk: int | None = None) -> None:
    """A simple dyad's war in each draw: the target's honoured defenders (the attacker never counts), every draw
    of a chunk at once; with `torch`, as PyTorch tensors (CUDA when available), by the same steps. numpy's chunk is
    small (8 draws: a chunk's draws × states × states booleans stay in cache; 256 at once were far slower)."""
    xp = _Torch() if torch else _Numpy()
    chunk = chunk or (256 if torch else 8)
    victim, obligor, commit, gated = (xp.array(x) for x in legs)
    a, t, maj, every = xp.array(att), xp.array(tgt), xp.array(majors), xp.array(np.arange(n))
    out_rows = np.nonzero(rows)[0]
    for lo in range(0, honour.shape[0], chunk):
        h, ask = xp.array(honour[lo:lo + chunk]), xp.array(asks[lo:lo + chunk])
        d = h.shape[0]
        live = h[:, commit] & (~gated | ask[:, victim])  # (draws, legs)
        di, li = xp.nonzero(live)
        bound = xp.falses((d, n, n))
        bound[di, victim[li], obligor[li]] = True
        bound[:, every, every] = False
        count = bound.sum(2)
        major_count = (bound & maj[None, None, :]).sum(2)
        self_hit = bound[:, t, a]  # (draws, dyads)
        size = 2 + count[:, t] - self_hit * 1
        defender_majors = major_count[:, t] - (self_hit & maj[a][None, :]) * 1
        opp = maj[a][None, :] & (maj[t][None, :] | (defender_majors > 0))
        sizes[out_rows, lo:lo + d] = xp.host(size.T)
        opposite[out_rows, lo:lo + d] = xp.host(opp.T)


class _Numpy:
    """`simple_draws`'s few array steps that numpy and PyTorch spell differently: numpy's."""

    def array(self, x: np.ndarray) -> Any:
        return x

    def nonzero(self, x: Any) -> tuple[Any, ...]:
        return tuple(np.nonzero(x))

    def falses(self, shape: tuple[int, ...]) -> Any:
        return np.zeros(shape, dtype=bool)

    def host(self, x: Any) -> np.ndarray:
        return np.asarray(x)


class _Torch(_Numpy):
    """The same as PyTorch tensors, on CUDA when available."""

    def __init__(self) -> None:
        import torch

        self.torch, self.device = torch, torch.device("cuda" if torch.cuda.is_available() else "cpu")

    def array(self, x: np.ndarray) -> Any:
        return self.torch.as_tensor(x, device=self.device)

    def nonzero(self, x: Any) -> tuple[Any, ...]:
        return tuple(self.torch.nonzero(x, as_tuple=True))

    def falses(self, shape: tuple[int, ...]) -> Any:
        return self.torch.zeros(shape, dtype=self.torch.bool, device=self.device)

    def host(self, x: Any) -> np.ndarray:
        return np.asarray(x.cpu().numpy())
