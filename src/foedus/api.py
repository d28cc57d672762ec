"""The Python API: `foedus.cascade(...)` and friends, thin wrappers over the engine.

`cascade`'s keyword options are the declared scenario inputs (`foedus.inputs`), the same as the CLI's
options and the web API's query parameters; its signature is made from them.
"""

from __future__ import annotations

import datetime as dt
import inspect
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from foedus.engine.cascade import run_cascade
from foedus.engine.power import coalition_power
from foedus.engine.result import CascadeResult
from foedus.engine.scenario import build_scenario
from foedus.errors import ScenarioError
from foedus.inputs import LIKELIHOOD, MONTE_CARLO, SCENARIO, WHAT_IF, check_options
from foedus.model.world import World

if TYPE_CHECKING:
    from pathlib import Path

    from foedus.engine.reliability import HonourModel
    from foedus.engine.scenario import Basis, Reading, TerritoryView, UnresolvedReading
    from foedus.likely.model import ModelFile
    from foedus.model.overlay import Change, Overlay
    from foedus.war.events import War
    from foedus.war.result import WarReplay

__all__ = ["cascade", "load_world", "replay_war"]

_OPTIONS = (*SCENARIO[3:], *WHAT_IF, *MONTE_CARLO, *LIKELIHOOD)
MAX_DRAWS = 10_000_000


def load_world(*extra_files: str) -> World:
    """The bundled treaty world, plus any extra treaty YAML files."""
    from pathlib import Path

    return World.load([Path(f) for f in extra_files]) if extra_files else World.default()


def cascade(
    attacker: str | list[str],
    target: str | list[str],
    date: str | dt.date,
    *,
    world: World | None = None,
    what_if: Overlay | list[Change] | None = None,
    honour: HonourModel | str | None = None,
    likely_model: ModelFile | str | Path | None = None,
    **options: Any,
) -> CascadeResult:
    """Who is obligated to join a war that starts with this attack, on which side, and why.

    >>> r = cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast")
    >>> j = r.joiner("PRK")
    >>> (j.side, j.primary.treaty, j.primary.article)
    ('defense', 'rus_prk_2024', '4')
    >>> cascade("UKR", "RUS", "2024-08-06", place="kursk-oblast").joiner("PRK") is None
    True

    The options are the declared scenario inputs (`foedus.inputs`: place, target_kind, reading,
    requested, basis, territory_view, unresolved, ongoing_since), the what-if changes (add_member, drop_treaty, ...,
    or `what_if`: an `Overlay` or a list of changes) and `draws`/`seed`. With `draws`, also runs a
    Monte Carlo over whether each triggered obligation is honoured (`honour`: an `HonourModel` or the
    path of a YAML file; default: published reliability figures); the same `seed` gives the same
    numbers, and a seed is chosen and recorded when none is given; `honour="empirical"` takes the honour
    rates from the likelihood model instead. Coalition power (COW CINC) is added when NMC data is present.
    With `likelihood=True`, the result also says how likely each relevant state is to join, with an
    interval (`foedus.likely`; `likely_model`: a file from `foedus likely fit`, default the shipped model);
    the legal answer is unchanged.
    With `ongoing_since`, the attacks are ongoing since that date: the result's `ongoing` says since when
    each joiner has been bound and by which change (North Korea: the treaty's entry into force):

    >>> r = cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", ongoing_since="2024-08-06")
    >>> r.ongoing["bound_since"]["PRK"]["since"], r.ongoing["bound_since"]["PRK"]["cause"]["label"]
    ('2024-12-04', 'rus_prk_2024 enters into force')

    Raises:
        FoedusError: an unknown option, state or place, an impossible date, or an inconsistent scenario.
    """
    check_options(options, _OPTIONS)
    w = _world(world or World.default(), what_if, options)
    given = {i.name: options[i.name] for i in SCENARIO[3:] if i.name in options}
    scenario = build_scenario(w, attacker=attacker, target=target, date=date, **given)
    result = run_cascade(w, scenario)
    if scenario.ongoing_since is not None:
        from foedus.war.ongoing import ongoing_summary

        result = replace(result, ongoing=ongoing_summary(w, scenario, scenario.ongoing_since))
    power = coalition_power(w.states, result.sides, scenario.date)
    if power is not None and "cow_nmc" not in result.datasets:  # CINC appears: cite NMC
        result = replace(result, datasets=(*result.datasets, "cow_nmc"))
    if options.get("likelihood"):
        from foedus.likely.attach import likelihood_of

        result = replace(result, likelihood=likelihood_of(w, scenario, result, likely_model))
    draws, seed = options.get("draws"), options.get("seed")
    if draws is None:
        if seed is not None or honour is not None:
            raise ScenarioError("a seed or an honour model only matters with draws: give draws as well, or neither")
        return replace(result, power=power)
    if not isinstance(draws, int) or not 1 <= draws <= MAX_DRAWS:
        raise ScenarioError(f"draws must be between 1 and {MAX_DRAWS:,} (got {draws})")
    if seed is not None and not (isinstance(seed, int) and 0 <= seed < 2**63):
        raise ScenarioError(f"seed must be between 0 and 2**63 - 1 (got {str(seed)[:30]})")
    from foedus.engine.fast.montecarlo import simulate  # numpy: loaded only for probabilistic runs
    from foedus.engine.power import expected_power

    model = _honour(honour, likely_model)
    mc = simulate(w, scenario, draws, seed, model)
    summary = mc.summary(expected_power(w.states, mc.states, mc.sides, scenario.date))
    return replace(result, power=power, montecarlo=summary)


