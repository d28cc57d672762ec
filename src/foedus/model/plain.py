"""Validated pydantic models to plain JSON data and back, for caches: data in, the same objects out, no code.

`to_plain` dumps a model in JSON mode with only the fields that were set (a field set to its default, such as
a dated holder's empty `claimants`, stays set: `Holding.changes` reads which were); `from_plain` rebuilds it
with `model_construct` along the model's declared field types (nested models, lists, optional values, dates
and enums) instead of validating it again: the data was validated before it was cached, and re-validating would
cost more start-up time than the cache saves. Only the model classes named by the field types are ever built.

>>> from foedus.model.treaty import Span
>>> s = Span(start="2024-12-04", note="x")
>>> from_plain(Span, to_plain(s)) == s
True
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

__all__ = ["Spec", "field_spec", "from_plain", "to_plain"]

M = TypeVar("M", bound=BaseModel)
Convert = Callable[[Any], Any]


def to_plain(model: BaseModel) -> dict[str, Any]:
    """The model as JSON-ready data (dates as ISO text, enums as values), fields that were not set left out."""
    return model.model_dump(mode="json", exclude_unset=True)


def from_plain(cls: type[M], data: dict[str, Any]) -> M:
    """The model `to_plain` gave `data` for, rebuilt without validation.

    Raises:
        TypeError, ValueError, KeyError, AttributeError: `data` does not have the model's shape.
    """
    plan = _plan(cls)
    values = plan.template.copy()  # every field in declaration order: its default, or a marker filled below
    converters = plan.converters
    for name, raw in data.items():
        convert = converters.get(name, _UNKNOWN)
        if convert is None:
            values[name] = raw
        elif convert is not _UNKNOWN:
            values[name] = convert(raw)
    for name, make in plan.factories:
        if values[name] is _FACTORY:
            values[name] = make()
    for name in plan.required:
        if values[name] is _REQUIRED:
            raise KeyError(f"{cls.__name__}.{name} is missing")
    # what `model_construct` does for a model without extras, private attributes or post-init hooks (the slots
    # set through their own descriptors: `object.__setattr__` would look each one up again)
    obj = cls.__new__(cls)
    _set_dict(obj, values)
    _set_fields_set(obj, set(data))
    _set_extra(obj, None)
    _set_private(obj, None)
    return obj


_set_dict = vars(BaseModel)["__dict__"].__set__
_set_fields_set = vars(BaseModel)["__pydantic_fields_set__"].__set__
_set_extra = vars(BaseModel)["__pydantic_extra__"].__set__
_set_private = vars(BaseModel)["__pydantic_private__"].__set__
_UNKNOWN: Any = object()
_FACTORY: Any = object()
_REQUIRED: Any = object()


class _Plan(typing.NamedTuple):
    """How to rebuild one model class: its fields with defaults (or markers), converters, factories, required."""

    template: dict[str, Any]
    converters: dict[str, Convert | None]
    factories: tuple[tuple[str, Callable[[], Any]], ...]
    required: tuple[str, ...]


@functools.cache
def _plan(cls: type[BaseModel]) -> _Plan:
    """The rebuilding plan of a model class (computed once per class)."""
    if cls.__pydantic_post_init__ or cls.__private_attributes__ or cls.model_config.get("extra") == "allow":
        raise TypeError(f"{cls.__name__}: models with post-init hooks, private attributes or extras are not supported")
    template: dict[str, Any] = {}
    converters: dict[str, Convert | None] = {}
    factories: list[tuple[str, Callable[[], Any]]] = []
    required: list[str] = []
    for name, field in cls.model_fields.items():
        converters[name] = _converter(field_spec(field.annotation))
        if field.default_factory is not None:
            template[name] = _FACTORY
            factories.append((name, _factory(cls, name, field)))
        elif field.default is PydanticUndefined:
            template[name] = _REQUIRED
            required.append(name)
        else:
            template[name] = field.default
    return _Plan(template, converters, tuple(factories), tuple(required))


def _factory(cls: type[BaseModel], name: str, field: Any) -> Callable[[], Any]:
    """The default factory of a field; a model factory gives one shared instance of its (frozen) defaults."""
    factory = field.default_factory
    if isinstance(factory, type) and issubclass(factory, BaseModel):
        if not factory.model_config.get("frozen"):
            raise TypeError(f"{cls.__name__}.{name}: a default model must be frozen to be shared")
        shared = from_plain(factory, {})
        return lambda: shared
    if factory in (list, dict, set) or not field.default_factory_takes_validated_data:
        return typing.cast("Callable[[], Any]", factory)
    raise TypeError(f"{cls.__name__}.{name}: default factories that take data are not supported")


Spec = tuple[Any, ...] | None
"""How a field's value is kept in plain data: None (as it is), ("date",), ("enum", cls), ("model", cls), or
("opt", spec) / ("list", spec) around one of them."""


def field_spec(tp: Any) -> Spec:
    """How plain data holds a value of the schema field type `tp` (read by `from_plain` and by the generator
    of the runtime records, `foedus.model.records_gen`).

    Raises:
        TypeError: a type the caches do not store (a union of two types, a datetime, ...).
    """
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return field_spec(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(options) != 1:
            raise TypeError(f"unsupported union {tp!r}")
        inner = field_spec(options[0])
        return None if inner is None else ("opt", inner)
    if origin is list:
        item = field_spec(typing.get_args(tp)[0])
        return None if item is None else ("list", item)
    if origin is typing.Literal or tp in (str, int, float, bool, Any):
        return None
    if tp is dt.date:
        return ("date",)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return ("enum", tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return ("model", tp)
    raise TypeError(f"unsupported field type {tp!r}")


def _converter(spec: Spec) -> Convert | None:
    """How to turn plain data back into a value of a field kept as `spec` (None: it is plain already)."""
    if spec is None:
        return None
    head = spec[0]
    if head in ("opt", "list"):
        inner = _converter(spec[1])
        if inner is None:
            raise RuntimeError(f"`field_spec` wrapped a plain spec in {head!r}: it wraps only converted ones")
        return (lambda v: None if v is None else inner(v)) if head == "opt" else (lambda v: list(map(inner, v)))
    if head == "date":
        return dt.date.fromisoformat
    if head == "enum":
        return typing.cast("Convert", spec[1])
    return functools.partial(from_plain, spec[1])
