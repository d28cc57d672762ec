"""The potential graph of a scenario: every obligation and neutrality restraint that could bind in some
Monte Carlo draw, found by applying the rules (`foedus.engine.rules.evaluate`) to every attack that could
happen, with the victim gates left open (each draw opens or closes them itself).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from foedus.datarecord import dataclass, field
from foedus.engine.fast.home import HomeFinder, HomeLegs
from foedus.engine.reliability import HonourModel
from foedus.engine.rules import (
    STRIKES,
    Situation,
    evaluate,
    implemented_gates,
    precedence,
    strikes,
    verdict,
    void_for_starters,
    where,
)
from foedus.engine.scenario import Attack, Scenario
from foedus.engine.table import LegTable, leg_table
from foedus.model.vocab import Kind
from foedus.model.world import World

__all__ = ["PotentialGraph", "potential_graph"]


@dataclass
class PotentialGraph:
    """Everything that can bind in some draw, indexed for vectorised replay."""

    states: list[str]
    attacks: list[Attack]
    initial: np.ndarray  # bool per attack: an opening attack (always present)
    made_by: np.ndarray  # legal reading, per attack: the offence joiner whose joining makes it (-1 if none)
    # obligations: obligor, anchor (whose side it joins), attack, commitment, and the states whose
    # request (-1: none) and side-that-started-the-war (-1: none; `rules.void_for_starters`) gates it carries
    ob_state: np.ndarray
    ob_anchor: np.ndarray
    ob_attack: np.ndarray
    ob_commit: np.ndarray
    ob_request: np.ndarray
    ob_nonprov: np.ndarray
    # neutrality: (obligor, toward, attack) — binding whenever the attack is present, but where a
    # clause's gates void it for the side that started the war (`nt_nonprov`, `void_for_starters`)
    nt_state: np.ndarray
    nt_toward: np.ndarray
    nt_attack: np.ndarray
    nt_nonprov: np.ndarray  # the state whose side starting the war voids it (`void_for_starters`), -1: none
    commits: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # table commitment per column
    commit_prob: np.ndarray = field(default_factory=lambda: np.zeros(0))
    home: HomeLegs | None = None  # escalatory: what the home strikes bind (`attacks` are then the opening ones)
    nt_prevails: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # a duty that prevails (`precedence`)

    def __post_init__(self) -> None:
        # Obligations that differ only by the attack that triggers them bind alike once any of those
        # attacks happens: group them, so each round works on groups rather than on every obligation.
        keys = np.stack([self.ob_state, self.ob_anchor, self.ob_commit, self.ob_request,
                         self.ob_nonprov], axis=1) if len(self.ob_state) else np.zeros((0, 5), np.int64)
        uniq, group = np.unique(keys, axis=0, return_inverse=True) if len(keys) else (keys, np.zeros(0, np.int64))
        order = np.argsort(group.ravel(), kind="stable")
        self.g_attack = self.ob_attack[order]
        sorted_groups = group.ravel()[order]
        self.g_starts = np.flatnonzero(np.r_[True, sorted_groups[1:] != sorted_groups[:-1]]) if len(order) else order
        self.g_state, self.g_anchor, self.g_commit, self.g_request, self.g_nonprov = (uniq[:, i] for i in range(5))


def _index_of(items: dict[Any, int], key: Any) -> int:
    if key not in items:
        items[key] = len(items)
    return items[key]


class _Finder:
    """Grows the graph attack by attack until no draw could add another attack."""

    def __init__(self, world: World, scenario: Scenario, table: LegTable) -> None:
        self.world, self.scenario, self.table = world, scenario, table
        self.states: dict[str, int] = {}
        for s in (*scenario.attackers, *scenario.targets):
            _index_of(self.states, s)
        self.attacks: dict[Attack, int] = {a: i for i, a in enumerate(dict.fromkeys(scenario.attacks))}
        self.opening = len(self.attacks)
        self.maker: dict[int, int] = {}
        self.obligations: dict[tuple[int, int, int, int], tuple[int, int]] = {}
        self.neutral: set[tuple[int, int, int, int, int]] = set()
        self.commits: dict[int, int] = {}  # table commitment -> column
        self.sides = {"attack": set(scenario.attackers), "defense": set(scenario.targets)}
        self.situation = Situation(world.places.on(scenario.date), scenario, frozenset(), lambda state: True)
        self.home = HomeFinder(table, self.situation, frozenset(scenario.attackers) | frozenset(scenario.targets),
                               self.states, self.commits, self.sides) if STRIKES[scenario.reading].at_home else None

    def run(self) -> None:
        done = 0
        while done < len(self.attacks):
            todo = list(self.attacks)[done:]
            done = len(self.attacks)
            for attack in todo:
                ai = self.attacks[attack]
                if self.home is not None and ai >= self.opening:
                    self.home.bind(attack)
                else:
                    self._bind(attack, ai)
            for attack, maker in self._new_attacks():
                if attack not in self.attacks:
                    self.attacks[attack] = len(self.attacks)
                    if maker >= 0:
                        self.maker[self.attacks[attack]] = maker

    def _bind(self, attack: Attack, ai: int) -> None:
        """Record the obligations and neutrality restraints one attack can set off."""
        owed = self.table.owed_to
        originals = set(self.scenario.attackers) | set(self.scenario.targets)
        legs = [(leg, attack.victim) for leg in owed(Kind.DEFENSE, attack.victim)]
        legs += [(leg, attack.attacker) for leg in owed(Kind.OFFENSE, attack.attacker)]
        for leg, anchor in legs:
            if (leg.obligor in originals or not verdict.binds_on(leg, attack)
                    or not evaluate(leg, attack, self.situation).binds):
                continue
            si, ni = _index_of(self.states, leg.obligor), _index_of(self.states, anchor)
            ci = _index_of(self.commits, leg.commitment)
            protected = _index_of(self.states, leg.beneficiary)
            gates = (protected if leg.gated_by("request") else -1, protected if void_for_starters(leg) else -1)
            self.obligations.setdefault((si, ni, ai, ci), gates)
            for members in self.sides.values():
                if anchor in members:
                    members.add(leg.obligor)
        partner = [leg for leg in owed(Kind.NEUTRALITY, attack.attacker)
                   if where.binds_when_partner_attacks(leg.provision)]
        for leg in [*owed(Kind.NEUTRALITY, attack.victim), *partner]:
            if verdict.binds_on(leg, attack) and evaluate(leg, attack, self.situation).binds:
                protected = _index_of(self.states, leg.beneficiary)
                prevails = precedence.prevails(self.table.bars, leg.obligor, leg.beneficiary, leg.treaty.id)
                self.neutral.add((_index_of(self.states, leg.obligor), protected, ai,
                                  protected if void_for_starters(leg) else -1, int(prevails)))

    def _new_attacks(self) -> list[tuple[Attack, int]]:
        """Attacks some draw could add, each with the joiner that makes it (-1: none), as the rules make them
        (`foedus.engine.rules.next_attacks`, looked up there so that the rule has one form): legal, each state
        that could join the attacking side strikes the original targets; escalatory, each state that could be
        on one side strikes each state that could be on the other, both ways (a state may be on both here)."""
        names = list(self.states)
        opening, places, day = self.scenario.attacks, self.world.places, self.scenario.date
        reading = self.scenario.reading

        def home(state: str) -> str:
            return places.home(state, day).id

        targets = dict.fromkeys(self.scenario.targets, "defense")
        if not STRIKES[reading].at_home:
            attack_list = list(self.attacks)
            joiners = sorted({si for (si, ni, ai, _) in self.obligations if names[ni] == attack_list[ai].attacker})
            return [(a, si) for si in joiners for a in strikes.next_attacks(
                reading, {**targets, names[si]: "attack"}, [names[si]], opening, home, 0)]
        return [(a, -1) for x in sorted(self.sides["attack"]) for y in sorted(self.sides["defense"]) if x != y
                for a in strikes.next_attacks(reading, {x: "attack", y: "defense"}, (), opening, home, 0)]

    def graph(self, probabilities: list[float]) -> PotentialGraph:
        ob = sorted(self.obligations.items())
        nt = sorted(self.neutral)
        attack_list = list(self.attacks)[:self.opening] if self.home is not None else list(self.attacks)
        commits = np.array(sorted(self.commits, key=self.commits.__getitem__), dtype=np.int64)

        def col(values: list[int]) -> np.ndarray:
            return np.array(values, dtype=np.int64)

        return PotentialGraph(
            states=list(self.states), attacks=attack_list,
            initial=np.array([i < self.opening for i in range(len(attack_list))]),
            made_by=col([self.maker.get(i, -1) for i in range(len(attack_list))]),
            ob_state=col([k[0] for k, _ in ob]), ob_anchor=col([k[1] for k, _ in ob]),
            ob_attack=col([k[2] for k, _ in ob]), ob_commit=col([k[3] for k, _ in ob]),
            ob_request=col([g[0] for _, g in ob]), ob_nonprov=col([g[1] for _, g in ob]),
            nt_state=col([n[0] for n in nt]), nt_toward=col([n[1] for n in nt]), nt_attack=col([n[2] for n in nt]),
            nt_nonprov=col([n[3] for n in nt]), nt_prevails=col([n[4] for n in nt]).astype(bool),
            commits=commits, commit_prob=np.array([probabilities[c] for c in commits], dtype=float),
            home=self.home.legs(list(self.states)) if self.home is not None else None,
        )


def potential_graph(world: World, scenario: Scenario, model: HonourModel) -> PotentialGraph:
    """Apply the rules permissively to every attack that could occur in some draw."""
    implemented_gates(scenario)  # the victim gates are read by name (here and in `home`), in the forms the rules check
    table = leg_table(world, scenario.date, scenario.basis)
    finder = _Finder(world, scenario, table)
    finder.run()
    return finder.graph(table.honour_probabilities(model))
