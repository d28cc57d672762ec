"""Reading and writing scenario files (`foedus.model.scenario_file`): `cascade --save-scenario F` and
`cascade --scenario F` (and compare's and atlas's), `foedus.save_scenario` and `foedus.load_scenario`.

A file is checked before it is believed: its keys and their types (the model), then its states, date and place
against the bundled world, each problem one line naming the file. It records the foedus version and the bundled
treaty files' fingerprint it was saved with; a rerun under others is said to be one (`saved_with_notes`), not refused.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foedus.errors import FileDataError, FoedusError

if TYPE_CHECKING:
    from foedus.engine.result import CascadeResult
    from foedus.model.overlay import Change
    from foedus.model.scenario_file import ScenarioFile
    from foedus.model.world import World

__all__ = ["check_scenario_target", "checked_scenario", "comparison_of", "load_scenario", "save_scenario",
           "saved_with_notes", "scenario_of", "treaties_fingerprint", "write_scenario"]

_HOW = "choose another file name"


def treaties_fingerprint() -> str:
    """The SHA-256 of the bundled treaty files (each file's name and content, in name order): what a scenario file
    records of the treaty data its run read, the same on every machine that has the same files."""
    import hashlib

    from foedus.filehash import content_sha256

    folder = Path(__file__).with_name("data") / "treaties"
    names = sorted(n for n in os.listdir(folder) if n.endswith((".yaml", ".yml")))
    lines = [f"{name}:{content_sha256(folder / name)}" for name in names]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def check_scenario_target(path: Path) -> None:
    """Refuse a scenario file's path before any work: a taken name (never replaced), a name that is not .yaml or .yml.

    Raises:
        OutputError: as every output's path is refused (`foedus.outputs.check_target`).
    """
    from foedus.outputs.atomic import check_target
    from foedus.outputs.names import output_format

    check_target(path, how=_HOW, name=lambda given: output_format(given, (".yaml", ".yml"), "scenario"))


def scenario_of(inputs: Mapping[str, Any], changes: Sequence[Change], honour: str | None, result: CascadeResult,
                world: World) -> ScenarioFile:
    """The scenario file of a run: its declared `inputs` (each attacker and target by its id, as the run read it on
    its date; the seed the draws used, chosen when none was given), its what-if `changes` (each member change's state
    by its id: `foedus.model.overlay_ids`) and `honour` ('empirical' or None)."""
    from foedus.model.overlay import Overlay
    from foedus.model.overlay_ids import by_state_ids
    from foedus.model.scenario_file import QUESTION, ScenarioFile

    s = result.scenario
    values = {i.name: inputs.get(i.name, None if i.required else i.default) for i in QUESTION}
    values |= {"attacker": list(s.attackers), "target": list(s.targets), "date": s.date.isoformat(),
               "ongoing_since": s.ongoing_since.isoformat() if s.ongoing_since else None}
    if result.montecarlo is not None:
        values["seed"] = result.montecarlo.seed
    saved = by_state_ids(Overlay.model_construct(changes=list(changes)), world.states, s.date).changes
    return ScenarioFile(inputs=values, honour=honour, what_if=tuple(saved), data={"datasets": list(result.datasets)})


def comparison_of(inputs: Mapping[str, Any], changes: Sequence[Change], base: CascadeResult, other: CascadeResult,
                  world: World) -> ScenarioFile:
    """The scenario file of a `foedus compare` of one scenario (kind `comparison`): its declared `inputs` (each
    attacker and target by its id, as the base world read it on its date; the reading compared), the other world's
    date as `date2` and its what-if `changes` (each member change's state by its id, read on that date, as
    `Overlay.apply` read it there)."""
    from foedus.model.overlay import Overlay
    from foedus.model.overlay_ids import by_state_ids
    from foedus.model.scenario_file import COMPARISON, COMPARISON_QUESTION, ScenarioFile

    s, day = base.scenario, other.scenario.date
    values = {i.name: inputs.get(i.name, None if i.required else i.default) for i in COMPARISON_QUESTION}
    values |= {"attacker": list(s.attackers), "target": list(s.targets), "date": s.date.isoformat(),
               "ongoing_since": s.ongoing_since.isoformat() if s.ongoing_since else None, "reading": s.reading,
               "date2": day.isoformat()}
    saved = by_state_ids(Overlay.model_construct(changes=list(changes)), world.states, day).changes
    datasets = sorted({*base.datasets, *other.datasets})
    return ScenarioFile(kind=COMPARISON, inputs=values, what_if=tuple(saved), data={"datasets": datasets})


def write_scenario(path: Path, scenario: ScenarioFile) -> None:
    """Write `scenario` as YAML to `path`, atomically, never over an existing file; an added treaty's file is named
    relative to it, as an overlay file names it (`Overlay.check_save`: one that would not read back is refused)."""
    from foedus._version import __version__
    from foedus.model.overlay import Overlay
    from foedus.model.scenario_file import scenario_plain
    from foedus.model.yamlio import dump_yaml
    from foedus.outputs import staged_file

    changes = Overlay.model_construct(changes=list(scenario.what_if)).check_save(path).changes
    data = {"treaties": treaties_fingerprint(), **scenario.data}
    text = dump_yaml(scenario_plain(scenario.model_copy(update={"what_if": tuple(changes)}), __version__, data))
    with staged_file(Path(path), how=_HOW) as tmp:
        tmp.write_text(text, encoding="utf-8")


def load_scenario(path: str | Path, want: str = "scenario") -> ScenarioFile:
    """Read a scenario file (`foedus.load_scenario`): `foedus.cascade(**load_scenario(path).keywords())` reruns it;
    its `notes` say what differs in this foedus from the one that saved it (`saved_with_notes`), which may change the
    answer. `want`: the kind, `scenario`, `comparison` (`foedus compare --scenario`) or `atlas` (`foedus atlas
    --scenario`); one of another is refused, said to be one. The text `-` is refused as the CLI refuses it (nothing
    is read from standard input).

    Raises:
        FoedusError: `-`, a file that cannot be read or is not a scenario file of kind `want` (an overlay, a
            treaty file, YAML null, a newer schema), an unknown key, a value of the wrong type, a missing attacker,
            an unknown state, an impossible date or a place that does not exist: one line naming the file.
    """
    from foedus.declare import described
    from foedus.errors import ScenarioError
    from foedus.model.yamlio import read_yaml_file
    from foedus.written import as_written

    if not isinstance(path, str | os.PathLike):
        raise ScenarioError(f"scenario: expected the path of a scenario YAML file (str or pathlib.Path), not "
                            f"{described(path)}")
    if path == "-":  # a str: Path("./-") is Path("-"), a file named - that a Path may mean
        from foedus.file_words import STDIN_NOT_READ

        raise ScenarioError(f"scenario: {STDIN_NOT_READ}")
    where = as_written(path)
    return checked_scenario(read_yaml_file(path, "scenario"), where, Path(path).parent, want)


def checked_scenario(raw: Any, where: str, folder: Path, want: str = "scenario") -> ScenarioFile:
    """A scenario's data (`raw`: a file's YAML, or a row of `foedus batch`'s file) checked as `load_scenario` checks a
    file, each problem one line naming `where`; an added treaty's file is read relative to `folder`.

    Raises:
        FoedusError: as `load_scenario`.
    """
    from foedus.model.overlay import Overlay
    from foedus.model.scenario_file import scenario_from_plain
    from foedus.written import folder_meant

    scenario = scenario_from_plain(raw, where, want)
    changes = Overlay.model_construct(changes=list(scenario.what_if)).with_paths(  # relative to the file, as an
        lambda p: os.path.normpath(folder / p) + (os.sep if folder_meant(p) else "")).changes  # overlay's
    changes = [c.given_as(origin=(f"{where}: what_if", n)) for n, c in enumerate(changes, 1)]
    _check_question(scenario, where)
    return scenario.model_copy(update={"what_if": tuple(changes), "notes": tuple(saved_with_notes(scenario, where))})


def _check_question(scenario: ScenarioFile, where: str) -> None:
    """Refuse, naming the file, a number out of its bounds (draws, seed: `checked_value`) and states, a date or a
    place the bundled world does not know (`build_scenario`'s checks; a what-if changes treaties only, never the
    states or places); a comparison's `date2` as its date is checked."""
    from foedus.declare import checked_value
    from foedus.engine.scenario import build_scenario, parse_date
    from foedus.inputs import SWITCHES
    from foedus.model.scenario_file import COMPARISON_QUESTION, KIND, QUESTION
    from foedus.model.world import World

    if scenario.kind == "atlas":  # no states, place or single date: its own checks
        from foedus.atlas_scenario import check_atlas_question

        return check_atlas_question(scenario, where)
    inputs, honour = scenario.inputs, scenario.honour
    switches = {i.name: inputs[i.name] for i in SWITCHES if i.name != "place"}
    if scenario.kind == KIND and inputs["draws"] is None and (inputs["seed"] is not None or honour is not None):
        raise FileDataError(where, "seed" if inputs["seed"] is not None else "honour", "a seed or an honour model only "
                            "matters with draws: give draws as well, or neither")  # as `run_scenario` says it
    try:
        for inp in QUESTION if scenario.kind == KIND else COMPARISON_QUESTION:
            checked_value(inp, inputs[inp.name])
        build_scenario(World.default(), attacker=inputs["attacker"], target=inputs["target"], date=inputs["date"],
                       place=inputs["place"], **switches)
    except FoedusError as exc:
        raise FileDataError(where, "", str(exc)) from None
    try:
        if inputs.get("date2") is not None:
            parse_date(inputs["date2"])
    except FoedusError as exc:
        raise FileDataError(where, "date2", str(exc)) from None


def saved_with_notes(scenario: ScenarioFile, where: str) -> list[str]:
    """What differs between the foedus that saved `scenario` and this one (version, bundled treaty files), which may
    change its answer: said, not refused (a later foedus reruns an older question)."""
    from foedus._version import __version__

    notes = []
    if scenario.foedus is not None and scenario.foedus != __version__:
        notes.append(f"{where} was saved by foedus {scenario.foedus}; this is foedus {__version__}: its answer may "
                     "differ from the saved run's")
    saved = scenario.data.get("treaties")
    if isinstance(saved, str) and saved != (here := treaties_fingerprint()):
        notes.append(f"{where} was saved with other bundled treaty files (fingerprint {saved[:12]}…, here "
                     f"{here[:12]}…): its answer may differ from the saved run's")
    return notes


def save_scenario(path: str | Path, attacker: str | list[str], target: str | list[str], date: str | dt.date, *,
                  what_if: Any = None, honour: str | None = None, **options: Any) -> CascadeResult:
    """Run the scenario `foedus.cascade` runs with these arguments on the bundled world, and save its whole question
    to `path` (`foedus.save_scenario`; never over an existing file), so that `load_scenario` reruns it; returns the
    result. A file is written only for a scenario that runs: a bad state or date is refused first.

    Raises:
        FoedusError: as `foedus.cascade`; a taken path; an honour model other than 'empirical' (a file would not travel
            with the scenario).
    """
    from foedus.errors import ScenarioError
    from foedus.inputs import WHAT_IF, check_options
    from foedus.model.overlay import as_changes, changes_from
    from foedus.model.world import World
    from foedus.run import OPTIONS, run_scenario

    if honour not in (None, "empirical"):
        raise ScenarioError("save_scenario: honour may be 'empirical' only (a file of rates or an HonourModel would "
                            "not travel with the scenario file)")
    check_scenario_target(Path(path))
    options = check_options(options, OPTIONS)  # `drop_treaty="csto_1992"` is a list of one, as `cascade` reads it
    changes = [*(as_changes(what_if) if what_if is not None else []),
               *changes_from({i.name: options.pop(i.name, None) for i in WHAT_IF})]
    world = World.default()
    result = run_scenario(attacker, target, date, world, changes or None, honour, None, options)
    write_scenario(Path(path), scenario_of(options, changes, honour, result, world))
    return result
