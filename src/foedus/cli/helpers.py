"""What the CLI's commands share besides their typer options: the world a command runs on, its what-if
changes, JSON out and refusing options that would do nothing. Nothing here imports typer, so a command body
built on it runs without typer too (`foedus.cli.fast`)."""

from __future__ import annotations

import json
import sys
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foedus.inputs import WHAT_IF
from foedus.written import as_written

if TYPE_CHECKING:
    from foedus.model.overlay import Overlay
    from foedus.model.world import World

__all__ = ["FLAGS", "WHAT_IF_NAMES", "emit_json", "given_names", "option_names", "path_problem", "refuse_unused",
           "what_if", "world_for"]

WHAT_IF_NAMES = tuple(i.name for i in WHAT_IF)
FLAGS = {name: f"--{name.replace('_', '-')}" for name in WHAT_IF_NAMES}
"""Each what-if input's command-line option, as its messages name it (`--add-member`, not the API's `add_member`)."""


def option_names(ctx: Any) -> list[str]:
    """The option names (`-t`, `--json`, `--no-request`) of the command of click context `ctx` (a typer command
    takes its own as a `typer.Context` parameter), which a path option's value must not be (`path_problem`): none
    for no context. Its options only: an argument's name ('file') is no option."""
    if ctx is None:
        return []
    return [n for p in ctx.command.get_params(ctx) if p.param_type_name == "option" for n in (*p.opts,
                                                                                          *p.secondary_opts)]


def given_names(ctx: Any) -> tuple[str, ...]:
    """The names of the options the command line of click context `ctx` gave (not those left to their defaults), in
    the command's order, as the fast reader hands them too (`foedus.cli.fast`)."""
    sources = {p.name: ctx.get_parameter_source(p.name) for p in ctx.command.get_params(ctx) if p.name is not None}
    # by the source's name: typer runs a click of its own (`typer._click`), whose enum is not `click`'s
    return tuple(name for name, source in sources.items() if getattr(source, "name", None) == "COMMANDLINE")


def path_problem(value: str, options: Collection[str] | None = None, read: bool = False) -> str | None:
    """Why a path's `value` names no file the user meant, or None: an empty one (`Path("")` is `.`, the current
    folder), a blank one (a file of no visible name), each said as it is (`foedus.value_words.empty_or_blank`), or,
    given to an option (`options`: the command's option names, each of which starts with a dash; None for a positional
    argument), a word starting with a dash, as an option does: click takes the word after a path option as its
    value, so `schema --out --json` wrote a file named --json, and `backtest --out -x` a folder named -x (a short
    option of no command there, or a slip).
    `./--json` names such a file. `-` alone is standard output, by custom (`foedus.outputs.names.refuse_dash`);
    a path that is `read` (a file the command reads: `--scenario -`, `--treaties -`, `--overlay -`) refuses it, since
    no input is read from standard input: it was said to be "no such file or folder", as if a file named - were meant.
    A positional argument (`options` None) takes `--x` only after `--`, on purpose.

    >>> path_problem(" "), path_problem("pact.yaml", ["--out"]), path_problem("--json", ["--out"])
    ('the path is blank', None, "the path '--json' looks like an option; give ./--json for a file of that name")
    >>> path_problem("-x.csv", ["--out"]), path_problem("-", ["--out"])
    ("the path '-x.csv' looks like an option; give ./-x.csv for a file of that name", None)
    >>> path_problem("-", ["--scenario"], read=True)
    "'-' (standard input) is not read: give a file's path (./- for a file named -)"
    """
    from foedus.errors import empty_or_blank, shown

    if not value.strip():
        return f"the path is {empty_or_blank(value)}"
    if read and value == "-":
        from foedus.file_words import STDIN_NOT_READ

        return STDIN_NOT_READ
    if options is not None and value.startswith("-") and value != "-":
        return f"the path {shown(value)} looks like an option; give ./{value} for a file of that name"
    return None


def what_if(inputs: dict[str, Any], add_treaty: list[Path] | None, overlay: list[Path] | None) -> Overlay:
    """The typed what-if changes: overlay files, then treaty files, then the declared what-if inputs; one set,
    whatever order they are given in (`Overlay.apply`)."""
    from foedus.errors import NOT_A_FILE_PATH, ScenarioError, is_url
    from foedus.model.overlay import AddTreaty as AddTreatyChange
    from foedus.model.overlay import Overlay, changes_from, load_overlays

    changes = load_overlays(overlay or [])
    for url in [as_written(p) for p in add_treaty or [] if is_url(as_written(p))]:  # as the option, not `AddTreaty:`
        raise ScenarioError(f"--add-treaty {url}: {NOT_A_FILE_PATH}")
    changes += [AddTreatyChange(path=as_written(p)).given_as(text=f"--add-treaty {as_written(p)}")
                for p in add_treaty or []]  # `t.yaml/` as given
    changes += changes_from({name: inputs.get(name) for name in WHAT_IF_NAMES}, labels=FLAGS)
    if not changes:  # nothing to validate: skip building the overlay's validator, which costs a start-up ~20 ms
        return Overlay.model_construct(changes=[])
    return Overlay(changes=changes)


def world_for(extra: list[Path] | None) -> World:
    """The bundled world plus extra treaty files (`--treaties`); a command's what-if changes are applied with its
    scenario's date (`foedus.run.run_scenario`), not here."""
    from foedus.run import load_world

    return load_world(*extra or [])


def emit_json(obj: Any) -> None:
    """Print one JSON object on stdout."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def refuse_unused(option: str, given: bool, when: str) -> None:
    """An option that would be silently ignored in this combination is an error, not a no-op.

    Raises:
        FoedusError: `given` is true; the message says when the option has no effect.
    """
    if given:
        from foedus.errors import FoedusError

        raise FoedusError(f"{option} has no effect {when}; leave it out")
