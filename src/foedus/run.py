"""One scenario run: the cascade, what the options add to it (an ongoing war's dates, coalition power, the
likelihood model, Monte Carlo draws), from the declared inputs.

`foedus.cascade` (the Python API) and the console's `foedus cascade` both run it; it lives apart from
`foedus.api` so the console's start does not import `inspect`, which the API needs for its signature.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
from typing import TYPE_CHECKING, Any

from foedus.datarecord import replace
from foedus.engine.cascade import run_cascade
from foedus.engine.power import coalition_power
from foedus.engine.scenario import build_scenario
from foedus.errors import ScenarioError, empty_or_blank
from foedus.inputs import LIKELIHOOD, MONTE_CARLO, SCENARIO, WHAT_IF, check_options
from foedus.model.world import World
from foedus.wording import named_state

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from foedus.engine.reliability import HonourModel
    from foedus.engine.result import CascadeResult
    from foedus.engine.scenario import Scenario
    from foedus.likely.model import ModelFile
    from foedus.model.overlay import Change, Overlay
    from foedus.model.overlay_changed import Changed
    from foedus.war.own_file import OwnWar

__all__ = ["OPTIONS", "day_or_none", "load_world", "run_scenario", "what_if_noted"]

OPTIONS = (*SCENARIO[3:], *WHAT_IF, *MONTE_CARLO, *LIKELIHOOD)
"""`foedus.cascade`'s declared options; `check_options` checks their values (draws and seed within their bounds)."""


def load_world(*extra_files: str | Path) -> World:
    """The bundled treaty world, plus any extra treaty YAML files (`foedus.load_world`).

    Raises:
        TreatyDataError: a file that is not a path, an empty path, or a file that cannot be read or is malformed.
        UnknownOptionError: any keyword (it takes none), as `foedus.load_world` (`foedus.api`, which checks it).
    """
    return World.load(extra_files) if extra_files else World.default()


def run_scenario(
    attacker: str | list[str],
    target: str | list[str],
    date: str | dt.date,
    world: World | None,
    what_if: Overlay | list[Change] | None,
    honour: HonourModel | str | None,
    likely_model: ModelFile | str | Path | None,
    options: dict[str, Any],
    changed: Changed | None = None,
    war_file: str | Path | None = None,
) -> CascadeResult:
    """`foedus.cascade` (see there): the scenario built from the inputs, run, and completed as `options` ask; in
    the world `changed` when given (`overlay_changed.changed_world`: what-if changes applied beforehand, on the
    scenario's date; then no `world`, no `what_if` and no what-if option), as in the world those changes make when
    given here. `war_file`: a war file of the user's, checked, whose replay the war note reads beside the bundled
    wars' (`foedus.war.notes`).

    Raises:
        FoedusError: an unknown option, state or place, an impossible date, or an inconsistent scenario.
    """
    options = check_options(options, OPTIONS)
    _check_models(honour, likely_model, bool(options.get("likelihood")))
    if changed is None:
        base = World.given(world)
        w, changes = _world(base, what_if, options, date)
    elif world is not None or what_if is not None or any(options.get(i.name) for i in WHAT_IF):
        raise ScenarioError("a world changed beforehand is run as it is: give no other world nor what-if change")
    else:
        base, w, changes = changed.base, changed.world, list(changed.changes)
    given = {i.name: options[i.name] for i in SCENARIO[3:] if i.name in options}
    scenario = build_scenario(w, attacker=attacker, target=target, date=date, **given)
    own = None
    if war_file is not None:  # checked before the cascade runs: a file it cannot believe is refused first
        from foedus.war.own_file import own_war

        own = own_war(war_file, w, scenario.territory_view)
    result = run_cascade(w, scenario)
    result = _war_noted(w, scenario, result, own)
    if changes:  # a what-if world is said to be one; a change dated after the scenario changes nothing: said too
        result = what_if_noted(result, changes, w, base)
    if scenario.ongoing_since is not None:
        from foedus.war.ongoing import ongoing_summary

        result = replace(result, ongoing=ongoing_summary(w, scenario, scenario.ongoing_since))
        if own is not None:  # the ongoing replay is of the cascade's attacks, not the war file's: said
            from foedus.war.own_file import ongoing_apart

            said = ongoing_apart(own, scenario.ongoing_since, scenario.date)
            result = replace(result, notes=(*result.notes, said))
    power = coalition_power(w.states, result.sides, scenario.date)
    if power is not None and "cow_nmc" not in result.datasets:  # CINC appears: cite NMC
        result = replace(result, datasets=(*result.datasets, "cow_nmc"))
    if options.get("likelihood"):
        from foedus.likely.attach import likelihood_of
        from foedus.likely.data_files import likely_datasets

        read = tuple(d for d in likely_datasets() if d not in result.datasets)  # its data cited, as ATOP's is
        result = replace(result, likelihood=likelihood_of(w, scenario, result, likely_model),
                         datasets=(*result.datasets, *read))
    draws, seed = options.get("draws"), options.get("seed")
    if draws is None:
        if seed is not None or honour is not None:
            raise ScenarioError("a seed or an honour model only matters with draws: give draws as well, or neither")
        return replace(result, power=power)
    from foedus.engine.fast.montecarlo import simulate  # numpy: loaded only for probabilistic runs
    from foedus.engine.power import expected_power
    from foedus.model.major_notes import majors_unknown, with_majors_notes

    model = _honour(honour, likely_model)
    # an id a what-if change dropped is still a treaty; a misspelt one would silently set nothing
    model.check_treaties({t for t in model.treaty if t in base.treaties or t in w.treaties},
                         str(honour) if isinstance(honour, str | os.PathLike) else "honour model", w.has_history,
                         [*base.treaties.curated.values(), *w.treaties.curated.values()])
    mc = simulate(w, scenario, draws, seed, model)
    summary = mc.summary(expected_power(w.states, mc.states, mc.sides, scenario.date))
    unknown = majors_unknown(w.states, scenario.date)
    if unknown is not None:  # no state counts as a major power: the share would read 0, measured of nothing
        summary = replace(summary, p_major_powers_opposite=None, p_major_powers_unknown=unknown)
    # P(major powers on opposite sides) reads COW's list: say where it gives none, or 2016's carried forward
    notes = with_majors_notes(result.notes, w.states, scenario.date)
    return replace(result, power=power, montecarlo=summary, notes=(*notes, *_weighed_alike(result)))


