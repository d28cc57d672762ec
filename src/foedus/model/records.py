"""Runtime records: the schema's models without pydantic, for a process that only reads validated data.

A record has its model's fields (`foedus.model.record_schema`, generated from the schema), its shared rules
(`foedus.model.behaviour`), equality and hash by field values as a frozen model has, and the two pieces of
pydantic's surface the engine reads (`model_fields_set`, `model_copy`). Records are made only from data that
was validated before it was cached (`from_plain`, the mirror of `foedus.model.plain.from_plain`), never from
what a user wrote: validating stays the schema's job. A process asks for records with `use_records` before it
loads anything (the console's route for one plain cascade does); the caches' decoders then give records, and
importing pydantic and building the schema's classes (about half of a cascade's start) is not needed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple, Self

from foedus.model import behaviour, vocab
from foedus.model.record_schema import SCHEMA

if TYPE_CHECKING:
    from foedus.model.places import Place, Region
    from foedus.model.treaty import Treaty

__all__ = ["RECORDS", "Record", "from_plain", "paused", "place_from_plain", "records_on", "region_from_plain",
           "treaty_from_plain", "use_records"]

_ON = [False]


def use_records() -> None:
    """Make this process's cache decoders give records instead of pydantic models (for its whole life)."""
    _ON[0] = True


def records_on() -> bool:
    """Whether this process asked for records (`use_records`)."""
    return _ON[0]


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Models, not records, inside the block: for building what a cache stores (from models) in a process of
    records, nested caches included."""
    was = _ON[0]
    _ON[0] = False
    try:
        yield
    finally:
        _ON[0] = was


class Record:
    """A frozen record of one schema model's fields (kept in its `__dict__`, as pydantic keeps them)."""

    __slots__ = ("__dict__", "model_fields_set")
    model_fields_set: set[str]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: {name} cannot be set")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: {name} cannot be deleted")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash(tuple(self.__dict__.values()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with `update`'s fields replaced, as pydantic's `model_copy` (shallow only)."""
        if deep:
            raise NotImplementedError("runtime records are copied shallowly only")
        cls = type(self)
        copy = cls.__new__(cls)
        _set_dict(copy, {**self.__dict__, **(update or {})})
        _set_fields(copy, self.model_fields_set | set(update or ()))
        return copy


_set_dict = vars(Record)["__dict__"].__set__
_set_fields = vars(Record)["model_fields_set"].__set__
_FACTORY: Any = object()
_REQUIRED: Any = object()
_UNKNOWN: Any = object()
Convert = Callable[[Any], Any]

RECORDS: dict[str, type[Record]] = {
    name: type(name, (*([getattr(behaviour, rules)] if rules else []), Record),
               {"__slots__": (), "__module__": __name__, "__qualname__": name,
                "__doc__": f"The runtime record of the schema's `{name}`."})
    for name, (rules, _fields) in SCHEMA.items()
}
"""The record class of each model, by the model's name."""


class _Plan(NamedTuple):
    """How to make one record class from plain data: its defaults (or markers), converters and factories."""

    cls: type[Record]
    template: dict[str, Any]
    converters: dict[str, Convert | None]
    factories: tuple[tuple[str, Callable[[], Any]], ...]
    required: tuple[str, ...]


def from_plain(name: str, data: dict[str, Any]) -> Any:
    """The record of model `name` for `data` (the model's `foedus.model.plain.to_plain` form), not validated.

    Raises:
        TypeError, ValueError, KeyError, AttributeError: `data` does not have the model's shape.
    """
    plan = _plan(name)
    values = plan.template.copy()
    converters = plan.converters
    for key, raw in data.items():
        convert = converters.get(key, _UNKNOWN)
        if convert is None:
            values[key] = raw
        elif convert is not _UNKNOWN:
            values[key] = convert(raw)
    for key, make in plan.factories:
        if values[key] is _FACTORY:
            values[key] = make()
    for key in plan.required:
        if values[key] is _REQUIRED:
            raise KeyError(f"{name}.{key} is missing")
    obj = plan.cls.__new__(plan.cls)
    _set_dict(obj, values)
    _set_fields(obj, set(data))
    return obj


def treaty_from_plain(data: dict[str, Any]) -> Treaty:
    """A treaty's record (typed as the model it stands in for)."""
    return from_plain("Treaty", data)  # type: ignore[no-any-return]


def region_from_plain(data: dict[str, Any]) -> Region:
    """A region's record."""
    return from_plain("Region", data)  # type: ignore[no-any-return]


def place_from_plain(data: dict[str, Any]) -> Place:
    """A place's record."""
    return from_plain("Place", data)  # type: ignore[no-any-return]


@functools.cache
def _plan(name: str) -> _Plan:
    """The making plan of a record class (computed once per class)."""
    _rules, fields = SCHEMA[name]
    template: dict[str, Any] = {}
    converters: dict[str, Convert | None] = {}
    factories: list[tuple[str, Callable[[], Any]]] = []
    required: list[str] = []
    for field, converter, kind, default in fields:
        convert = converters[field] = _converter(converter)
        if kind == "required":
            template[field] = _REQUIRED
            required.append(field)
        elif kind == "list":
            template[field] = _FACTORY
            factories.append((field, list))
        elif kind == "model":
            template[field] = _FACTORY
            factories.append((field, _shared(default)))
        else:
            template[field] = default if default is None or convert is None else convert(default)
    return _Plan(RECORDS[name], template, converters, tuple(factories), tuple(required))


def _shared(name: str) -> Callable[[], Any]:
    """A frozen default record: one shared instance of model `name` with its defaults, as `foedus.model.plain`."""
    shared = from_plain(name, {})
    return lambda: shared


def _converter(spec: str | None) -> Convert | None:
    """The converter a `foedus.model.record_schema` spec names (None: the value is plain)."""
    if spec is None:
        return None
    head, _, rest = spec.partition(":")
    if head == "opt":
        inner = _converter(rest)
        assert inner is not None  # the generator writes `opt:` only around a converter
        return lambda v: None if v is None else inner(v)
    if head == "list":
        item = _converter(rest)
        assert item is not None
        return lambda v: list(map(item, v))
    if head == "date":
        return dt.date.fromisoformat
    if head == "enum":
        return getattr(vocab, rest)  # type: ignore[no-any-return]
    if head == "model":
        return functools.partial(from_plain, rest)
    raise ValueError(f"unknown converter {spec!r}")
