"""Compile a treaty world into the directed obligation legs that bind on one date.

A leg is one provision owed by one state to another. Compiling once per (date, basis) and
indexing by beneficiary keeps a single cascade to a few dictionary look-ups per attack.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from foedus.engine.scenario import Basis
from foedus.model.treaty import Kind, Member, Provision, Strength, Treaty
from foedus.model.world import World

__all__ = ["Leg", "LegIndex", "active_members", "compile_legs"]

STRENGTH_ORDER = {s: i for i, s in enumerate(Strength)}
KIND_ORDER = {k: i for i, k in enumerate(Kind)}


@dataclass(frozen=True, slots=True)
class Leg:
    """Provision `provision` of `treaty`, owed by `obligor` to `beneficiary`."""

    obligor: str
    beneficiary: str
    treaty: Treaty
    provision: Provision

    @property
    def sort_key(self) -> tuple[int, int, str, str, str]:
        """Total order: stronger first, then kind, treaty id, article, obligor."""
        p = self.provision
        return (STRENGTH_ORDER[p.strength], KIND_ORDER[p.kind], self.treaty.id, p.article, self.obligor)


@dataclass
class LegIndex:
    """Legs in force on one date, grouped by kind and beneficiary."""

    date: dt.date
    basis: Basis
    by_beneficiary: dict[Kind, dict[str, list[Leg]]] = field(default_factory=dict)
    members: dict[str, frozenset[str]] = field(default_factory=dict)

    def owed_to(self, kind: Kind, beneficiary: str) -> list[Leg]:
        """Legs of `kind` owed to `beneficiary`, in total order."""
        return self.by_beneficiary.get(kind, {}).get(beneficiary, [])

    def all_legs(self) -> list[Leg]:
        """Every leg, in total order."""
        legs = [leg for table in self.by_beneficiary.values() for group in table.values() for leg in group]
        return sorted(legs, key=lambda leg: (leg.sort_key, leg.beneficiary))


def _member_active(treaty: Treaty, member: Member, day: dt.date, basis: Basis) -> bool:
    if basis == "signed":
        founder = member.joined is None or member.joined == treaty.in_force
        start = member.signed or (treaty.signed if founder else member.joined)
    else:
        start = member.joined or treaty.in_force
    if start is None or day < start:
        return False
    if member.left is not None and day >= member.left:
        return False
    return not any(span.covers(day) for span in member.suspended)


def active_members(treaty: Treaty, day: dt.date, basis: Basis) -> frozenset[str]:
    """States bound by `treaty` on `day` (not left, not suspended)."""
    if not treaty.in_effect(day, basis):
        return frozenset()
    return frozenset(m.state for m in treaty.members if _member_active(treaty, m, day, basis))


def compile_legs(world: World, day: dt.date, basis: Basis = "in-force") -> LegIndex:
    """All directed legs in force on `day`, indexed by kind and beneficiary."""
    index = LegIndex(date=day, basis=basis)
    table: dict[Kind, dict[str, list[Leg]]] = defaultdict(lambda: defaultdict(list))
    for treaty in world.treaties.on(day):
        members = active_members(treaty, day, basis)
        if not members:
            continue
        index.members[treaty.id] = members
        for provision in treaty.provisions:
            if provision.valid is not None and not provision.valid.covers(day):
                continue
            obligors = members & set(provision.obligors) if provision.obligors is not None else members
            owed = members & set(provision.beneficiaries) if provision.beneficiaries is not None else members
            off = {(s.obligor, s.beneficiary) for s in provision.suspensions if s.span.covers(day)}
            for beneficiary in owed:
                for obligor in obligors:
                    if obligor != beneficiary and (obligor, beneficiary) not in off:
                        table[provision.kind][beneficiary].append(Leg(obligor, beneficiary, treaty, provision))
    index.by_beneficiary = {
        kind: {b: sorted(legs, key=lambda leg: leg.sort_key) for b, legs in per.items()}
        for kind, per in table.items()
    }
    return index
