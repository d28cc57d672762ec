"""The batched engine's rules: the compiled legs of one date as boolean matrices over a state index.

Built from `foedus.engine.table` with the functions of `foedus.engine.rules` (scope, counterparts,
gates); nothing here re-derives a rule. `defend[v, o]`: o is bound to defend v against anyone;
`defend_np`: the same for legs with a non-provocation clause; `offend[a, o]`: o joins a's attack on
anyone; `neutral[v, o]`: o must stay out against v's attackers; `neutral_np`: the same where v must not be on
the side that started the war (`rules.void_for_starters`); `neutral_att[a, o]`: o must stay out when a attacks.
Legs whose adversary clause limits their counterparts, and neutrality legs that also bind when the partner attacks
and have a non-provocation clause, are lists with a mask of the counterparts they cover (`Conditional`, which carries
that gate). Request-gated legs bind only for states that ask (`asks`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

import numpy as np

from foedus.datarecord import dataclass, field
from foedus.engine.fast.backend import Backend

T = TypeVar("T")
__all__ = ["BatchRules", "Conditional", "Reach"]


class Legs(Protocol):
    """The legs the matrices were built from (`foedus.engine.fast.compiler.LegArrays`): what a Monte Carlo draw
    rebuilds them from."""

    commitments: list[int]

    def assemble(self, states: list[str], majors: np.ndarray, backend: Backend, live: np.ndarray | None = None,
                 asks: np.ndarray | None = None) -> BatchRules:
        """The matrices of the legs that bind in a draw."""
        ...

    def prevailing_pairs(self) -> np.ndarray:
        """[obligor, protected]: a neutrality leg that prevails (`rules.precedence.prevails`)."""
        ...


@dataclass
class Conditional:
    """Legs that bind only for some counterparts, or with a victim gate the matrices lack: rows (owed-to state,
    obligor, allowed counterpart mask (less the obligor where the rule spares it: `compiler._counterparts`), whether
    it is void for a state on the side that started the war:
    `rules.void_for_starters`)."""

    owed: np.ndarray
    obligor: np.ndarray
    allowed: np.ndarray  # (k, n) bool: which counterparts (attackers, or victims for offence) satisfy it
    nonprov: np.ndarray


@dataclass
class Reach:
    """A 0/1 matrix for 'which columns does any selected row reach', kept also as its nonzero block.

    Alliance matrices are sparse (in 2016, 150 of 196 states are owed a defence leg, 33 a neutrality
    leg), so the products run on the nonzero rows and columns only.
    """

    full: np.ndarray  # (n, k) bool
    rows: np.ndarray
    cols: np.ndarray
    block: np.ndarray  # float32 (len(rows), len(cols))

    @classmethod
    def of(cls, matrix: np.ndarray) -> Reach:
        """The reach of a 0/1 matrix."""
        full = matrix > 0
        rows, cols = np.flatnonzero(full.any(axis=1)), np.flatnonzero(full.any(axis=0))
        return cls(full, rows, cols, np.ascontiguousarray(full[np.ix_(rows, cols)], dtype=np.float32))

    def reach(self, on: np.ndarray, backend: Backend) -> np.ndarray:
        """(on @ matrix) > 0 for a 0/1 float32 `on` of shape (rows, n)."""
        out = np.zeros((len(on), self.full.shape[1]), dtype=bool)
        if len(self.rows) and len(on):
            out[:, self.cols] = backend.any_product(on[:, self.rows], self.block)
        return out


@dataclass
class BatchRules:
    """The legs in force on one date, as matrices over the state index (see the module docstring).

    `first` holds the rules of the opening attacks when they are not all on home territory (a place,
    or forces): the legal reading uses them in every round, the escalatory reading in round 1 only.
    """

    states: list[str]
    defend: np.ndarray
    defend_np: np.ndarray
    offend: np.ndarray
    neutral: np.ndarray
    neutral_att: np.ndarray
    cond_defend: Conditional
    cond_offend: Conditional
    cond_neutral: Conditional
    cond_neutral_att: Conditional
    majors: np.ndarray
    backend: Backend = field(default_factory=Backend)
    legs: Legs | None = None
    first: BatchRules | None = None
    war: bool = True  # False when the opening incident is below an armed attack: nobody strikes after round 1
    derived: dict[str, object] = field(default_factory=dict, repr=False, compare=False)  # what engines build once
    neutral_np: np.ndarray | None = None  # (None: no such legs)
    plain: BatchRules | None = None  # less the duties not to fight that prevail (`rules.precedence`; None: none do)

    def derive(self, key: str, build: Callable[[BatchRules], T]) -> T:
        """What an engine derives from these rules (`key` names it), built once and kept in `derived`."""
        if key not in self.derived:
            self.derived[key] = build(self)
        return self.derived[key]  # type: ignore[return-value]

    def __post_init__(self) -> None:
        if self.neutral_np is None:
            self.neutral_np = np.zeros_like(self.neutral)
        # the products the rounds need, side by side so that one matrix product serves two rules
        self.defend_all_nt = Reach.of(np.hstack([self.defend + self.defend_np, self.neutral + self.neutral_np]))
        self.defend_nt = Reach.of(np.hstack([self.defend, self.neutral]))
        self.offend_nta = Reach.of(np.hstack([self.offend, self.neutral_att]))

    @property
    def opening(self) -> BatchRules:
        """The rules of the opening attacks (the same rules when they are all on home territory)."""
        return self.first or self

    def commitments(self) -> list[int]:
        """Per commitment of `for_draw`'s `live`: its index in the date's `LegTable.commitments`."""
        return self.legs.commitments if self.legs is not None else []

    def for_draw(self, live: np.ndarray, asks: np.ndarray) -> BatchRules:
        """The rules of one Monte Carlo draw: only honoured commitments (`live`, per `commitments()`),
        request-gated legs only for states that ask (`asks`, per state). Neutrality always binds. A draw carries no
        `plain` set (assembling it would cost each draw ~1.6 ms at 2025): its conflicts count the states that stay out
        by precedence, so only what does not tell the two apart (war size, majors on both sides) is read of it."""
        if self.legs is None:
            raise ValueError("these rules were built without their leg table")
        out = self.legs.assemble(self.states, self.majors, self.backend, live, asks)
        out.war = self.war
        if self.first is not None:
            out.first = self.first.for_draw(live, asks)
        return out
