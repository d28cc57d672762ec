"""Evaluate a war on one date: the cascade of the attacks still ongoing, and every casus foederis they trigger.

The cascade (`foedus.engine.cascade.run_cascade`) binds states that are not yet fighting; the belligerents
are its original parties. Beside it, `triggers` applies the engine's own rules (`foedus.engine.rules`) to
the real ongoing attacks for *every* obligor, belligerents included: a state already at war can still have
its treaty's casus foederis arise (Russia toward France on 1914-08-03), which the replay reports and the
alliance-reliability data set counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from foedus.datarecord import replace
from foedus.engine.cascade import run_cascade
from foedus.engine.citing import Certifier, assumed_conditions
from foedus.engine.leg import Leg
from foedus.engine.outcome import doubts_of
from foedus.engine.records import CertaintyReason, Doubt
from foedus.engine.result import CascadeResult, Joiner
from foedus.engine.rules import Situation, evaluate, verdict
from foedus.engine.scenario import (
    Attack,
    Basis,
    Decisions,
    NonMilitary,
    Reading,
    Scenario,
    TerritoryView,
    UnresolvedReading,
)
from foedus.engine.table import leg_table
from foedus.model.treaty import Kind
from foedus.model.world import World
from foedus.war.course import Course
from foedus.war.events import WarSide

__all__ = ["Evaluation", "Settings", "Trigger", "day_doubts", "evaluate_course", "scenario_of", "triggers"]


@dataclass(frozen=True, slots=True)
class Settings:
    """The readings a replay runs under: the options of `foedus cascade`."""

    reading: Reading = "legal"
    basis: Basis = "in-force"
    requested: bool = True
    territory_view: TerritoryView = "recognized"
    unresolved: UnresolvedReading = "met"
    non_military: NonMilitary = "withheld"  # obligors a clause lets limit their aid to non-military means: or bound
    decisions: Decisions = "taken"  # the decisions some clauses need first (a joint determination): or not-taken

    def to_dict(self) -> dict[str, object]:
        """JSON form (the keys of the cascade contract)."""
        return {"reading": self.reading, "basis": self.basis, "requested": self.requested,
                "territory_view": self.territory_view, "unresolved_read_as": self.unresolved,
                "non_military": self.non_military, "decisions": self.decisions}


@dataclass(frozen=True, slots=True)
class Trigger:
    """A casus foederis: `obligor` owes `beneficiary` help (defence or offence) and an ongoing attack triggers it."""

    obligor: str
    beneficiary: str
    treaty: str
    article: str
    kind: str  # defense | offense
    strength: str
    side: WarSide  # the side the obligor would fight on: the beneficiary's
    attack: Attack
    unresolved: tuple[str, ...] = ()  # conditions its source flags without specifying (read as met)
    certainty: str = "verified"  # of the facts it rests on, for this attack (`foedus.engine.citing.Certifier`)
    reasons: tuple[CertaintyReason, ...] = ()  # the facts that lower it, as `certainty_reasons` are
    instrument: str = "treaty"  # what kind of instrument it is owed under, as an obligation's (`Leg.instrument`)
    conditions: tuple[str, ...] = ()  # what it assumes, as an obligation's (`foedus.engine.citing.assumed_conditions`)
    leg: Leg | None = field(default=None, compare=False, repr=False)  # the leg triggered, for its gates to be asked

    @property
    def key(self) -> tuple[str, str, str, str]:
        """(obligor, treaty, article, beneficiary)."""
        return (self.obligor, self.treaty, self.article, self.beneficiary)


@dataclass
class Evaluation:
    """One date's findings: the cascade (None when no attack is ongoing), the triggered obligations, and the doubts a
    cascade on the date gives (`day_doubts`; empty where not asked for: `evaluate_course`)."""

    date: dt.date
    sides: dict[str, WarSide]
    attacks: tuple[Attack, ...]
    result: CascadeResult | None = None
    triggered: dict[tuple[str, str, str, str], Trigger] = field(default_factory=dict)
    doubts: tuple[Doubt, ...] = ()

    @property
    def bound(self) -> dict[str, Joiner]:
        """States the cascade binds to join (not yet fighting), by id."""
        return {j.state: j for j in self.result.joiners} if self.result else {}

    @property
    def conflicted(self) -> frozenset[str]:
        """States bound to both sides (they join neither)."""
        return frozenset(c.state for c in self.result.conflicts) if self.result else frozenset()

    def status(self) -> dict[str, str]:
        """Every state with a status: attack / defense (fighting), bound-attack / bound-defense, conflict."""
        out: dict[str, str] = dict(self.sides)
        for state, joiner in self.bound.items():
            out[state] = f"bound-{joiner.side}"
        for state in self.conflicted:
            out.setdefault(state, "conflict")
        return out


def scenario_of(attackers: tuple[str, ...], targets: tuple[str, ...], attacks: tuple[Attack, ...], day: dt.date,
                settings: Settings) -> Scenario:
    """The engine's scenario for one date: the belligerents as original parties, the ongoing attacks as opening."""
    first = attacks[0]
    return Scenario(date=day, attackers=attackers, targets=targets, place=first.place, target_kind=first.kind,
                    reading=settings.reading, requested=settings.requested, basis=settings.basis,
                    territory_view=settings.territory_view, unresolved=settings.unresolved,
                    non_military=settings.non_military, decisions=settings.decisions, attacks=attacks)


