"""Scenario input: who attacks whom, where, when, and under which reading — checked and resolved.

Everything a user types is validated here, so the cascade itself works on clean ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from foedus.engine.contract import meta
from foedus.errors import DateOutOfRangeError, ScenarioError
from foedus.model.places import Place
from foedus.model.world import World

__all__ = [
    "EARLIEST",
    "SEVERITIES",
    "Attack",
    "Basis",
    "Reading",
    "Scenario",
    "Severity",
    "TargetKind",
    "TerritoryView",
    "UnresolvedReading",
    "build_scenario",
    "parse_date",
    "switches",
]

Reading = Literal["legal", "escalatory"]
TargetKind = Literal["territory", "forces"]
TerritoryView = Literal["recognized", "claimant"]
Basis = Literal["in-force", "signed"]
UnresolvedReading = Literal["met", "unmet"]
Severity = Literal["armed-attack", "incursion", "coercion"]
SEVERITIES: tuple[Severity, ...] = ("coercion", "incursion", "armed-attack")  # weakest first

EARLIEST = dt.date(1815, 1, 1)
LATEST = dt.date(2100, 12, 31)


@dataclass(frozen=True, slots=True)
class Attack:
    """One attack: `attacker` strikes `victim` (its territory or its forces) at `place`, with a severity
    (an armed attack unless the scenario's opening incident is below one)."""

    attacker: str
    victim: str
    place: str
    kind: TargetKind
    round: int = field(default=0, compare=False)
    severity: Severity = "armed-attack"


@dataclass(frozen=True, slots=True)
class Scenario:
    """A resolved scenario: ids only, every input already checked."""

    date: dt.date = field(metadata=meta("date of the opening attack", "string", stable=True))
    attackers: tuple[str, ...] = field(metadata=meta(
        "original attackers (ISO3; COW<n> for historical states without one)", "string[]", stable=True))
    targets: tuple[str, ...] = field(metadata=meta("original targets", "string[]", stable=True))
    place: str = field(metadata=meta("where the first target is attacked (place id)", "string", stable=True))
    target_kind: TargetKind = field(default="territory", metadata=meta("territory or forces", "string"))
    reading: Reading = field(default="legal", metadata=meta("legal or escalatory", '"legal" | "escalatory"',
                                                            stable=True))
    requested: bool = field(default=True, metadata=meta("whether victims ask for request-gated help", "boolean"))
    basis: Basis = field(default="in-force", metadata=meta("membership by entry into force or by signature",
                                                           "string"))
    territory_view: TerritoryView = field(default="recognized", metadata=meta(
        "how contested places are read: recognized or claimant", "string"))
    unresolved: UnresolvedReading = field(default="met", metadata=meta(
        "how ATOP's unspecified conditions are read: met or unmet", "string", key="unresolved_read_as"))
    severity: Severity = field(default="armed-attack", metadata=meta(
        "what the opening incident is: armed-attack, incursion or coercion (docs/severity.md)", "string"))
    ongoing_since: dt.date | None = field(default=None, metadata=meta(
        "the attacks are ongoing since this date (treaty changes since then bind)", "string | null"))
    attacks: tuple[Attack, ...] = ()


def switches(date: dt.date, *, requested: bool = True, basis: Basis = "in-force",
             unresolved: UnresolvedReading = "met", reading: Reading = "legal") -> Scenario:
    """A scenario with no parties yet: the switches that compile the rules for every dyad of a date."""
    return Scenario(date=date, attackers=(), targets=(), place="", reading=reading, requested=requested,
                    basis=basis, unresolved=unresolved)


def parse_date(value: str | dt.date) -> dt.date:
    """Parse YYYY-MM-DD and check it lies in 1815-01-01 .. 2100-12-31.

    >>> parse_date("2025-01-15")
    datetime.date(2025, 1, 15)

    Raises:
        DateOutOfRangeError: malformed, impossible (2025-02-30) or out-of-range date.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        text = str(value).strip()
        try:
            value = dt.date.fromisoformat(text)
        except ValueError as exc:
            raise DateOutOfRangeError(f"invalid date {text!r}: {exc} (expected YYYY-MM-DD)") from None
    if not EARLIEST <= value <= LATEST:
        raise DateOutOfRangeError(
            f"date {value} is outside the range foedus covers ({EARLIEST} to {LATEST})"
        )
    return value


def _as_list(value: str | int | list[str] | tuple[str, ...]) -> list[str]:
    if isinstance(value, str | int):
        return [str(value)]
    return [str(v) for v in value]


def build_scenario(  # noqa: PLR0913
    world: World,
    *,
    attacker: str | list[str] | tuple[str, ...],
    target: str | list[str] | tuple[str, ...],
    date: str | dt.date,
    place: str | None = None,
    target_kind: TargetKind = "territory",
    reading: Reading = "legal",
    requested: bool = True,
    basis: Basis = "in-force",
    territory_view: TerritoryView = "recognized",
    unresolved: UnresolvedReading = "met",
    severity: Severity = "armed-attack",
    ongoing_since: str | dt.date | None = None,
) -> Scenario:
    """Resolve and check a scenario.

    Raises:
        UnknownStateError, AmbiguousNameError, UnknownPlaceError, DateOutOfRangeError, ScenarioError.
    """
    day = parse_date(date)
    _check_choice("target kind", target_kind, ("territory", "forces"))
    _check_choice("reading", reading, ("legal", "escalatory"))
    _check_choice("membership basis", basis, ("in-force", "signed"))
    _check_choice("territory view", territory_view, ("recognized", "claimant"))
    _check_choice("reading of unresolved conditions", unresolved, ("met", "unmet"))
    _check_choice("severity", severity, SEVERITIES)
    since = parse_date(ongoing_since) if ongoing_since is not None else None
    if since is not None and since > day:
        raise ScenarioError(f"the attacks cannot be ongoing since {since}, after the scenario date {day}")
    attackers = _resolve_states(world, _as_list(attacker), day, "attacker")
    targets = _resolve_states(world, _as_list(target), day, "target")
    both = sorted(set(attackers) & set(targets))
    if both:
        raise ScenarioError(f"{', '.join(both)} cannot be both attacker and target")
    dated = world.places.on(day)  # places as held on the scenario date
    chosen = dated[world.places.resolve(place, world.states, day).id] if place else None
    attacks: list[Attack] = []
    for victim in targets:
        where = chosen or world.places.home(victim, day)
        if target_kind == "territory":
            _check_territory(where, victim, territory_view)
        attacks += [Attack(a, victim, where.id, target_kind, severity=severity) for a in attackers]
    first = chosen or world.places.home(targets[0], day)
    return Scenario(
        date=day,
        attackers=tuple(attackers),
        targets=tuple(targets),
        place=first.id,
        target_kind=target_kind,
        reading=reading,
        requested=requested,
        basis=basis,
        territory_view=territory_view,
        unresolved=unresolved,
        severity=severity,
        ongoing_since=since,
        attacks=tuple(attacks),
    )


def _check_choice(what: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ScenarioError(f"unknown {what} {value!r}: choose one of {', '.join(allowed)}")


def _resolve_states(world: World, names: list[str], day: dt.date, role: str) -> list[str]:
    if not names:
        raise ScenarioError(f"at least one {role} is needed")
    out: list[str] = []
    for name in names:
        state = world.states.resolve(name, day)
        if state.member_on(day) is False:
            raise ScenarioError(
                f"{role} {state.name} ({state.id}) is not a member of the state system on {day}"
            )
        if state.id not in out:
            out.append(state.id)
    return out


def _check_territory(place: Place, victim: str, view: TerritoryView) -> None:
    if victim in place.holders(view):
        return
    holders = ", ".join(sorted(place.holders(view))) or "no state"
    hint = " or --territory-view claimant" if victim in place.holders("claimant") else ""
    raise ScenarioError(
        f"{place.name} ({place.id}) is not territory of {victim} under the {view} view "
        f"(it is held by {holders}); use --target-kind forces{hint}"
    )
