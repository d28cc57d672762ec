"""The Python API: `foedus.cascade(...)` and friends, thin wrappers over the engine.

`cascade`'s keyword options are the declared scenario inputs (`foedus.inputs`), the same as the CLI's
options and the web API's query parameters; its signature is made from them.
"""

from __future__ import annotations

import datetime as dt
import inspect
from typing import TYPE_CHECKING, Any

from foedus.engine.result import CascadeResult
from foedus.keywords import keywords_checked
from foedus.model.world import World
from foedus.run import OPTIONS, run_scenario
from foedus.run import load_world as _load_world

if TYPE_CHECKING:
    from pathlib import Path

    from foedus.engine.reliability import HonourModel
    from foedus.engine.scenario import Basis, Decisions, NonMilitary, Reading, TerritoryView, UnresolvedReading
    from foedus.likely.model import ModelFile
    from foedus.model.overlay import Change, Overlay
    from foedus.model.scenario_file import ScenarioFile
    from foedus.war.events import War
    from foedus.war.result import WarReplay

__all__ = ["cascade", "load_scenario", "load_world", "replay_war", "save_scenario"]


@keywords_checked
def cascade(
    attacker: str | list[str],
    target: str | list[str],
    date: str | dt.date,
    *,
    world: World | None = None,
    what_if: Overlay | list[Change] | None = None,
    honour: HonourModel | str | None = None,
    likely_model: ModelFile | str | Path | None = None,
    war_file: str | Path | None = None,
    **options: Any,
) -> CascadeResult:
    """Who is obligated to join a war that starts with this attack, on which side, and why.

    >>> r = cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast")
    >>> j = r.joiner("PRK")
    >>> (j.side, j.primary.treaty, j.primary.article)
    ('defense', 'rus_prk_2024', '4')
    >>> cascade("UKR", "RUS", "2024-08-06", place="kursk-oblast").joiner("PRK") is None
    True

    The options are the declared scenario inputs (`foedus.inputs`: place, target_kind, reading, requested,
    basis, territory_view, unresolved, severity, decisions, ongoing_since), the what-if changes (add_member,
    drop_treaty, ..., or `what_if`: an `Overlay` or a list of changes) and `draws`/`seed`. With `draws`, also runs a
    Monte Carlo over whether each triggered obligation is honoured (`honour`: an `HonourModel` or the
    path of a YAML file; default: published reliability figures); the same `seed` gives the same
    numbers, and a seed is chosen and recorded when none is given; `honour="empirical"` takes the honour
    rates from the likelihood model instead. Coalition power (COW CINC) is added when NMC data is present.
    With `likelihood=True`, the result also says how likely each relevant state is to join, with an
    interval (`foedus.likely`; `likely_model`: a file from `foedus likely fit`, default the shipped model,
    read only with `likelihood=True` or `honour="empirical"`); the legal answer is unchanged.
    With `ongoing_since`, the attacks are ongoing since that date: the result's `ongoing` says since when
    each joiner has been bound and by which change (North Korea: the treaty's entry into force):

    >>> r = cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", ongoing_since="2024-08-06")
    >>> r.ongoing["bound_since"]["PRK"]["since"], r.ongoing["bound_since"]["PRK"]["cause"]["label"]
    ('2024-12-04', 'rus_prk_2024 enters into force')

    With `war_file`, a war file of yours (docs/war.md), checked as a bundled war is, is read beside the bundled wars
    for the result's war note: what it binds on the date besides this one attack.

    Raises:
        FoedusError: an unknown option (UnknownOptionError), state or place, an impossible date, an inconsistent
            scenario, or a value of the wrong type (`requested="false"`, `draws="100"`, `world={}`), each in one line.
    """
    return run_scenario(attacker, target, date, world, what_if, honour, likely_model, options, war_file=war_file)


