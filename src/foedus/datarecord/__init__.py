"""The data model's and the engine's records: dataclasses made without `dataclasses`, at a fraction of the cost.

A plain `foedus cascade` makes 44 record classes as it starts. The standard library compiles five or six methods
for each, one `exec` apiece, and imports `inspect` on the way: about a quarter of the console's start
(`bench/bench_cli_phases.py --classes`, docs/performance.md). Here a class's `__init__` is compiled when the class
is made (those of the classes a plain `foedus cascade` makes come compiled with the package instead:
`foedus.datarecord.inits`, written by `python -m foedus.datarecord.gen_inits`), and each other method the first
time it is called (most never are in one command). The semantics are the standard library's for the options foedus
uses (`frozen`, `slots`, `eq`; a field's `default`, `default_factory`, `init`, `repr`, `compare` and `metadata`):
the same `__init__` (calling `__post_init__`), `__repr__`, `__eq__`, `__hash__`, `__match_args__`, frozen
assignment raising `dataclasses.FrozenInstanceError`, slots that pickle (one difference: a class without a
docstring gets none written from its signature; every record of the package has one). `dataclasses.fields`,
`replace`, `asdict` and `is_dataclass` work on these records too: their `__dataclass_fields__` is made by
`dataclasses.make_dataclass` the first time something asks for it. The project's own code reads `fields`, `replace`
and `is_record` from here, which never import `dataclasses`. Type checkers see `dataclasses.dataclass` itself.
tests/test_datarecord.py holds the two to the same results.
"""

from __future__ import annotations

import reprlib
from typing import TYPE_CHECKING, Any, TypeVar

from foedus.datarecord.methods import deferred, explicit_hash, frozen_error, getstate, setstate, sources
from foedus.datarecord.spec import FACTORY, MISSING, Field, Params, collect
from foedus.datarecord.spec import field as _field

__all__ = ["MISSING", "Field", "dataclass", "field", "fields", "is_record", "replace", "standard", "without_post_init"]

T = TypeVar("T")


def _dataclass(cls: type | None = None, /, *, frozen: bool = False, slots: bool = False,
               eq: bool = True) -> Any:
    """`dataclass`: the standard library's decorator, for the options foedus uses (others are refused)."""
    def wrap(c: type) -> type:
        return _process(c, Params(frozen, eq, slots))

    return wrap if cls is None else wrap(cls)


if TYPE_CHECKING:
    from dataclasses import dataclass, field
else:
    dataclass, field = _dataclass, _field


def is_record(obj: Any) -> bool:
    """Whether `obj` is a record class made here, or an instance of one."""
    return hasattr(obj if isinstance(obj, type) else type(obj), "__record_fields__")


def fields(obj: Any) -> tuple[Field, ...]:
    """A record's (class's or instance's) fields, in order, inherited ones first.

    Raises:
        TypeError: `obj` is not a record made here.
    """
    found = getattr(obj, "__record_fields__", None)
    if found is None:
        raise TypeError(f"{obj!r} is not a foedus record")
    return found  # type: ignore[no-any-return]


