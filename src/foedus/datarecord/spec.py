"""A record's fields: the `field()` options, and the fields a class declares or inherits from record bases."""

from __future__ import annotations

import types
from typing import Any

__all__ = ["FACTORY", "MISSING", "Field", "Params", "collect", "field"]


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
FACTORY = object()  # an `__init__` argument's default when its field's default is made by a factory
_NO_METADATA: types.MappingProxyType[Any, Any] = types.MappingProxyType({})


class Field:
    """One field of a record: its name, annotation and the options `field()` took."""

    __slots__ = ("compare", "default", "default_factory", "init", "metadata", "name", "repr", "type")

    def __init__(self, default: Any, default_factory: Any, init: bool, repr: bool, compare: bool,
                 metadata: Any) -> None:
        self.name = ""
        self.type: Any = None
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.compare = init, repr, compare
        self.metadata = _NO_METADATA if metadata is None else types.MappingProxyType(metadata)

    def __repr__(self) -> str:
        return f"Field(name={self.name!r}, default={self.default!r}, default_factory={self.default_factory!r})"


def field(*, default: Any = MISSING, default_factory: Any = MISSING, init: bool = True, repr: bool = True,
           compare: bool = True, metadata: Any = None) -> Any:
    """A field's options, as `dataclasses.field` takes them (those foedus uses)."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, compare, metadata)


class Params:
    """The options a class was made with."""

    __slots__ = ("eq", "frozen", "slots")

    def __init__(self, frozen: bool, eq: bool, slots: bool) -> None:
        self.frozen, self.eq, self.slots = frozen, eq, slots


def _is_classvar(annotation: Any) -> bool:
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    return text.startswith(("ClassVar", "typing.ClassVar"))


def collect(cls: type, params: Params) -> dict[str, Field]:
    """Every field of `cls`: its record bases' (outermost first), then its own annotations'."""
    found: dict[str, Field] = {}
    for base in cls.__mro__[-1:0:-1]:
        inherited = base.__dict__.get("__record_fields__")
        if inherited is None:
            continue
        if base.__dict__["__record_params__"].frozen != params.frozen:
            raise TypeError(f"{cls.__name__}: a frozen record and a mutable one cannot inherit from each other")
        found.update((f.name, f) for f in inherited)
    annotations = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 (as 3.11's dataclasses; no inspect)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f"{name!r} is a field but has no type annotation")
    for name, annotation in annotations.items():
        if _is_classvar(annotation):
            continue
        if "InitVar" in str(annotation):
            raise TypeError(f"{cls.__name__}.{name}: InitVar is not supported by foedus.datarecord")
        value = cls.__dict__.get(name, MISSING)
        f = value if isinstance(value, Field) else Field(value, MISSING, True, True, True, None)
        if f.default is not MISSING and type(f.default).__hash__ is None:
            raise ValueError(f"mutable default {type(f.default)} for field {name} is not allowed: use default_factory")
        f.name, f.type = name, annotation
        found[name] = f
    return found
