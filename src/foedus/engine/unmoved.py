"""Why a treaty moves no one in a cascade: what the rules say of each of its legs on the war's attacks.

`foedus compare` asks it of each treaty a what-if touched that changed no joiner. Nothing here reads a clause: the
treaties in force and their legs are the date's table (`foedus.engine.table`), the one the cascade reads (with attacks
ongoing since an earlier day too: `run_cascade` reads the scenario date's table alone, and the war's replay, which
reads the days between, only says since when each joiner is bound), the war's attacks are the scenario's opening
attacks and those the joiners bring in (`rules.next_attacks` on the result's sides), and each leg's verdict on each
attack is the rules' own (`rules.evaluate`, `rules.binds_on`; `rules.unmet` naming the part of a trigger an attack
misses; `rules.gate_reason` the gate that holds a leg back). Where none of these names a reason, it says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from foedus.cited import article_cited, cited, clause_said
from foedus.engine import rules
from foedus.engine.leg import Leg
from foedus.engine.round_view import Homes, situation
from foedus.engine.scenario import Attack
from foedus.engine.table import COMMITTING, leg_table
from foedus.place_words import at_place
from foedus.wording import and_listed, few_listed, named_state

if TYPE_CHECKING:
    from foedus.engine.result import CascadeResult
    from foedus.model.world import World

__all__ = ["why_unmoved"]

# what a leg's verdicts on the war's attacks come to, the most telling first: it binds; a gate holds it back; it is
# owed against its own obligor (`rules.binds_on`); the part of its trigger missed (an attack the clause is owed for,
# but not there, not by that attacker, not that severe), the clause not owed to a state the war's attacks concern last
_CAUSES = ("bound", "held", "own-attack", "scope", "adversary", "severity", "partner-attacks", "not-owed")
_MOST = 4  # the reasons said in full; the rest counted
_NAMED = 5  # the states a gate holds back named in full; beyond, three and a count

Judged = dict[str, list[tuple[Leg, Attack, str | None]]]  # by cause: the legs, each with its attack and gate


def why_unmoved(world: World, result: CascadeResult, treaty: str, state: str | None = None,
                article: str | None = None) -> str:
    """In words (lower case, one line), why `treaty` binds no one to join in `result`, the cascade of its scenario
    in `world`: its legs that bind a party to fight (`table.COMMITTING`) and concern `state` (owed to it or by it)
    and `article`, where given.

    The first that holds: the treaty is not in force on the date (or `state` not a party); it has no such leg; else,
    per article, the first cause (`_CAUSES`) its legs come to, each article's (in that order, distinct, the first
    `_MOST` in full): a leg binds only states already fighting, or bound otherwise (`result`'s joiners, conflicts,
    neutrality duties, consultations); a gate holds legs back (its reason, the states it holds named); a leg is owed
    against its own obligor; the part of its trigger the war's attacks miss (the place outside its scope, the attacker
    not an adversary it covers, the incident not severe enough); where every article only is not owed to a state
    attacked, none of its parties attacked; else that no clause of it binds any party in this scenario."""
    s = result.scenario
    names = result.names or world.states.names_on(s.date)  # a result built without them: the date's names
    table = leg_table(world, s.date, s.basis)  # the cascade's own (`run_cascade`), ongoing attacks or not
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
        where = f" in {article_cited(article)}" if article is not None else ""
        return f"{treaty} has no clause{where} that binds a party to fight{whom} on {s.date}"
    attacks = _attacks(world, result)  # once: the verdicts and a missed trigger's words read the same war
    by_article = _judged(world, result, fight, attacks)
    said: list[str] = []
    for cause, judged in sorted(((min(j, key=_CAUSES.index), j) for j in by_article.values()),
                                key=lambda c: _CAUSES.index(c[0])):
        if cause != "not-owed":
            said += [w for w in _said(cause, judged[cause], result, names) if w not in said]
    if said:
        return "; ".join(said[:_MOST]) + (f"; and {len(said) - _MOST} more" if len(said) > _MOST else "")
    if by_article:  # every article's legs are owed to states no attack concerns
        leg, attack, _ = next(iter(by_article.values()))["not-owed"][0]
        owes = (_named_obligors(world, treaty, state, article, table.members[treaty], names) if state is not None
                else "")
        return _missed("not-owed", leg, attack, treaty, attacks, result, names, whom) + owes
    return f"no clause of {treaty} binds any party in this scenario"


def _named_obligors(world: World, treaty: str, state: str, article: str | None, parties: frozenset[str],
                    names: Mapping[str, str]) -> str:
    """Where `state` owes none of the treaty's clauses that bind a party to fight because each names the parties
    that owe it and not `state` (the Manila Pact's art. IV(1): a member added by a what-if owes it to no one, though
    it is owed to the member), that reason, after "; ", naming those of the date's `parties`; else nothing."""
    provisions = [p for p in world.treaties[treaty].provisions if p.kind in COMMITTING
                  and (article is None or p.article == article)]
    if not provisions or any(p.obligors is None or state in p.obligors for p in provisions):
        return ""
    by_article: dict[str, list[str]] = {}
    for p in provisions:
        by_article.setdefault(p.article, []).extend(o for o in p.obligors or () if o in parties)
    said = [f"{article_cited(a)} is owed only by the parties it names ({_listed(owing, names)})"
            for a, owing in by_article.items()]
    return f"; {and_listed(said)}, not by {named_state(state, names)}"


