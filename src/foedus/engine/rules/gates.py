"""The gates: conditions that hold a triggered leg back, each with the reason it gives and the assumption a
leg that binds rests on. Adding a gate is one `Gate` here (docs/adding-a-rule.md)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from foedus.datarecord import dataclass
from foedus.engine.leg import Leg, instrument_of
from foedus.engine.rules import where
from foedus.engine.rules.gate_words import NON_MILITARY_SHOWN, non_military_assumes, non_military_reason
from foedus.engine.scenario import Scenario
from foedus.errors import RuleError
from foedus.model.vocab import Certainty, Kind
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.model.places import Place
    from foedus.model.treaty import Provision, Treaty

__all__ = ["GATES", "GENERATION", "STARTER_GATES", "VICTIM_GATES", "Gate", "Situation", "assumptions", "closed_gate",
           "closed_reason", "gate_doubt", "gate_named", "gate_reason", "gates_of", "gates_per_provision",
           "implemented_gates", "party_gates", "provision_gates", "register_gate", "unregister_gate", "victim_status",
           "void_for_starters", "withheld_by_switches"]


@dataclass(frozen=True, slots=True)
class Situation:
    """What the rules need at run time beyond the leg and the attack."""

    places: Mapping[str, Place]
    scenario: Scenario
    starters: frozenset[str]  # states on the attacking side (they started the war)
    asks: Callable[[str], bool]  # whether a state asks for request-gated help


@dataclass(frozen=True)
class Gate:
    """A condition that holds a triggered leg back.

    `carried(leg)` says whether a leg carries the gate (decided when the table is compiled). A static gate
    (`victim=False`) is closed or open by the scenario's switches alone (`closed(leg, scenario)`): the vectorised
    engines simply leave the legs it closes out. A victim gate is open or closed per protected state (the leg's
    beneficiary: for defence, the victim) while the cascade runs (`open_for(state, situation)`); the vectorised
    engines implement each one by name. `reason(leg, names)` says why a closed gate withholds the leg;
    `assumes(leg, names)`, what a leg that binds takes for granted (`names`: each state's name by its id, to name a
    state as "Russia (RUS)" with `foedus.wording.named_state`). `per_provision`: `carried` and `closed` read only the
    leg's treaty, its provision and whether the leg is suspended (and `closed` the switches), so the table and the
    batched rules decide them once per provision (a gate that reads the parties leaves it False). `worded`: the gate
    is the clause's wording, so how well that wording is known (`Provision.gates_certainty`) is said with its reason
    and assumption and counts for a leg it holds back (`gate_doubt`); a suspension, or a reading of the clause
    (`aggressor`), is not. A gate reads a leg only through what `foedus.engine.rules.alike.reading` keeps (a doubt
    whose legs read alike is not tested again). `shown(leg)`: what `foedus treaties show`'s gates column says of a
    provision whose legs carry a per-provision gate (`provision_gates`; None: its name; "": nothing). `switch`: for a
    static gate the defaults close, the switch that opens it (`Scenario` field, value; `verdict.switches_of`)."""

    name: str
    carried: Callable[[Leg], bool]
    reason: Callable[[Leg, Mapping[str, str]], str]
    closed: Callable[[Leg, Scenario], bool] = lambda leg, scenario: False
    open_for: Callable[[str, Situation], bool] | None = None
    assumes: Callable[[Leg, Mapping[str, str]], str] | None = None
    per_provision: bool = False
    worded: bool = True
    shown: Callable[[Leg], str] | None = None
    switch: tuple[str, str] | None = None

    @property
    def victim(self) -> bool:
        """Whether the gate depends on the victim during the cascade (not on the switches alone)."""
        return self.open_for is not None


_PROVOKED = frozenset({Kind.DEFENSE, Kind.NEUTRALITY})  # the kinds a non-provocation clause can void


def _protects_victims_only(leg: Leg) -> bool:
    """A neutrality clause that binds when the partner is attacked, not also when it attacks."""
    return leg.provision.kind is Kind.NEUTRALITY and not where.binds_when_partner_attacks(leg.provision)


GATES: list[Gate] = [
    # a member whose membership is suspended on the date, or a leg the treaty suspends (ANZUS USA -> NZL), or a party
    # that has left the state system by the date (`rules.system`: the GDR listed in a treaty of 2025)
    Gate("suspended", carried=lambda leg: leg.suspended is not None,
         reason=lambda leg, names: str(leg.suspended), closed=lambda leg, scenario: True, per_provision=True,
         worded=False),
    # "... unless the party attacked started the war" (ATOP conditions on provocation, DEFCONPR and NEUCONPR;
    # the US-ROK understanding): a defence or neutrality leg owed to a state on the attacking side does not bind
    Gate("non_provocation", carried=lambda leg: leg.provision.kind in _PROVOKED and leg.provision.non_provocation,
         reason=lambda leg, names: f"{named_state(leg.beneficiary, names)} started the war (non-provocation clause)",
         open_for=lambda state, s: state not in s.starters,
         assumes=lambda leg, names: f"non-provocation: {named_state(leg.beneficiary, names)} did not start the war",
         per_provision=True, shown=lambda leg: "non-provocation"),
    # a neutrality clause that binds when the partner is attacked, not when it attacks (ATOP NEUCOATT 1), protects a
    # victim: the escalatory reading's counter-strikes on the side that started the war do not set it off
    Gate("aggressor", carried=_protects_victims_only,
         reason=lambda leg, names: f"{named_state(leg.beneficiary, names)} is on the side that started the war (the "
                                   "clause protects a partner that is attacked, not one struck back)",
         open_for=lambda state, s: state not in s.starters, per_provision=True, worded=False,
         shown=lambda leg: ""),  # the trigger's reading, not a condition the clause states
    # "... at the request of the party attacked" (CSTO art. 4, Rio art. 3(2))
    Gate("request", carried=lambda leg: leg.provision.request_gated,
         reason=lambda leg, names: f"help is request-gated and {named_state(leg.beneficiary, names)} did not ask",
         open_for=lambda state, s: s.asks(state),
         assumes=lambda leg, names: f"request-gated: assumes {named_state(leg.beneficiary, names)} asks for help",
         per_provision=True, shown=lambda leg: "request-gated"),
    # conditions ATOP flags without saying what they are (location, conflict, number, demand, adversary)
    Gate("unresolved", carried=lambda leg: bool(leg.provision.unresolved),
         reason=lambda leg, names: "unresolved ATOP condition(s) read as unmet: " + ", ".join(leg.provision.unresolved),
         closed=lambda leg, scenario: scenario.unresolved == "unmet",
         assumes=lambda leg, names: "unresolved ATOP condition(s) read as met: " + ", ".join(leg.provision.unresolved),
         per_provision=True, shown=lambda leg: "unresolved ATOP condition(s): " + ", ".join(leg.provision.unresolved)),
    # a decision the clause needs first (SADC Summit authorisation, France-Greece joint determination)
    Gate("decision", carried=lambda leg: bool(leg.provision.needs_decision),
         reason=lambda leg, names: f"it needs {leg.provision.needs_decision}, read as not taken",
         closed=lambda leg, scenario: scenario.decisions == "not-taken",
         assumes=lambda leg, names: f"assumes the decision it needs is taken: {leg.provision.needs_decision}",
         per_provision=True, shown=lambda leg: f"needs {leg.provision.needs_decision}"),
    Gate("non_military", carried=lambda leg: bool(leg.provision.non_military), reason=non_military_reason,
         closed=lambda leg, scenario: scenario.non_military == "withheld", assumes=non_military_assumes,
         per_provision=True, shown=lambda leg: NON_MILITARY_SHOWN, switch=("non_military", "bound")),
]
# the victim gates the vectorised engines implement, each by name, in the form they give it: whether the gate is open
# for a state (started the war, asks for help) and that form in words (`implemented_gates` checks `open_for` by it)
_STARTERS_OUT: tuple[Callable[[bool, bool], bool], str] = (
    lambda started, asks: not started, "closed exactly for a state on the side that started the war")
_FORMS: dict[str, tuple[Callable[[bool, bool], bool], str]] = {
    "non_provocation": _STARTERS_OUT, "aggressor": _STARTERS_OUT,
    "request": (lambda started, asks: asks, "open exactly for a state that asks for help"),
}
VICTIM_GATES = frozenset(_FORMS)  # the ones the vectorised engines implement
STARTER_GATES = frozenset({"non_provocation", "aggressor"})  # closed for a state on the side that started the war
GENERATION = [0]  # bumped whenever the gates change, so that compiled tables are rebuilt


def _unknown_victim_gate(name: str) -> RuleError:
    """The refusal of a victim gate the vectorised engines do not implement (`register_gate`, `implemented_gates`)."""
    return RuleError(f"the victim gate {name} (foedus.engine.rules.gates) is not one the vectorised engines implement "
                     f"({', '.join(sorted(_FORMS))}): change the engines too")


def register_gate(gate: Gate) -> None:
    """Add a gate. A victim gate must be one the vectorised engines implement (`VICTIM_GATES`), else a RuleError (as
    for a name a registered gate has); a static gate needs nothing more: every engine leaves out the legs it closes."""
    if gate.victim and gate.name not in VICTIM_GATES:
        raise _unknown_victim_gate(gate.name)
    if any(g.name == gate.name for g in GATES):
        raise RuleError(f"a gate named {gate.name} is already registered (foedus.engine.rules.gates): unregister it "
                        "first, or give the new one another name")
    GATES.append(gate)
    GENERATION[0] += 1


_ASKS: dict[bool, Callable[[str], bool]] = {True: lambda state: True, False: lambda state: False}  # every state asks


def implemented_gates(scenario: Scenario) -> None:
    """Check that every victim gate in force is one the vectorised engines implement, in the form they give it
    (`_FORMS`: each gate's `open_for` asked of a state that did or did not start the war and does or does not ask, under
    `scenario`), and that none they treat by name as a victim gate is a static one; each vectorised engine asks it once
    per compile (the reference engine reads `open_for` itself).

    Raises:
        RuleError: a gate the vectorised engines would read otherwise than the rule says.
    """
    for gate in GATES:
        form = _FORMS.get(gate.name)
        if gate.open_for is None:
            if form is not None:
                raise RuleError(f"the gate {gate.name} (foedus.engine.rules.gates) is static, but the vectorised "
                                f"engines implement it as a victim gate {form[1]}: change the engines too")
            continue
        if form is None:
            raise _unknown_victim_gate(gate.name)
        for started, asks in itertools.product((False, True), repeat=2):
            probe = Situation({}, scenario, frozenset({"_"}) if started else frozenset(), _ASKS[asks])
            if bool(gate.open_for("_", probe)) != (meant := form[0](started, asks)):
                raise RuleError(
                    f"the victim gate {gate.name} (foedus.engine.rules.gates) is {'closed' if meant else 'open'} for "
                    f"a state that {'started' if started else 'did not start'} the war and "
                    f"{'asks' if asks else 'does not ask'} for help, but the vectorised engines implement it as "
                    f"{form[1]}: change the engines too")


def unregister_gate(name: str) -> None:
    """Remove a gate added with `register_gate`."""
    GATES[:] = [g for g in GATES if g.name != name]
    GENERATION[0] += 1


def gate_named(name: str) -> Gate:
    """The registered gate with this name."""
    return next(g for g in GATES if g.name == name)


def provision_gates(treaty: Treaty, provision: Provision) -> list[str]:
    """What `foedus treaties show` says of a provision's gates: each per-provision gate its legs carry (a leg not
    suspended: a suspension is a member's, shown with the members), in its words (`Gate.shown`), in `GATES`' order (a
    gate that reads the parties is said apart, with the obligors it holds back: `party_gates`)."""
    leg = Leg("", "", treaty, provision, instrument_of(treaty, "", ""))
    said = ((g.name if g.shown is None else g.shown(leg)) for g in GATES if g.per_provision and g.carried(leg))
    return [words for words in said if words]


def party_gates(treaty: Treaty, provision: Provision) -> dict[str, list[str]]:
    """What `foedus treaties show` says of the gates that read the parties (not `Gate.per_provision`) on a provision:
    each one some leg between its members carries (a leg not suspended, as in `provision_gates`), in its words
    (`Gate.shown`), with the obligors of the legs that carry it, in `GATES`' order."""
    if gates_per_provision():
        return {}
    found: dict[str, set[str]] = {}
    members = frozenset(m.state for m in treaty.members)
    legs = [Leg(o, b, treaty, provision, instrument_of(treaty, o, b), parties=members) for o in sorted(members)
            for b in sorted(members) if o != b and (provision.obligors is None or o in provision.obligors)
            and (provision.beneficiaries is None or b in provision.beneficiaries)]
    for gate in (g for g in GATES if not g.per_provision):
        for leg in (leg for leg in legs if gate.carried(leg)):
            if words := gate.name if gate.shown is None else gate.shown(leg):
                found.setdefault(words, set()).add(leg.obligor)
    return {words: sorted(obligors) for words, obligors in found.items()}