def triggers(world: World, scenario: Scenario) -> dict[tuple[str, str, str, str], Trigger]:
    """Every defence or offence obligation the scenario's own attacks trigger, whoever owes it.

    An obligor that is itself the attacker (for a leg owed to the victim) or the victim (for a leg owed to the
    attacker) is left out: a leg never binds its obligor against itself (`foedus.engine.rules.verdict.binds_against`).
    """
    index = leg_table(world, scenario.date, scenario.basis)
    requested = scenario.requested
    ctx = Situation(places=world.places.places, scenario=scenario, starters=frozenset(scenario.attackers),
                    asks=lambda state: requested)
    side_of: dict[str, WarSide] = {**dict.fromkeys(scenario.attackers, "attack"),
                                   **dict.fromkeys(scenario.targets, "defense")}
    out: dict[tuple[str, str, str, str], Trigger] = {}
    # each trigger's certainty, as cited
    sure = Certifier.of(scenario, world.places.on(scenario.date), index, world.states.names_on(scenario.date))
    for attack in scenario.attacks:
        legs = [(leg, side_of[attack.victim]) for leg in index.owed_to(Kind.DEFENSE, attack.victim)]
        legs += [(leg, side_of[attack.attacker]) for leg in index.owed_to(Kind.OFFENSE, attack.attacker)]
        for leg, side in legs:
            if not verdict.binds_on(leg, attack) or not evaluate(leg, attack, ctx).binds:
                continue
            p = leg.provision
            level, reasons = sure.leg(leg, attack.victim, attack.place, attack.kind)
            trig = Trigger(leg.obligor, leg.beneficiary, leg.treaty.id, p.article, p.kind.value, p.strength.value,
                           side, attack, tuple(p.unresolved), level, tuple(reasons), leg.instrument,
                           assumed_conditions(leg, attack, reasons, sure.names, sure.called(attack.place)), leg)
            out.setdefault(trig.key, trig)
    return out


def day_doubts(world: World, result: CascadeResult, day: dt.date) -> tuple[Doubt, ...]:
    """The doubts a cascade on `day` gives (`foedus.engine.outcome.doubts_of`, the one rule), for `result`, found on
    `day` or on an earlier day of its epoch (the same compiled legs: `foedus.war.replay`), whose answer is the day's:
    a recorded day's window may hold `day` and not the epoch's first day (Mexico's Rio exit, Sep 2004)."""
    if result.scenario.date == day:
        return result.doubts
    scenario = replace(result.scenario, date=day)
    belligerent = {*scenario.attackers, *scenario.targets, *(state for state, _ in result.joined())}
    index = leg_table(world, result.scenario.date, scenario.basis)
    return doubts_of(world, scenario, index, belligerent, result, run_cascade)


def evaluate_course(world: World, course: Course, day: dt.date, settings: Settings,
                    index_day: dt.date | None = None, *, doubts: bool = False) -> Evaluation:
    """Evaluate the course of a war as it stands on `day` (attacks whose `until` has come are dropped).

    `index_day`: an earlier date with the same compiled treaty legs (no change of the treaty timeline in
    between, see `foedus.war.replay`); the engine then reuses the legs it compiled for that date. `doubts`: find the
    doubts a cascade on `day` gives (`day_doubts`), which the backtest does not read.
    """
    course.expire(day)
    attacks = tuple(o.attack for o in course.attacks())
    out = Evaluation(date=day, sides=dict(course.sides), attacks=attacks)
    if not attacks:
        return out
    scenario = scenario_of(course.side("attack"), course.side("defense"), attacks, index_day or day, settings)
    out.result = run_cascade(world, scenario)
    out.triggered = triggers(world, scenario)
    if doubts:
        out.doubts = day_doubts(world, out.result, day)
    return out