@keywords_checked
def save_scenario(path: str | Path, attacker: str | list[str], target: str | list[str], date: str | dt.date, *,
                  what_if: Overlay | list[Change] | None = None, honour: str | None = None,
                  **options: Any) -> CascadeResult:
    """Run `cascade` with these arguments on the bundled world and save the run's whole question to the scenario
    file `path` (never over an existing file), which `load_scenario` reads back; returns the result. `honour` may be
    'empirical' only (a file of rates would not travel with it).

    Raises:
        FoedusError: as `cascade`; a taken path, or one that is not .yaml or .yml.
    """
    from foedus.scenario_io import save_scenario as save

    return save(path, attacker, target, date, what_if=what_if, honour=honour, **options)


@keywords_checked
def load_scenario(path: str | Path, *, kind: str = "scenario") -> ScenarioFile:
    """Read a scenario file (`cascade --save-scenario`, `save_scenario`), checked: `cascade(**s.keywords())` reruns it.
    `kind`: `scenario` (a cascade's), `comparison` or `atlas` (`compare`'s, `atlas`'s `--save-scenario`: their
    question in `inputs`); a file of another kind is refused, said to be one.

    `-` follows the CLI's rule (`--scenario -`): the text "-" is refused (standard input is not read), while a
    `pathlib.Path("-")` is a path, the file named - (a Path cannot tell `./-` from `-`).

    Raises:
        FoedusError: the text "-"; an unknown kind; a file that is not a scenario file of `kind`, or holds an
            unknown key, a value of the wrong type, an unknown state, an impossible date or a place that does not
            exist; one line naming the file.
    """
    from foedus.model.scenario_file import RERUN
    from foedus.scenario_io import load_scenario as load

    if not isinstance(kind, str) or kind not in RERUN:
        from foedus.errors import ScenarioError, shown

        raise ScenarioError(f"load_scenario: kind {shown(kind)} is no kind of scenario file: choose one of "
                            f"{', '.join(RERUN)}")
    return load(path, kind)


def _signature(function: object) -> inspect.Signature:
    """`function`'s signature with every declared option spelt out (for help(), notebooks and IDEs)."""
    signature = inspect.signature(function)  # type: ignore[arg-type]
    base = [p for p in signature.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
    keyword = inspect.Parameter.KEYWORD_ONLY
    declared = [inspect.Parameter(i.name, keyword, default=None if i.required else i.default, annotation=i.type)
                for i in OPTIONS]
    return inspect.Signature([*base, *declared], return_annotation=signature.return_annotation)


cascade.__signature__ = _signature(cascade)  # type: ignore[attr-defined]
save_scenario.__signature__ = _signature(save_scenario)  # type: ignore[attr-defined]
load_world = keywords_checked(_load_world)  # here, not in foedus.run: the console's start imports no `inspect`


@keywords_checked
def replay_war(
    war: str | Path | War,
    *,
    world: World | None = None,
    reading: Reading = "legal",
    basis: Basis = "in-force",
    requested: bool = True,
    territory_view: TerritoryView = "recognized",
    unresolved: UnresolvedReading = "met",
    non_military: NonMilitary = "withheld",
    decisions: Decisions = "taken",
    until: str | dt.date | None = None,
) -> WarReplay:
    """Replay a war (a war file's path, a bundled war's id, or a loaded `foedus.war.events.War`) date by date.

    >>> r = replay_war("russia_ukraine_2022")
    >>> b = r.first_bound("PRK")
    >>> b.date.isoformat(), b.treaty, b.article, b.cause["label"]
    ('2024-12-04', 'rus_prk_2024', '4', 'rus_prk_2024 enters into force')

    Raises:
        UnknownOptionError: a keyword it does not take. WarDataError: no such war, or a malformed or inconsistent
            war file. FoedusError: bad settings, or a malformed or out-of-range `until` (an empty one too: it is not
            taken for "no date").
    """
    from foedus.engine.scenario import parse_date
    from foedus.war.bundled import war_path
    from foedus.war.events import War as WarType
    from foedus.war.loader import load_war
    from foedus.war.replay import replay, settings_of

    w = World.given(world)
    settings = settings_of(reading, basis, requested, territory_view, unresolved, non_military, decisions)
    loaded = war if isinstance(war, WarType) else load_war(war_path(war), w, settings.territory_view)
    return replay(loaded, w, settings=settings, until=parse_date(until) if until is not None else None)
