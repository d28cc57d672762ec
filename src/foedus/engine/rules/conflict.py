"""The conflict rule: which state is bound in contradictory ways, and what becomes of it.

A state is conflicted when it is bound to (or fighting for) both sides, or bound to (or fighting for) a side it is
barred from: it owes neutrality to a state on the other side of that one (`conflicted`). The policy:

- `EXCLUDED`: a conflicted state joins neither side; it is reported as a conflict, with the obligations and the
  neutrality duties that clash, and every engine runs on without it (the original parties are never conflicted).
- `LATE_RESUMES`: a state already fighting that becomes conflicted makes the run resume from the start of the
  round it joined in, without it (before then none of its legs bound, so nothing earlier changes); a state
  conflicted in the round it is first bound is simply left out of that round's joiners.
- `SIMULTANEOUS`: each state of a round is judged by the sides as the round found them, and every state conflicted
  in it is excluded at once (the run resumes from the earliest round one of them joined in), so that no state's
  id decides which of two states that bar each other fights: both are excluded.

`conflicted` is written with `&` and `|` only, so that it reads bools (the reference engine, state by state),
boolean arrays and packed 64-bit words alike. The vectorised engines take its compiled form, `compiled()`: the
same function, checked over every input to have the form they evaluate word by word (bound both ways is always a
conflict; whether a duty bars the attack or the defence side is what `Clash` carries). What bars each side is one
table (`bars`), which `barred` reads for arrays and words and `masks` hands to the compiled loop as data.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, TypeVar

if TYPE_CHECKING:
    import numpy as np

from foedus.errors import RuleError

__all__ = ["BOTH_SIDES", "EXCLUDED", "LATE_RESUMES", "NEUTRAL_TOWARD", "SIMULTANEOUS", "Clash", "barred", "bars",
           "compiled", "conflicted", "masks", "policy"]

EXCLUDED = True  # a conflicted state joins neither side and is reported as a conflict
LATE_RESUMES = True  # a fighting state that becomes conflicted: resume from the round it joined in, without it
SIMULTANEOUS = True  # every state conflicted in a round is excluded together, judged by the round's sides
# the policy above is the one every engine's loop implements (the reference run's `_settle` and `_resume`,
# `foedus.engine.fast.rounds`, the packed rounds): `policy` refuses a flag turned off rather than letting it be ignored
BOTH_SIDES = "bound to both sides"  # the reasons a conflict is reported with
NEUTRAL_TOWARD = "bound both to join and not to join the war against "  # as the cascade words a neutrality duty

T = TypeVar("T")


def conflicted(attack: T, defense: T, barred_attack: T, barred_defense: T) -> T:
    """Whether a state bound to (or fighting for) the attack / defence side, and barred from the attack / defence side
    by a neutrality duty owed to a state on the other side of it, is conflicted (bools, boolean arrays or words)."""
    return (attack & (defense | barred_attack)) | (defense & barred_defense)  # type: ignore[operator,no-any-return]


class Clash(NamedTuple):
    """`conflicted` as the vectorised engines evaluate it: bound both ways is a conflict, and so is a side together
    with a duty barring it where `attack` (the attack side) or `defense` (the defence side) says so."""

    attack: bool
    defense: bool


def policy() -> None:
    """Check that the policy in force is the one the engines implement (`EXCLUDED`, `LATE_RESUMES` and `SIMULTANEOUS`
    all on: read from this module at each call); the reference engine asks it once per run, and the vectorised ones
    through `compiled`.

    Raises:
        RuleError: a flag is turned off, which no engine could follow.
    """
    if EXCLUDED and LATE_RESUMES and SIMULTANEOUS:
        return
    off = [name for name, on in (("EXCLUDED", EXCLUDED), ("LATE_RESUMES", LATE_RESUMES),
                                 ("SIMULTANEOUS", SIMULTANEOUS)) if not on]
    raise RuleError(f"the conflict policy's {' and '.join(off)} (foedus.engine.rules.conflict) is turned off, but "
                    "every engine's loop implements the policy with it on: change the engines' loops too")


def compiled() -> Clash:
    """The compiled form of the rule now in force (`conflicted`, read from this module at each call), under the policy
    the engines implement (`policy`).

    Raises:
        RuleError: the rule is not of the form the vectorised engines evaluate, or the policy not the one they follow.
    """
    policy()
    return _compile(conflicted)


@functools.cache
def _compile(rule: Callable[[bool, bool, bool, bool], bool]) -> Clash:
    clash = Clash(bool(rule(True, False, True, False)), bool(rule(False, True, False, True)))
    for a, d, ba, bd in itertools.product((False, True), repeat=4):
        form = (a and d) or (a and ba and clash.attack) or (d and bd and clash.defense)
        if bool(rule(a, d, ba, bd)) != form:
            raise RuleError("the conflict rule (foedus.engine.rules.conflict.conflicted) must make a state bound both"
                            " ways conflicted, and otherwise depend only on a side together with a duty barring it; "
                            f"for attack={a}, defense={d}, barred_attack={ba}, barred_defense={bd} it says {not form}")
    return clash


Bars = tuple[tuple[bool, bool, bool, bool], tuple[bool, bool, bool, bool]]


def bars(clash: Clash) -> Bars:
    """Which of a state's obligations (bound to the attack side, to the defence side, a duty to stay out of the
    attack side, of the defence side) bar it from the attack side (first row) and from the defence side (second):
    being bound to the other side, and a duty to stay out of it where the rule makes that a conflict."""
    return (False, True, clash.attack, False), (True, False, False, clash.defense)


def barred(clash: Clash, want_a: T, want_d: T, stay_a: T, stay_d: T) -> tuple[T, T]:
    """What bars each state from the attack side and from the defence side (`bars`; arrays or words). A state bound
    to, or on, a side it is barred from is conflicted."""
    duties = (want_a, want_d, stay_a, stay_d)
    from_a, from_d = (functools.reduce(operator.or_, itertools.compress(duties, row)) for row in bars(clash))
    return from_a, from_d


def masks(clash: Clash) -> np.ndarray:
    """`bars` as data for compiled word loops: a (2, 4) table of 64-bit masks, all ones where an obligation bars."""
    import numpy as np  # here: the reference engine's cascade (the CLI's start) imports this module, not numpy

    return np.array([[0xFFFFFFFFFFFFFFFF if bar else 0 for bar in row] for row in bars(clash)], dtype=np.uint64)