def _honour(honour: HonourModel | str | None, likely_model: ModelFile | str | Path | None) -> HonourModel:
    """The honour model: given, read from a YAML file, the likelihood model's empirical rates, or the default."""
    from foedus.engine.reliability import HonourModel, load_honour_model

    if isinstance(honour, HonourModel):
        return honour
    if honour == "empirical":
        from foedus.likely.honour import empirical_honour

        return empirical_honour(likely_model)
    return load_honour_model(honour)


def _world(world: World, what_if: Overlay | list[Change] | None, options: dict[str, Any]) -> World:
    """The world with the what-if changes applied (the given world is not modified)."""
    given = list(getattr(what_if, "changes", what_if) or [])  # an overlay's changes, or the list given
    if not given and not any(options.get(i.name) for i in WHAT_IF):
        return world  # nothing to change: the overlay model is not even imported
    from foedus.model.overlay import Overlay, changes_from

    changes = [*given, *changes_from({i.name: options.get(i.name) for i in WHAT_IF})]
    return Overlay(changes=changes).apply(world) if changes else world


def _signature() -> inspect.Signature:
    """`cascade`'s signature with every declared option spelt out (for help(), notebooks and IDEs)."""
    base = [p for p in inspect.signature(cascade).parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
    keyword = inspect.Parameter.KEYWORD_ONLY
    declared = [inspect.Parameter(i.name, keyword, default=None if i.required else i.default, annotation=i.type)
                for i in _OPTIONS]
    return inspect.Signature([*base, *declared])


cascade.__signature__ = _signature()  # type: ignore[attr-defined]


def replay_war(
    war: str | Path | War,
    *,
    world: World | None = None,
    reading: Reading = "legal",
    basis: Basis = "in-force",
    requested: bool = True,
    territory_view: TerritoryView = "recognized",
    unresolved: UnresolvedReading = "met",
    until: str | dt.date | None = None,
) -> WarReplay:
    """Replay a war (a war file's path, a bundled war's id, or a loaded `foedus.war.events.War`) date by date.

    >>> r = replay_war("russia_ukraine_2022")
    >>> b = r.first_bound("PRK")
    >>> b.date.isoformat(), b.treaty, b.article, b.cause["label"]
    ('2024-12-04', 'rus_prk_2024', '4', 'rus_prk_2024 enters into force')

    Raises:
        WarDataError: a malformed or inconsistent war file; FoedusError: bad settings.
    """
    from foedus.engine.scenario import parse_date
    from foedus.war.bundled import war_path
    from foedus.war.events import War as WarType
    from foedus.war.loader import load_war
    from foedus.war.replay import replay, settings_of

    w = world or World.default()
    settings = settings_of(reading, basis, requested, territory_view, unresolved)
    loaded = war if isinstance(war, WarType) else load_war(war_path(war), w, settings.territory_view)
    return replay(loaded, w, settings=settings, until=parse_date(until) if until else None)
