"""Write `foedus.cli.fast_table`: each fast command's options as typer reads them, from the typer app itself.

Run `python -m foedus.cli.fast_gen` after changing an option of a command in `FAST` (`--check`: exit 1 naming the
stale table, writing nothing, as the other generators of checked-in files do: `foedus.outputs.generated`);
tests/test_cli_fast.py fails until the table is current. The defaults are those typer hands the command body when an
option is not given, found by running the command through typer with its body replaced.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from foedus.cli.fast import Param

__all__ = ["FAST", "TABLE_FILE", "generate", "main", "render"]

FAST = {"cascade": "foedus.cli.cascade_cmd:cascade", "batch": "foedus.cli.batch_run:run_batch"}
"""The commands read without typer, and the typer-free function each one's typer command runs."""

TABLE_FILE = Path(__file__).with_name("fast_table.py")
_KINDS = {str: "str", int: "int", bool: "bool", Path: "path"}


def generate() -> dict[str, Any]:
    """The table of every command in `FAST`."""
    from typer.main import get_command

    from foedus.cli.app import app

    group = get_command(app)
    out: dict[str, Any] = {}
    for name, target in FAST.items():
        command = group.commands[name]  # type: ignore[attr-defined]
        plain = (group.params, group.context_settings, command.context_settings, command.allow_extra_args,
                 command.ignore_unknown_options, command.no_args_is_help)
        if plain != ([], {}, {}, False, False, False):
            raise SystemExit(f"{name}: the fast reader reads only plain commands (no group options, no context "
                             "settings, no extra or unknown arguments, no help for a bare command)")
        callback = next(c.callback for c in app.registered_commands if c.callback and c.callback.__name__ == name)
        declared = {i.name: i for i in getattr(callback, "declared_inputs", ())}
        params = [_param(p, declared) for p in command.params]  # refuses what the reader cannot read, first
        defaults = _defaults(app, name, target, command.params)
        params = [p | {"default": None if p["required"] else defaults[p["name"]]} for p in params]
        _check_target(target, [p for p in params if not p["input"]])
        out[name] = {"target": target, "params": params}
    return out


def _param(p: Any, declared: dict[str, Any]) -> dict[str, Any]:
    """One click option of a typer command as the fast reader needs it (refusing what it cannot read)."""
    info = p.type_descriptor.parameter_info
    annotation = p.type_descriptor.annotation
    many = getattr(annotation, "__origin__", None) is list
    kind = _KINDS.get(annotation.__args__[0] if many else annotation)
    argument = type(p).__name__ == "TyperArgument"  # one value, required, read by its place (no flags)
    unsupported = {"argument": type(p).__name__ != "TyperOption" and not (argument and p.required and not many),
                   "envvar": p.envvar, "callback": p.callback,
                   "count": getattr(p, "count", False), "eager": p.is_eager, "prompt": getattr(p, "prompt", None),
                   "nargs": p.nargs != 1, "type": kind is None,
                   "path checks": (info.exists, not info.file_okay, not info.dir_okay, info.writable,
                                   info.resolve_path, info.allow_dash) != (False, False, False, False, False, False)}
    is_flag = getattr(p, "is_flag", False)
    if any(v for v in unsupported.values()) or not p.opts or is_flag != (kind == "bool"):
        raise SystemExit(f"--{p.name}: the fast reader cannot read this option "
                         f"({', '.join(k for k, v in unsupported.items() if v) or 'its kind'})")
    inp = declared.get(p.name)
    flags = () if argument else tuple(p.opts)
    return {"name": p.name, "flags": flags, "off": tuple(p.secondary_opts), "kind": kind, "flag": is_flag,
            "many": many, "required": p.required, "default": None,
            "low": info.min, "high": info.max, "input": inp is not None, "split": bool(inp and inp.split)}


def _defaults(app: Any, name: str, target: str, params: list[Any]) -> dict[str, Any]:
    """What typer hands the body for each option not given (the required ones given a placeholder)."""
    from foedus.cli.entry import run_cli

    module_name, _, function = target.partition(":")
    module = importlib.import_module(module_name)
    seen: dict[str, Any] = {}
    original = getattr(module, function)

    def capture(inputs: dict[str, Any], **own: Any) -> None:
        seen.update(inputs, **own)

    argv = [name]
    for p in params:
        if p.required:
            argv += ["1"] if type(p).__name__ == "TyperArgument" else [p.opts[0], "1"]
    setattr(module, function, capture)
    try:
        code = run_cli(app, argv)
    finally:
        setattr(module, function, original)
    if code != 0 or not seen:
        raise SystemExit(f"{name}: typer did not run the body of {' '.join(argv)} (exit {code})")
    return seen


def _check_target(target: str, own: list[dict[str, Any]]) -> None:
    module_name, _, function = target.partition(":")
    body = getattr(importlib.import_module(module_name), function)
    # a parameter with a default of the body's own is one the typer command alone gives (`options`): not an option
    names = [n for n, p in inspect.signature(body).parameters.items()
             if n != "inputs" and p.default is inspect.Parameter.empty]
    if sorted(names) != sorted(p["name"] for p in own):
        raise SystemExit(f"{target} takes {names}, the typer command {[p['name'] for p in own]}")


def render(table: dict[str, Any]) -> str:
    """The table as the source of `foedus.cli.fast_table`: one line per option (a `Param`)."""
    lines = ['"""Generated by `python -m foedus.cli.fast_gen` from the typer app: each fast command\'s body and its',
             "options, one per line (fields: `foedus.cli.fast.Param`). Do not edit: tests/test_cli_fast.py",
             'checks that it matches the app.\n"""', "", "from typing import Any", "", "COMMANDS: dict[str, Any] = {"]
    for name, spec in table.items():
        lines += [f"    {name!r}: {{", f"        'target': {spec['target']!r},", "        'params': ("]
        lines += [f"            {tuple(p[f] for f in Param._fields)!r}," for p in spec["params"]]
        lines += ["        ),", "    },"]
    return "\n".join([*lines, "}", ""])


def main(argv: Sequence[str] = ()) -> int:
    """Rewrite the table (`--check`: only say whether it is stale; `foedus.outputs.generated`), whole
    (`staged_file`): never a half-written table, whatever stops the write."""
    from foedus.outputs.generated import run_generator

    return run_generator(argv, "foedus.cli.fast_gen", "Write foedus.cli.fast_table: each fast command's options as "
                         "typer reads them, from the typer app.", lambda: {TABLE_FILE: render(generate())})


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
