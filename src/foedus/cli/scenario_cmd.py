"""`foedus cascade --scenario F` and `--save-scenario F` (and `foedus compare`'s and `foedus atlas`'s): a run's whole
question read from, or saved to, a scenario file (`foedus.scenario_io`). Beside `--scenario`, an option that would
change the question is refused, naming it: the file holds the whole question, so a rerun is the saved run or says why
not (docs/whatif-and-atlas.md)."""

from __future__ import annotations

import sys
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foedus.errors import FoedusError
from foedus.inputs import ATLAS, LIKELIHOOD, MONTE_CARLO, SCENARIO, WHAT_IF

if TYPE_CHECKING:
    from foedus.engine.result import CascadeResult
    from foedus.model.overlay import Overlay
    from foedus.model.scenario_file import ScenarioFile
    from foedus.model.world import World

__all__ = ["check_save", "missing_question", "question", "read_question", "save_question"]

_FILES = {"treaties": "--treaties", "overlay": "--overlay", "add_treaty": "--add-treaty", "honour": "--honour",
          "likely_model": "--likely-model"}
"""The options besides the declared inputs that change a run's answer, as the command line names them."""


_FLAGS = {**{i.name: i.cli_flags[0] for i in (*SCENARIO, *WHAT_IF, *MONTE_CARLO, *LIKELIHOOD)}, **_FILES,
          "requested": "--request/--no-request"}
"""Each option that changes a run's answer as a message names it (`--request/--no-request` for the switch of two
names), by its name in the API: built once, read by `read_question` for each option a line gave."""

_COMPARE_FLAGS = {**{i.name: i.cli_flags[0] for i in (*SCENARIO, *WHAT_IF)}, "requested": "--request/--no-request",
                  "date2": "--date2", "overlay": "--overlay", "add_treaty": "--add-treaty", "atlas": "--atlas",
                  "watch": "--watch", "against": "--against"}
"""`foedus compare`'s options that change its question (one scenario in two worlds), as `_FLAGS` are cascade's."""

_ATLAS_FLAGS = {**{i.name: i.cli_flags[0] for i in (*ATLAS, *WHAT_IF)}, "requested": "--request/--no-request",
                "date": "--date", "first": "--from", "last": "--to", "reading": "--reading", "draws": "--draws",
                "seed": "--seed", "honour": "--honour", "overlay": "--overlay", "add_treaty": "--add-treaty"}
"""`foedus atlas`'s options that change its question (every ordered dyad on a date, or a series of years)."""


def question(inputs: dict[str, Any], honour: str | None, path: Path | None, given: Collection[str]
             ) -> tuple[dict[str, Any], str | None, Overlay | None]:
    """The run's inputs, honour model and what-if changes from the scenario file `path` (`read_question`), or, with
    none, the line's (`inputs`, `honour`, no changes yet), each of attacker, target and date given
    (`missing_question`)."""
    if path is None:
        missing_question(inputs)
        return inputs, honour, None
    from foedus.model.overlay import Overlay

    loaded = read_question(path, given)
    return {**inputs, **loaded.inputs}, loaded.honour, Overlay(changes=list(loaded.what_if)) if loaded.what_if else None


def missing_question(inputs: dict[str, Any], names: tuple[str, ...] = ("attacker", "target", "date"),
                     command: str = "cascade") -> None:
    """Refuse a line with neither a scenario file nor its attacker, target or date, in click's words for a missing
    option (they were required before `--scenario` could give them); `names`: those `command` needs.

    Raises:
        FoedusError: the first of them missing.
    """
    for inp in SCENARIO[:3]:
        if inp.name in names and not inputs.get(inp.name):
            flags = " / ".join(f"'{f}'" for f in inp.cli_flags)
            raise FoedusError(f"Missing option {flags}: give it, or a --scenario file that holds the whole question "
                              f"(see `foedus {command} --help`)")


def read_question(path: Path, given: Collection[str], kind: str = "scenario") -> ScenarioFile:
    """The question of the scenario file `path` of `kind` (`comparison`: `foedus compare`'s; `atlas`), checked
    (`load_scenario`) before the options, so a missing, empty or broken file is said so first; what differs in the
    foedus that saved it said in notes on stderr. `given`: the options the line gave, of which none may change the
    question.

    Raises:
        FoedusError: an option beside `--scenario` that would change the question; a file that is not a scenario
            file, or an unknown key, a value of the wrong type, state, date or place in it.
    """
    from foedus.file_words import escaped
    from foedus.scenario_io import load_scenario
    from foedus.written import as_written

    scenario = load_scenario(path, kind)
    flags = {"scenario": _FLAGS, "atlas": _ATLAS_FLAGS}.get(kind, _COMPARE_FLAGS)
    if clash := [flags[n] for n in given if n in flags]:
        them = "it" if len(clash) == 1 else "them"
        raise FoedusError(f"--scenario {as_written(path)}: {', '.join(clash)} given too, and the file holds the whole "
                          f"question: leave {them} out, or edit the file (or save another with --save-scenario)")
    for note in scenario.notes:
        sys.stderr.write(f"note: {escaped(note)}\n")
    return scenario


def check_save(path: Path | None, own: dict[str, Any]) -> None:
    """Refuse, before any work, a `--save-scenario` path (None: none given) that is taken or not .yaml/.yml, and a
    run whose question names a file of the user's that a scenario file would not carry (`own`: `--treaties`, a
    `--honour` file, `--likely-model`, `--war-file`); an `--add-treaty` file is saved by its path relative to the
    scenario file, as in an overlay.

    Raises:
        FoedusError: naming the option.
    """
    if path is None:
        return
    from foedus.scenario_io import check_scenario_target

    check_scenario_target(path)
    for name in ("treaties", "honour", "likely_model", "war_file"):
        if own.get(name) and own[name] != "empirical":
            hint = ", or give the treaty with --add-treaty (saved by its path)" if name == "treaties" else ""
            flag = _FILES.get(name, "--war-file")  # not a question's file: --scenario takes it beside
            raise FoedusError(f"--save-scenario: {flag} names a file of yours, which a scenario file would not carry "
                              f"(its rerun would not be this run): leave {flag} out to save the scenario{hint}")


def save_question(path: Path | None, inputs: dict[str, Any], changes: Overlay | None, honour: str | None,
                  result: CascadeResult, world: World) -> None:
    """Write the run's question to `path` (`foedus.scenario_io.write_scenario`; None: not asked), saying so on
    stderr."""
    if path is None:
        return
    from foedus.scenario_io import scenario_of, write_scenario

    write_scenario(path, scenario_of(inputs, changes.changes if changes is not None else [], honour, result, world))
    sys.stderr.write(f"wrote the scenario to {path}\n")
