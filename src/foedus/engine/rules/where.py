"""Where an attack counts and whose attack counts: scope tokens (each read by `tokens.token_matches`) and the
adversary clause; whether a neutrality clause binds when its partner attacks (`partner.binds_when_partner_attacks`,
re-exported here: the engines look it up here when called)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from foedus.engine.leg import Counterparts, Leg
from foedus.engine.rules.partner import binds_when_partner_attacks
from foedus.engine.rules.tokens import token_matches
from foedus.engine.scenario import Attack
from foedus.model.vocab import Kind

if TYPE_CHECKING:
    from foedus.model.places import Place
    from foedus.model.treaty import Provision

__all__ = ["binds_when_partner_attacks", "counterparts_of", "covers", "in_scope", "scope_of", "token_matches"]

# the kinds as module names: a read of `Kind.X` goes through the enum type's `__getattr__` hook (Python 3.11),
# which the interpreter does not specialise; a module global's read it does (docs/performance.md, session 36)
_FOLLOW_ATTACKER, _NEUTRALITY = (Kind.OFFENSE, Kind.NONAGGRESSION), Kind.NEUTRALITY


def scope_of(provision: Provision, kind: str) -> list[str] | None:
    """The scope tokens that an attack of `kind` (territory or forces) is read against (None: anywhere): `in_scope`
    reads them, and so do the words that say a binding leg's scope (`verdict.conditions`) or why an attack missed it
    (`foedus.engine.unmoved`), looked up here when called."""
    return provision.scope.territory if kind == "territory" else provision.scope.forces


def in_scope(provision: Provision, attack: Attack, place: Place, parties: Collection[str] = ()) -> bool:
    """Whether the attack's place and kind (territory or forces) fall in the provision's scope (`parties`: the
    treaty's parties on the date)."""
    tokens = scope_of(provision, attack.kind)
    if tokens is None:
        return True
    return any(token_matches(t, place, attack.victim, parties) for t in tokens)


def covers(leg: Leg, attack: Attack, places: Mapping[str, Place]) -> bool:
    """The place part of a leg's trigger: in scope for the kinds that protect a victim, always for offence
    and non-aggression (they follow the attacker, wherever it strikes)."""
    kind = leg.provision.kind
    if kind in _FOLLOW_ATTACKER:
        return True
    if kind is _NEUTRALITY and leg.beneficiary == attack.attacker:
        return True
    return in_scope(leg.provision, attack, places[attack.place], leg.parties)


def counterparts_of(provision: Provision, members: frozenset[str]) -> Counterparts:
    """The adversary clause: any state, only the named states, or only non-members of the treaty."""
    cond = provision.adversary
    if cond.type == "named":
        return Counterparts(allow=frozenset(cond.states))
    if cond.type == "non_members":
        return Counterparts(deny=members)
    return Counterparts()
