"""Whether a written treaty's defence, consultation or neutrality clause covers some attack the engines can be asked
about: a territory attack needs its victim to hold or claim the place (`foedus.engine.scenario`), an attack on forces
does not; each scope token is read by the cascade rules' own test (`foedus.engine.rules.tokens.token_matches`).
A neutrality clause that also binds when its partner attacks (`rules.partner.binds_when_partner_attacks`) binds
then wherever the partner strikes, its scope unread (`rules.where.covers`): it is never refused here.
"""

from __future__ import annotations

from collections.abc import Mapping

from foedus.errors import TreatyDataError
from foedus.model.places import Place
from foedus.model.treaty import Provision, Treaty
from foedus.model.vocab import Kind

__all__ = ["check_scope_reached"]

_SCOPED = frozenset({Kind.DEFENSE, Kind.CONSULTATION})  # the kinds that read every leg through the scope
_ONLY = " (owed only to an attacked partner: when_partner_attacks is false)"  # why a neutrality clause is asked
_made: tuple[Mapping[str, Place], list[tuple[Place, frozenset[str]]]] | None = None  # `_versions`, of one gazetteer


def check_scope_reached(treaty: Treaty, places: Mapping[str, Place], path: str) -> None:
    """Each defence or consultation clause, and each neutrality clause owed only to an attacked partner, covers an
    attack on one of its beneficiaries somewhere (`places`: the gazetteer's places by id): a place of theirs (held or
    claimed, in any of its dated records) its territory scope matches, or a place its forces scope matches. The
    treaty's members stand for its parties (`administered-by-party`) on every date, so a scope this refuses matches
    nothing on any date.

    Raises:
        TreatyDataError: naming the clause's scope, its beneficiaries and why it would never bind.
    """
    states = sorted({m.state for m in treaty.members})
    for i, p in enumerate(treaty.provisions):
        if not _scoped(p) or p.scope.territory is None or p.scope.forces is None:
            continue
        versions = _versions(places)
        victims = set(p.beneficiaries or states)
        parties = frozenset(states)
        if _matched(p.scope.territory, versions, victims, parties, held=True) or _matched(
                p.scope.forces, versions, victims, parties, held=False):
            continue
        who = " or ".join(sorted(victims)) if len(victims) <= 4 else f"any of its {len(victims)} beneficiaries"
        forces = "is [] (attacks on forces not covered)" if not p.scope.forces else "matches no place either"
        only = _ONLY if p.kind is Kind.NEUTRALITY else ""
        raise TreatyDataError(path, f"provisions[{i}].scope.territory", f"matches no place that {who} holds or "
                              f"claims, and forces {forces}, so the {p.kind} clause{only} would never bind: name a "
                              "place of theirs, or leave territory out (anywhere)")


def _scoped(provision: Provision) -> bool:
    """Whether every leg of the clause binds only through its scope: defence and consultation always; neutrality
    unless it also binds when its partner attacks (the rule's own test, read when asked: no copy here)."""
    from foedus.engine.rules.partner import binds_when_partner_attacks

    if provision.kind is Kind.NEUTRALITY:
        return not binds_when_partner_attacks(provision)
    return provision.kind in _SCOPED


def _versions(places: Mapping[str, Place]) -> list[tuple[Place, frozenset[str]]]:
    """Each place as each of its dated records has it, with the states that hold or claim it then: worked out once
    for the gazetteer a load reads, not for each file."""
    global _made
    if _made is None or _made[0] is not places:
        made = [v for place in places.values() for v in (place, *map(place.held_as, place.history))]
        _made = (places, [(v, v.holders("claimant")) for v in made])
    return _made[1]


def _matched(tokens: list[str], versions: list[tuple[Place, frozenset[str]]], victims: set[str],
             parties: frozenset[str], held: bool) -> bool:
    """Whether a token matches a place version for a victim (one that holds or claims it, when `held`)."""
    from foedus.engine.rules.tokens import token_matches  # the rule itself, read when asked (no copy here)

    for place, holders in versions:
        for victim in (holders & victims) if held else victims:
            if any(token_matches(t, place, victim, parties) for t in tokens):
                return True
    return False
