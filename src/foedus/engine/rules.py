"""The cascade rules, all in one place: when does a leg bind, given one attack?

A leg is one provision of a treaty owed by `obligor` to `beneficiary` (`foedus.engine.table` compiles
them for a date, calling the functions below). Every engine reads what these functions decide: the
reference engine (`foedus.engine.cascade`) applies `evaluate` attack by attack; the vectorised engines
(`foedus.engine.fast`) build their matrices from `covers`, `Counterparts`, the static gates
(`withheld_by_switches`) and the victim gates (`VICTIM_GATES`), and take who strikes next from `STRIKES`.

Rules (legal reading):
- defense: binds when the beneficiary is the victim, the place is in the provision's scope, the
  attacker is an adversary the provision covers, and the gates are open.
- offense: binds when the beneficiary is the attacker and the victim is a covered adversary.
- neutrality: binds when the beneficiary is attacked (in scope, by a covered adversary), or also
  when it attacks if the provision says so (ATOP NEUCOATT = 0); the obligor must then stay out of
  the war against the beneficiary.
- nonaggression: broken when the obligor attacks the beneficiary.
- consultation: binds when the beneficiary is attacked or threatened (in scope).
Gates (`GATES`) then hold a triggered leg back, each with the reason it gives: some depend on the
scenario's switches alone (static), others on the victim during the cascade (non-provocation,
request). Adding a gate is one `Gate` here; see docs/adding-a-rule.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from foedus.engine.leg import Counterparts, Leg
from foedus.engine.scenario import Attack, Scenario
from foedus.model.places import Place
from foedus.model.treaty import Kind, Provision, Treaty

__all__ = [
    "GATES",
    "STRIKES",
    "VICTIM_GATES",
    "Gate",
    "Situation",
    "Strikes",
    "Verdict",
    "counterparts_of",
    "covers",
    "evaluate",
    "in_scope",
    "next_attacks",
    "register_gate",
    "token_matches",
    "unregister_gate",
    "withheld_by_switches",
]

_ADMIN = "administered-by:"


@dataclass(frozen=True, slots=True)
class Situation:
    """What the rules need at run time beyond the leg and the attack."""

    places: Mapping[str, Place]
    scenario: Scenario
    starters: frozenset[str]  # states on the attacking side (they started the war)
    asks: Callable[[str], bool]  # whether a state asks for request-gated help


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of one rule: `binds`, or not, with the reason when a gate stopped it."""

    binds: bool
    withheld: str | None = None


NO = Verdict(False)
YES = Verdict(True)


# --- where: scope tokens ---------------------------------------------------------------------------


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


def covers(leg: Leg, attack: Attack, places: Mapping[str, Place]) -> bool:
    """The place part of a leg's trigger: in scope for the kinds that protect a victim, always for offence
    and non-aggression (they follow the attacker, wherever it strikes)."""
    kind = leg.provision.kind
    if kind in (Kind.OFFENSE, Kind.NONAGGRESSION):
        return True
    if kind is Kind.NEUTRALITY and leg.beneficiary == attack.attacker:
        return True
    return in_scope(leg.provision, attack, places[attack.place])


# --- whom: the adversary condition -----------------------------------------------------------------


def counterparts_of(provision: Provision, members: frozenset[str]) -> Counterparts:
    """The adversary clause: any state, only the named states, or only non-members of the treaty."""
    cond = provision.adversary
    if cond.type == "named":
        return Counterparts(allow=frozenset(cond.states))
    if cond.type == "non_members":
        return Counterparts(deny=members)
    return Counterparts()


# --- gates -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gate:
    """A condition that holds a triggered leg back, with the reason it gives.

    `carried(provision, treaty)` says whether a leg carries the gate. A static gate (`victim=False`)
    is closed or open by the scenario's switches alone (`closed(leg, scenario)`); the vectorised
    engines then simply leave the leg out. A victim gate is open or closed per protected state (the
    leg's beneficiary: for defence, the victim) while the cascade runs (`open_for(state, situation)`),
    and the vectorised engines implement each one by name.
    """

    name: str
    carried: Callable[[Provision, Treaty], bool]
    reason: Callable[[Leg], str]  # why it is withheld
    closed: Callable[[Leg, Scenario], bool] = lambda leg, scenario: False
    open_for: Callable[[str, Situation], bool] | None = None  # victim gates: (the leg's beneficiary, situation)

    @property
    def victim(self) -> bool:
        """Whether the gate depends on the victim during the cascade (not on the switches alone)."""
        return self.open_for is not None


