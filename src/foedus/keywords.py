"""The public API's refusal of a keyword a function does not take, in `foedus.cascade`'s words and as a FoedusError
(`foedus.declare.unknown_options`): `foedus.replay_war(bogus=1)` and `foedus.load_world(bogus=1)` raised Python's own
TypeError. The signature stays the function's own, for type checkers, help() and IDEs."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from foedus.declare import unknown_options

__all__ = ["keywords_checked"]

P = ParamSpec("P")
R = TypeVar("R")


def keywords_checked(function: Callable[P, R]) -> Callable[P, R]:
    """`function`, refusing before it runs a keyword its signature does not name: the signature as help() reads it,
    read on the first call, so a `__signature__` set after decorating counts (`foedus.cascade`'s declared options).
    A signature with `**kwargs` takes any. The message lists the keyword-only parameters.

    Raises:
        UnknownOptionError: (when called) a keyword not in the signature, naming the ones it takes.
    """
    name = getattr(function, "__name__", "")

    @functools.wraps(function)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        named, listed = _keywords(checked)
        if named is not None and (unknown := kwargs.keys() - named):
            raise unknown_options(unknown, listed, name)
        return function(*args, **kwargs)

    return checked


@functools.cache
def _keywords(function: Callable[..., object]) -> tuple[frozenset[str] | None, tuple[str, ...]]:
    """The keywords `function` takes (None: any, it has `**kwargs`) and its keyword-only ones, for the message."""
    params = inspect.signature(function).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params):
        return None, ()
    named = frozenset(p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY))
    return named, tuple(p.name for p in params if p.kind is p.KEYWORD_ONLY)
