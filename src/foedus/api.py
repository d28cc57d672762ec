"""The Python API: `foedus.cascade(...)` and friends, thin wrappers over the engine."""

from __future__ import annotations

import datetime as dt

from foedus.engine.cascade import run_cascade
from foedus.engine.result import CascadeResult
from foedus.engine.scenario import Basis, Reading, TargetKind, TerritoryView, UnresolvedReading, build_scenario
from foedus.model.world import World

__all__ = ["cascade", "load_world"]


def load_world(*extra_files: str) -> World:
    """The bundled treaty world, plus any extra treaty YAML files."""
    from pathlib import Path

    return World.load([Path(f) for f in extra_files]) if extra_files else World.default()


def cascade(  # noqa: PLR0913
    attacker: str | list[str],
    target: str | list[str],
    date: str | dt.date,
    *,
    place: str | None = None,
    target_kind: TargetKind = "territory",
    reading: Reading = "legal",
    requested: bool = True,
    basis: Basis = "in-force",
    territory_view: TerritoryView = "recognized",
    unresolved: UnresolvedReading = "met",
    world: World | None = None,
) -> CascadeResult:
    """Who is obligated to join a war that starts with this attack, on which side, and why.

    >>> r = cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast")
    >>> j = r.joiner("PRK")
    >>> (j.side, j.primary.treaty, j.primary.article)
    ('defense', 'rus_prk_2024', '4')
    >>> cascade("UKR", "RUS", "2024-08-06", place="kursk-oblast").joiner("PRK") is None
    True

    Raises:
        FoedusError: unknown state or place, impossible date, or an inconsistent scenario.
    """
    w = world or World.default()
    scenario = build_scenario(
        w, attacker=attacker, target=target, date=date, place=place, target_kind=target_kind,
        reading=reading, requested=requested, basis=basis, territory_view=territory_view,
        unresolved=unresolved,
    )
    return run_cascade(w, scenario)