GATES: list[Gate] = [
    Gate("non_provocation",
         carried=lambda p, t: p.kind is Kind.DEFENSE and p.non_provocation,
         reason=lambda leg: f"{leg.beneficiary} started the war (non-provocation clause)",
         open_for=lambda state, s: state not in s.starters),
    Gate("request",
         carried=lambda p, t: p.request_gated,
         reason=lambda leg: f"help is request-gated and {leg.beneficiary} did not ask",
         open_for=lambda state, s: s.asks(state)),
    Gate("unresolved",
         carried=lambda p, t: bool(p.unresolved),
         reason=lambda leg: "unresolved ATOP condition(s) read as unmet: " + ", ".join(leg.provision.unresolved),
         closed=lambda leg, scenario: scenario.unresolved == "unmet"),
]
VICTIM_GATES = frozenset({"non_provocation", "request"})  # the victim gates the vectorised engines implement
GENERATION = [0]  # bumped whenever the gates change, so that compiled tables are rebuilt


def register_gate(gate: Gate) -> None:
    """Add a gate. A victim gate must be one the vectorised engines implement (`VICTIM_GATES`); a static
    gate needs nothing more: every engine leaves out the legs it closes."""
    if gate.victim and gate.name not in VICTIM_GATES:
        raise ValueError(f"victim gate {gate.name!r} is not implemented by the vectorised engines")
    if any(g.name == gate.name for g in GATES):
        raise ValueError(f"a gate named {gate.name!r} is already registered")
    GATES.append(gate)
    GENERATION[0] += 1


def unregister_gate(name: str) -> None:
    """Remove a gate added with `register_gate`."""
    GATES[:] = [g for g in GATES if g.name != name]
    GENERATION[0] += 1


def _gate(name: str) -> Gate:
    return next(g for g in GATES if g.name == name)


def withheld_by_switches(leg: Leg, scenario: Scenario) -> str | None:
    """The reason a static gate holds the leg back under the scenario's switches, or None."""
    for name in leg.gates:
        gate = _gate(name)
        if not gate.victim and gate.closed(leg, scenario):
            return gate.reason(leg)
    return None


# --- the trigger and the verdict -------------------------------------------------------------------


def _protects(leg: Leg, attack: Attack, places: Mapping[str, Place]) -> bool:
    return (leg.beneficiary == attack.victim and covers(leg, attack, places)
            and leg.counterparts.admits(attack.attacker))


def triggered(leg: Leg, attack: Attack, places: Mapping[str, Place]) -> bool:
    """The kind-specific trigger, before the gates."""
    kind = leg.provision.kind
    if kind is Kind.OFFENSE:
        return leg.beneficiary == attack.attacker and leg.counterparts.admits(attack.victim)
    if kind is Kind.NONAGGRESSION:
        return leg.obligor == attack.attacker and leg.beneficiary == attack.victim
    if kind is Kind.NEUTRALITY and leg.beneficiary == attack.attacker:
        return leg.provision.when_partner_attacks and leg.counterparts.admits(attack.victim)
    return _protects(leg, attack, places)


def evaluate(leg: Leg, attack: Attack, situation: Situation) -> Verdict:
    """Apply the rule for the leg's kind to one attack, then its gates in order."""
    if not triggered(leg, attack, situation.places):
        return NO
    if leg.provision.kind is Kind.NONAGGRESSION:
        return YES
    for name in leg.gates:
        gate = _gate(name)
        shut = (not gate.open_for(leg.beneficiary, situation) if gate.open_for is not None
                else gate.closed(leg, situation.scenario))
        if shut:
            return Verdict(False, gate.reason(leg))
    return YES


# --- who strikes next ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Strikes:
    """Which attacks the states that join bring into the war, by reading.

    legal: only states joining the attacking side strike, and only the original targets, where the
    opening attacks struck them; states that join the defence are not attacked, so they call in no
    allies of their own. escalatory: every belligerent strikes the home territory of every
    belligerent on the other side (the targets strike back from round 2 on, even if nobody joined).
    """

    defenders_strike: bool
    at_home: bool


STRIKES: dict[Literal["legal", "escalatory"], Strikes] = {
    "legal": Strikes(defenders_strike=False, at_home=False),
    "escalatory": Strikes(defenders_strike=True, at_home=True),
}


def next_attacks(reading: Literal["legal", "escalatory"], side_of: Mapping[str, str], joiners: Sequence[str],
                 opening: Sequence[Attack], home: Callable[[str], str], rnd: int) -> list[Attack]:
    """The attacks that this round's `joiners` bring into the war (the reference engine's form of `STRIKES`).

    legal: a state joining the attacking side strikes each original target where the opening attacks
    struck it. escalatory: every state on each side strikes the home territory of every state on the other.
    """
    if not STRIKES[reading].at_home:
        return [Attack(state, a.victim, a.place, a.kind, rnd)
                for state in joiners if side_of[state] == "attack"
                for a in opening if side_of.get(a.victim) == "defense"]
    attack_side = sorted(s for s, side in side_of.items() if side == "attack")
    defense_side = sorted(s for s, side in side_of.items() if side == "defense")
    out = [Attack(a, d, home(d), "territory", rnd) for a in attack_side for d in defense_side]
    return out + [Attack(d, a, home(a), "territory", rnd) for a in attack_side for d in defense_side]
