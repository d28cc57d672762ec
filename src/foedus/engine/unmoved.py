"""Why a treaty moves no one in a cascade: what the rules say of each of its legs on the war's attacks.

`foedus compare` asks it of each treaty a what-if touched that changed no joiner. Nothing here reads a clause: the
treaties in force and their legs are the date's table (`foedus.engine.table`), the war's attacks are the scenario's
opening attacks and those the joiners bring in (`rules.next_attacks` on the result's sides), and each leg's verdict
on each attack is the rules' own (`rules.evaluate`, `rules.binds_on`; `rules.unmet` naming the part of a trigger an
attack misses; `rules.gate_reason` the gate that holds a leg back). Where none of these names a reason, it says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from foedus.engine import rules
from foedus.engine.leg import Leg
from foedus.engine.round_view import Homes, situation
from foedus.engine.scenario import Attack
from foedus.engine.table import COMMITTING, leg_table
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.engine.result import CascadeResult
    from foedus.model.world import World

__all__ = ["why_unmoved"]

# the misses in the order a reason is chosen: the most telling first (an attack the clause is owed for, but not
# there, not by that attacker, not that severe), the clause not owed to a state the war's attacks concern last
_TELLING = ("scope", "adversary", "severity", "partner-attacks", "not-owed")


def why_unmoved(world: World, result: CascadeResult, treaty: str, state: str | None = None,
                article: str | None = None) -> str:
    """In words (lower case, one clause), why `treaty` binds no one to join in `result`, the cascade of its scenario
    in `world`: its legs that bind a party to fight (`table.COMMITTING`) and concern `state` (owed to it or by it)
    and `article`, where given.

    The first that holds: the treaty is not in force on the date (or `state` not a party); it has no such leg; a leg
    binds only states already fighting, or bound otherwise (`result`'s conflicts, neutrality duties, consultations);
    a gate holds one back (its reason); the part of its trigger the war's attacks miss (the place outside its scope,
    the attacker not an adversary it covers, the incident not severe enough, none of its parties attacked); else that
    no clause of it binds any party in this scenario."""
    s = result.scenario
    names = result.names or world.states.names
    table = leg_table(world, s.date, s.basis)
    if treaty not in world.treaties:
        return f"{treaty} is not in this world"
    if treaty not in table.members:
        return f"{treaty} is not in force on {s.date} (membership by {s.basis})"
    if state is not None and state not in table.members[treaty]:
        return f"{named_state(state, names)} is not a party to {treaty} on {s.date}"
    legs = [leg for kind, owed in sorted(table.keys_of(treaty)) for leg in table.owed_to(kind, owed)
            if leg.treaty.id == treaty]
    concern = [g for g in legs if (state is None or state in (g.obligor, g.beneficiary))
               and (article is None or g.provision.article == article)]
    fight = [g for g in concern if g.provision.kind in COMMITTING]  # the kinds that bind a party to fight
    whom = f" owed to or by {named_state(state, names)}" if state is not None else ""
    if not fight:
        where = f" in art. {article}" if article is not None else ""
        return f"{treaty} has no clause{where} that binds a party to fight{whom} on {s.date}"
    attacks = _attacks(world, result)  # once: the verdicts and a missed trigger's words read the same war
    bound, held, missed = _judged(world, result, fight, attacks, names)
    if bound:
        return _met(bound, result, names)
    if held:
        return held[0]
    for miss in _TELLING:
        if miss in missed:
            return _missed(miss, *missed[miss], treaty, attacks, result, names, whom)
    return f"no clause of {treaty} binds any party in this scenario"


def _judged(world: World, result: CascadeResult, legs: list[Leg], attacks: list[Attack], names: Mapping[str, str]
            ) -> tuple[list[Leg], list[str], dict[str, tuple[Leg, Attack]]]:
    """What the rules say of each leg on each of the war's attacks: the legs that bind, the gates' reasons for those
    a gate holds back, and the first leg and attack of each part of a trigger missed (`rules.unmet`)."""
    s = result.scenario
    places = world.places.on(s.date)
    ctx = situation(None, places, s, frozenset(result.sides["attack"]))
    bound: list[Leg] = []
    held: list[str] = []
    missed: dict[str, tuple[Leg, Attack]] = {}
    for leg in legs:
        for attack in attacks:
            verdict = rules.evaluate(leg, attack, ctx)
            if verdict.binds and rules.verdict.binds_on(leg, attack):
                bound.append(leg)
            elif verdict.gate is not None:
                held.append(f"art. {leg.provision.article} would bind {named_state(leg.obligor, names)}, held back: "
                            f"{rules.gate_reason(leg, verdict.gate, names)}")
            elif (miss := rules.unmet(leg, attack, places)) is not None:
                missed.setdefault(miss, (leg, attack))
    return bound, held, missed


def _words(severity: str) -> str:
    """A severity as a sentence says it: "an armed attack", "an incursion", "coercion"."""
    return {"armed-attack": "an armed attack", "incursion": "an incursion"}.get(severity, severity)


def _attacks(world: World, result: CascadeResult) -> list[Attack]:
    """The war's attacks: the opening ones and those its joiners bring in (`rules.next_attacks`, on the final
    sides)."""
    s = result.scenario
    side_of = {st: side for side, states in result.sides.items() for st in states}
    homes = Homes(world.places, s.date)
    later = rules.next_attacks(s.reading, side_of, [j.state for j in result.joiners], s.attacks, homes.__getitem__, 2)
    return list(dict.fromkeys([*s.attacks, *later]))


def _met(bound: list[Leg], result: CascadeResult, names: Mapping[str, str]) -> str:
    """The legs that bind, and what their obligors already are in the war."""
    side_of = {st: side for side, states in result.sides.items() for st in states}
    conflicted = {c.state for c in result.conflicts}
    neutral = {n.state for n in result.neutral}
    consulting = {c.state for c in result.consultations}
    said: list[str] = []
    for leg in bound:
        who = leg.obligor
        if who in side_of:
            now = f"already fights on the {side_of[who]} side"
        elif who in conflicted:
            now = "is bound both ways (a conflict): it joins neither side"
        elif who in neutral:
            now = "is bound to stay out"
        elif who in consulting:
            now = "is bound to consult, not to fight"
        else:
            now = "joins no side"
        line = f"art. {leg.provision.article} ({leg.provision.kind}) binds {named_state(who, names)}, which {now}"
        if line not in said:
            said.append(line)
    return "; ".join(said[:3]) + (f"; and {len(said) - 3} more" if len(said) > 3 else "")


def _missed(miss: str, leg: Leg, attack: Attack, treaty: str, attacks: list[Attack], result: CascadeResult,
            names: Mapping[str, str], whom: str) -> str:
    """The part of the trigger that `attack` misses for `leg`, in words."""
    p = leg.provision
    victim, attacker = named_state(attack.victim, names), named_state(attack.attacker, names)
    if miss == "scope":
        tokens = p.scope.territory if attack.kind == "territory" else p.scope.forces
        return (f"art. {p.article} binds only for an attack in its scope ({attack.kind}: "
                f"{', '.join(tokens or ()) or 'none'}); the attack on {victim} at {attack.place} is outside it")
    if miss == "adversary":
        return f"art. {p.article} does not cover an attack by {attacker} (its adversary clause: {p.adversary.type})"
    if miss == "severity":
        return (f"art. {p.article} binds only for an incident of at least {_words(rules.threshold(p))}; this one is "
                f"{_words(attack.severity)}")
    if miss == "partner-attacks":
        return f"art. {p.article} binds when {named_state(leg.beneficiary, names)} is attacked, not when it attacks"
    attacked = [named_state(st, names) for st in dict.fromkeys(a.victim for a in attacks)
                if st in leg.parties]
    if attacked:  # a party is attacked, but no clause of those asked about is owed to it
        return (f"no clause of {treaty} that binds a party to fight{whom} is owed to {', '.join(attacked)}, "
                "the party attacked")
    attacking = [named_state(st, names) for st in result.sides["attack"] if st in leg.parties]
    on = f" ({', '.join(attacking)} on the attacking side)" if attacking else ""
    return f"no party of {treaty} is attacked{on}, and no clause of it binds a party to join a party's attack"