def void_for_starters(leg: Leg) -> bool:
    """Whether the leg does not bind for a state it is owed to on the side that started the war (the vectorised
    engines' form of the gates in `STARTER_GATES`)."""
    return any(name in STARTER_GATES for name in leg.gates)


def gates_of(leg: Leg) -> tuple[str, ...]:
    """The names of the gates a leg carries (the table compiles them into `leg.gates`)."""
    return tuple(g.name for g in GATES if g.carried(leg))


def gates_per_provision() -> bool:
    """Whether every registered gate is decided once per provision (`Gate.per_provision`)."""
    return all(g.per_provision for g in GATES)


def victim_status(state: str, situation: Situation) -> tuple[bool, bool]:
    """What the victim gates read of the situation for the state a leg protects: whether it started the war,
    and whether it asks for help. A leg's verdict depends on the situation only through this (the reference
    engine evaluates each leg once per status)."""
    return state in situation.starters, situation.asks(state)


def gate_doubt(leg: Leg, gate: str) -> Certainty | None:
    """How well the named gate is known on this leg where that is less than verified: the certainty of the clause's
    wording (`Provision.gates_certainty`) for a gate that is that wording (`Gate.worded`), else None."""
    c = leg.provision.gates_certainty
    return None if c is Certainty.VERIFIED or not gate_named(gate).worded else c


