"""The cascade rules, all in one place: when does a provision bind, given one attack?

Each rule reads one directed leg (a provision owed by `obligor` to `beneficiary`) against one
attack (`attacker` strikes `victim`'s territory or forces at a place) and answers whether it
binds, and if not, why not. The fixed-point loop in `foedus.engine.cascade` only applies them.

Rules (legal reading):
- defense: binds when the beneficiary is the victim, the place is in the provision's scope,
  the attacker is an adversary the provision covers, the victim did not start the war (when the
  provision has a non-provocation clause), and the victim asks (when it is request-gated).
- offense: binds when the beneficiary is the attacker and the victim is a covered adversary.
- neutrality: binds when the beneficiary is attacked (in scope, by a covered adversary), or also
  when it attacks if the provision says so (ATOP NEUCOATT = 0); the obligor must then stay out of
  the war against the beneficiary.
- nonaggression: broken when the obligor attacks the beneficiary.
- consultation: binds when the beneficiary is attacked or threatened (in scope).
Gates on top: request-gated help needs the victim's request; a provision with conditions its
source flags but does not specify (ATOP `unresolved`) binds only if the scenario reads them as met.
"""

from __future__ import annotations

from dataclasses import dataclass

from foedus.engine.index import Leg, LegIndex
from foedus.engine.scenario import Attack
from foedus.model.places import Place
from foedus.model.treaty import Kind, Provision

__all__ = ["RuleContext", "Verdict", "evaluate", "in_scope", "token_matches"]

_ADMIN = "administered-by:"


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What the rules need beyond the leg and the attack."""

    places: dict[str, Place]
    index: LegIndex
    requested: bool
    unresolved_met: bool
    starters: frozenset[str]


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of one rule: `binds`, or not, with the reason when a gate stopped it."""

    binds: bool
    withheld: str | None = None


NO = Verdict(False)
YES = Verdict(True)


def token_matches(token: str, place: Place, victim: str) -> bool:
    """Whether a scope token covers `place`: a region id, place id, `home`, `overseas` (a place of the
    victim's that is not its home territory, outside Europe), `administered-by:X` (or `X|Y`: any of
    them), or `a+b` (all of them).

    >>> p = Place(id="guam", name="Guam", kind="territory", sovereign="USA", administrator="USA",
    ...           regions=["pacific-area"])
    >>> token_matches("pacific-area", p, "USA"), token_matches("home", p, "USA")
    (True, False)
    >>> token_matches("pacific-area+administered-by:KOR|USA", p, "KOR"), token_matches("overseas", p, "USA")
    (True, True)
    """
    if "+" in token:
        return all(token_matches(part, place, victim) for part in token.split("+"))
    if token == place.id or token in place.regions:
        return True
    if token == "home":
        return place.kind in ("home", "subnational") and victim in (place.sovereign, place.administrator)
    if token == "overseas":
        return place.kind != "home" and "europe" not in place.regions and victim in place.holders("claimant")
    if token.startswith(_ADMIN):
        return place.administrator in token.removeprefix(_ADMIN).split("|")
    return False


def in_scope(provision: Provision, attack: Attack, place: Place) -> bool:
    """Whether the attack's place and kind (territory or forces) fall in the provision's scope."""
    tokens = provision.scope.territory if attack.kind == "territory" else provision.scope.forces
    if tokens is None:
        return True
    return any(token_matches(t, place, attack.victim) for t in tokens)


def _adversary_ok(leg: Leg, adversary: str, ctx: RuleContext) -> bool:
    cond = leg.provision.adversary
    if cond.type == "named":
        return adversary in cond.states
    if cond.type == "non_members":
        return adversary not in ctx.index.members.get(leg.treaty.id, frozenset())
    return True


def _protects(leg: Leg, attack: Attack, ctx: RuleContext) -> bool:
    return (
        leg.beneficiary == attack.victim
        and in_scope(leg.provision, attack, ctx.places[attack.place])
        and _adversary_ok(leg, attack.attacker, ctx)
    )


def _triggered(leg: Leg, attack: Attack, ctx: RuleContext) -> bool:
    """The kind-specific trigger, before the gates."""
    kind = leg.provision.kind
    if kind is Kind.OFFENSE:
        return leg.beneficiary == attack.attacker and _adversary_ok(leg, attack.victim, ctx)
    if kind is Kind.NONAGGRESSION:
        return leg.obligor == attack.attacker and leg.beneficiary == attack.victim
    if kind is Kind.NEUTRALITY and leg.beneficiary == attack.attacker:
        return leg.provision.when_partner_attacks and _adversary_ok(leg, attack.victim, ctx)
    return _protects(leg, attack, ctx)


def evaluate(leg: Leg, attack: Attack, ctx: RuleContext) -> Verdict:
    """Apply the rule for the leg's kind to one attack, then the gates."""
    if not _triggered(leg, attack, ctx):
        return NO
    p = leg.provision
    if p.kind is Kind.NONAGGRESSION:
        return YES
    if p.kind is Kind.DEFENSE and p.non_provocation and attack.victim in ctx.starters:
        return Verdict(False, f"{attack.victim} started the war (non-provocation clause)")
    if p.request_gated and not ctx.requested:
        return Verdict(False, f"help is request-gated and {attack.victim} did not ask")
    if p.unresolved and not ctx.unresolved_met:
        return Verdict(False, f"unresolved ATOP condition(s) read as unmet: {', '.join(p.unresolved)}")
    return YES
