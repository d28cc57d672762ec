"""The cascade: apply the rules of `foedus.engine.rules` round by round until nothing changes.

Round 1 holds the states bound by the opening attacks; round k the states bound by attacks
that round k-1 created. In the `legal` reading only the opening attacks exist, plus the attacks
of states that join the attacking side (their offence partners may then be bound); states that
join the defence are not attacked, so they do not call in their own allies. In the `escalatory`
reading every belligerent strikes the home territory of every belligerent on the other side.
A state bound to both sides (or to join and to stay neutral) is a conflict: it joins neither,
and the cascade is recomputed without it, so the outcome never depends on evaluation order.

Recomputing does not start from scratch: a state's exclusion changes nothing before the round it
first joined in (before then none of its legs bound), so the run resumes from the state saved at the
start of that round, or, for a state bound both ways in the round it is first bound, goes on with
that round's other states. Each round evaluates the legs once per victim (`foedus.engine.bind`) and
makes only the attacks that are new (`rules.next_volleys`); what decides no side (violations,
consultations) is found once, from the final rounds (`_records`), and binding finds are cited as
obligations only when a result or a conflict reports them. tests/test_engine_equality.py checks that
the results equal, byte for byte, those of the engine that restarted and evaluated every leg per attack.
"""

from __future__ import annotations

import datetime as dt
from bisect import insort
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from foedus.collector import acyclic
from foedus.engine.bind import Binder, BindState
from foedus.engine.citing import cited
from foedus.engine.ledger import (
    Duties,
    Found,
    Ledger,
    consultation_of,
    finds,
    interned,
    latest,
    neutral_records,
    obligation_key,
    order_of,
    violation_of,
    withheld_of,
)
from foedus.engine.result import CascadeResult, Conflict, Joiner, Obligation, Side
from foedus.engine.rules import Situation, Volley, next_volleys, supporters, volleys_of
from foedus.engine.scenario import Attack, Scenario
from foedus.engine.table import LegTable, leg_table
from foedus.model.places import Place
from foedus.model.world import World

__all__ = ["run_cascade"]

_OTHER: dict[Side, Side] = {"attack": "defense", "defense": "attack"}


def run_cascade(world: World, scenario: Scenario) -> CascadeResult:
    """Compute the cascade of `scenario` to a fixed point, without each state bound both ways (run `acyclic`)."""
    table = leg_table(world, scenario.date, scenario.basis)
    with acyclic():
        return _Run(world, scenario, table).execute()