def _doubt(leg: Leg, gate: str) -> str:
    """A note when the gate's own wording is not verified, in words a reader new to the engine follows, as the
    priority clause's doubt is said (`foedus.engine.set_aside`): "(the clause's wording of this condition: known
    from secondary reporting only)"."""
    if (c := gate_doubt(leg, gate)) is None:
        return ""
    from foedus.engine.certainty_words import how_known  # read by a cascade, not by the world's build (its cache key)

    return f" (the clause's wording of this condition: {how_known(c)})"


def gate_reason(leg: Leg, gate: str, names: Mapping[str, str]) -> str:
    """The reason the named gate gives when it holds the leg back, with its doubt (`gate_doubt`); `names` name the
    states (`Gate`)."""
    return gate_named(gate).reason(leg, names) + _doubt(leg, gate)


def closed_gate(leg: Leg, situation: Situation) -> str | None:
    """The name of the first gate the leg carries that is closed, or None when every one is open."""
    for name in leg.gates:
        gate = gate_named(name)
        if (not gate.open_for(leg.beneficiary, situation) if gate.open_for is not None
                else gate.closed(leg, situation.scenario)):
            return name
    return None


def closed_reason(leg: Leg, situation: Situation, names: Mapping[str, str]) -> str | None:
    """The reason the first closed gate gives (`gate_reason`), or None when every gate the leg carries is open."""
    return None if (gate := closed_gate(leg, situation)) is None else gate_reason(leg, gate, names)


def assumptions(leg: Leg, names: Mapping[str, str]) -> list[str]:
    """What a leg that binds takes for granted, gate by gate (`names` name the states: `Gate`)."""
    return [a(leg, names) + _doubt(leg, n) for n in leg.gates if (a := gate_named(n).assumes) is not None]


def withheld_by_switches(leg: Leg, scenario: Scenario) -> str | None:
    """The name of the static gate that holds the leg back under the scenario's switches, or None (its reason is
    `gate_reason`'s, made only where a withheld leg is reported)."""
    for name in leg.gates:
        gate = gate_named(name)
        if not gate.victim and gate.closed(leg, scenario):
            return name
    return None
