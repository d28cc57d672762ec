"""The scenario a request asks for: query parameters checked for size and split like the CLI's options.

Shared by every endpoint that runs a cascade, so they all accept the same parameters with the same
meaning as `foedus cascade` (repeat `attacker`/`target`, or comma-separate them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Query

from foedus.engine.scenario import Basis, Reading, TargetKind, TerritoryView, UnresolvedReading
from foedus.web.envelope import WebInputError

__all__ = ["MAX_STATES", "MAX_VALUE", "ScenarioQuery", "scenario_query", "split_states"]

MAX_STATES = 16
MAX_VALUE = 80

_A = "Attacking state(s): ISO3, COW code or name. Repeat the parameter, or comma-separate."
_T = "Attacked state(s), as for attacker."
_D = "Date of the attack, YYYY-MM-DD (1815-01-01 to 2100-12-31)."
_P = "Place id or name where the attack hits (see /api/places); default: each target's home territory."
_K = "territory, or forces (the target's forces, public vessels or aircraft at the place)."
_R = "legal (what the texts oblige) or escalatory (every belligerent strikes the other side's homes)."
_Q = "Whether victims ask for request-gated help."
_B = "Membership by entry into force (in-force) or by signature (signed)."
_V = "How contested places are read: recognized holder, or every claimant."
_U = "How to read ATOP conditions it flags but does not specify: met or unmet."


@dataclass(frozen=True, slots=True)
class ScenarioQuery:
    """A cascade scenario as the request gave it (names not yet resolved: the engine does that)."""

    attackers: list[str]
    targets: list[str]
    date: str
    place: str | None = None
    target_kind: TargetKind = "territory"
    reading: Reading = "legal"
    requested: bool = True
    basis: Basis = "in-force"
    territory_view: TerritoryView = "recognized"
    unresolved: UnresolvedReading = "met"


def split_states(values: list[str], role: str) -> list[str]:
    """Split repeated and comma-separated values, and hold them to the size limits.

    >>> split_states(["UKR", "POL, LTU"], "attacker")
    ['UKR', 'POL', 'LTU']

    Raises:
        WebInputError: no state given, too many, or a value longer than `MAX_VALUE` characters.
    """
    out = [part.strip() for v in values for part in v.split(",") if part.strip()]
    if not out:
        raise WebInputError(f"give at least one {role} (ISO3, COW code or name), e.g. {role}=UKR")
    if len(out) > MAX_STATES:
        raise WebInputError(f"too many {role}s ({len(out)}); at most {MAX_STATES}")
    for name in out:
        if len(name) > MAX_VALUE:
            raise WebInputError(f"{role} {name[:20]!r}… is longer than {MAX_VALUE} characters")
    return out


async def scenario_query(
    attacker: Annotated[list[str], Query(description=_A, examples=["UKR"])],
    target: Annotated[list[str], Query(description=_T, examples=["RUS"])],
    date: Annotated[str, Query(description=_D, max_length=32, examples=["2025-01-15"])],
    place: Annotated[str | None, Query(description=_P, max_length=MAX_VALUE, examples=["kursk-oblast"])] = None,
    target_kind: Annotated[TargetKind, Query(description=_K)] = "territory",
    reading: Annotated[Reading, Query(description=_R)] = "legal",
    requested: Annotated[bool, Query(description=_Q)] = True,
    basis: Annotated[Basis, Query(description=_B)] = "in-force",
    territory_view: Annotated[TerritoryView, Query(description=_V)] = "recognized",
    unresolved: Annotated[UnresolvedReading, Query(description=_U)] = "met",
) -> ScenarioQuery:
    """FastAPI dependency: the scenario query parameters, checked for size (async: no thread-pool hop)."""
    return ScenarioQuery(
        attackers=split_states(attacker, "attacker"), targets=split_states(target, "target"),
        date=date, place=place.strip() or None if place is not None else None, target_kind=target_kind,
        reading=reading, requested=requested, basis=basis, territory_view=territory_view, unresolved=unresolved,
    )
