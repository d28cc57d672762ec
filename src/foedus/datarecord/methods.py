"""The source of a record's methods, as the standard library's `dataclasses` writes them, and the deferral
that compiles each of all but `__init__` on its first call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from foedus.datarecord.spec import MISSING, Field, Params

__all__ = ["deferred", "explicit_hash", "frozen_error", "getstate", "setstate", "sources"]


def sources(cls: type, all_fields: tuple[Field, ...], params: Params, scope: dict[str, Any]) -> dict[str, str]:
    """The source of each method `cls` does not define itself; `scope` receives the names they use."""
    out = {"__init__": _init_source(cls, all_fields, params.frozen, scope)} if "__init__" not in cls.__dict__ else {}
    if "__repr__" not in cls.__dict__:
        parts = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in all_fields if f.repr)
        out["__repr__"] = ("@__r_recursive()\ndef __repr__(self):\n"
                           f"    return f'{{self.__class__.__qualname__}}({parts})'")
    compared = [f.name for f in all_fields if f.compare]
    mine, theirs = (f"({''.join(f'{who}.{n},' for n in compared)})" for who in ("self", "other"))
    if params.eq and "__eq__" not in cls.__dict__:
        out["__eq__"] = (f"def __eq__(self, other):\n    if other.__class__ is self.__class__:\n"
                         f"        return {mine} == {theirs}\n    return NotImplemented")
    if params.eq and params.frozen and not explicit_hash(cls):
        out["__hash__"] = f"def __hash__(self):\n    return hash({mine})"
    if params.frozen:
        out.update(_frozen_source(cls, tuple(f.name for f in all_fields)))
    return out


def _init_source(cls: type, all_fields: tuple[Field, ...], frozen: bool, scope: dict[str, Any]) -> str:
    """`__init__`: each field from its argument, default or factory, in order, then `__post_init__`."""
    args, body, seen_default = ["self"], [], False
    for i, f in enumerate(all_fields):
        value = f.name
        if f.default is not MISSING:
            scope[f"__r_d{i}"], value = f.default, (f.name if f.init else f"__r_d{i}")
        elif f.default_factory is not MISSING:
            scope[f"__r_f{i}"] = f.default_factory
            value = f"__r_f{i}() if {f.name} is __r_factory else {f.name}" if f.init else f"__r_f{i}()"
        elif not f.init:
            continue
        if f.init:
            default = "=__r_factory" if f.default_factory is not MISSING else \
                f"=__r_d{i}" if f.default is not MISSING else ""
            if seen_default and not default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
            seen_default |= bool(default)
            args.append(f.name + default)
        body.append(f"    __r_set(self, {f.name!r}, {value})" if frozen else f"    self.{f.name} = {value}")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    return f"def __init__({', '.join(args)}):\n" + ("\n".join(body) or "    pass")


def _frozen_source(cls: type, names: tuple[str, ...]) -> dict[str, str]:
    """`__setattr__` and `__delattr__` refusing to change a field (the standard library's frozen methods)."""
    for name in ("__setattr__", "__delattr__"):
        if name in cls.__dict__:
            raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")
    return {"__setattr__": f"def __setattr__(self, name, value):\n    if type(self) is __r_cls or name in {names!r}:\n"
                           "        raise __r_frozen(f'cannot assign to field {name!r}')\n"
                           "    super(__r_cls, self).__setattr__(name, value)",
            "__delattr__": f"def __delattr__(self, name):\n    if type(self) is __r_cls or name in {names!r}:\n"
                           "        raise __r_frozen(f'cannot delete field {name!r}')\n"
                           "    super(__r_cls, self).__delattr__(name)"}


def explicit_hash(cls: type) -> bool:
    """Whether the class body defines `__hash__` (not merely the `None` an `__eq__` of its own implies)."""
    own = cls.__dict__.get("__hash__", MISSING)
    return not (own is MISSING or (own is None and "__eq__" in cls.__dict__))


def frozen_error(message: str) -> Exception:
    """The error a frozen record raises when asked to change a field."""
    from dataclasses import FrozenInstanceError  # the standard library's, so `except` clauses written for it work

    return FrozenInstanceError(message)


def deferred(scope: dict[str, Any], name: str, source: str) -> Callable[..., Any]:
    """Method `name`, compiled from `source` on its first call and then put on the record class in its place.

    A start calls few records' `__repr__`, `__eq__` or `__hash__`, and their frozen `__setattr__` only to refuse
    a change; compiling each when first called keeps their cost out of every start. The compiled method is the
    one the class then keeps, so later calls cost what they would have."""
    def first_call(self: Any, *args: Any) -> Any:
        made = scope.get(name)
        if made is None:
            exec(source, scope)  # made by `sources` from the class's field names
            made = scope[name]
            made.__qualname__ = f"{scope['__r_cls'].__qualname__}.{name}"
            type.__setattr__(scope["__r_cls"], name, made)
        return made(self, *args)

    first_call.__name__ = name
    return first_call


def getstate(self: Any) -> list[Any]:
    """A frozen slotted record's state for pickling and copying: its field values in order."""
    return [getattr(self, f.name) for f in self.__record_fields__]


def setstate(self: Any, state: list[Any]) -> None:
    """Set a frozen slotted record's fields from `getstate`'s list."""
    for f, value in zip(self.__record_fields__, state, strict=True):
        object.__setattr__(self, f.name, value)
