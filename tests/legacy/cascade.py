"""The reference engine as it was before issue 15 (restart after each conflict, every leg per attack), kept to
check that the faster engine gives byte-identical results.

The cascade: apply the rules of `foedus.engine.rules` round by round until nothing changes.

Round 1 holds the states bound by the opening attacks; round k the states bound by attacks
that round k-1 created. In the `legal` reading only the opening attacks exist, plus the attacks
of states that join the attacking side (their offence partners may then be bound); states that
join the defence are not attacked, so they do not call in their own allies. In the `escalatory`
reading every belligerent strikes the home territory of every belligerent on the other side.
A state bound to both sides (or both to join and not to join the war against a state) is a conflict: it joins neither,
and the cascade is recomputed without it, so the outcome never depends on evaluation order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from foedus.datarecord import replace
from foedus.engine.citing import obligation, sureness
from foedus.engine.held_toward import merged, with_set_aside
from foedus.engine.ledger import withheld_record
from foedus.engine.leg import Leg
from foedus.engine.outcome import _notes, doubts_of  # unchanged by the work the legacy copy stands for
from foedus.engine.records import CertaintyReason
from foedus.engine.result import (
    Because,
    CascadeResult,
    Conflict,
    Consultation,
    Joiner,
    Neutral,
    Obligation,
    Side,
    Violation,
    Withheld,
)
from foedus.engine.rules import (
    Situation,
    evaluate,
    next_attacks,
    supporters,
    unreached_consultations,
    unreached_records,
    volleys_of,
)
from foedus.engine.rules.consult_limit import limited, limits_said
from foedus.engine.rules.verdict import spares_own_attack
from foedus.engine.scenario import Attack, Scenario
from foedus.engine.set_aside import set_aside
from foedus.engine.stay_out import stays, yielded
from foedus.engine.table import LegTable, leg_table
from foedus.model.dated_names import renamed_on
from foedus.model.treaty import Kind
from foedus.model.vocab import CERTAINTY_RANK
from foedus.model.world import World
from foedus.wording import and_listed, named_state

__all__ = ["run_cascade"]

_OTHER: dict[Side, Side] = {"attack": "defense", "defense": "attack"}


def run_cascade(world: World, scenario: Scenario, table: LegTable | None = None) -> CascadeResult:
    """Compute the cascade of `scenario` to a fixed point, restarting around each conflict (on `table`, by default
    the date's: the doubt of an entry into force not found runs it on one of its own)."""
    index = leg_table(world, scenario.date, scenario.basis) if table is None else table
    conflicts: list[Conflict] = []
    stays: dict[str, int] = {}  # the excluded states that stay out by precedence (`foedus.engine.stay_out`), each
    # with the round it was first bound or joined in, up to which the faster engine found its legs held back by gates
    held: dict[tuple[str, str, str], Withheld] = {}  # their obligations, set aside
    while True:
        run = _Run(world, scenario, index, frozenset(c.state for c in conflicts) | stays.keys(), dict(stays), held)
        found = run.execute()
        if not found:
            return run.result(tuple(sorted(conflicts, key=lambda c: (c.round, c.state))))
        for conflict in found:
            if isinstance(conflict, tuple):
                stays[conflict[0]] = conflict[1]
            else:
                conflicts.append(conflict)


@dataclass
class _Run:
    """One pass of the fixed-point loop with a given set of excluded (conflicted) states."""

    world: World
    scenario: Scenario
    index: LegTable
    excluded: frozenset[str]
    stays: dict[str, int]  # the states that stay out, each with the last round its legs' gates are recorded in
    yielded: dict[tuple[str, str, str], Withheld]
    side_of: dict[str, Side] = field(default_factory=dict)
    joiners: dict[str, list[Obligation]] = field(default_factory=dict)
    neutral: dict[str, list[Neutral]] = field(default_factory=lambda: defaultdict(list))
    consultations: dict[tuple[str, str, str, str], Consultation] = field(default_factory=dict)
    violations: dict[tuple[str, str, str], Violation] = field(default_factory=dict)
    withheld: dict[tuple[str, str, str], Withheld] = field(default_factory=dict)
    held_to: dict[tuple[str, str, str], list[Withheld]] = field(default_factory=dict)  # every find's record
    rounds: int = 0
    attacked: set[str] = field(default_factory=set)
    _bound: set[tuple[str, str, str, str]] = field(default_factory=set)
    _passed: dict[str, list[Obligation]] = field(default_factory=dict)  # binding finds of a key already bound
    fronts: list[tuple[Situation, list[Attack]]] = field(default_factory=list)  # each round's situation and attacks

    @property
    def names(self) -> dict[str, str]:
        """The states' names on the scenario's date, as the engine names them (`StateRegistry.names_on`)."""
        return self.world.states.names_on(self.scenario.date)

    def execute(self) -> list[Conflict | tuple[str, int]]:
        """Run to a fixed point; return the conflicts of the first round with any (a state that stays out by
        precedence as its id and the round it was first bound or joined in), or none."""
        s = self.scenario
        self.side_of = dict.fromkeys(s.attackers, "attack")
        self.side_of.update(dict.fromkeys(s.targets, "defense"))
        seen = set(s.attacks)
        frontier = list(s.attacks)
        while frontier:
            self.rounds += 1
            pending, neutral = self._bind(frontier)
            found = self._settle(pending, neutral)
            if found:
                return found
            new = [a for a in self._next_attacks(pending) if a not in seen]
            seen.update(new)
            frontier = new
        self.rounds = max((o[0].round for o in self.joiners.values()), default=0)
        return []

    def _context(self) -> Situation:
        requested = self.scenario.requested
        return Situation(
            places=self.world.places.on(self.scenario.date),
            scenario=self.scenario,
            starters=frozenset(st for st, side in self.side_of.items() if side == "attack"),
            asks=lambda state: requested,
        )

    def _bind(self, frontier: list[Attack]) -> tuple[dict[str, list[Obligation]], dict[str, list[Neutral]]]:
        """Evaluate every leg touched by the frontier's attacks."""
        ctx = self._context()
        self.fronts.append((ctx, list(frontier)))
        pending: dict[str, list[Obligation]] = defaultdict(list)
        neutral: dict[str, list[Neutral]] = defaultdict(list)
        for attack in frontier:
            self.attacked.add(attack.victim)
            because = Because(attack.victim, attack.attacker, attack.place, attack.kind)
            self._bind_restraints(attack, because, ctx, neutral)
            self._bind_joins(attack, because, ctx, pending)
        return pending, neutral

    def _bind_restraints(
        self, attack: Attack, because: Because, ctx: Situation, neutral: dict[str, list[Neutral]]
    ) -> None:
        """Non-aggression and neutrality (violations, stay-outs) and consultations for one attack."""
        for leg in self.index.owed_to(Kind.NONAGGRESSION, attack.victim):
            if evaluate(leg, attack, ctx).binds:
                self._violation(leg, attack, because, "nonaggression", ctx)
        for leg in self.index.owed_to(Kind.CONSULTATION, attack.victim):
            key = (leg.obligor, leg.beneficiary, leg.treaty.id, leg.provision.article)
            if key not in self.consultations and evaluate(leg, attack, ctx).binds:
                self.consultations[key] = Consultation(*key, because,
                                                       *self._sure(leg, attack, ctx), leg.instrument)
        partner_attacks = [leg for leg in self.index.owed_to(Kind.NEUTRALITY, attack.attacker)  # not on its obligor
                           if leg.provision.when_partner_attacks and (leg.obligor != attack.victim
                                                                      or not spares_own_attack(leg))]
        for leg in [*self.index.owed_to(Kind.NEUTRALITY, attack.victim), *partner_attacks]:
            verdict = evaluate(leg, attack, ctx)
            if not verdict.binds:
                if verdict.gate is not None and leg.obligor != attack.attacker:
                    self._withhold(leg, attack, verdict.gate, ctx)
                continue
            if leg.obligor == attack.attacker:
                self._violation(leg, attack, because, "neutrality", ctx)
            else:
                neutral[leg.obligor].append(
                    Neutral(leg.obligor, leg.beneficiary, leg.treaty.id, leg.provision.article, because,
                            *self._sure(leg, attack, ctx), leg.instrument))

    def _bind_joins(
        self, attack: Attack, because: Because, ctx: Situation, pending: dict[str, list[Obligation]]
    ) -> None:
        """Defence legs owed to the victim and offence legs owed to the attacker, for one attack."""
        legs = [(leg, self.side_of[attack.victim]) for leg in self.index.owed_to(Kind.DEFENSE, attack.victim)]
        legs += [(leg, self.side_of[attack.attacker]) for leg in self.index.owed_to(Kind.OFFENSE, attack.attacker)]
        originals = self.scenario.attackers + self.scenario.targets
        for leg, side in legs:
            obligor = leg.obligor
            if obligor in originals or obligor == attack.attacker or self.side_of.get(obligor) == side:
                continue  # already fighting on that side, or it made this attack: nothing new to learn
            gates_only = obligor in self.excluded  # a state that stays out: its gates up to the round it was bound
            if gates_only and self.rounds > self.stays.get(obligor, 0):  # (the faster engine finds them before it
                continue  # excludes the state, and reports them with its set-aside duties)
            verdict = evaluate(leg, attack, ctx)
            p = leg.provision
            if verdict.binds:
                if gates_only:
                    continue
                key = (obligor, leg.treaty.id, p.article, side)
                found = obligation(leg, attack, side, self.rounds, self.scenario,
                                   self.world.places.on(self.scenario.date), self.names)
                if key not in self._bound:
                    self._bound.add(key)
                    pending[obligor].append(found)
                else:  # the states a set-aside obligation names (`stay_out.yielded`)
                    self._passed.setdefault(obligor, []).append(found)
            elif verdict.gate is not None:
                self._withhold(leg, attack, verdict.gate, ctx)

    def _withhold(self, leg: Leg, attack: Attack, gate: str, ctx: Situation) -> None:
        """The first leg a gate holds back, per obligor, treaty and article."""
        wkey = (leg.obligor, leg.treaty.id, leg.provision.article)
        record = withheld_record(leg, gate, self._sure(leg, attack, ctx), self.names)
        self.held_to.setdefault(wkey, []).append(record)  # the states and facts the record names (`held_toward`)
        if wkey not in self.withheld:  # the record as every engine makes it (the gate's own certainty included)
            self.withheld[wkey] = record

    def _violation(self, leg: Leg, attack: Attack, because: Because, kind: str, ctx: Situation) -> None:
        key = (leg.obligor, leg.beneficiary, leg.treaty.id)
        if key not in self.violations:
            self.violations[key] = Violation(leg.obligor, leg.beneficiary, leg.treaty.id, leg.provision.article,
                                             kind, because, *self._sure(leg, attack, ctx), leg.instrument)

    def _sure(self, leg: Leg, attack: Attack, ctx: Situation) -> tuple[str, tuple[CertaintyReason, ...]]:
        """The certainty of the facts a finding rests on, as every engine cites it."""
        return sureness(leg, attack, self.scenario, ctx.places[attack.place], self.names)

    def _settle(self, pending: dict[str, list[Obligation]], neutral: dict[str, list[Neutral]]
                ) -> list[Conflict | tuple[str, int]]:
        """Admit this round's joiners; report every state bound in contradictory ways, each judged by the sides as
        the round found them (it stays on its side for the states after it: `conflict.SIMULTANEOUS`)."""
        for state, entries in neutral.items():
            self.neutral[state].extend(entries)
        originals = set(self.scenario.attackers) | set(self.scenario.targets)
        found: list[Conflict | tuple[str, int]] = []
        for state in sorted((set(pending) | set(neutral)) - originals):
            obligations = sorted(pending.get(state, []), key=lambda o: _obligation_key(o, self.world))
            sides = {o.side for o in obligations}
            current = self.side_of.get(state)
            if current is not None:
                sides.add(current)
            against_neutral = [n for n in self.neutral.get(state, []) if
                               any(self.side_of.get(n.toward) == _OTHER[side] for side in sides)]
            if len(sides) > 1 or against_neutral:
                bars = self.index.bars
                owed = [(n.toward, n.treaty) for n in self.neutral.get(state, [])]
                if state in bars and stays(bars, state, sides, owed, self.side_of):
                    earlier = tuple(self.joiners.get(state, ()))
                    yielded(self.yielded, bars[state], earlier + tuple(obligations), next(iter(sides)), self.side_of,
                            self.names, self._passed.get(state, ()))
                    found.append((state, self.joiners[state][0].round if state in self.joiners else self.rounds))
                    continue
                reason = ("bound to both sides" if len(sides) > 1
                          else "bound both to join and not to join the war against "
                          + and_listed(sorted({named_state(n.toward, self.names) for n in against_neutral})))
                earlier = tuple(self.joiners.get(state, ()))
                found.append(Conflict(state, self.rounds, reason, earlier + tuple(obligations), tuple(against_neutral)))
                continue
            if obligations and current is None:
                self.side_of[state] = obligations[0].side
                self.joiners[state] = obligations
            elif obligations:
                self.joiners[state].extend(obligations)
        return found

    def _next_attacks(self, pending: dict[str, list[Obligation]]) -> list[Attack]:
        """The attacks the new joiners bring into the war (`foedus.engine.rules.next_attacks`)."""
        new_joiners = [s for s in sorted(pending) if s in self.joiners and self.joiners[s][0].round == self.rounds]
        home, day = self.world.places.home, self.scenario.date
        return next_attacks(self.scenario.reading, self.side_of, new_joiners, self.scenario.attacks,
                            lambda st: home(st, day).id, self.rounds)

    def result(self, conflicts: tuple[Conflict, ...]) -> CascadeResult:
        """Freeze the run into a `CascadeResult`."""
        belligerent = set(self.side_of)
        silent = (belligerent | self.excluded) - self.stays.keys()
        registry = self.world.states.states

        def code(state: str) -> int | None:
            return registry[state].ccode if state in registry else None

        joiners = tuple(
            Joiner(obls[0], tuple(obls[1:]), code(state))
            for state, obls in sorted(self.joiners.items(), key=lambda kv: (kv[1][0].round, kv[1][0].side, kv[0]))
        )
        neutral = tuple(sorted(
            {(n.state, n.toward, n.treaty): n for entries in self.neutral.values() for n in entries
             if n.state not in silent}.values(),
            key=lambda n: (n.state, n.toward, n.treaty)))
        gazetteer = self.world.places
        consultations = tuple(limits_said(
            [c for key, c in sorted(self.consultations.items()) if c.state not in belligerent],
            lambda v: [leg for leg in self.index.owed_to(Kind.CONSULTATION, v) if limited(leg)],
            gazetteer.on(self.scenario.date), gazetteer.sets, gazetteer.doubted_sets))
        found = set_aside(self.index, self.fronts, belligerent | self.excluded, self.names)
        found = self.yielded | found  # a key a gate holds back and a priority clause sets aside keeps both facts
        found |= {k: with_set_aside(merged(w, self.held_to[k], self.names), found.get(k), self.names)
                  for k, w in self.withheld.items()}
        withheld = tuple(w for key, w in sorted(found.items()) if w.state not in silent)
        names = self.names
        notes = _notes(self.world, self.scenario, {j.state for j in joiners} | {c.state for c in conflicts})
        violations = tuple(v for _, v in sorted(self.violations.items()))
        cited = {o.treaty for j in joiners for o in (j.primary, *j.also)}
        cited |= {x.treaty for group in (consultations, neutral, violations, withheld) for x in group}
        cited |= {o.treaty for c in conflicts for o in c.obligations}
        datasets: tuple[str, ...] = ("atop",) if any(self.world.treaties[t].origin == "atop" for t in cited) else ()
        if self.world.states.has_system_dates:
            datasets += ("cow_states",)
        bound = {j.state for j in joiners} | {c.state for c in conflicts}
        war = ([a for _, front in self.fronts for a in front], self.world.places.on(self.scenario.date))
        missed: list[int] = []
        sets, doubted = self.world.places.sets, self.world.places.doubted_sets
        support = tuple(supporters(self.index.support, self.side_of, bound, self.attacked, war=war, unreached=missed,
                                   sets=(sets, doubted)))
        unreached = tuple(unreached_records(self.index.support, missed, self.side_of, sets, doubted))
        cut = tuple(unreached_consultations(lambda v: self.index.owed_to(Kind.CONSULTATION, v), volleys_of(war[0]),
                                            war[1], set(belligerent), self.scenario.date, sets, doubted))
        result = CascadeResult(
            scenario=self.scenario, joiners=joiners, consultations=consultations, conflicts=conflicts,
            neutral=neutral, violations=violations, withheld=withheld, rounds=self.rounds, names=names,
            renamed=renamed_on(self.scenario.date, self.world.states.by_ccode),
            notes=notes, datasets=datasets, supporters=support, unreached_support=unreached,
            unreached_consultations=cut,
        )
        doubted = doubts_of(self.world, self.scenario, self.index, set(belligerent), result, run_cascade)
        if doubted:
            result = replace(result, doubts=doubted)
        result.ccodes.update({st: cc for st in result.state_ids if (cc := code(st)) is not None})
        return result


def _obligation_key(o: Obligation, world: World) -> tuple[int, int, int, int, int, int, str, str]:
    """Primary obligation first: strongest, defence before offence, best sourced, curated before ATOP, bilateral
    before multilateral, oldest (the faster engine reads the same from a find's leg and its certainty,
    `foedus.engine.ledger.obligation_key`)."""
    t = world.treaties[o.treaty]
    return (int(o.strength[1]), 0 if o.kind == "defense" else 1, CERTAINTY_RANK[o.certainty],  # type: ignore[index]
            1 if t.origin == "atop" else 0, 0 if o.bilateral else 1, t.signed.toordinal(), o.treaty, o.article)