@dataclass
class _Saved:
    """The run at the start of a round: the sizes of the records that only grow, copies of the rest."""

    frontier: list[Volley]
    starters: frozenset[str]  # the attacking side
    sides: dict[str, Side]
    joiners: dict[str, list[Found]]
    waiting: object  # `Binder.saved`
    sizes: tuple[int, ...]
    found: tuple[int, int, int, int]


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
    saved: dict[int, _Saved] = field(default_factory=dict)
    fresh: list[str] = field(default_factory=list)  # the states that joined in the round just settled
    camp: dict[str, list[str]] = field(default_factory=dict)  # each side's states, sorted
    places: Mapping[str, Place] = field(default_factory=dict)

    def execute(self) -> CascadeResult:
        """Run to a fixed point, resuming after each late conflict; the frozen result."""
        s = self.scenario
        self.side_of = dict.fromkeys(s.attackers, "attack")
        self.side_of.update(dict.fromkeys(s.targets, "defense"))
        self.camp = _camps(self.side_of)
        self.seen = dict.fromkeys(s.attacks)
        originals = frozenset(s.attackers) | frozenset(s.targets)
        switches = replace(s, attackers=(), targets=(), place="", attacks=())
        binder = Binder(self.index, switches, self.ledger)
        state = BindState(self.side_of, self.excluded, originals)
        frontier = volleys_of(s.attacks)
        places = self.places = self.world.places.on(s.date)
        while frontier:
            self.rounds += 1
            state.update(self.side_of, self.camp)
            self._save(frontier, binder, state.camps["attack"])
            ctx = Situation(places=places, scenario=s, asks=lambda state: s.requested, starters=state.camps["attack"])
            self.ledger.new_round(self.rounds)
            for vol in frontier:
                self.attacked.append(vol.victim)
                binder.volley(vol, ctx, state)
            late = self._settle(self._obligations(), self._duties(), originals)
            frontier = self._resume(late, binder) if late is not None else self._next()
        self.rounds = max((found[0][0] for found in self.joiners.values()), default=0)
        self._records(binder, places)
        return self.result()

    def _records(self, binder: Binder, places: Mapping[str, Place]) -> None:
        """Violations and consultations, from the final run's rounds (they decide no side)."""
        s = self.scenario
        fighting = frozenset(self.side_of)
        for rnd in sorted(self.saved):  # the attacking side at a round's start: its starters, as then
            ctx = Situation(places=places, scenario=s, starters=self.saved[rnd].starters,
                            asks=lambda state: s.requested)
            self.ledger.new_round(rnd)
            for vol in self.saved[rnd].frontier:
                binder.records(vol, ctx, fighting)

    def _save(self, frontier: list[Volley], binder: Binder, starters: frozenset[str]) -> None:
        sizes = (len(self.attacked), len(self.seen))
        self.saved[self.rounds] = _Saved(frontier, starters, dict(self.side_of), dict(self.joiners), binder.saved(),
                                         sizes, self.ledger.sizes())

    def _resume(self, late: str, binder: Binder) -> list[Volley]:
        """Back to the start of the round the late-conflicted state joined in; its frontier."""
        start = self.joiners[late][0][0]
        saved = self.saved[start]
        self.saved = {r: s for r, s in self.saved.items() if r <= start}
        self.side_of, self.joiners = dict(saved.sides), dict(saved.joiners)
        self.camp = _camps(self.side_of)
        binder.restore(saved.waiting)  # type: ignore[arg-type]
        n_attacked, n_seen = saved.sizes
        del self.log[start - 1:]
        del self.attacked[n_attacked:]
        self.neutral, self.toward = {}, {}
        for f in (f for duties in self.log for f in duties):
            self.neutral.setdefault(f[5].obligor, []).append(f)
            self.toward.setdefault(f[5].obligor, set()).add(f[5].beneficiary)
        self.ledger.cut(saved.found)
        self.seen = dict(list(self.seen.items())[:n_seen])
        self.rounds = start - 1
        return saved.frontier

    def _obligations(self) -> dict[str, list[Found]]:
        """This round's binding finds by obligor, in the order the attack-by-attack engine finds them (cited as
        obligations only when a result or a conflict reports them: `_cite`)."""
        for found in (found for found in self.ledger.joins.values() if len(found) > 1):
            found.sort(key=order_of)
        return self.ledger.joins

    def _cite(self, found: list[Found]) -> tuple[Obligation, ...]:
        """Binding finds as the obligations they are (`foedus.engine.citing.cited`)."""
        cite: dict[tuple[object, ...], Any] = self.index.derived("citations", dict)
        places, s = self.places, self.scenario
        return tuple(cited(f[5], f[1], f[2], f[6], f[0], s, places[f[1].place], cite)  # type: ignore[arg-type]
                     for f in found)

    def _duties(self) -> dict[str, list[Duties]]:
        """This round's neutrality duties by state (ordered only when a record needs them: `_neutral`)."""
        out: dict[str, list[Duties]] = {}
        self.log.append(self.ledger.duties)
        for f in self.ledger.duties:
            out.setdefault(f[5].obligor, []).append(f)
        return out

    def _settle(self, pending: dict[str, list[Found]], neutral: dict[str, list[Duties]],
                originals: frozenset[str]) -> str | None:
        """Admit this round's joiners; a state bound in contradictory ways is excluded. Returns the first
        state already fighting that became so (the run must resume), or None."""
        for state, entries in neutral.items():
            self.neutral.setdefault(state, []).extend(entries)
            self.toward.setdefault(state, set()).update(d[5].beneficiary for d in entries)
        self.fresh = []
        side_of = self.side_of
        for state in sorted((pending.keys() | (neutral.keys() & side_of.keys())) - originals):  # the others: no side
            obligations = pending.get(state, [])
            if len(obligations) > 1:
                obligations = sorted(obligations, key=obligation_key)
            sides = {f[6] for f in obligations}
            current = side_of.get(state)
            if current is not None:
                sides.add(current)
            duties, against = self.neutral.get(state), []
            enemies = {_OTHER[side] for side in sides}  # type: ignore[index]
            if duties and sides and (len(sides) > 1 or any(side_of.get(b) in enemies for b in self.toward[state])):
                against = [f for d in duties if side_of.get(d[5].beneficiary) in enemies for f in finds(d)]
            if len(sides) > 1 or against:
                against_neutral = neutral_records(against)
                reason = ("bound to both sides" if len(sides) > 1
                          else "bound to join and to stay neutral toward " + against_neutral[0].toward)
                earlier = self.joiners.get(state, [])
                self.conflicts.append(Conflict(state, self.rounds, reason, self._cite([*earlier, *obligations]),
                                               tuple(against_neutral)))
                self.excluded.add(state)
                if current is not None:
                    return state
                continue  # first bound this round: the round without it is the same up to here
            if obligations and current is None:
                self.side_of[state] = obligations[0][6]  # type: ignore[assignment]
                insort(self.camp[obligations[0][6]], state)
                self.joiners[state] = obligations
                self.fresh.append(state)
            elif obligations:
                self.joiners[state] = [*self.joiners[state], *obligations]
        return None

    def _next(self) -> list[Volley]:
        """The attacks the new joiners bring into the war (`foedus.engine.rules.next_volleys`)."""
        new_joiners = self.fresh  # sorted
        homes: dict[str, str] = self.index.derived("homes", dict)
        places, day = self.world.places, self.scenario.date

        def home(state: str) -> str:
            found = homes.get(state)
            if found is None:
                found = homes[state] = places.home(state, day).id
            return found

        out = next_volleys(self.scenario.reading, self.side_of, new_joiners, self.scenario.attacks, home,
                           self.rounds, self.seen, (self.camp["attack"], self.camp["defense"]))
        if out and out[0].block < 0:
            self.seen.update((vol.attack(i), None) for vol in out for i in range(len(vol.attackers)))
        return out

    def result(self) -> CascadeResult:
        """Freeze the run into a `CascadeResult` (states bound both ways are reported as conflicts only)."""
        belligerent = set(self.side_of)
        registry = self.world.states.states
        conflicts = tuple(sorted(self.conflicts, key=lambda c: (c.round, c.state)))

        def code(state: str) -> int | None:
            return registry[state].ccode if state in registry else None

        joiners = tuple(
            Joiner(obls[0], obls[1:], code(state)) for state, obls in (
                (state, self._cite(found))
                for state, found in sorted(self.joiners.items(), key=lambda kv: (kv[1][0][0], kv[1][0][6], kv[0]))))
        ends: list[Found] = [(d[0], d[1], d[2][-1], d[3], d[4], d[5], "") for duties in self.log for d in duties
                             if d[5].obligor not in belligerent and d[5].obligor not in self.excluded]
        last = latest(ends)
        book, store = self.ledger, self.index.derived("records", interned)
        neutral = tuple(neutral_records([f for _, f in sorted(last.items(), key=lambda kv: kv[0])], ordered=True,
                                        store=store))
        consultations = tuple(consultation_of(f, store) for key, f in sorted(book.consultations.items())
                              if key[0] not in belligerent)
        withheld = tuple(withheld_of(f) for key, f in sorted(book.withheld.items())
                         if key[0] not in belligerent and key[0] not in self.excluded)
        violations = tuple(violation_of(f, store) for _, f in sorted(book.violations.items()))
        treaties = {o.treaty for j in joiners for o in (j.primary, *j.also)}
        treaties |= {x.treaty for group in (consultations, neutral, violations, withheld) for x in group}
        treaties |= {o.treaty for c in conflicts for o in c.obligations}
        datasets: tuple[str, ...] = ("atop",) if any(self.world.treaties[t].origin == "atop" for t in treaties) else ()
        if self.world.states.has_system_dates:
            datasets += ("cow_states",)
        bound = {j.state for j in joiners} | {c.state for c in conflicts}
        support = tuple(supporters(self.index.support, self.side_of, bound, self.attacked))
        result = CascadeResult(scenario=self.scenario, joiners=joiners, consultations=consultations,
                               conflicts=conflicts, neutral=neutral, violations=violations, withheld=withheld,
                               rounds=self.rounds, names=self.world.states.names,
                               notes=_notes(self.world, self.scenario), datasets=datasets, supporters=support)
        result.ccodes.update({st: cc for st in result.state_ids if (cc := code(st)) is not None})
        return result


def _camps(side_of: Mapping[str, str]) -> dict[str, list[str]]:
    """Each side's states, sorted (kept so as the sides grow)."""
    return {side: sorted(s for s, on in side_of.items() if on == side) for side in ("attack", "defense")}


def _notes(world: World, scenario: Scenario) -> tuple[str, ...]:
    notes: list[str] = []
    if not world.states.has_system_dates:
        notes.append("state-system dates not loaded: run `foedus data fetch cow_states` to check them")
    if not world.has_history:
        notes.append("ATOP history not loaded: only the curated treaty set counts (no historical alliances, none "
                     "carried forward past 2018); run `foedus data fetch atop`")
    if scenario.date > dt.date(2025, 12, 31):
        notes.append("the bundled treaty data is current to 2025-12-31; later changes are not encoded")
    return tuple(notes)
