"""The Python API: `foedus.cascade(...)` and friends, thin wrappers over the engine."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from foedus.engine.cascade import run_cascade
from foedus.engine.power import coalition_power
from foedus.engine.result import CascadeResult
from foedus.engine.scenario import Basis, Reading, TargetKind, TerritoryView, UnresolvedReading, build_scenario
from foedus.errors import ScenarioError
from foedus.model.world import World

if TYPE_CHECKING:
    from foedus.engine.reliability import HonourModel

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
    draws: int | None = None,
    seed: int | None = None,
    honour: HonourModel | str | None = None,
) -> CascadeResult:
    """Who is obligated to join a war that starts with this attack, on which side, and why.

    >>> r = cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast")
    >>> j = r.joiner("PRK")
    >>> (j.side, j.primary.treaty, j.primary.article)
    ('defense', 'rus_prk_2024', '4')
    >>> cascade("UKR", "RUS", "2024-08-06", place="kursk-oblast").joiner("PRK") is None
    True

    With `draws`, also runs a Monte Carlo over whether each triggered obligation is honoured
    (`honour`: an `HonourModel` or the path of a YAML file; default: published reliability figures);
    the same `seed` gives the same numbers. Coalition power (COW CINC) is added when NMC data is present.

    Raises:
        FoedusError: unknown state or place, impossible date, or an inconsistent scenario.
    """
    w = world or World.default()
    scenario = build_scenario(
        w, attacker=attacker, target=target, date=date, place=place, target_kind=target_kind,
        reading=reading, requested=requested, basis=basis, territory_view=territory_view,
        unresolved=unresolved,
    )
    result = run_cascade(w, scenario)
    power = coalition_power(w.states, result.sides, scenario.date)
    if draws is None:
        return replace(result, power=power)
    if draws < 1 or draws > 10_000_000:
        raise ScenarioError(f"draws must be between 1 and 10,000,000 (got {draws})")
    if seed is not None and not 0 <= seed < 2**63:
        raise ScenarioError(f"seed must be between 0 and 2**63 - 1 (got {str(seed)[:30]})")
    from foedus.engine.fast.montecarlo import simulate  # numpy: loaded only for probabilistic runs
    from foedus.engine.power import expected_power
    from foedus.engine.reliability import HonourModel, load_honour_model

    model = honour if isinstance(honour, HonourModel) else load_honour_model(honour)
    mc = simulate(w, scenario, draws, seed, model)
    summary = mc.to_dict()
    summary["expected_power"] = expected_power(w.states, mc.states, mc.sides, scenario.date)
    return replace(result, power=power, montecarlo=summary)
