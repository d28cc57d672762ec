"""`foedus COMMAND ...` without typer, for a command line it reads exactly as typer would.

Typer builds a pydantic validator for every option of a command before it runs it, which with typer's own
import is about a sixth of `foedus cascade`'s start (docs/performance.md). The commands in
`foedus.cli.fast_table` (made from the typer app by `python -m foedus.cli.fast_gen`, and checked against it by
tests/test_cli_fast.py) are read here from that table instead, and their bodies run with the same arguments
typer would give them. Only plain lines are read: each option by its full name (`--date 2025-01-15`,
`--date=2025-01-15`, `-d 2025-01-15`), values that are neither empty nor begin with `-`, numbers in their plain
decimal form and within their bounds, and no option but a repeatable one given twice; a command's arguments
(`foedus batch SCENARIOS`: a line of the table with no flags) in their order. Anything else (help, an unknown option,
a missing or doubtful value, a positional argument the command does not take) goes to typer, which reads it, or
reports it, as it always has.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from foedus.cli.fast_table import COMMANDS
from foedus.written import as_given

__all__ = ["Param", "parse", "prepare"]


class Param(NamedTuple):
    """One option of a fast command, as typer reads it (a line of `foedus.cli.fast_table`)."""

    name: str  # the keyword the body takes
    flags: tuple[str, ...]  # its names (`--date`, `-d`); none: an argument, read by its place on the line
    off: tuple[str, ...]  # a flag's names that turn it off (`--no-request`)
    kind: str  # str, int, bool or path
    flag: bool  # takes no value
    many: bool  # repeatable: a list
    required: bool
    default: Any  # what typer gives the body when the option is not given
    low: int | None  # a number's bounds
    high: int | None
    input: bool  # a declared input (`foedus.inputs`): goes into the body's `inputs`
    split: bool  # comma-separated values are split too


_INT = r"0|[1-9][0-9]{0,18}"  # up to 19 digits: every int64; longer ones are typer's to judge (compiled when
# a number is read: the flagship reads none)

Call = tuple[str, dict[str, Any], dict[str, Any]]


def parse(argv: Sequence[str]) -> Call | None:
    """The command body (`module:function`), its declared inputs and its other options, as typer would give
    them; None when typer must read the line."""
    spec = COMMANDS.get(argv[0]) if argv else None
    if spec is None:
        return None
    params = [Param(*row) for row in spec["params"]]
    flags = {f: (p, True) for p in params for f in p.flags} | {f: (p, False) for p in params for f in p.off}
    arguments = [f"\0{p.name}" for p in params if not p.flags]  # each argument, by a name no option has
    flags |= {f"\0{p.name}": (p, True) for p in params if not p.flags}
    values: dict[str, Any] = {}
    rest = list(argv[1:])
    while rest:
        token = rest.pop(0)
        if token.startswith("--"):
            name, eq, attached = token.partition("=")
        elif len(token) == 2 and token.startswith("-"):
            name, eq, attached = token, "", ""
        elif not token.startswith("-") and arguments:  # the command's next argument, read as that name's value
            name, eq, attached = arguments.pop(0), "=", token
        else:  # a positional argument the command does not take, `-`, `-aUKR`, bundled short flags
            return None
        found = flags.get(name)
        if found is None:  # --help, `--`, an unknown option
            return None
        p, on = found
        if p.flag:
            if eq or p.name in values:
                return None
            values[p.name] = on
            continue
        if not eq and not rest:
            return None
        value = _value(p, attached if eq else rest.pop(0))
        if value is None or (p.name in values and not p.many):
            return None
        if p.many:
            values.setdefault(p.name, []).append(value)
        else:
            values[p.name] = value
    return _call(spec, params, values)


def _call(spec: dict[str, Any], params: list[Param], values: dict[str, Any]) -> Call | None:
    """The given values and every other option's default, as `foedus.cli.params.with_inputs` hands them on, and the
    names of the options given (`given`, which the body takes as typer's command hands it: `cli.helpers.given_names`);
    None for a list with an empty item (`-a 'RUS,'`): typer reads the line, and the command reports it as it does."""
    from foedus.errors import FoedusError
    from foedus.state_lists import input_value

    inputs: dict[str, Any] = {}
    own: dict[str, Any] = {}
    for p in params:
        if p.name in values:
            value = values[p.name]
        elif p.required:
            return None
        else:
            value = list(p.default) if isinstance(p.default, list) else p.default
        if p.input:
            try:
                inputs[p.name] = input_value(value, p.split, p.flags[0])
            except FoedusError:
                return None
        else:
            own[p.name] = value
    own["given"] = tuple(p.name for p in params if p.name in values)  # as typer's `given_names` hands them
    return spec["target"], inputs, own


def _value(p: Param, raw: str) -> Any:
    """One option value as typer converts it, or None when typer must judge it."""
    if not raw or raw.startswith("-"):
        return None
    if p.kind == "str":
        return raw
    if p.kind == "path":  # a blank path: typer's reader refuses it (`foedus.cli.entry`)
        return as_given(Path(raw), raw) if raw.strip() else None
    if p.kind == "int" and re.fullmatch(_INT, raw):
        number = int(raw)
        if (p.low is None or number >= p.low) and (p.high is None or number <= p.high):
            return number
    return None


def prepare(argv: Sequence[str], *, records: bool = False) -> Callable[[], int] | None:
    """The command of `argv` ready to run (its module imported), giving its exit code; None when typer must
    read the line. Failures are reported as under typer (`foedus.cli.failures`). With `records` (a process that
    runs this one line, then exits), a line whose module says it reads only the bundled world (`bundled_only`)
    makes the process use runtime records (`foedus.model.records`): no pydantic to import."""
    found = parse(argv)
    if found is None:
        return None
    target, inputs, own = found
    module_name, _, name = target.partition(":")
    module = importlib.import_module(module_name)
    body = getattr(module, name)
    bundled_only = getattr(module, "bundled_only", None)
    if records and bundled_only is not None and bundled_only(inputs, own):
        from foedus.model.records import use_records

        use_records()

    def run() -> int:
        from foedus.cli.failures import failure, json_asked, stopped

        try:
            body(inputs, **own)
        except (Exception, KeyboardInterrupt) as exc:
            return failure(exc, json_asked(argv))
        return stopped(0)

    return run
