"""Going back to the round a late-conflicted state joined in (`rules.conflict.LATE_RESUMES`): the reference run
(`foedus.engine.cascade`) resumes from that round without the state, and most such rounds are not replayed.

Late conflicts are found in the settle of a round after the one a late-conflicted state joined in, the earliest such
round r; the run goes back to round r's start (`replay`: its frontier is evaluated again) with the states, and any
other state conflicted since round r's volleys, excluded. `again` restores round r's finds instead, less those of the
excluded states, and goes on at round r's settle. It gives what the replay gives, for these reasons:

- Round r's frontier, sides, camps, attacking side (so its situation's fields) and legs waiting at its start are
  the ones its first pass had: they are restored from the round's start (`Saved`); only the excluded set is
  larger, and it only grows within a run.
- Of what a volley does (`Binder.volley`), only two rules read the excluded states: `_defence`, which passes over
  the obligors in `BindState.settled` (each side's states, the excluded and the original parties), and `_offence`,
  which passes over an excluded obligor. Neutrality duties and withheld neutrality legs (`_neutrality`) and the
  verdicts (`Judge`: pure, kept by key) do not; consultations and violations are found after the run (`records`).
- Every key under which a round keeps a find (`Ledger.bind`: obligor, treaty, article and side; `Ledger.first`
  for withheld legs: obligor, treaty and article) and the round's joins (by obligor) are one obligor's, and what
  an obligor finds depends only on the volleys in their order, its own waiting legs and the verdicts: never on
  what another obligor found. So the replay finds, for every obligor not excluded, what the first pass found,
  under the same keys, in the same order; and nothing for an excluded obligor's defence and offence legs.
- The first pass's finds of the excluded obligors are left where they are harmless: their entries in the ledger's
  `bound` (read only by `Ledger.bind` for their own keys: an excluded state never binds again) and `withheld` (the
  result leaves out an excluded state's withheld legs: `outcome`; a later find under an excluded obligor's key is
  no one's), and their legs left waiting (`Binder.defending`: an excluded obligor's legs are never looked at again,
  being `settled`). Only the round's joins are filtered: they are what round r's settle reads.
- The tables only grow, a round's own entries coming after the earlier rounds' and never changed by a later round
  (`Ledger.first`/`bind` keep a held find from an earlier round), so cutting them to their sizes at round r+1's
  start (`Ledger.cut`) leaves round r's finds as its first pass ended; the legs waiting then, the states attacked
  (`attacked`) and the round's neutrality duties (`log`) are the first pass's as well. The attacks `seen`, the
  sides, `neutral` and `toward` are those of round r's start, as in the replay; its settle then runs as in the
  replay, with the same joins and duties.

A state joined in round r, so a later round found it conflicted: round r+1 began, and its saved start holds
what round r ended with. tests/test_resume_shortcut.py runs cascades with late conflicts both ways.
"""

from __future__ import annotations

from typing import Protocol

from foedus.datarecord import dataclass
from foedus.engine.bind import Binder, Waiting
from foedus.engine.ledger import Duties, Found, Ledger
from foedus.engine.result import Side
from foedus.engine.round_view import camps
from foedus.engine.rules import Volley
from foedus.engine.scenario import Attack

__all__ = ["Resumable", "Saved", "again", "replay"]


@dataclass
class Saved:
    """The run at the start of a round: the sizes of the records that only grow, copies of the rest."""

    frontier: list[Volley]
    starters: frozenset[str]  # the attacking side
    sides: dict[str, Side]
    joiners: dict[str, list[Found]]
    waiting: Waiting  # `Binder.saved`
    sizes: tuple[int, ...]
    found: tuple[int, int, int, int, int]
    joins: dict[str, list[Found]]  # the binding finds of the round before, as it ended (`again`)


class Resumable(Protocol):
    """What going back reads and sets of a reference run (`foedus.engine.cascade._Run`)."""

    side_of: dict[str, Side]
    joiners: dict[str, list[Found]]
    log: list[list[Duties]]
    neutral: dict[str, list[Duties]]
    toward: dict[str, set[str]]
    ledger: Ledger
    attacked: list[str]
    seen: dict[Attack, None]
    excluded: set[str]
    rounds: int
    saved: dict[int, Saved]
    camp: dict[str, list[str]]


def replay(run: Resumable, late: list[str], binder: Binder) -> list[Volley]:
    """Back to the start of the earliest round a state of `late` joined in; its frontier, to be evaluated again (the
    run goes on at that round's volleys)."""
    start = _joined(run, late)
    saved = _rewind(run, start)
    binder.restore(saved.waiting)
    del run.attacked[saved.sizes[0]:]
    run.ledger.cut(saved.found)
    run.rounds = start - 1
    return saved.frontier


def again(run: Resumable, late: list[str], binder: Binder) -> None:
    """Back to the end of the volleys of the earliest round a state of `late` joined in, without the finds of the
    excluded states' defence and offence legs (the run goes on at that round's settle: the module's docstring says
    why that is what `replay` gives)."""
    start = _joined(run, late)
    ended = run.saved[start + 1]  # round `start`'s end: the start of the round after it
    duties = run.log[start - 1]
    _rewind(run, start)
    binder.restore(ended.waiting)
    del run.attacked[ended.sizes[0]:]
    book = run.ledger
    book.cut(ended.found)
    book.rnd, book.joins, book.duties = start, _without_excluded(ended.joins, run.excluded), duties
    run.rounds = start


def _joined(run: Resumable, late: list[str]) -> int:
    """The earliest round a state of `late` (late-conflicted together) joined in."""
    return min(run.joiners[state][0][0] for state in late)


def _rewind(run: Resumable, start: int) -> Saved:
    """The run's sides, joiners, duties and attacks seen as at the start of round `start`; later rounds' starts
    dropped. Returns that round's start."""
    saved = run.saved[start]
    run.saved = {r: s for r, s in run.saved.items() if r <= start}
    run.side_of, run.joiners = dict(saved.sides), dict(saved.joiners)
    run.camp = camps(run.side_of)
    del run.log[start - 1:]
    run.neutral, run.toward = {}, {}
    for duties in run.log:
        for f in duties:
            run.neutral.setdefault(f[5].obligor, []).append(f)
            run.toward.setdefault(f[5].obligor, set()).add(f[5].beneficiary)
    run.seen = dict(list(run.seen.items())[:saved.sizes[1]])
    return saved


def _without_excluded(joins: dict[str, list[Found]], excluded: set[str]) -> dict[str, list[Found]]:
    """`joins` less the excluded states' (a new dict: the saved one stays as it was)."""
    return {state: found for state, found in joins.items() if state not in excluded}