def _judged(world: World, result: CascadeResult, legs: list[Leg], attacks: list[Attack]) -> dict[str, Judged]:
    """What the rules say of each leg on each of the war's attacks, by article: the legs by the first cause (`_CAUSES`)
    each comes to, each with the first attack it comes to it on (and the gate, for one held back)."""
    s = result.scenario
    places = world.places.on(s.date)
    ctx = situation(None, places, s, frozenset(result.sides["attack"]))
    out: dict[str, Judged] = {}
    for leg in legs:
        causes: dict[str, tuple[Attack, str | None]] = {}
        for attack in attacks:
            verdict = rules.evaluate(leg, attack, ctx)
            if verdict.binds:  # a leg that binds, but not against its own obligor (`rules.binds_on`)
                cause: str | None = "bound" if rules.verdict.binds_on(leg, attack) else "own-attack"
            else:
                cause = "held" if verdict.gate is not None else rules.unmet(leg, attack, places)
            if cause is not None:
                causes.setdefault(cause, (attack, verdict.gate))
        if causes:
            first = min(causes, key=_CAUSES.index)
            out.setdefault(leg.provision.article, {}).setdefault(first, []).append((leg, *causes[first]))
    return out


def _said(cause: str, judged: list[tuple[Leg, Attack, str | None]], result: CascadeResult,
          names: Mapping[str, str]) -> list[str]:
    """An article's legs that come to `cause`, in words: those that bind, and what their obligors are in the war;
    those a gate holds back, a clause per reason naming the states; those owed against their own obligor; else the
    part of the trigger the first one misses."""
    if cause == "bound":
        return [_met(leg, result, names) for leg, _, _ in judged]
    if cause == "held":
        held: dict[tuple[str, str], list[str]] = {}
        for leg, _, gate in judged:
            if gate is not None:  # a held leg's: the gate that held it
                held.setdefault((leg.provision.article, rules.gate_reason(leg, gate, names)), []).append(leg.obligor)
        return [f"{article_cited(a)} would bind {_listed(states, names)}, held back: {reason}"
                for (a, reason), states in held.items()]
    if cause == "own-attack":
        return [_own(leg, attack, names) for leg, attack, _ in judged]
    leg, attack, _ = judged[0]  # a part of the trigger missed: not "not-owed", which alone reads the war's attacks
    return [_missed(cause, leg, attack, leg.treaty.id, [], result, names, "")]


