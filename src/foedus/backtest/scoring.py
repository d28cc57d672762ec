"""Compare one war's predictions with what its participants did, and sort every miss by its kind.

A participant *joins* when it is not an original party; its side is its COW side relative to the
initiators' (a state that changed sides keeps the side it entered on). Misses are: joined with no
treaty obligation, bound to both sides (a conflict, so the engine picks neither), obligated but
stayed out, and joined the other side; the last two are also flagged when every obligation behind
them rests on a condition ATOP flags but does not specify.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from foedus.backtest.metrics import Counts, Pair
from foedus.backtest.predict import Predicted, ReadingPrediction, Side

__all__ = ["Actual", "ReadingScore", "pairs_of", "score"]


@dataclass(frozen=True)
class Actual:
    """The real war, in engine ids: the original parties and every joiner with its side."""

    war: int
    attackers: tuple[str, ...]
    targets: tuple[str, ...]
    joiners: dict[str, Side]

    @property
    def originals(self) -> frozenset[str]:
        """Attackers and first targets."""
        return frozenset((*self.attackers, *self.targets))


@dataclass(frozen=True)
class ReadingScore:
    """One variant's hits and misses in one war (state ids, sorted)."""

    hits: tuple[str, ...]  # joined on the predicted side
    stayed_out: tuple[str, ...]  # obligated, did not fight
    other_side: tuple[str, ...]  # obligated to one side, fought on the other
    unobligated: tuple[str, ...]  # fought, no obligation to either side
    conflicted: tuple[str, ...]  # fought, but bound to both sides (the engine picks neither)
    unresolved: tuple[str, ...]  # of stayed_out and other_side: resting only on unresolved ATOP conditions
    predicted: dict[str, Predicted]

    @property
    def counts(self) -> Counts:
        """tp = hits; fp = predicted joiners not on that side; fn = real joiners not predicted on their side."""
        wrong = len(self.other_side)
        return Counts(tp=len(self.hits), fp=len(self.stayed_out) + wrong,
                      fn=wrong + len(self.unobligated) + len(self.conflicted))


def score(pred: ReadingPrediction, actual: Actual, skipped: frozenset[str] = frozenset()) -> ReadingScore:
    """Sort the predicted and real joiners of one war (states in `skipped` are left out of both)."""
    predicted = {s: p for s, p in pred.joiners.items() if s not in skipped and s not in actual.originals}
    real = {s: side for s, side in actual.joiners.items() if s not in skipped}
    hits = sorted(s for s, p in predicted.items() if real.get(s) == p.side)
    stayed = sorted(s for s in predicted if s not in real)
    other = sorted(s for s, p in predicted.items() if s in real and real[s] != p.side)
    missing = [s for s in real if s not in predicted]
    conflicted = sorted(s for s in missing if s in pred.conflicts)
    unobligated = sorted(s for s in missing if s not in pred.conflicts)
    unresolved = sorted(s for s in (*stayed, *other) if predicted[s].unresolved)
    return ReadingScore(hits=tuple(hits), stayed_out=tuple(stayed), other_side=tuple(other),
                        unobligated=tuple(unobligated), conflicted=tuple(conflicted), unresolved=tuple(unresolved),
                        predicted=predicted)


def pairs_of(pred: ReadingPrediction, actual: Actual, members: Iterable[str],
             skipped: frozenset[str] = frozenset()) -> list[Pair]:
    """The (war, candidate) forecasts: every state in the system on the date, less the original parties.

    The candidates do not depend on what happened, so states given no chance that stayed out count as
    well as those that joined; states the cascade names outside `members` (none, with COW dates) too.
    """
    candidates = (set(members) | set(pred.probabilities) | set(pred.joiners)) - actual.originals - skipped
    out = []
    for state in sorted(candidates):
        p_att, p_def = pred.probabilities.get(state, (0.0, 0.0))
        out.append(Pair(war=actual.war, state=state, p_attack=p_att, p_defense=p_def,
                        joined=actual.joiners.get(state)))
    return out
