"""The JSON contract, from the records' field metadata: `to_dict()`, docs/json-contract.md and the web
front end's TypeScript types (web/src/contract.ts) all come from it.

A field is in the contract when its metadata says so (`meta(...)`): its JSON key, TypeScript type, meaning,
whether it is stable, and whether its keys are merged into the parent (`flatten`). Values computed from
the fields are declared with `computed(...)`, after the fields or, with `after`, right after one of them.
Regenerate the doc and the types with `python -m foedus.engine.contract`; tests/test_contract.py fails when they drift.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

from foedus import datarecord
from foedus.datarecord import dataclass

__all__ = ["Computed", "Contracted", "Key", "computed", "keys_of", "meta", "to_json"]

T = TypeVar("T")


@dataclass(frozen=True)
class Key:
    """One key of a JSON object: name, TypeScript type, meaning, and whether tests hold it stable."""

    name: str
    ts: str
    doc: str
    stable: bool = False
    optional: bool = False


def meta(doc: str, ts: str, *, key: str | None = None, stable: bool = False, flatten: bool = False,
         optional: bool = False, omit: tuple[str, ...] = ()) -> dict[str, Any]:
    """Field metadata putting the field in the contract (`flatten`: merge its own keys into the parent;
    `omit`: keys of its items to leave out; `optional`: present only in some results)."""
    return {"contract": {"doc": doc, "ts": ts, "key": key, "stable": stable, "flatten": flatten,
                         "optional": optional, "omit": omit}}


class Computed(Generic[T]):
    """A read-only property that is also a key of the contract (made with `computed`)."""

    def __init__(self, getter: Callable[[Any], T], doc: str, ts: str, stable: bool, key: str | None,
                 after: str | None = None) -> None:
        self.getter, self.contract = getter, {"doc": doc, "ts": ts, "stable": stable}
        self.name = key or getter.__name__
        self.after, self.attr = after, getter.__name__  # `attr`: the class's name for it (`__set_name__`)
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.attr = name

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> Computed[T]: ...
    @overload
    def __get__(self, obj: object, objtype: type | None = None) -> T: ...

    def __get__(self, obj: object | None, objtype: type | None = None) -> T | Computed[T]:
        return self if obj is None else self.getter(obj)


def computed(doc: str, ts: str, *, stable: bool = False, key: str | None = None, after: str | None = None
             ) -> Callable[[Callable[[Any], T]], Computed[T]]:
    """Decorate a method computing a contract key (default: the method's name) from the record's fields: after
    them, or right after the field named `after` (a key derived from a field, where the contract places it)."""
    def wrap(getter: Callable[[Any], T]) -> Computed[T]:
        return Computed(getter, doc, ts, stable, key, after)

    return wrap


def _computed(cls: type) -> list[Computed[Any]]:
    out: list[Computed[Any]] = []
    for klass in reversed(cls.__mro__):
        out += [v for v in vars(klass).values() if isinstance(v, Computed) and v not in out]
    return out


def _placed(cls: type) -> dict[str, list[Computed[Any]]]:
    """The computed keys of `cls` placed after a field (`computed`'s `after`), by that field's name.

    Raises:
        TypeError: one names no contract field of `cls`.
    """
    out: dict[str, list[Computed[Any]]] = {}
    for p in _computed(cls):
        if p.after is not None:
            out.setdefault(p.after, []).append(p)
    named = {f.name for f in datarecord.fields(cls) if f.metadata.get("contract") is not None}
    if wrong := sorted(set(out) - named):
        raise TypeError(f"{cls.__name__}: a computed key is placed after {wrong[0]}, not a field of its contract")
    return out


def _field_type(cls: type, name: str) -> type:
    """The type of one field, its annotation evaluated in the class's module (as `typing.get_type_hints` would,
    for that field alone: another field's type may be imported only for type checking)."""
    import sys

    hint = next(f.type for f in datarecord.fields(cls) if f.name == name)
    found: type = eval(hint, vars(sys.modules[cls.__module__])) if isinstance(hint, str) else hint
    return found


def keys_of(cls: type) -> list[Key]:
    """The contract keys of a record class, in order: its fields (flattened ones expanded), then computed."""
    out: list[Key] = []
    placed = _placed(cls)
    for f in datarecord.fields(cls):
        c = f.metadata.get("contract")
        if c is None:
            continue
        if c["flatten"]:
            inner = _record_class(_field_type(cls, f.name))
            out += [Key(k.name, k.ts, k.doc, k.stable, k.optional or c["optional"]) for k in keys_of(inner)
                    if k.name not in c["omit"]]
        else:
            out.append(Key(c["key"] or f.name, c["ts"], c["doc"], c["stable"], c["optional"]))
        out += [_computed_key(p) for p in placed.get(f.name, ())]
    return out + [_computed_key(p) for p in _computed(cls) if p.after is None]


def _computed_key(p: Computed[Any]) -> Key:
    return Key(p.name, str(p.contract["ts"]), str(p.contract["doc"]), bool(p.contract["stable"]))


def _record_class(tp: Any) -> type:
    """The record class inside `X` or `X | None`."""
    import types

    if isinstance(tp, types.UnionType):
        tp = next(a for a in tp.__args__ if a is not type(None))
    return tp  # type: ignore[no-any-return]


_PLAIN = (str, int, float, bool, type(None))


def _value(value: Any, omit: tuple[str, ...] = ()) -> Any:
    if isinstance(value, _PLAIN):  # most values: returned as they are
        return value
    if isinstance(value, tuple | list):
        return [_value(v, omit) for v in value]
    if hasattr(type(value), "__record_fields__"):  # a record (an instance: a class's own type is not one)
        return _flat(value, omit)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


# per record class: (field name, JSON key, flattened, keys to omit, optional) for each contract field and each
# computed key placed after one (`computed`'s `after`), and the other computed keys; read once per class rather
# than from the fields' metadata for every record
_Plan = tuple[tuple[tuple[str, str, bool, tuple[str, ...], bool], ...], tuple[Computed[Any], ...]]
_PLANS: dict[type, _Plan] = {}


def _plan(cls: type) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        placed = _placed(cls)  # a computed key placed after a field is read by its name, as the field is
        fields = tuple(entry for f in datarecord.fields(cls) if (c := f.metadata.get("contract")) is not None
                       for entry in ((f.name, c["key"] or f.name, bool(c["flatten"]), tuple(c["omit"]),
                                      bool(c["optional"])),
                                     *((p.attr, p.name, False, (), False) for p in placed.get(f.name, ()))))
        plan = _PLANS[cls] = (fields, tuple(p for p in _computed(cls) if p.after is None))
    return plan


class Contracted:
    """Base of the records whose JSON form is the contract their fields' metadata declares (`meta`)."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the fields and computed properties the contract declares (docs/json-contract.md)."""
        return to_json(self)


def to_json(record: Any) -> dict[str, Any]:
    """The record as its JSON contract (see `meta`), by its class's writer (`_writer`)."""
    cls = type(record)
    write = _WRITERS.get(cls)
    if write is None:
        write = _WRITERS[cls] = _writer(cls)
    return write(record)


_WRITERS: dict[type, Callable[[Any], dict[str, Any]]] = {}
_PLAIN_TYPES = frozenset(_PLAIN)


def _writer(cls: type) -> Callable[[Any], dict[str, Any]]:
    """`to_json` for records of `cls`, compiled once from its plan (`_plan`): each field read by name and a plain
    value (of a type in `_PLAIN`, most) stored as it is, where a loop over the plan read each with `getattr` and
    passed it to `_value` (docs/performance.md, session 53). What it writes is what `_value` and the plan give:
    tests/test_contract.py holds it to the loop over the plan it replaced."""
    fields, computed_keys = _plan(cls)
    scope: dict[str, Any] = {"_value": _value, "_P": _PLAIN_TYPES, "_flat": _flat}
    lines = ["def write(r):", "    out = {}"]
    for i, (name, key, flatten, omit, optional) in enumerate(fields):
        if not name.isidentifier():
            raise TypeError(f"{cls.__name__}.{name} is not a field name")
        scope[f"_o{i}"] = omit
        lines.append(f"    v = r.{name}")
        pad = "    "
        if optional or flatten:
            lines.append("    if v is not None:")
            pad = "        "
        if flatten:
            lines.append(f"{pad}out.update(_flat(v, _o{i}))")
        elif omit:
            lines.append(f"{pad}out[{key!r}] = _value(v, _o{i})")
        else:
            lines.append(f"{pad}out[{key!r}] = v if v.__class__ in _P else _value(v)")
    for i, p in enumerate(computed_keys):
        scope[f"_g{i}"] = p.getter
        lines.append(f"    out[{p.name!r}] = _value(_g{i}(r))")
    lines.append("    return out")
    exec("\n".join(lines) + "\n", scope)
    made: Callable[[Any], dict[str, Any]] = scope["write"]
    return made


def _flat(value: Any, omit: tuple[str, ...]) -> dict[str, Any]:
    """A record's contract less the keys `omit`: a flattened field's keys, merged into its parent's, or a record
    field's, or each record item's (`_value`)."""
    return {k: v for k, v in to_json(value).items() if k not in omit} if omit else to_json(value)