def _listed(states: list[str], names: Mapping[str, str]) -> str:
    """States as a sentence lists them: all of up to `_NAMED`, else three and how many more."""
    return few_listed([named_state(st, names) for st in dict.fromkeys(states)], _NAMED)


def _own(leg: Leg, attack: Attack, names: Mapping[str, str]) -> str:
    """A leg whose trigger an attack meets, owed against its own obligor (`rules.verdict.spares_own_attack`)."""
    role = "its attacker" if leg.beneficiary == attack.victim else "the state it attacks"
    return (f"{article_cited(leg.provision.article)} is owed to {named_state(leg.beneficiary, names)} by "
            f"{named_state(leg.obligor, names)}, {role}: a clause never binds a party against itself")


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


def _met(leg: Leg, result: CascadeResult, names: Mapping[str, str]) -> str:
    """A leg that binds, and what its obligor already is in the war: a party to it from the start, a joiner by this
    clause or by another, conflicted, neutral, consulting, or none of these."""
    who, p = leg.obligor, leg.provision
    joined = next((j for j in result.joiners if j.state == who), None)
    side_of = {st: side for side, states in result.sides.items() for st in states}
    if joined is not None and any((o.treaty, o.article) == (leg.treaty.id, p.article)
                                  for o in (joined.primary, *joined.also)):
        now = f"is bound to join the {joined.side} side by this clause"
    elif joined is not None:
        by = cited(joined.primary.treaty, joined.primary.article)
        now = f"is already bound to join the {joined.side} side by {by}"
    elif who in side_of:
        now = f"already fights on the {side_of[who]} side"
    elif who in {c.state for c in result.conflicts}:
        now = "is bound both ways (a conflict): it joins neither side"
    elif who in {n.state for n in result.neutral}:
        now = "is bound to stay out"
    elif who in {c.state for c in result.consultations}:
        now = "is bound to consult, not to fight"
    else:
        now = "joins no side"
    return f"{article_cited(p.article)} ({clause_said(p.kind)}) binds {named_state(who, names)}, which {now}"


def _missed(miss: str, leg: Leg, attack: Attack, treaty: str, attacks: list[Attack], result: CascadeResult,
            names: Mapping[str, str], whom: str) -> str:
    """The part of the trigger that `attack` misses for `leg`, in words."""
    p = leg.provision
    art = article_cited(p.article)
    victim, attacker = named_state(attack.victim, names), named_state(attack.attacker, names)
    if miss == "scope":
        tokens = rules.where.scope_of(p, attack.kind)
        where = at_place(attack.place, attack.victim, result.place_names, result.homes)
        return (f"{art} binds only for an attack in its scope ({attack.kind}: "
                f"{', '.join(tokens or ()) or 'none'}); the attack on {victim}{where} is outside it")
    if miss == "adversary":
        return f"{art} does not cover an attack by {attacker} (its adversary clause: {p.adversary.type})"
    if miss == "severity":
        return (f"{art} binds only for an incident of at least {_words(rules.threshold(p))}; this one is "
                f"{_words(attack.severity)}")
    if miss == "partner-attacks":
        return f"{art} binds when {named_state(leg.beneficiary, names)} is attacked, not when it attacks"
    attacked = [named_state(st, names) for st in dict.fromkeys(a.victim for a in attacks)
                if st in leg.parties]
    if attacked:  # a party is attacked, but no clause of those asked about is owed to it
        return (f"no clause of {treaty} that binds a party to fight{whom} is owed to {', '.join(attacked)}, "
                "the party attacked")
    attacking = [named_state(st, names) for st in result.sides["attack"] if st in leg.parties]
    on = f" ({', '.join(attacking)} on the attacking side)" if attacking else ""
    return f"no party of {treaty} is attacked{on}, and no clause of it binds a party to join a party's attack"
