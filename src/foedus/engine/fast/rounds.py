"""The vectorised fixed-point loop shared by the batched engine (rows = dyads) and the Monte Carlo
(rows = draws): admit joiners round by round, exclude conflicted states (`foedus.engine.rules.conflict`), and resume
a row from the round its newly excluded state joined — the single engine's restart, at a fraction of the work.

The caller supplies `wants(rows, sides, excluded, rounds)`: which states are bound to join each side
and which must stay out of each, for the given rows in their current state; and, where some duties not to fight
prevail (`foedus.engine.rules.precedence`), `plain`: the same with only the duties that do not, which tell an excluded
state that stays out by precedence from a conflict (`precedence.stays_out`).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from foedus.engine.rules import conflict, precedence

__all__ = ["ATTACK", "DEFENSE", "NONE", "Wants", "solve_rounds"]

NONE, ATTACK, DEFENSE = 0, 1, 2
Wants = Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
                 tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]


def solve_rounds(side: np.ndarray, wants: Wants, defenders_strike: bool, one_round: bool = False,
                 plain: Wants | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Run every row to its fixed point from its opening `side` (original parties already set).

    Returns the final sides, the round each state joined in (0: original or never), and the conflicts: the
    excluded states, less those that stay out by precedence (`plain`; excluded all the same). No state's place in the
    rows decides anything (`conflict.SIMULTANEOUS`). `one_round`: nobody strikes after round 1 (an incident below an
    armed attack).

    Rounds before the one in which a late-conflicted state joined cannot change when it is excluded (it
    had no obligation yet), so resuming there equals the single engine's restart from scratch. A row
    resumes at once, beside the rows still running (each row keeps its own round): one loop serves every
    restart. The rows still running are worked on as compact copies, written back when they finish.
    """
    rows, n = side.shape
    side = side.copy()
    joined = np.zeros((rows, n), dtype=np.int16)
    excluded = np.zeros((rows, n), dtype=bool)
    act = np.arange(rows)
    stays = np.zeros((rows, n), dtype=bool)
    sa, ex, jr, orig, so = side.copy(), excluded.copy(), joined.copy(), side != NONE, stays.copy()
    r = np.ones(rows, dtype=np.int64)
    clash, barred = conflict.compiled(), conflict.barred
    while len(act):
        want_a, want_d, stay_a, stay_d = wants(act, sa, ex, r)
        on_a, on_d = sa == ATTACK, sa == DEFENSE
        free = on_a | on_d
        free |= ex
        np.logical_not(free, out=free)  # neither on a side nor excluded
        bar_a, bar_d = barred(clash, want_a, want_d, stay_a, stay_d)  # `rules.conflict`: what bars each side
        clash_new = want_a & bar_a  # bound to a side it is barred from
        clash_new |= want_d & bar_d
        clash_new &= free
        on_a &= bar_a  # on a side it is barred from
        on_d &= bar_d
        on_a |= on_d
        clash_late = np.greater(on_a, orig)  # for booleans, x > y is x & ~y
        late = np.flatnonzero(clash_late.any(axis=1))
        if plain is not None:
            _stays_out(plain, (act, sa, ex, r), (want_a, want_d, stay_a, stay_d), clash_new | clash_late, so)
        restart = _restart(clash_late[late], clash_new[late], ex[late], jr[late]) if len(late) else None
        ex |= clash_new
        open_ = np.greater(free, clash_new)
        join_a = open_ & want_a
        join_d = open_ & want_d
        # sa is NONE (0) wherever a state joins, and ATTACK, DEFENSE are 1, 2: set the bits
        sa |= join_a.view(np.int8)
        sa |= join_d.view(np.int8) << 1
        join = join_a | join_d
        np.copyto(jr, r[:, None].astype(np.int16), where=join)
        # `foedus.engine.rules.STRIKES`: where defenders strike (escalatory), any joiner makes new attacks and
        # after round 1 the targets strike back even if nobody joined; otherwise only attack-side joiners do
        going = join.any(axis=1) | (r == 1) if defenders_strike else join_a.any(axis=1)
        if one_round:
            going[:] = False
        r += 1
        if restart is not None:  # back to the earliest round a late-conflicted state joined in, without them
            redo, resume = restart
            kept = (jr[late] > 0) & (jr[late] < resume[:, None])  # joined before it
            sa[late] = np.where(kept | orig[late], sa[late], NONE)
            jr[late] = np.where(kept, jr[late], 0)
            ex[late], r[late], going[late] = redo, resume, True
            so[late] &= redo
        if not going.all():
            gone = act[~going]
            side[gone], excluded[gone], joined[gone], stays[gone] = sa[~going], ex[~going], jr[~going], so[~going]
            act, sa, ex, jr, orig, r = act[going], sa[going], ex[going], jr[going], orig[going], r[going]
            so = so[going]
    return side, joined, np.greater(excluded, stays)


def _stays_out(plain: Wants, now: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
               wanted: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray], newly: np.ndarray, so: np.ndarray
               ) -> None:
    """Mark in `so` the states `newly` excluded that stay out by precedence (`precedence.stays_out`): `plain`'s duties
    not to fight, those that do not prevail, bar no side they are bound to or on (`now`: the rows' act, sa, ex, r)."""
    hit = np.flatnonzero(newly.any(axis=1))
    if not len(hit):
        return
    act, sa, ex, r = (x[hit] for x in now)
    want_a, want_d, stay_a, stay_d = (x[hit] for x in wanted)
    plain_a, plain_d = plain(act, sa, ex, r)[2:]
    so[hit] |= newly[hit] & precedence.stays_out(want_a | (sa == ATTACK), want_d | (sa == DEFENSE), stay_a, stay_d,
                                                 plain_a, plain_d)


def _restart(clash_late: np.ndarray, clash_new: np.ndarray, ex: np.ndarray, jr: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray]:
    """For rows with a late conflict: the exclusions to restart with, and the round to resume from.

    Everything excluded so far stays excluded, and so does every state conflicted this round, late or new
    (`conflict.SIMULTANEOUS`); the row resumes from the earliest round a late-conflicted state joined in.
    """
    redo: np.ndarray = ex | clash_new | clash_late
    return redo, np.where(clash_late, jr, np.iinfo(jr.dtype).max).min(axis=1).astype(np.int64)
