"""The cascade: apply the rules of `foedus.engine.rules` round by round until nothing changes.

Round 1 holds the states bound by the opening attacks; round k the states bound by attacks that round k-1 created. In
the `legal` reading only the opening attacks exist, plus the attacks of states that join the attacking side (their
offence partners may then be bound); states that join the defence are not attacked, so they do not call in their own
allies. In the `escalatory` reading every belligerent strikes the home territory of every belligerent on the other side.
A state bound to both sides (or both to join and not to join the war against a state) is a conflict (`rules.conflict`):
it joins neither, and the cascade is recomputed without it. Where several states already fighting become conflicted in
one round, all are excluded together, each judged by the sides as the round found them, and the run resumes once
(`conflict.SIMULTANEOUS`): the outcome does not rest on the states' ids.

Recomputing does not start from scratch: a state's exclusion changes nothing before the round it first joined in (before
then none of its legs bound), so the run resumes from the state saved at the start of that round, with that round's
finds less the excluded states' rather than evaluating it again (`foedus.engine.resume`), or, for a state bound both
ways in the round it is first bound, goes on with that round's other states. Each round evaluates the legs once per
victim (`foedus.engine.bind`) and makes only the attacks that are new (`rules.next_volleys`); what decides no side
(violations, consultations) is found once, from the final rounds (`_records`), and binding finds are cited as
obligations only when a result or a conflict reports them. tests/test_engine_equality.py checks that the results equal,
byte for byte, those of the engine that restarted and evaluated every leg per attack.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Iterable, Mapping
from operator import attrgetter
from typing import TYPE_CHECKING

from foedus.collector import acyclic
from foedus.datarecord import dataclass, field, fields, replace
from foedus.engine.bind import Binder, BindState
from foedus.engine.citing import Certifier, Parts, citations
from foedus.engine.ledger import (
    Duties,
    Found,
    Ledger,
    finds,
    interned,
    neutral_records,
    order_of,
)
from foedus.engine.outcome import outcome_of
from foedus.engine.result import CascadeResult, Conflict, Obligation, Side, Withheld
from foedus.engine.resume import Saved, again, replay
from foedus.engine.round_view import Homes, camps, situation
from foedus.engine.rules import Situation, Volley, conflict, next_volleys, volleys_of
from foedus.engine.scenario import Attack, Scenario
from foedus.engine.set_aside import candidates, set_aside
from foedus.engine.stay_out import stays, yielded
from foedus.engine.table import LegTable, leg_table
from foedus.model.world import World
from foedus.wording import and_listed, named_state

if TYPE_CHECKING:
    from foedus.model.places import Place

__all__ = ["run_cascade"]

_OTHER: dict[Side, Side] = {"attack": "defense", "defense": "attack"}
_PARTIES = ("attackers", "targets", "place", "attacks")  # what `switches` blanks
_SWITCHES = attrgetter(*[f.name for f in fields(Scenario) if f.name not in _PARTIES])  # the rest, as a tuple
REPLAY = False  # evaluate a late conflict's round again (`resume.replay`), not `resume.again`: for tests
# the order `_settle` takes a round's states in, by id: no rule reads it (`conflict.SIMULTANEOUS`; tests swap it)
SETTLE_ORDER: Callable[[Iterable[str]], list[str]] = sorted
_MOST_SWITCHES = 256  # switch combinations kept per table before `_switches` starts afresh (bounded: tables are cached)


def run_cascade(world: World, scenario: Scenario, table: LegTable | None = None) -> CascadeResult:
    """The cascade of `scenario` to a fixed point, without each state bound both ways (run `acyclic`), on `table`."""
    conflict.policy()  # the conflict policy this run's `_settle` and `_resume` implement
    table = leg_table(world, scenario.date, scenario.basis) if table is None else table
    with acyclic():
        return _Run(world, scenario, table).execute()


@dataclass
class _Run:
    """The cascade's state, round after round, with each round's start saved to resume from."""

    world: World
    scenario: Scenario
    index: LegTable
    side_of: dict[str, Side] = field(default_factory=dict)
    joiners: dict[str, list[Found]] = field(default_factory=dict)  # the binding finds, cited in `result`
    log: list[list[Duties]] = field(default_factory=list)  # per round: the neutrality duties found
    neutral: dict[str, list[Duties]] = field(default_factory=dict)  # the same, by state
    toward: dict[str, set[str]] = field(default_factory=dict)  # by state: whom its duties are owed to
    ledger: Ledger = field(default_factory=Ledger)
    attacked: list[str] = field(default_factory=list)
    seen: dict[Attack, None] = field(default_factory=dict)
    excluded: set[str] = field(default_factory=set)
    conflicts: list[Conflict] = field(default_factory=list)
    rounds: int = 0
    saved: dict[int, Saved] = field(default_factory=dict)
    set_aside: dict[tuple[str, str, str], Withheld] = field(default_factory=dict)  # legs a prevailing duty sets aside
    stays_out: set[str] = field(default_factory=set)  # the excluded states that stay out by precedence (`stay_out`)
    yielded: dict[tuple[str, str, str], Withheld] = field(default_factory=dict)  # their obligations, set aside
    fresh: list[str] = field(default_factory=list)  # the states that joined in the round just settled
    camp: dict[str, list[str]] = field(default_factory=dict)  # each side's states, sorted
    struck: list[Volley] = field(default_factory=list)  # the final run's attacks, round by round (`_records`)
    parts: dict[tuple[object, ...], Parts] = field(init=False)  # the table's store of obligations' parts (`cite`)
    certify: Certifier = field(init=False)  # the certainty of the other findings (consultations, duties ...)

    def __post_init__(self) -> None:
        self.parts = self.index.derived("citation parts", dict)

    def execute(self) -> CascadeResult:
        """Run to a fixed point, resuming after each late conflict; the frozen result."""
        s = self.scenario
        self.side_of = dict.fromkeys(s.attackers, "attack")
        self.side_of.update(dict.fromkeys(s.targets, "defense"))
        self.camp = camps(self.side_of)
        self.seen = dict.fromkeys(s.attacks)
        originals = frozenset(s.attackers) | frozenset(s.targets)
        binder = Binder(self.index, _switches(self.index, s), self.ledger)
        state = BindState(self.side_of, self.excluded, originals)
        frontier: list[Volley] | None = volleys_of(s.attacks)
        places = self.world.places.on(s.date)
        self.certify = Certifier.of(s, places, self.index, self.world.states.names_on(s.date))
        ctx = None
        while frontier:
            self.rounds += 1
            state.update(self.side_of, self.camp)
            self._save(frontier, binder, state.camps["attack"])
            ctx = situation(ctx, places, s, state.camps["attack"])
            self.ledger.new_round(self.rounds)
            for vol in frontier:
                self.attacked.append(vol.victim)
                binder.volley(vol, ctx, state)
            frontier = None
            while frontier is None:  # settled again where a late conflict's round is restored (`_resume`)
                late = self._settle(self._obligations(), self._duties(), originals)
                frontier = self._resume(late, binder) if late else self._next()
        self.rounds = max([found[0][0] for found in self.joiners.values()], default=0)
        self._records(binder, places)
        return self.result()

    def _records(self, binder: Binder, places: Mapping[str, Place]) -> None:
        """Violations, consultations and the legs a prevailing duty sets aside (`foedus.engine.set_aside`), from the
        final run's rounds (they decide no side)."""
        s = self.scenario
        fighting, ctx = frozenset(self.side_of), None
        rounds: list[tuple[Situation, list[Attack]]] = []
        for rnd in sorted(self.saved):  # the attacking side at a round's start: its starters, as then
            ctx = situation(ctx, places, s, self.saved[rnd].starters)
            self.struck += self.saved[rnd].frontier
            self.ledger.new_round(rnd)
            for vol in self.saved[rnd].frontier:
                binder.records(vol, ctx, fighting)
            if self.index.bars:  # only the attacks that may set a leg aside (`set_aside.candidates`)
                rounds.append((ctx, candidates(self.index, self.saved[rnd].frontier)))
        self.set_aside = set_aside(self.index, rounds, fighting | self.excluded, self.certify.names)
        for key, held in self.yielded.items():
            self.set_aside.setdefault(key, held)

    def _save(self, frontier: list[Volley], binder: Binder, starters: frozenset[str]) -> None:
        sizes = (len(self.attacked), len(self.seen))
        self.saved[self.rounds] = Saved(frontier, starters, dict(self.side_of), dict(self.joiners), binder.saved(),
                                        sizes, self.ledger.sizes(), self.ledger.joins)

    def _resume(self, late: list[str], binder: Binder) -> list[Volley] | None:
        """After late conflicts: None where the earliest round one joined in is restored without them, to be settled
        again (`resume.again`); that round's frontier where it is evaluated again (`resume.replay`: `REPLAY`)."""
        if REPLAY:
            return replay(self, late, binder)
        again(self, late, binder)
        return None

    def _obligations(self) -> dict[str, list[Found]]:
        """This round's binding finds by obligor (cited as obligations only when a result or a conflict reports them:
        `cite`); `_settle` orders a state's finds, in the attack-by-attack engine's order only where that can
        matter."""
        return self.ledger.joins

    def cite(self, found: list[Found]) -> tuple[Obligation, ...]:
        """Binding finds as the obligations they are (`citations`, with the run's stores)."""
        return citations(found, self.index, self.certify, self.parts)

    def _duties(self) -> dict[str, list[Duties]]:
        """This round's neutrality duties by state (ordered only when a record needs them: `_neutral`)."""
        out: dict[str, list[Duties]] = {}
        self.log.append(self.ledger.duties)
        for f in self.ledger.duties:
            out.setdefault(f[5].obligor, []).append(f)
        return out

    def _settle(self, pending: dict[str, list[Found]], neutral: dict[str, list[Duties]],
                originals: frozenset[str]) -> list[str]:
        """Admit this round's joiners; a conflicted state (`rules.conflict`) is excluded. Each state is judged by the
        sides as the round found them, so every state conflicted in the round is excluded together, whatever their
        ids (`conflict.SIMULTANEOUS`). Returns the states already fighting that became so (the run must resume:
        `conflict.LATE_RESUMES`)."""
        for state, entries in neutral.items():
            self.neutral.setdefault(state, []).extend(entries)
            self.toward.setdefault(state, set()).update([d[5].beneficiary for d in entries])
        side_of, all_duties = self.side_of, self.neutral
        is_conflicted, camp, joiners, bars = conflict.conflicted, self.camp, self.joiners, self.index.bars
        self.fresh, late = [], []
        for state in SETTLE_ORDER((pending.keys() | (neutral.keys() & side_of.keys())) - originals):  # others: no side
            obligations, current = pending.get(state, []), side_of.get(state)
            if obligations and current is None and len(obligations) == 1 and state not in all_duties:
                side = side_of[state] = obligations[0][6]  # type: ignore[assignment]  # a new joiner: `_join`, inline
                insort(camp[side], state)
                joiners[state] = obligations
                self.fresh.append(state)
                continue
            sides = {f[6] for f in obligations}  # the finds as found: ordered when cited (`cite`)
            both = len(sides) > 1
            if current is not None:
                sides.add(current)
            near = set(map(side_of.get, self.toward[state])) if state in all_duties else ()  # whom it owes
            if is_conflicted("attack" in sides, "defense" in sides, "defense" in near, "attack" in near):
                if state in bars and stays(bars, state, sides, self._owed(state), side_of):
                    passed = [f for f in self.ledger.passed if f[5].obligor == state]  # the finds its records name
                    yielded(self.yielded, bars[state], self.cite([*joiners.get(state, []), *obligations]),
                            next(iter(sides)), side_of, self.certify.names, self.cite(passed) if passed else ())
                    self.excluded.add(state)
                    self.stays_out.add(state)
                else:  # cited by rank, the engine's order (`order_of`) breaking ties, which only finds of one treaty
                    # and article for both sides have: one find per obligor, treaty, article and side (`Ledger.bind`)
                    self._conflict(state, len(sides) > 1, sorted(obligations, key=order_of) if both else obligations,
                                   self._against(state, sides))
                if current is not None:
                    late.append(state)  # still on its side for the states after it: the round's sides decide
                continue  # first bound this round: the round without it is the same up to here
            if obligations and current is None:
                self._join(state, obligations)
            elif obligations:
                self.joiners[state] = [*self.joiners[state], *obligations]
        return late

    def _owed(self, state: str) -> list[tuple[str, str]]:
        """Whom `state` owes neutrality, under which treaty (`stay_out.stays`)."""
        return [(d[5].beneficiary, d[5].treaty.id) for d in self.neutral.get(state, ())]

    def _against(self, state: str, sides: set[str]) -> list[Found]:
        """The neutrality duties of `state` owed to a state on the other side of one it is bound or fighting for."""
        enemies, side_of = {_OTHER[side] for side in sides}, self.side_of  # type: ignore[index]
        return [f for d in self.neutral.get(state, ()) if side_of.get(d[5].beneficiary) in enemies for f in finds(d)]

    def _conflict(self, state: str, both: bool, obligations: list[Found], against: list[Found]) -> None:
        """`state` is conflicted (bound to both sides, or both to join and not to join the war against a state):
        excluded, and reported."""
        against_neutral = neutral_records(against, self.certify, store=self.index.derived("records", interned))
        # every state on the other side it owes neutrality to, by name (one record per treaty and state)
        toward = "" if both else and_listed(sorted({named_state(n.toward, self.certify.names)
                                                    for n in against_neutral}))
        reason = conflict.BOTH_SIDES if both else conflict.NEUTRAL_TOWARD + toward
        earlier = self.joiners.get(state, [])
        self.conflicts.append(Conflict(state, self.rounds, reason, self.cite([*earlier, *obligations]),
                                       tuple(against_neutral)))
        self.excluded.add(state)

    def _join(self, state: str, obligations: list[Found]) -> None:
        """`state` joins the side of its primary obligation (written inline in `_settle` for a new joiner with one
        obligation, for speed: change both)."""
        self.side_of[state] = obligations[0][6]  # type: ignore[assignment]
        insort(self.camp[obligations[0][6]], state)
        self.joiners[state] = obligations
        self.fresh.append(state)

    def _next(self) -> list[Volley]:
        """The attacks the new joiners bring into the war (`foedus.engine.rules.next_volleys`)."""
        new_joiners = self.fresh  # sorted
        homes = self.index.derived("homes", lambda: Homes(self.world.places, self.scenario.date))
        out = next_volleys(self.scenario.reading, self.side_of, new_joiners, self.scenario.attacks, homes.__getitem__,
                           self.rounds, self.seen, (self.camp["attack"], self.camp["defense"]))
        if out and out[0].block < 0:
            self.seen.update((vol.attack(i), None) for vol in out for i in range(len(vol.attackers)))
        return out

    def result(self) -> CascadeResult:
        """Freeze the run into a `CascadeResult` (`foedus.engine.outcome`)."""
        return outcome_of(self, run_cascade)  # which runs it again on a table of its own (`doubt_reach`)


def _switches(index: LegTable, s: Scenario) -> Scenario:
    """The scenario without its parties, kept per table by its switches: the binder's stores are kept under it, so
    one object found again is found by identity, where a new one was compared field by field per store."""
    known: dict[tuple[object, ...], Scenario] = index.derived("switches", dict)
    key = _SWITCHES(s)
    found = known.get(key)
    if found is None:
        if len(known) >= _MOST_SWITCHES:
            known.clear()
        found = known[key] = replace(s, attackers=(), targets=(), place="", attacks=())
    return found

