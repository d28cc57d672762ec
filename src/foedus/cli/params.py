"""Typer options made from the declared scenario inputs (`foedus.inputs`), so that the CLI offers each
input with the name, default and help the web API and `foedus.cascade` give it.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Annotated, Any

import typer

from foedus.inputs import Input
from foedus.state_lists import input_value

__all__ = ["with_inputs"]


def _parameter(inp: Input, default: Any) -> inspect.Parameter:
    """The typer parameter for one input (`default` may override the declared default; `...`: required)."""
    if inp.many:
        kind: Any = list[str] if default is ... else list[str] | None
    elif inp.type is bool:
        kind = bool
    elif default is None or inp.default is None:
        kind = inp.type if "None" in str(inp.type) else inp.type | None
    else:
        kind = inp.type
    metavar = inp.metavar or ("|".join(inp.choices) if inp.choices else None)
    low, high = inp.bounds or (None, None)
    option = typer.Option(*inp.cli_flags, help=inp.full_help, show_default=default not in (None, ...), metavar=metavar,
                          min=low, max=high)
    annotated = Annotated[kind, option]
    if default is ...:
        return inspect.Parameter(inp.name, inspect.Parameter.KEYWORD_ONLY, annotation=annotated)
    return inspect.Parameter(inp.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotated)


def with_inputs(*groups: tuple[Input, ...], defaults: Mapping[str, Any] | None = None
                ) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command the options of the declared inputs in `groups`.

    The command takes `inputs` (a dict of the inputs' values, repeated and comma-separated values
    already split; an empty one, `-a 'RUS,'`, refused naming the flag) and its own parameters. `defaults`
    overrides declared defaults for this command (e.g. `None` to make a required input optional).
    """
    declared = [i for group in groups for i in group]
    overrides = dict(defaults or {})

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
               for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "inputs"]
        params = [_parameter(i, overrides.get(i.name, i.default)) for i in declared]

        @functools.wraps(command)
        def run(**kwargs: Any) -> None:
            inputs = {i.name: input_value(kwargs.pop(i.name), i.split, i.cli_flags[0]) for i in declared}
            command(inputs, **kwargs)

        run.__signature__ = inspect.Signature([*params, *own])  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in [*params, *own]}
        run.declared_inputs = tuple(declared)  # type: ignore[attr-defined]  # read by `foedus.cli.fast_gen`
        run.input_defaults = dict(overrides)  # type: ignore[attr-defined]  # this command's own, read by the tests
        return run

    return decorate
