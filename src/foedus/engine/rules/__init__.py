"""The cascade rules, all in one place: when does a leg bind, given one attack?

A leg is one provision of a treaty owed by `obligor` to `beneficiary` (`foedus.engine.table` compiles
them for a date, calling the functions here). Every engine reads what these rules decide: the reference
engine (`foedus.engine.cascade`) applies `evaluate` attack by attack; the vectorised engines
(`foedus.engine.fast`) build their matrices from `covers`, the legs' `counterparts`, the static gates
(`withheld_by_switches`) and the victim gates (`VICTIM_GATES`, in the forms `implemented_gates` checks), less a
leg's own obligor as its counterpart (`spares_own_attack`), take who strikes next from `STRIKES`, and exclude whom
`conflict` says is conflicted.

- `where`: scope tokens (`token_matches`, kept in `tokens`, which the treaty loader reads too; `scope_of`, the
  scope an attack of each kind is read against; `in_scope`,
  `covers`), the adversary clause (`counterparts_of`) and whether a neutrality clause binds when its partner
  attacks (`binds_when_partner_attacks`, kept in `partner`, which the treaty loader reads too).
- `verdict`: the trigger of each kind (`unmet`: which part of it an attack misses), how severe an incident must be
  (`threshold`), `evaluate`, the
  `conditions` a binding leg rests on, and which counterparts a leg binds against (`binds_against`: the attacker
  for a leg owed to the victim, the victim for one owed to the attacker): those its adversary clause admits, never
  its own obligor (`spares_own_attack`: a leg never binds its obligor against itself).
  - defense: binds when the beneficiary is the victim, the place is in scope, the attacker is an
    adversary the provision covers, the incident is severe enough, and the gates are open; never against
    the obligor's own attack (`spares_own_attack`).
  - offense: binds when the beneficiary is the attacker and the victim is a covered adversary; never on an
    attack on the obligor itself (`spares_own_attack`).
  - neutrality: binds when the beneficiary is attacked (in scope, by a covered adversary), or also when
    it attacks if the provision says so (ATOP NEUCOATT = 0): the obligor must stay out against it. A clause
    that binds only when the beneficiary is attacked does not bind for a beneficiary on the side that started
    the war (gate `aggressor`: a counter-strike on it is not the attack the clause means). The obligor's own
    attack on the beneficiary breaks the clause (a violation) and binds it to nothing; the beneficiary's attack
    on the obligor binds it to nothing either (`spares_own_attack`).
  - nonaggression: broken when the obligor attacks the beneficiary.
  - consultation: binds when the beneficiary is attacked or threatened (in scope).
- `precedence`: a treaty's priority clause makes a party's duty not to fight the other party prevail: the table
  compiles the party's other defence and offence legs without that party among their counterparts (`narrowed`), so
  every engine reads it through `binds_against`. A state bound to a side by a third state's attack while the
  protected state fights on the other side is excluded, and stays out by precedence (`stays_out`) unless its duties
  that do not prevail (`prevails`) also bar that side: only then is it a conflict.
- `system`: a party that has left the state system by the day (the GDR in 2025) is no party then, neither bound nor
  owed a duty: the table compiles its legs as a suspended member's (`suspended` gate), with its system dates as the
  reason.
- `gates`: what holds a triggered leg back (suspension, non-provocation, request, unresolved ATOP
  conditions, a decision the clause needs), each with its reason and assumption. Adding a gate is one
  `Gate` there (docs/adding-a-rule.md).
- `conflict`: which state is conflicted (`conflicted`: bound to both sides, or to a side it is barred from by a
  neutrality duty owed to a state on the other side), in the reference engine's form and compiled for the vectorised
  ones (`compiled`, `barred`, `masks`), and the policy: excluded from both sides (`EXCLUDED`), and a fighting state
  that becomes conflicted makes the run resume from the round it joined in (`LATE_RESUMES`), every state conflicted
  in a round excluded together, whatever their ids (`SIMULTANEOUS`): the policy every engine's loop implements, which
  `policy` checks (a flag turned off is refused, not ignored).
- `strikes`: who strikes next in each reading, and no strikes below an armed attack.
- `support`: who is bound to support a belligerent without being bound to fight.
- `consult_limit`: a consultation clause a place limit cuts (US–Japan Art. IV for the US outside the Far East), said
  not owed; `place_limit` says such a limit, and its extent's doubt, in words.
- `alike`: what the rules read of a leg to decide whom it binds, but for its citation (`reading`): legs that read
  alike bind alike, so a doubt that only adds such legs needs no second cascade (`foedus.engine.doubt_reach`).
"""

from foedus.engine.rules import alike, conflict, precedence, system
from foedus.engine.rules.consult_limit import UnreachedConsultation, unreached_consultations
from foedus.engine.rules.gates import (
    GATES,
    GENERATION,
    STARTER_GATES,
    VICTIM_GATES,
    Gate,
    Situation,
    assumptions,
    closed_gate,
    closed_reason,
    gate_doubt,
    gate_named,
    gate_reason,
    gates_of,
    gates_per_provision,
    implemented_gates,
    register_gate,
    unregister_gate,
    victim_status,
    void_for_starters,
    withheld_by_switches,
)
from foedus.engine.rules.strikes import STRIKES, Strikes, Volley, is_war, next_attacks, next_volleys, volleys_of
from foedus.engine.rules.support import (
    Support,
    SupportLeg,
    Unreached,
    owed_support,
    recipients,
    support_legs,
    supporters,
    unreached_records,
)
from foedus.engine.rules.verdict import (
    THRESHOLDS,
    UNMET,
    Unmet,
    Verdict,
    attacker_role,
    binds_against,
    conditions,
    evaluate,
    severe_enough,
    spares_own_attack,
    switches_of,
    threshold,
    unmet,
)
from foedus.engine.rules.where import binds_when_partner_attacks, counterparts_of, covers, in_scope, token_matches

__all__ = [
    "GATES",
    "GENERATION",
    "STARTER_GATES",
    "STRIKES",
    "THRESHOLDS",
    "UNMET",
    "VICTIM_GATES",
    "Gate",
    "Situation",
    "Strikes",
    "Support",
    "SupportLeg",
    "Unmet",
    "Unreached",
    "UnreachedConsultation",
    "Verdict",
    "Volley",
    "alike",
    "assumptions",
    "attacker_role",
    "binds_against",
    "binds_when_partner_attacks",
    "closed_gate",
    "closed_reason",
    "conditions",
    "conflict",
    "counterparts_of",
    "covers",
    "evaluate",
    "gate_doubt",
    "gate_named",
    "gate_reason",
    "gates_of",
    "gates_per_provision",
    "implemented_gates",
    "in_scope",
    "is_war",
    "next_attacks",
    "next_volleys",
    "owed_support",
    "precedence",
    "recipients",
    "register_gate",
    "severe_enough",
    "spares_own_attack",
    "support_legs",
    "supporters",
    "switches_of",
    "system",
    "threshold",
    "token_matches",
    "unmet",
    "unreached_consultations",
    "unreached_records",
    "unregister_gate",
    "victim_status",
    "void_for_starters",
    "volleys_of",
    "withheld_by_switches",
]
