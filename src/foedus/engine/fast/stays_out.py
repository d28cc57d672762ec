"""Which rows of the packed rounds (`foedus.engine.fast.packed_rounds`) to solve again for precedence
(`foedus.engine.rules.precedence.stays_out`). The packed rounds report every excluded state as a conflict; a state
that owes a duty not to fight that prevails (a priority clause) may instead stay out, which only the dense rounds
tell. That duty binds only against a state it protects on a side, so only the rows where such a state was ever on a
side need the dense rounds: the packed rounds report those states (`watching`), and `solve_again` solves those rows.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from foedus.engine.fast.matrices import BatchRules
from foedus.engine.fast.rounds import ATTACK, DEFENSE

__all__ = ["solve_again", "watching"]


def _prevailing(rules: BatchRules) -> np.ndarray | None:
    """[obligor, protected]: a duty not to fight that prevails (`LegArrays.prevailing_pairs`); None where none does."""
    legs = rules.legs
    if rules.plain is None or legs is None:
        return None
    return rules.derive("prevailing pairs", lambda r: legs.prevailing_pairs())


def watching(rules: BatchRules, rows: int) -> tuple[np.ndarray, np.ndarray] | None:
    """`packed_rounds`' `ever` for `solve_again`: an output for `rows` rows, and the states to watch, those a duty that
    prevails protects; None where no duty prevails (nothing to solve again)."""
    pairs = _prevailing(rules)
    return None if pairs is None else (np.zeros((rows, len(rules.states)), dtype=bool), np.any(pairs, axis=0))


def solve_again(rules: BatchRules, dyads: tuple[np.ndarray, np.ndarray], part: np.ndarray,
                found: tuple[np.ndarray, tuple[np.ndarray, np.ndarray] | None],
                solve: Callable[[np.ndarray], np.ndarray]) -> None:
    """Rows `part` of the packed rounds' exclusions (`found`: exclusions, and `watching`'s output filled by the rounds)
    corrected by the dense rounds (`solve`: the conflicts of each row from its opening sides; `dyads`: attackers,
    targets), which tell the states that stay out by precedence. Solved again: the rows excluding a state that owes a
    duty that prevails while a state it protects was ever on a side during the rounds: elsewhere the duty never
    binds. Ever, not at the end: the obligor may be excluded with another state in one round
    (`conflict.SIMULTANEOUS`), judged while the protected state fights, and the resume without the two may drop the
    protected state; the obligor stays out all the same, an exclusion never being undone (the reference engine's
    `stays_out`; tests/test_precedence_side_level.py, `_dropped_world`)."""
    (attackers, targets), (conflicts, ever), pairs = dyads, found, _prevailing(rules)
    if pairs is None or ever is None:
        return
    obligors = np.flatnonzero(pairs.any(axis=1))
    rows = part[conflicts[np.ix_(part, obligors)].any(axis=1)]  # a few columns: no copy of the rows' every state
    owed = conflicts[np.ix_(rows, obligors)].astype(np.float32) @ pairs[obligors].astype(np.float32)  # protected
    redo = rows[((owed > 0) & ever[0][rows]).any(axis=1)]
    if len(redo):
        ix = np.arange(len(redo))
        side = np.zeros((len(redo), len(rules.states)), dtype=np.int8)
        side[ix, attackers[redo]], side[ix, targets[redo]] = ATTACK, DEFENSE
        conflicts[redo] = solve(side)
