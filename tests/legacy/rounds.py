"""The rounds loop as it was before the escalatory atlas was sped up (issue 15), kept to check the new one.

The vectorised fixed-point loop shared by the batched engine (rows = dyads) and the Monte Carlo
(rows = draws): admit joiners round by round, exclude states bound in contradictory ways, and resume a
row from the round its newly excluded state joined — the single engine's restart, at a fraction of the work.

The caller supplies `wants(rows, sides, excluded, rounds)`: which states are bound to join each side
and which must stay out of each, for the given rows in their current state.
"""

from __future__ import annotations

import numpy as np

from foedus.engine.fast.rounds import ATTACK, DEFENSE, NONE, Wants  # unchanged by the work the copy stands for

__all__ = ["ATTACK", "DEFENSE", "NONE", "Wants", "solve_rounds"]


def solve_rounds(side: np.ndarray, wants: Wants, defenders_strike: bool, one_round: bool = False
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Run every row to its fixed point from its opening `side` (original parties already set).

    Returns the final sides, the round each state joined in (0: original or never), and the excluded
    (conflicted) states (every state conflicted in a round together: `conflict.SIMULTANEOUS`). `one_round`:
    nobody strikes after round 1 (an incident below an armed attack).

    Rounds before the one in which a late-conflicted state joined cannot change when it is excluded (it
    had no obligation yet), so resuming there equals the single engine's restart from scratch.
    """
    rows, n = side.shape
    side = side.copy()
    original = side != NONE
    joined = np.zeros((rows, n), dtype=np.int16)
    excluded = np.zeros((rows, n), dtype=bool)
    start = np.ones(rows, dtype=np.int64)
    todo = np.arange(rows)
    while len(todo):
        restart, resume = _rounds(todo, side, joined, excluded, original, start, wants, defenders_strike,
                                  one_round)
        again = restart[todo].any(axis=1)
        back = todo[again]
        kept = (joined[back] > 0) & (joined[back] < resume[back][:, None])  # joined before the excluded state
        side[back] = np.where(kept | original[back], side[back], NONE)
        joined[back] = np.where(kept, joined[back], 0)
        excluded[back] = restart[back]
        start[back] = resume[back]
        todo = back
    return side, joined, excluded


def _rounds(todo: np.ndarray, side: np.ndarray, joined: np.ndarray, excluded: np.ndarray,
            original: np.ndarray, start: np.ndarray, wants: Wants, defenders_strike: bool,
            one_round: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Rounds for rows `todo` (updated in place) up to each row's fixed point or first late conflict.

    Returns, indexed by row, the exclusions of rows to restart and the round to resume from.
    """
    rows, n = side.shape
    restart = np.zeros((rows, n), dtype=bool)
    resume = np.zeros(rows, dtype=np.int64)
    rnd = start.copy()
    act = todo
    while len(act):
        sa, ex, r = side[act], excluded[act], rnd[act]
        want_a, want_d, stay_a, stay_d = wants(act, sa, ex, r)
        to_d = want_d | stay_a  # bound to the defence, or to stay out against the attack side
        to_a = want_a | stay_d
        free = np.greater(sa == NONE, ex)  # for booleans, x > y is x & ~y
        clash_new = want_a & to_d
        clash_new |= want_d & stay_d
        clash_new &= free
        clash_late = (sa == ATTACK) & to_d
        clash_late |= (sa == DEFENSE) & to_a
        clash_late = np.greater(clash_late, original[act])
        late = clash_late.any(axis=1)
        if late.any():
            # everything excluded so far stays excluded, and so does every state conflicted in this round, late
            # or new (`conflict.SIMULTANEOUS`): resume from the earliest round a late-conflicted one joined in
            restart[act[late]] = ex[late] | clash_new[late] | clash_late[late]
            resume[act[late]] = np.where(clash_late[late], joined[act[late]], np.iinfo(np.int16).max).min(axis=1)
        # rows with a late conflict are updated too, harmlessly: `solve_rounds` resets what they did
        # from their resume round on, and replaces their exclusions
        ex |= clash_new
        open_ = np.greater(free, clash_new)
        join_a = open_ & want_a
        join_d = open_ & want_d
        join = join_a | join_d
        # sa is NONE (0) wherever a state joins, and ATTACK, DEFENSE are 1, 2: set the bits
        sa |= join_a.view(np.int8)
        sa |= join_d.view(np.int8) << 1
        side[act], excluded[act] = sa, ex
        jr = joined[act]
        np.copyto(jr, r[:, None].astype(np.int16), where=join)
        joined[act] = jr
        # `foedus.engine.rules.STRIKES`: where defenders strike (escalatory), any joiner makes new attacks and
        # after round 1 the targets strike back even if nobody joined; otherwise only attack-side joiners do
        new_attacks = join.any(axis=1) | (r == 1) if defenders_strike else join_a.any(axis=1)
        if one_round:
            new_attacks[:] = False
        rnd[act] += 1
        act = act[~late & new_attacks]
    return restart, resume
