"""The plain reader's checks of one value of a likelihood model file (`foedus.likely.model_records`' readers,
generated from the schema by `foedus.likely.model_gen`, which names the check each schema type takes): each gives
the value as the schema (`foedus.likely.model_schema`, pydantic) gives it, or raises `Doubt` where the schema may
refuse it or give it otherwise, and the schema is asked instead, in whose words every bad file is refused.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar

from foedus.model.hidden import refuse_hidden

__all__ = ["Doubt", "any_dict", "count", "dicts", "fields", "line", "lists", "number", "numbers", "one", "optional",
           "positive", "text", "texts", "whole"]

T = TypeVar("T")
Read = Callable[[Any], T]


class Doubt(Exception):
    """A value the plain reader does not vouch for: the schema is asked instead."""


def number(v: Any) -> float:
    """`Number`: a finite float, or an int as the float pydantic gives (not a bool)."""
    if type(v) is float and math.isfinite(v):
        return v
    if type(v) is int:
        try:
            return float(v)
        except OverflowError:
            raise Doubt from None
    raise Doubt


def whole(v: Any) -> int:
    """`Whole`: an int (not a bool, not 3.0)."""
    if type(v) is not int:
        raise Doubt
    return v


def one(v: Any) -> int:
    """`One`: the int 1."""
    if type(v) is not int or v != 1:
        raise Doubt
    return 1


def positive(v: Any) -> float:
    """`Penalty`: a number above 0."""
    if (n := number(v)) <= 0:
        raise Doubt
    return n


def count(v: Any) -> int:
    """`Count`: a whole number of 0 or more."""
    if (n := whole(v)) < 0:
        raise Doubt
    return n


def line(v: Any) -> str:
    """`Line`: a text with no hidden character (`foedus.model.hidden`)."""
    if type(v) is not str:
        raise Doubt
    try:
        return refuse_hidden(v)
    except ValueError:
        raise Doubt from None


def text(v: Any) -> str:
    """`Text`: a `Line` that is not empty or blank."""
    if not (t := line(v)).strip():
        raise Doubt
    return t


def texts(v: Any) -> list[str]:
    """`list[str]`: the list itself."""
    if type(v) is not list or any(type(x) is not str for x in v):
        raise Doubt
    return v


def numbers(v: Any) -> list[float]:
    """`list[Number]`."""
    if type(v) is not list:
        raise Doubt
    return [number(x) for x in v]


def any_dict(v: Any) -> dict[str, Any]:
    """`dict[str, Any]`: the dict itself."""
    if type(v) is not dict:
        raise Doubt
    return v


def lists(item: Read[T]) -> Read[list[T]]:
    """The check of a list of what `item` checks."""

    def read(v: Any) -> list[T]:
        if type(v) is not list:
            raise Doubt
        return [item(x) for x in v]

    return read


def dicts(keys: frozenset[str] | None, value: Read[T]) -> Read[dict[str, T]]:
    """The check of a mapping from text keys (among `keys` where given: a `Literal`'s) to what `value` checks."""

    def read(v: Any) -> dict[str, T]:
        if type(v) is not dict or (keys is not None and not keys.issuperset(v)):
            raise Doubt
        return {k: value(x) for k, x in v.items()}

    return read


def optional(item: Read[T]) -> Read[T | None]:
    """The check of `X | None`."""

    def read(v: Any) -> T | None:
        return None if v is None else item(v)

    return read


def fields(v: Any, names: frozenset[str], known: frozenset[str]) -> dict[str, Any]:
    """A record's dict: every name in `names` (its required fields) given, and no key outside `known` (all its
    fields: the schema forbids extras)."""
    if type(v) is not dict or not names.issubset(v) or not known.issuperset(v):
        raise Doubt
    return v
