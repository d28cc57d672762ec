"""Alliance ties on the war's first day, from the treaties the engine reads (ATOP 5.1 merged with the
curated set), to the day, valued as `foedus similarity` values them (`foedus.research.ties.TIE_VALUES`, Signorino
& Ritter's coding: 3 defence or offence, 2 neutrality or non-aggression, 1 consultation only).

From them: each candidate's strongest tie and its number of defence allies on each side, and the
alliance-portfolio similarity to each side (Signorino & Ritter's S, Häge's kappa; `foedus.research.similarity`),
the highest over the side's states; and kappa of the defence portfolios alone (`kappa_def`: every tie below defence
or offence read as none), which sees the defence blocs where a bloc-wide non-aggression tie makes the whole
portfolios alike (issue #14, session 68: the pan-European ATOP entries tie NATO's members to Ukraine and to Russia
alike). Portfolios span the day's system members.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from foedus.engine.table import leg_table
from foedus.model.world import World
from foedus.research.similarity import similarity_matrices
from foedus.research.ties import TIE_VALUES

__all__ = ["DEFENCE", "Ties"]

DEFENCE = TIE_VALUES["defense"]  # the value of a defence or offence tie, and of each state's tie with itself


class Ties:
    """The tie matrix of one date over `states` (engine ids), and what the features read from it."""

    def __init__(self, world: World, day: dt.date, states: list[str]) -> None:
        self.states = states
        self.pos = {s: i for i, s in enumerate(states)}
        n = len(states)
        t = np.zeros((n, n), dtype=np.int64)
        table = leg_table(world, day)
        for treaty_id, members in table.members.items():
            treaty = world.treaties[treaty_id]
            value = max((TIE_VALUES[p.kind.value] for p in treaty.provisions
                         if p.valid is None or p.valid.covers(day)), default=0)
            idx = [self.pos[m] for m in members if m in self.pos]
            if value and len(idx) > 1:
                block = t[np.ix_(idx, idx)]
                t[np.ix_(idx, idx)] = np.maximum(block, value)
        np.fill_diagonal(t, DEFENCE)
        self.t = t
        self._sim: dict[str, np.ndarray] | None = None

    def _index(self, side: tuple[str, ...]) -> list[int]:
        return [self.pos[s] for s in side if s in self.pos]

    def strongest(self, rows: list[int], side: tuple[str, ...]) -> np.ndarray:
        """Each row's strongest tie with a state of `side` (0: none)."""
        cols = self._index(side)
        if not cols:
            return np.zeros(len(rows))
        return np.asarray(self.t[np.ix_(rows, cols)].max(axis=1), dtype=np.float64)

    def defence_allies(self, rows: list[int], side: tuple[str, ...]) -> np.ndarray:
        """How many states of `side` each row has a defence or offence tie with."""
        cols = self._index(side)
        if not cols:
            return np.zeros(len(rows))
        return np.asarray((self.t[np.ix_(rows, cols)] == DEFENCE).sum(axis=1), dtype=np.float64)

    def similarity(self, rows: list[int], side: tuple[str, ...], measure: str) -> np.ndarray:
        """Each row's highest portfolio similarity (`s_unweighted`, `kappa`, or `kappa_def`: kappa of the defence
        portfolios) with a state of `side`."""
        if self._sim is None:
            weights = np.ones(len(self.states))
            mats = similarity_matrices(self.t, weights)
            defence = similarity_matrices(np.where(self.t >= DEFENCE, DEFENCE, 0), weights)["kappa"]
            self._sim = {k: np.nan_to_num(mats[k], nan=0.0) for k in ("s_unweighted", "kappa")}
            self._sim["kappa_def"] = np.nan_to_num(defence, nan=0.0)
        cols = self._index(side)
        if not cols:
            return np.zeros(len(rows))
        return np.asarray(self._sim[measure][np.ix_(rows, cols)].max(axis=1), dtype=np.float64)
