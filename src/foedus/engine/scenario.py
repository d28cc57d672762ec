"""Scenario input: who attacks whom, where, when, and under which reading — checked and resolved.

Everything a user types is validated here, so the cascade itself works on clean ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from foedus.errors import DateOutOfRangeError, ScenarioError
from foedus.model.places import Place
from foedus.model.world import World

__all__ = [
    "EARLIEST",
    "Attack",
    "Basis",
    "Reading",
    "Scenario",
    "TargetKind",
    "TerritoryView",
    "UnresolvedReading",
    "build_scenario",
    "parse_date",
]

Reading = Literal["legal", "escalatory"]
TargetKind = Literal["territory", "forces"]
TerritoryView = Literal["recognized", "claimant"]
Basis = Literal["in-force", "signed"]
UnresolvedReading = Literal["met", "unmet"]

EARLIEST = dt.date(1815, 1, 1)
LATEST = dt.date(2100, 12, 31)


@dataclass(frozen=True, slots=True)
class Attack:
    """One armed attack: `attacker` strikes `victim` (its territory or its forces) at `place`."""

    attacker: str
    victim: str
    place: str
    kind: TargetKind
    round: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Scenario:
    """A resolved scenario: ids only, every input already checked."""

    date: dt.date
    attackers: tuple[str, ...]
    targets: tuple[str, ...]
    place: str
    target_kind: TargetKind = "territory"
    reading: Reading = "legal"
    requested: bool = True
    basis: Basis = "in-force"
    territory_view: TerritoryView = "recognized"
    unresolved: UnresolvedReading = "met"
    attacks: tuple[Attack, ...] = ()


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
        attacks += [Attack(a, victim, where.id, target_kind) for a in attackers]
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
