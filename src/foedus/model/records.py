"""Runtime records: the schema's models without pydantic, for a process that only reads validated data.

A record has its model's fields and its shared rules (`foedus.model.behaviour`): its class and the decoder of
its cached form are generated from the schema (`foedus.model.record_types`; `.record_decoders` for a treaty's
models, `.place_decoders` for a place's). It has
equality and hash by field values as a frozen model has, and the two pieces of pydantic's surface the engine
reads (`model_fields_set`, `model_copy`). Records are made only from data that was validated before it was
cached (the mirror of `foedus.model.plain.from_plain`), never from what a user wrote: validating stays the
schema's job. A process asks for records with `use_records` before it loads anything (the console's route for
one plain cascade does); the caches' decoders then give records, and importing pydantic and building the
schema's classes is not needed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any, Self

__all__ = ["Record", "paused", "records_on", "set_dict", "set_fields", "use_records"]

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

    def __reduce__(self) -> tuple[Any, ...]:
        """Copied and pickled as its class, fields and fields set (the default would `setattr`, which is refused)."""
        return _rebuild, (type(self), self.__dict__, self.model_fields_set)

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with `update`'s fields replaced, as pydantic's `model_copy` (shallow only)."""
        if deep:
            raise NotImplementedError("runtime records are copied shallowly only")
        cls = type(self)
        copy = cls.__new__(cls)
        set_dict(copy, {**self.__dict__, **(update or {})})
        set_fields(copy, self.model_fields_set | set(update or ()))
        return copy


set_dict = vars(Record)["__dict__"].__set__
"""Set a record's fields (its `__dict__`) on a new instance: the frozen record refuses `setattr`."""
set_fields = vars(Record)["model_fields_set"].__set__
"""Set which fields its data gave (`model_fields_set`)."""


def _rebuild(cls: type[Record], values: dict[str, Any], given: set[str]) -> Record:
    """A record of `cls` with these fields (`Record.__reduce__`)."""
    obj = cls.__new__(cls)
    set_dict(obj, dict(values))
    set_fields(obj, set(given))
    return obj
