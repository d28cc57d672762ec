"""The leg table compiler as it was before issue 15, kept to check that the faster one compiles equal tables.

Compile a treaty world into the table of directed legs in force on one date.

A leg is one provision owed by one state to another, with what the rules (`foedus.engine.rules`)
decide about it once and for all on that date: whose attack it covers (`counterparts`), which gates
it carries, and which honour commitment (obligor, treaty) it belongs to. Every engine reads this
table; compiling once per (date, basis) and indexing by beneficiary keeps a single cascade to a few
look-ups per attack.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from foedus.engine import rules
from foedus.engine.leg import STRENGTH_ORDER, Leg, instrument_of
from foedus.engine.rules import precedence
from foedus.engine.scenario import Basis
from foedus.engine.table import (  # unchanged by the work the legacy copy stands for
    active_members,
    parties,
)
from foedus.model.treaty import Kind, Provision, Strength, Treaty
from foedus.model.world import World
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.engine.reliability import HonourModel

__all__ = ["COMMITTING", "LegTable", "active_members", "compile_table", "leg_table", "parties"]

COMMITTING = (Kind.DEFENSE, Kind.OFFENSE)  # the kinds whose legs are honour commitments (Monte Carlo)


@dataclass
class LegTable:
    """Legs in force on one date, grouped by kind and beneficiary, with the honour commitments."""

    date: dt.date
    basis: Basis
    by_beneficiary: dict[Kind, dict[str, list[Leg]]] = field(default_factory=dict)
    members: dict[str, frozenset[str]] = field(default_factory=dict)
    commitments: list[tuple[str, str]] = field(default_factory=list)  # (obligor, treaty id)
    strongest: list[tuple[Strength, bool]] = field(default_factory=list)  # per commitment: strength, bilateral
    support: list[rules.SupportLeg] = field(default_factory=list)  # support owed without a duty to fight
    bars: precedence.Bars = field(default_factory=dict)  # prevailing duties not to fight (`rules.precedence`)

    def owed_to(self, kind: Kind, beneficiary: str) -> list[Leg]:
        """Legs of `kind` owed to `beneficiary`, in total order."""
        return self.by_beneficiary.get(kind, {}).get(beneficiary, [])

    def all_legs(self) -> list[Leg]:
        """Every leg, in total order."""
        legs = [leg for table in self.by_beneficiary.values() for group in table.values() for leg in group]
        return sorted(legs, key=lambda leg: (leg.sort_key, leg.beneficiary))

    def states(self) -> list[str]:
        """Every state that owes or is owed an obligation on this date, sorted."""
        return sorted({m for ms in self.members.values() for m in ms})

    def honour_probabilities(self, model: HonourModel) -> list[float]:
        """P(honour) of each commitment: the one formula every probabilistic engine uses.

        A state decides once per treaty whether to honour it; the probability is the model's for the
        strongest obligation that state has under the treaty on this date.
        """
        return [model.probability(t, s.value, bilateral, self.date)
                for (_, t), (s, bilateral) in zip(self.commitments, self.strongest, strict=True)]


def _legs_of(treaty: Treaty, provision: Provision, members: dict[str, str | None], day: dt.date,
             names: Mapping[str, str]) -> list[Leg]:
    """The directed legs of one provision among the treaty's parties, each suspended leg with its reason."""
    everyone = frozenset(members)
    obligors = everyone & set(provision.obligors) if provision.obligors is not None else everyone
    owed = everyone & set(provision.beneficiaries) if provision.beneficiaries is not None else everyone
    off = {(s.obligor, s.beneficiary): s.span for s in provision.suspensions if s.span.covers(day)}
    counterparts = rules.counterparts_of(provision, everyone)
    out = []
    for beneficiary in sorted(owed):
        for obligor in sorted(obligors):
            if obligor == beneficiary:
                continue
            span = off.get((obligor, beneficiary))
            why = members[obligor] or members[beneficiary] or (None if span is None else (
                f"{treaty.short_name or treaty.id} suspends {named_state(obligor, names)}'s obligation to "
                f"{named_state(beneficiary, names)} since "
                f"{span.start}" + (f" ({span.note})" if span.note else "")))
            leg = Leg(obligor, beneficiary, treaty, provision, instrument_of(treaty, obligor, beneficiary),
                      counterparts, suspended=why, parties=everyone)
            out.append(replace(leg, gates=rules.gates_of(leg)))
    return out


def _with_commitments(table: LegTable, legs: list[Leg]) -> list[Leg]:
    """Number the (obligor, treaty) commitments in sorted order and note each one's strongest obligation."""
    strongest: dict[tuple[str, str], tuple[Strength, bool]] = {}
    for leg in legs:
        if leg.provision.kind in COMMITTING:
            key, s = (leg.obligor, leg.treaty.id), leg.provision.strength
            if key not in strongest or STRENGTH_ORDER[s] < STRENGTH_ORDER[strongest[key][0]]:
                strongest[key] = (s, leg.treaty.type == "bilateral")
    table.commitments = sorted(strongest)
    table.strongest = [strongest[k] for k in table.commitments]
    index = {k: i for i, k in enumerate(table.commitments)}
    return [replace(leg, commitment=index[(leg.obligor, leg.treaty.id)]) if leg.provision.kind in COMMITTING
            else leg for leg in legs]


def compile_table(world: World, day: dt.date, basis: Basis = "in-force") -> LegTable:
    """All directed legs in force on `day`, indexed by kind and beneficiary."""
    table = LegTable(date=day, basis=basis)
    legs: list[Leg] = []
    for treaty in world.treaties.on(day):
        members = parties(treaty, day, basis, world.states.names_on(day))
        if not members:
            continue
        members = {s: why or rules.system.out_of_system(world.states, s, day, world.states.names_on(day))
                   for s, why in members.items()}  # a rule, not the work the legacy copy stands for
        table.members[treaty.id] = frozenset(s for s, why in members.items() if why is None)
        table.support += rules.support_legs(treaty, table.members[treaty.id], day)
        for provision in treaty.provisions:
            if provision.valid is None or provision.valid.covers(day):
                legs += _legs_of(treaty, provision, members, day, world.states.names_on(day))
    for leg in legs:  # prevailing duties not to fight (`rules.precedence`), as the lazy table notes them
        if leg.suspended is None:
            precedence.bar(table.bars, leg.treaty, leg.provision, leg.obligor, leg.beneficiary)
    legs = [replace(leg, counterparts=precedence.narrowed(leg.counterparts, spared))
            if (spared := precedence.against(table.bars, leg.provision.kind, leg.obligor, leg.treaty.id)) else leg
            for leg in legs]
    grouped: dict[Kind, dict[str, list[Leg]]] = defaultdict(lambda: defaultdict(list))
    for leg in _with_commitments(table, legs):
        grouped[leg.provision.kind][leg.beneficiary].append(leg)
    table.by_beneficiary = {kind: {b: sorted(group, key=lambda leg: leg.sort_key) for b, group in per.items()}
                            for kind, per in grouped.items()}
    return table


def leg_table(world: World, day: dt.date, basis: Basis = "in-force") -> LegTable:
    """The compiled table for a date, cached per world (and rebuilt when the gates change)."""
    return _cached_table(world, day, basis, rules.GENERATION[0])


@functools.lru_cache(maxsize=256)
def _cached_table(world: World, day: dt.date, basis: Basis, generation: int) -> LegTable:
    return compile_table(world, day, basis)
