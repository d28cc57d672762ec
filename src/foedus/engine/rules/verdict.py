"""The trigger of each kind of obligation, how severe an incident must be to set it off, and the verdict.

Severity (docs/severity.md): an opening incident is an armed attack, an incursion (drones or aircraft
in the airspace, a brief strike across a border) or coercion (water cannon, boarding, blockade short
of force). A clause binds when the incident reaches its trigger's threshold:

| trigger (fact sheet vocabulary) | armed-attack | incursion | coercion |
|---|---|---|---|
| armed attack (NATO 5, US Pacific treaties) | binds | — | — |
| armed attack putting the party in a state of war (Russia–DPRK 4, China–DPRK II) | binds | — | — |
| armed aggression (EU 42(7), France–Germany 4(1), CSTO 4 as amended in 2010) | binds | — | — |
| aggression (CSTO 4 as signed, Arab League 2, Rio 3/6): wording covering acts short of one | binds | binds | — |
| threat (consultation clauses: NATO 4, US–Japan IV; guarantees against a threat: US COFA) | binds | binds | binds |

Offence and neutrality clauses concern a war, so they need an armed attack; a non-aggression pact is
broken by an incursion or worse. Every attack that joiners bring into the war is an armed attack.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from foedus.cited import article_cited
from foedus.datarecord import dataclass
from foedus.engine.leg import Leg
from foedus.engine.rules import where
from foedus.engine.rules.gates import Situation, assumptions, closed_gate, gate_named
from foedus.engine.rules.where import covers
from foedus.engine.scenario import SEVERITIES, Attack, Severity
from foedus.model.vocab import Kind, Trigger
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.model.places import Place
    from foedus.model.treaty import Provision

__all__ = ["THRESHOLDS", "UNMET", "Unmet", "Verdict", "attacker_role", "binds_against", "binds_on", "conditions",
           "evaluate", "severe_enough", "spares_own_attack", "switches_of", "threshold", "unmet"]

RANK = {s: i for i, s in enumerate(SEVERITIES)}
# the kinds as module names: a read of `Kind.X` goes through the enum type's `__getattr__` hook (Python 3.11),
# which the interpreter does not specialise; a module global's read it does (docs/performance.md, session 36)
_OFFENSE, _NONAGGRESSION, _NEUTRALITY = Kind.OFFENSE, Kind.NONAGGRESSION, Kind.NEUTRALITY
_WAR_KINDS = (_OFFENSE, _NEUTRALITY)
_STATE_OF_WAR = Trigger.ARMED_ATTACK_STATE_OF_WAR
THRESHOLDS: dict[Trigger, Severity] = {
    Trigger.ARMED_ATTACK: "armed-attack",
    Trigger.ARMED_ATTACK_STATE_OF_WAR: "armed-attack",
    Trigger.ARMED_AGGRESSION: "armed-attack",
    Trigger.AGGRESSION: "incursion",
    Trigger.THREAT: "coercion",
}


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of one rule: `binds`, or not, with the name of the gate when a gate stopped it (its reason:
    `gate_reason`, made only where a withheld leg is reported)."""

    binds: bool
    gate: str | None = None


NO = Verdict(False)
YES = Verdict(True)


def threshold(provision: Provision) -> Severity:
    """The least severe incident that sets the provision off (see the module docstring)."""
    if provision.kind in _WAR_KINDS:
        return "armed-attack"
    if provision.kind is _NONAGGRESSION:
        return "incursion"
    return THRESHOLDS[provision.trigger]


def severe_enough(leg: Leg, attack: Attack) -> bool:
    """Whether the attack is severe enough for the leg's trigger."""
    return RANK[attack.severity] >= RANK[threshold(leg.provision)]


# why a leg's trigger is not met by an attack (`unmet`): the first part of it the attack misses
Unmet = Literal["severity", "not-owed", "partner-attacks", "scope", "adversary"]
UNMET: dict[str, str] = {
    "severity": "the incident is below the clause's trigger",
    "not-owed": "the clause is not owed to a state in the attack's role (its victim; for offence, its attacker)",
    "partner-attacks": "the clause binds when its partner is attacked, not when it attacks",
    "scope": "the attack's place is outside the clause's scope",
    "adversary": "the clause's adversary clause does not cover the other party to the attack",
}


def unmet(leg: Leg, attack: Attack, places: Mapping[str, Place]) -> Unmet | None:
    """The kind-specific trigger, before the gates: None where the attack sets the leg off, else the first part of
    the trigger it misses (`UNMET` says each in words), read in the order the rule reads them."""
    if not severe_enough(leg, attack):
        return "severity"
    kind = leg.provision.kind
    if kind is _OFFENSE:
        if leg.beneficiary != attack.attacker:
            return "not-owed"
        return None if leg.counterparts.admits(attack.victim) else "adversary"
    if kind is _NONAGGRESSION:
        return None if leg.obligor == attack.attacker and leg.beneficiary == attack.victim else "not-owed"
    if kind is _NEUTRALITY and leg.beneficiary == attack.attacker:
        if not where.binds_when_partner_attacks(leg.provision):
            return "partner-attacks"
        return None if leg.counterparts.admits(attack.victim) else "adversary"
    if leg.beneficiary != attack.victim:
        return "not-owed"
    if not covers(leg, attack, places):
        return "scope"
    return None if leg.counterparts.admits(attack.attacker) else "adversary"