def _war_noted(world: World, scenario: Scenario, result: CascadeResult, own: OwnWar | None) -> CascadeResult:
    """`result` with a note of each bundled war, and of the user's war file `own`, in which its attacker and target
    fight each other on its date and that binds more that day (`foedus.war.notes`): here, not in the engine's notes,
    as a war's replay runs the engine on each of its days."""
    from foedus.engine.outcome import DATA_END
    from foedus.war.notes import war_notes

    found = war_notes(world, scenario, lambda: {j.state for j in result.joiners} | {c.state for c in result.conflicts},
                      result.names, DATA_END, own)
    return replace(result, notes=(*result.notes, *found)) if found else result


def what_if_noted(result: CascadeResult, changes: Sequence[Change], world: World, base: World) -> CascadeResult:
    """`result`, run in `world` (`base` with the what-if `changes`), carrying the changes as data (`what_if`: each in
    the command line's words, alike however it was given) and saying it is a what-if world in a note made from them
    (`foedus.whatif_words.what_if_world`) and each change dated
    after its scenario (`overlay_dated.later_notes`), and a note for each change a joiner's duty rests on, with a
    `what-if` certainty reason on each such duty (`foedus.whatif_rests.rests_on_changes`): the notes `foedus cascade`
    gives, which `foedus compare` and `/api/compare` give their changed result too."""
    from foedus.model.overlay_dated import later_notes
    from foedus.model.overlay_set import summary as change_said
    from foedus.whatif_rests import rests_on_changes
    from foedus.whatif_words import what_if_world

    if not changes:
        return result
    s = result.scenario
    said = tuple(change_said(change) for change in changes)  # the one record of the changes: the note says it
    later = later_notes(list(changes), s.date, world, s.basis, base)
    result, rests = rests_on_changes(result, changes, said, world)  # which joiners' duties rest on which change
    return replace(result, what_if=said, notes=(*result.notes, what_if_world(said), *rests, *later))