def without_post_init(cls: type[Any], **given: Any) -> Any:
    """An instance of the record class `cls` (not slotted) with these fields, the others at their defaults, made without
    its `__init__`, so its `__post_init__` is skipped: a registry read back from the world cache with the index it
    stored, not built again (`StateRegistry.indexed`, `Gazetteer.indexed`).

    Raises:
        TypeError: a field without a default is not given."""
    obj = object.__new__(cls)
    for f in fields(cls):
        if f.name in given:
            obj.__dict__[f.name] = given[f.name]
        elif f.default_factory is not MISSING:
            obj.__dict__[f.name] = f.default_factory()
        elif f.default is not MISSING:
            obj.__dict__[f.name] = f.default
        else:
            raise TypeError(f"{cls.__name__}.{f.name} is missing from the cached data")
    return obj


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of the record `obj` with `changes`, made by its `__init__` (so `__post_init__` runs again). A field the
    class names in `__record_later__` (one it may hold unmade, as `foedus.engine.result.Later`) is carried as held.

    Raises:
        ValueError: a change names a field outside `__init__`.
        TypeError: `obj` is not a record, or a change names no field.
    """
    later = getattr(obj.__class__, "__record_later__", ())  # fields it may hold unmade: carried so, not made here
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is declared with init=False, it cannot be specified with replace()")
        elif f.name not in changes:
            changes[f.name] = obj.__dict__[f.name] if f.name in later else getattr(obj, f.name)
    return obj.__class__(**changes)


def _process(cls: type, params: Params) -> type:
    """`cls` made a record: `__init__` compiled now, its other methods on their first call (`methods.deferred`),
    slots added by remaking the class."""
    found = collect(cls, params)
    all_fields = tuple(found.values())
    scope: dict[str, Any] = {"__r_set": object.__setattr__, "__r_factory": FACTORY, "__r_frozen": frozen_error,
                             "__r_recursive": reprlib.recursive_repr, "__name__": cls.__module__}
    texts = sources(cls, all_fields, params, scope)
    methods: dict[str, Any] = {name: deferred(scope, name, text) for name, text in texts.items() if name != "__init__"}
    if "__init__" in texts:
        made = _precompiled(texts["__init__"], scope)
        if made is None:
            exec(texts["__init__"], scope)  # made by `methods.sources` from the class's field names
            made = scope["__init__"]
        methods["__init__"] = made
    names = {**methods, "__record_fields__": all_fields, "__record_params__": params,
             "__dataclass_fields__": _Standard("__dataclass_fields__"),
             "__dataclass_params__": _Standard("__dataclass_params__")}
    if "__match_args__" not in cls.__dict__:
        names["__match_args__"] = tuple(f.name for f in all_fields if f.init)
    if params.eq and not params.frozen and not explicit_hash(cls):
        names["__hash__"] = None  # eq without frozen: unhashable, as the standard library makes it
    for name, f in found.items():
        if name in cls.__dict__ and not params.slots:
            if f.default is MISSING:
                delattr(cls, name)  # a `field()` without a default: no class attribute
            else:
                setattr(cls, name, f.default)
    if params.slots:
        cls = _slotted(cls, all_fields, params, names)
    else:
        for name, value in names.items():
            setattr(cls, name, value)
    for fn in methods.values():
        fn.__qualname__ = f"{cls.__qualname__}.{fn.__name__}"
    scope["__r_cls"] = cls
    return cls


def _precompiled(source: str, scope: dict[str, Any]) -> Any:
    """The `__init__` written as `source`, made by the function `foedus.datarecord.inits` keeps for it (compiled
    with the package) from the names it uses in `scope`; None when that source is not there."""
    from foedus.datarecord.inits import INITS

    make = INITS.get(source)
    if make is None:
        return None
    code = make.__code__
    made = make(*[scope[name] for name in code.co_varnames[:code.co_argcount]])
    made.__module__ = scope["__name__"]
    return made


def _slotted(cls: type, all_fields: tuple[Field, ...], params: Params, names: dict[str, Any]) -> type:
    """`cls` remade with a slot for each of its fields (those of a slotted base excepted)."""
    if "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__} already specifies __slots__")
    inherited = {s for base in cls.__mro__[1:-1] for s in _slots_of(base)}
    namespace = dict(cls.__dict__)
    for f in all_fields:
        namespace.pop(f.name, None)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    namespace["__slots__"] = tuple(f.name for f in all_fields if f.name not in inherited)
    namespace.update(names)
    if params.frozen:
        namespace.setdefault("__getstate__", getstate)
        namespace.setdefault("__setstate__", setstate)
    made = type(cls)(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    return made


def _slots_of(cls: type) -> tuple[str, ...]:
    slots = cls.__dict__.get("__slots__", ())
    return (slots,) if isinstance(slots, str) else tuple(slots)


def standard(cls: type, *, slots: bool = False) -> type:
    """The standard library's dataclass made from a record's fields and options (`dataclasses.make_dataclass`):
    its view for code that asks `dataclasses`, and the twin tests and benchmarks hold a record against."""
    import dataclasses

    params: Params = cls.__record_params__  # type: ignore[attr-defined]
    specs = [(f.name, f.type, dataclasses.field(
        default=dataclasses.MISSING if f.default is MISSING else f.default,
        default_factory=dataclasses.MISSING if f.default_factory is MISSING else f.default_factory,
        init=f.init, repr=f.repr, compare=f.compare, metadata=dict(f.metadata))) for f in fields(cls)]
    return dataclasses.make_dataclass(cls.__name__, specs, frozen=params.frozen, eq=params.eq, slots=slots)


class _Standard:
    """A record's `__dataclass_fields__` or `__dataclass_params__`, made by the standard library on first use
    (for code outside foedus that asks `dataclasses` about a record: `standard`) and then kept on the class."""

    def __init__(self, attribute: str) -> None:
        self.attribute = attribute

    def __get__(self, obj: Any, owner: type) -> Any:
        made = standard(owner)
        for name in ("__dataclass_fields__", "__dataclass_params__"):
            type.__setattr__(owner, name, getattr(made, name))
        return getattr(made, self.attribute)
