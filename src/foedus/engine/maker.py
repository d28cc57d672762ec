"""Frozen records made quickly: a constructor that takes every field in order and stores each slot directly.

A frozen record's own `__init__` sets each field through `object.__setattr__`, which looks the slot up
again for every field. The reference engine makes about a hundred obligations per cascade, and a leg table at
2025 makes 18,741 legs. `maker(cls)` makes the object as an instance of a draft class laid out as `cls` (the same
bases and slots, no frozen `__setattr__`), stores each field with a plain attribute store, then gives it the class
`cls` (`__class__` assignment, which Python allows between classes of one layout and refuses with TypeError
otherwise): one Obligation ran 11,171 machine instructions through per-field slot setters (session 27's maker)
and 3,269 so (docs/performance.md, session 28). A class the draft cannot stand for (a base with its own
`__setattr__`, such as a frozen record's, or another metaclass) gets the slot setters. tests/test_records.py
checks that `maker(cls)` makes what `cls(...)` makes, of class `cls`, and that the engine's records get drafts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from foedus import datarecord

__all__ = ["maker"]

T = TypeVar("T")


def maker(cls: type[T]) -> Callable[..., T]:
    """A constructor of `cls` (a frozen `foedus.datarecord` record with slots and no `__post_init__`) taking
    every field positionally, without defaults, that stores each slot directly."""
    params = getattr(cls, "__record_params__", None)
    if not (datarecord.is_record(cls) and "__slots__" in cls.__dict__ and params is not None and params.frozen):
        raise TypeError(f"{cls.__name__} is not a frozen record with slots")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__, which a direct constructor would skip")
    names = [f.name for f in datarecord.fields(cls) if f.init]
    if len(names) != len(datarecord.fields(cls)):
        raise TypeError(f"{cls.__name__} has fields outside its __init__")
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls, "_draft": draft(cls)}
    if scope["_draft"] is not None:  # the source is made here, from the class's own field names
        body = "".join(f"    o.{n} = {n}\n" for n in names) + "    o.__class__ = _cls\n"
        source = f"def make({', '.join(names)}):\n    o = _new(_draft)\n{body}    return o\n"
    else:
        scope.update({f"_set_{n}": getattr(cls, n).__set__ for n in names})  # each field's slot, inherited or not
        body = "".join(f"    _set_{n}(o, {n})\n" for n in names)
        source = f"def make({', '.join(names)}):\n    o = _new(_cls)\n{body}    return o\n"
    exec(source, scope)
    made: Callable[..., T] = scope["make"]
    made.__doc__ = f"A {cls.__name__} from every field, in order (`foedus.engine.maker`)."
    return made


def draft(cls: type) -> type | None:
    """A class with the bases and slots of `cls` whose instances take plain attribute stores, to be given the
    class `cls` once filled (`maker`); None where a base has its own `__setattr__` or `__init_subclass__`, or
    `cls` another metaclass than `type`, or Python refuses the assignment (checked once, here)."""
    bases = cls.__mro__[1:-1]
    if type(cls) is not type or any("__setattr__" in vars(b) or "__init_subclass__" in vars(b) for b in bases):
        return None
    made = type(f"{cls.__name__}Draft", cls.__bases__, {"__slots__": cls.__dict__["__slots__"],
                                                         "__module__": cls.__module__})
    probe: Any = object.__new__(made)
    try:
        probe.__class__ = cls
    except TypeError:
        return None
    return made
