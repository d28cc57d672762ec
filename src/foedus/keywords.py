"""The public API's refusal of a call its signature does not take, in `foedus.cascade`'s words and as a FoedusError:
a keyword it does not take (`foedus.declare.unknown_options`), an argument missing, one too many by position or one
given twice (`ArgumentsError`). `foedus.replay_war(bogus=1)` and `foedus.replay_war()` raised Python's own TypeError.
The signature stays the function's own, for type checkers, help() and IDEs."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple, ParamSpec, TypeVar

from foedus.declare import described, unknown_options
from foedus.errors import ArgumentsError

__all__ = ["keywords_checked"]

P = ParamSpec("P")
R = TypeVar("R")


class _Shape(NamedTuple):
    """What a signature takes: its keywords (None: any, it has `**kwargs`), its keyword-only ones (for the message),
    its positional ones, whether it has `*args` (`many`) and its required ones; `fast`: they are its first positional
    ones, so that a call of as many positional arguments or more, up to `positional`'s, misses none."""

    named: frozenset[str] | None
    keyword_only: tuple[str, ...]
    positional: tuple[str, ...]
    many: bool
    required: tuple[str, ...]
    fast: bool


def keywords_checked(function: Callable[P, R]) -> Callable[P, R]:
    """`function`, refusing before it runs a call its signature does not take: the signature as help() reads it,
    read on the first call, so a `__signature__` set after decorating counts (`foedus.cascade`'s declared options).
    A signature with `**kwargs` takes any keyword. The message lists the keyword-only parameters, or the positional
    ones.

    Raises:
        UnknownOptionError: (when called) a keyword not in the signature, naming the ones it takes.
        ArgumentsError: (when called) an argument missing, one too many by position, or one given twice.
    """
    name = getattr(function, "__name__", "")

    @functools.wraps(function)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        shape = _shape(checked)
        if shape.named is not None and (unknown := kwargs.keys() - shape.named):
            raise unknown_options(unknown, shape.keyword_only, name)
        fits = shape.fast and len(shape.required) <= len(args) <= len(shape.positional)  # the usual call, cheaply
        if not (fits and kwargs.keys().isdisjoint(shape.positional[: len(args)])) and (
                problem := _arguments_problem(shape, args, kwargs, name)):
            raise ArgumentsError(problem)
        return function(*args, **kwargs)

    return checked


def _arguments_problem(shape: _Shape, args: tuple[Any, ...], kwargs: Mapping[str, Any], name: str) -> str:
    """What is wrong with the arguments of a call (an argument missing, one extra by position, one given twice), in
    one line naming `name` and the arguments; '' when nothing is."""
    by_position = shape.positional[: len(args)]
    takes = f"{name} takes {', '.join(shape.positional) or 'none'} by position"
    if len(args) > len(shape.positional) and not shape.many:
        extra = args[len(shape.positional):]
        shown = ", ".join(described(value) for value in extra[:3]) + (", …" if len(extra) > 3 else "")
        return f"extra argument(s) {shown}: {takes}; give the options by keyword"
    if twice := [p for p in by_position if p in kwargs]:
        return f"argument(s) {', '.join(twice)} given twice, by position and by keyword: {takes}"
    if missing := [p for p in shape.required if p not in kwargs and p not in by_position]:
        return f"missing argument(s) {', '.join(missing)}: {name} needs {', '.join(shape.required)}"
    return ""


@functools.cache
def _shape(function: Callable[..., object]) -> _Shape:
    """What `function`'s signature takes (`_Shape`), read once."""
    params = inspect.signature(function).parameters.values()
    any_keyword = any(p.kind is p.VAR_KEYWORD for p in params)
    named = None if any_keyword else frozenset(p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD,
                                                                                    p.KEYWORD_ONLY))
    positional = tuple(p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))
    required = tuple(p.name for p in params if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL,
                                                                                        p.VAR_KEYWORD))
    keyword_only = () if any_keyword else tuple(p.name for p in params if p.kind is p.KEYWORD_ONLY)
    many = any(p.kind is p.VAR_POSITIONAL for p in params)
    fast = not many and positional[: len(required)] == required
    return _Shape(named, keyword_only, positional, many, required, fast)
