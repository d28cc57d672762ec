"""The Monte Carlo atlas's shortcut for simple dyads in the legal reading.

A dyad is simple when the attacker has no offence partners and no neutrality clause binds when it
attacks, and every defence leg owed to the target covers any attacker: its war in a draw is the
target's honoured defenders, one gather per dyad (numpy, or PyTorch tensors on CUDA when available).
The legs come from the compiled table and the rules (`covers`, `withheld_by_switches`), as elsewhere.
"""

from __future__ import annotations

import numpy as np

from foedus.engine.fast.threads import in_engine_threads
from foedus.engine.rules import covers, severe_enough, where, withheld_by_switches
from foedus.engine.scenario import Attack, Scenario
from foedus.engine.table import LegTable
from foedus.model.treaty import Kind
from foedus.model.world import World

__all__ = ["is_simple", "simple_draws", "simple_draws_torch", "simple_legs"]

Legs = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # victim, obligor, commitment, request-gated


def simple_legs(world: World, table: LegTable, switches: Scenario, pos: dict[str, int]) -> tuple[set[str], Legs]:
    """Victims whose defence legs all cover any attacker, and the legs that bind when their home is attacked."""
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


def simple_draws(legs: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray], honour: np.ndarray,
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


@in_engine_threads  # torch's CPU threads as the engines' BLAS threads
def simple_draws_torch(legs: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],  # noqa: PLR0913
                        honour: np.ndarray, asks: np.ndarray, majors: np.ndarray, att: np.ndarray,
                        tgt: np.ndarray, n: int, sizes: np.ndarray, opposite: np.ndarray, rows: np.ndarray,
                        chunk: int = 256) -> None:
    """`simple_draws` with every draw of a chunk at once, as PyTorch tensors (CUDA when available)."""
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