def _weighed_alike(result: CascadeResult) -> list[str]:
    """The draws honour a duty by its strength, era and treaty alone: the joiners whose duty rests on facts not
    verified (an unverified membership: Palestine's of the Arab League treaty) are said to count as verified ones,
    and so are the states bound both ways one of whose clashing duties does (`CascadeResult.doubted_conflicts`: a
    draw that drops one side's duty sends the state to the other side)."""
    names = result.names
    named = ", ".join(named_state(j.state, names) for j in result.doubted())  # as every note names a state
    both = ", ".join(named_state(c.state, names) for c in result.doubted_conflicts())
    said = "; ".join(x for x in (named, both and f"bound both ways, by a conflict's duty: {both}") if x)
    return [f"the draws weigh a duty by its strength, era and treaty alone: those resting on facts not verified "
            f"({said}) count as verified ones"] if said else []


def _check_models(honour: object, likely_model: object, likelihood: bool) -> None:
    """Refuse, before any work, an honour model or likelihood model of the wrong type, an empty path (it would be
    read as `.`, the current folder), and a likelihood model nothing reads.

    Raises:
        ScenarioError: naming the keyword and the value.
    """
    from foedus.declare import described

    def check(name: str, value: object, kinds: str, *models: tuple[str, str]) -> None:
        if isinstance(value, str | os.PathLike):
            if not str(value).strip():
                raise ScenarioError(f"{name}: the path is {empty_or_blank(value)}; give {kinds}")
        elif value is not None and not isinstance(value, tuple(getattr(importlib.import_module(module), model)
                                                               for module, model in models)):
            raise ScenarioError(f"{name}: expected {kinds}, not {described(value)}")  # module imported only here

    check("honour", honour, "an HonourModel, the path of a YAML file of honour rates, or 'empirical'",
          ("foedus.engine.reliability", "HonourModel"))
    check("likely_model", likely_model, "a likelihood ModelFile, or the path of a file from `foedus likely fit`",
          ("foedus.likely.model", "ModelFile"), ("foedus.likely.model_schema", "ModelFile"))  # read, or fitted
    if likely_model is not None and not likelihood and honour != "empirical":
        raise ScenarioError("likely_model is read only with likelihood=True or honour='empirical': give one of them "
                            "as well, or leave likely_model out")


def _honour(honour: HonourModel | str | None, likely_model: ModelFile | str | Path | None) -> HonourModel:
    """The honour model: given, read from a YAML file, the likelihood model's empirical rates, or the default."""
    from foedus.engine.reliability import HonourModel, load_honour_model

    if isinstance(honour, HonourModel):
        return honour
    if honour == "empirical":
        from foedus.likely.honour import empirical_honour

        return empirical_honour(likely_model)
    return load_honour_model(honour)


def _world(world: World, what_if: Overlay | list[Change] | None, options: dict[str, Any], date: str | dt.date
           ) -> tuple[World, list[Change]]:
    """The world with the what-if changes applied (the given world is not modified), and the changes; their
    states' names are read, and their members checked, on the scenario's `date`, as its attacker's are (a malformed
    date is refused first, as the scenario refuses it: `day_or_none`)."""
    if what_if is None and not any(options.get(i.name) for i in WHAT_IF):
        return world, []  # nothing to change: the overlay model is not even imported
    from foedus.model.overlay import as_changes, changes_from
    from foedus.model.overlay_changed import changed_world

    given = as_changes(what_if) if what_if is not None else []  # an overlay's changes, or the list given

    changes = [*given, *changes_from({i.name: options.get(i.name) for i in WHAT_IF})]
    return (changed_world(world, changes, day_or_none(date)).world if changes else world), changes


def day_or_none(date: str | dt.date | None) -> dt.date | None:
    """The day of a scenario's date (None for none): the day a what-if's state names are read on and its members
    checked on (the web's `world_for` too). One that is not a date is refused here, in `build_scenario`'s words,
    before any change is read: read as no date, the what-if was applied with no day (its names read today, none of
    its on-date checks made) and refused, with a bad date, in its own words rather than for the date.

    Raises:
        DateOutOfRangeError: a malformed, impossible or out-of-range date (`parse_date`).
    """
    from foedus.engine.scenario import parse_date

    return None if date is None else parse_date(date)