def evaluate(leg: Leg, attack: Attack, situation: Situation) -> Verdict:
    """Apply the rule for the leg's kind to one attack, then its gates in order."""
    if unmet(leg, attack, situation.places) is not None:  # the trigger, before the gates
        return NO
    if leg.provision.kind is _NONAGGRESSION:  # no gate but a suspension: a suspended member neither owes nor is owed
        return YES if leg.suspended is None else Verdict(False, "suspended")
    gate = closed_gate(leg, situation)
    return YES if gate is None else Verdict(False, gate)


def attacker_role(leg: Leg) -> Literal["counterpart", "obligor"]:
    """How a leg owed to an attack's victim reads the attacker: only through its adversary clause
    (`leg.counterparts.admits(attacker)`), or, for non-aggression, whether the attacker is its own obligor.

    Beyond that, `evaluate` reads the attack's victim, place, kind and severity, the scenario's switches and the
    victim gates' status of the leg's beneficiary (`victim_status`); a leg owed to the attacker (offence,
    neutrality when a partner attacks) reads the victim only through its adversary clause. So the attacks of a
    volley that a leg admits all get the same verdict: the reference engine evaluates each leg once per volley
    (`foedus.engine.rules.strikes.Volley`). tests/test_rule_facts.py checks that this holds.
    """
    return "obligor" if leg.provision.kind is _NONAGGRESSION else "counterpart"


def spares_own_attack(leg: Leg) -> bool:
    """Whether a leg spares its obligor where the obligor is the attack's counterpart (the other party than the state
    the leg is owed to): a leg never binds its obligor against itself.

    A leg owed to an attack's victim reads the attacker as its counterpart: it never binds its obligor against the
    obligor's own attack. A defence leg does not bind O to defend V when O is V's attacker; a neutrality leg owed to V
    whose obligor attacks V is broken (a violation), not a duty to stay out. A leg owed to the attacker (offence;
    neutrality that binds when the partner attacks) reads the victim as its counterpart: it never binds its obligor
    on an attack on the obligor itself, even where its adversary clause names the obligor. An offence leg does not
    bind O to join A's attack on O, and a neutrality leg owed to A does not bind O to stay out of A's attack on O
    (O is at war with A already: the attack is not a war O could join or stay out of); the leg's other attacks
    still bind O. Non-aggression reads the opposite way (`attacker_role`: its obligor's attack is the one that
    breaks it).

    The rule in the form every engine reads, per leg (`binds_against` for one counterpart): the reference binder
    passes over the obligor's attacks of a volley, or records them as violations, and the volleys on the obligor of
    the legs owed to their attacker; the Monte Carlo's potential graph and home legs leave the obligor out of the
    enemies they count; the batched engine's compiler clears the obligor from a limited leg's counterpart mask
    (`foedus.engine.fast.compiler`), which its rounds, escalatory products, packed words and closures read; the war
    replay's casus foederis leave the obligor's own attacks, and attacks on it, out. A leg that admits any
    counterpart needs nothing more in the batched engine: another counterpart it admits (an original party) is
    always struck by, or strikes, the state it is owed to wherever its obligor is. Engines look it up here when
    called (`verdict.spares_own_attack`), so that changing the rule changes them all
    (tests/test_own_attack_rule_engines.py)."""
    return attacker_role(leg) == "counterpart"


def binds_against(leg: Leg, counterpart: str) -> bool:
    """Whether a leg that reads the attack's counterpart through its adversary clause (every kind but non-aggression)
    binds its obligor against `counterpart` (the attacker, for a leg owed to the victim; the victim, for a leg owed to
    the attacker): its adversary clause admits it, and it is not the leg's own obligor (`spares_own_attack`)."""
    return leg.counterparts.admits(counterpart) and (counterpart != leg.obligor or not spares_own_attack(leg))


def binds_on(leg: Leg, attack: Attack) -> bool:
    """`binds_against` the attack's counterpart for this leg: its attacker for a leg owed to its victim, its victim for
    a leg owed to its attacker."""
    return binds_against(leg, attack.attacker if leg.beneficiary == attack.victim else attack.victim)


def conditions(leg: Leg, attack: Attack, names: Mapping[str, str], place: str | None = None) -> list[str]:
    """What a leg that binds on this attack takes for granted: its trigger's reading, its gates, its scope (`names`
    name the states, `foedus.wording.named_state`; `place` the attacked place, by name: `foedus.place_words`)."""
    p = leg.provision
    out = assumptions(leg, names)
    if p.trigger is _STATE_OF_WAR:
        out.append(f"assumes the attack puts {named_state(attack.victim, names)} in a state of war")
    if attack.severity != "armed-attack":
        out.append(f"reads the {attack.severity} as {p.trigger.value.replace('_', ' ')}: the clause's wording "
                   "covers acts short of an armed attack")
    if where.scope_of(p, attack.kind) is not None:  # the article that defines the area: NATO's Art. 6, not 5
        out.append(f"{place or attack.place} is within the scope of {article_cited(p.scope.article or p.article)}")
    if leg.treaty.origin == "atop":
        out.append("ATOP dates membership from signature")
    return out


def switches_of(leg: Leg) -> tuple[tuple[str, str], ...]:
    """The switches a leg that binds binds only by, each as its `Scenario` field and value (`Gate.switch` of each gate
    it carries that the default switches close: `("non_military", "bound")`); an obligation carries them
    (`Obligation.switches`), and `foedus compare` says them (`rests_on_switch`), not matching words."""
    return tuple(s for n in leg.gates if (s := gate_named(n).switch) is not None)
