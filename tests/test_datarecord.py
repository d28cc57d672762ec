"""`foedus.datarecord` makes what `dataclasses` makes: each class below is defined twice, once by each, and the
two must construct, print, compare, hash, freeze, slot, pickle and answer `dataclasses`' questions alike."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import sys
import types
from typing import Any

import pytest

from foedus import datarecord
from foedus.datarecord import _dataclass as record_class
from foedus.datarecord.spec import field as record_field

# class bodies, each decorated by `deco` with `opts`, where `field` is the decorating module's
BODIES: dict[str, tuple[str, str]] = {
    "plain": ("frozen=True, slots=True", """
class Plain:
    a: int
    b: str = "x"
    c: tuple = ()
    d: "int | None" = None
"""),
    "factories": ("frozen=True, slots=True", """
class Factories:
    a: int
    items: list = field(default_factory=list)
    tags: dict = field(default_factory=dict, repr=False)
    note: str = field(default="n", compare=False, metadata={"k": 1})
"""),
    "not_in_init": ("frozen=True", """
class NotInInit:
    a: int
    made: list = field(default_factory=lambda: [1], init=False)
    fixed: int = field(default=7, init=False, repr=False, compare=False)
    later: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "later", self.a * 2)
"""),
    "mutable": ("", """
class Mutable:
    a: int
    b: list = field(default_factory=list)
    c: str = "c"
    klass: ClassVar[int] = 3
"""),
    "mutable_slots_no_eq": ("slots=True, eq=False", """
class Loose:
    a: int
    b: int = 2
"""),
    "own_methods": ("frozen=True, slots=True", """
class OwnMethods:
    a: int
    b: int = 0

    def __repr__(self) -> str:
        return "own"

    def __hash__(self) -> int:
        return 42
"""),
    "inherited": ("frozen=True, slots=True", """
class Base:
    a: int
    b: str = "b"

@deco(frozen=True, slots=True)
class Child(Base):
    c: float = 1.5
    b: str = "override"
"""),
    "empty": ("frozen=True, slots=True", """
class Empty:
    pass
"""),
}


def _define(key: str, module: Any) -> Any:
    """The last class of `BODIES[key]`, decorated by `module`'s dataclass (the standard one or ours)."""
    opts, body = BODIES[key]
    deco, field = (module.dataclass, module.field) if module is dataclasses else (record_class,
                                                                                   record_field)
    source = body.replace("\nclass ", f"\n@deco({opts})\nclass ", 1)
    mod = types.ModuleType(f"twins_{module.__name__.replace('.', '_')}")
    sys.modules[mod.__name__] = mod  # dataclasses reads a string `ClassVar` in the class's module; pickle finds it
    scope = mod.__dict__
    scope.update({"deco": deco, "field": field})
    exec("from __future__ import annotations\nfrom typing import ClassVar\n" + source, scope)
    classes = [v for v in scope.values() if isinstance(v, type) and v.__module__ == mod.__name__]
    return classes[-1]


def _args(key: str) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    if key == "empty":
        return [((), {})]
    others: dict[str, dict[str, Any]] = {"plain": {"b": "y"}, "inherited": {"b": "y"}, "mutable": {"c": "z"},
                                         "factories": {"note": "y", "items": [2]}, "not_in_init": {}}
    other = others.get(key, {"b": 3})
    return [((1,), {}), ((2,), other), ((3,), {})]


def _hash(obj: Any) -> int | str:
    try:
        return hash(obj)
    except TypeError as e:  # a list field: unhashable in both
        return str(e)


@pytest.mark.parametrize("key", sorted(BODIES))
def test_the_twins_behave_alike(key: str) -> None:
    std, ours = _define(key, dataclasses), _define(key, datarecord)
    assert ours.__match_args__ == std.__match_args__
    assert ("__slots__" in ours.__dict__) == ("__slots__" in std.__dict__)
    if "__slots__" in std.__dict__:
        assert ours.__slots__ == std.__slots__
    assert [(f.name, f.default, f.init, f.repr, f.compare, dict(f.metadata)) for f in dataclasses.fields(ours)] \
        == [(f.name, f.default, f.init, f.repr, f.compare, dict(f.metadata)) for f in dataclasses.fields(std)]
    assert [f.name for f in datarecord.fields(ours)] == [f.name for f in dataclasses.fields(std)]
    answers = (dataclasses.is_dataclass(ours), datarecord.is_record(ours), datarecord.is_record(std))
    assert answers == (True, True, False)
    for args, kwargs in _args(key):
        a, b = std(*args, **kwargs), ours(*args, **kwargs)
        assert repr(a) == repr(b)
        assert dataclasses.asdict(a) == dataclasses.asdict(b)
        twin = ours(*args, **kwargs)
        assert (twin == b) is (std(*args, **kwargs) == a) and twin is not b
        assert (b == a) is False  # another class: NotImplemented both ways, so unequal
        assert (a.__hash__ is None) == (b.__hash__ is None)
        if a.__hash__ is not None and type(a).__dict__.get("__hash__") is not None:
            assert _hash(a) == _hash(b)
        if key != "mutable_slots_no_eq":  # compared by identity
            assert dataclasses.replace(b) == datarecord.replace(b) == b
            assert copy.copy(b) == b and copy.deepcopy(b) == b
            assert pickle.loads(pickle.dumps(b)) == b
    if key == "factories":
        x, y = ours(1), ours(1)
        assert x.items == [] and x.items is not y.items
        assert ours(1, note="other") == ours(1)  # `note` is not compared
        assert _hash(ours(1, items=(), tags=())) == _hash(std(1, items=(), tags=())) == hash((1, (), ()))


@pytest.mark.parametrize("key", ["plain", "factories", "not_in_init", "inherited"])
def test_frozen_records_refuse_changes_as_dataclasses_does(key: str) -> None:
    std, ours = _define(key, dataclasses), _define(key, datarecord)
    a, b = std(1), ours(1)
    for obj in (a, b):
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'a'"):
            obj.a = 5
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'a'"):
            del obj.a


def test_arguments_defaults_and_post_init() -> None:
    std, ours = _define("not_in_init", dataclasses), _define("not_in_init", datarecord)
    for cls in (std, ours):
        made = cls(4)
        assert (made.made, made.fixed, made.later) == ([1], 7, 8)
        with pytest.raises(TypeError):
            cls()
        with pytest.raises(TypeError):
            cls(1, made=[2])
    with pytest.raises(ValueError, match="init=False"):
        datarecord.replace(ours(1), made=[3])
    child = _define("inherited", datarecord)
    assert [f.name for f in datarecord.fields(child)] == ["a", "b", "c"]
    assert child(1) == child(1, "override", 1.5) and child(1).b == "override"


def test_mutable_records_are_unhashable_and_assignable() -> None:
    ours = _define("mutable", datarecord)
    m = ours(1)
    m.a = 2
    assert m == ours(2) and ours.__hash__ is None and ours.klass == 3
    assert "klass" not in [f.name for f in datarecord.fields(ours)]
    loose = _define("mutable_slots_no_eq", datarecord)
    assert loose(1) != loose(1) and hash(loose(1)) != 0 and not hasattr(loose(1), "__dict__")


@pytest.mark.parametrize(("body", "error", "match"), [
    ("class A:\n    a: int = 1\n    b: int\n", TypeError, "non-default argument 'b' follows default argument"),
    ("class A:\n    a: list = []\n", ValueError, "mutable default"),
    ("class A:\n    a: int = field(default=1, default_factory=int)\n", ValueError, "both default and"),
    ("class A:\n    a = field(default=1)\n", TypeError, "has no type annotation"),
    ("class A:\n    __slots__ = ('a',)\n    a: int\n", TypeError, "already specifies __slots__"),
    ("class A:\n    a: int\n    def __setattr__(self, n, v):\n        pass\n", TypeError, "Cannot overwrite"),
])
def test_what_dataclasses_refuses_is_refused(body: str, error: type[Exception], match: str) -> None:
    scope: dict[str, Any] = {"field": record_field}
    with pytest.raises(error, match=match):
        exec(body, scope)
        record_class(scope["A"], frozen=True, slots=True)


def test_frozen_and_mutable_records_do_not_mix() -> None:
    @record_class(frozen=True)
    class Frozen:
        a: int

    with pytest.raises(TypeError, match="frozen record and a mutable one"):
        record_class(type("Loose", (Frozen,), {"__annotations__": {"b": "int"}, "b": 0}))


def test_project_records_answer_dataclasses_questions() -> None:
    """A project record seen through `dataclasses` (as pandas or a user's code would see it)."""
    from foedus.engine.records import Because, Obligation

    because = Because("UKR", "RUS", "kursk-oblast")
    assert dataclasses.asdict(because) == {"attacked": "UKR", "by": "RUS", "place": "kursk-oblast",
                                           "kind": "territory"}
    assert dataclasses.replace(because, kind="forces").kind == "forces"
    assert [f.name for f in dataclasses.fields(Obligation)] == [f.name for f in datarecord.fields(Obligation)]
    assert dataclasses.fields(Obligation)[0].metadata == datarecord.fields(Obligation)[0].metadata
    with pytest.raises(TypeError, match="not a foedus record"):
        datarecord.fields(object())


def _project_records() -> list[type]:
    import importlib
    import pkgutil

    import foedus

    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(foedus.__path__, "foedus."):
        if info.name.endswith("__main__") or ".web" in info.name or "packed_jit" in info.name:
            continue  # a console entry point; the web app (its records are the standard library's); numba
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and "__record_fields__" in value.__dict__ and value.__module__ == info.name:
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[k] for k in sorted(found)]


def test_every_project_record_is_made_as_dataclasses_would_make_it() -> None:
    """Each record class of the package beside a standard dataclass made from the same fields: the same
    `__init__` (arguments in order, defaults, factories; a stand-in object for each required field), repr,
    equality and hash. Classes with a `__post_init__` are skipped (stand-ins would not satisfy it)."""
    records = _project_records()
    assert len(records) >= 50  # the engine's and the data model's
    assert [cls for cls in records if not cls.__doc__] == []  # none is left to a docstring made from its signature
    for cls in records:
        if hasattr(cls, "__post_init__"):
            continue
        params = cls.__record_params__  # type: ignore[attr-defined]
        twin: Any = datarecord.standard(cls)
        twin.__qualname__ = cls.__qualname__
        required = [f.name for f in datarecord.fields(cls)
                    if f.init and f.default is datarecord.MISSING and f.default_factory is datarecord.MISSING]
        stand_ins = [f"<{name}>" for name in required]
        ours, theirs = cls(*stand_ins), twin(*stand_ins)
        assert cls.__match_args__ == twin.__match_args__, cls  # type: ignore[attr-defined]
        assert repr(ours) == repr(theirs), cls
        assert [getattr(ours, f.name) for f in datarecord.fields(cls)] == \
            [getattr(theirs, f.name) for f in dataclasses.fields(twin)], cls
        assert (ours == cls(*stand_ins)) == (theirs == twin(*stand_ins)), cls
        assert (cls.__hash__ is None) == (twin.__hash__ is None), cls
        if params.frozen and params.eq:
            mine = _hash(ours)
            if getattr(cls.__hash__, "__code__", None) is not None and cls.__hash__.__code__.co_filename == "<string>":
                assert mine == _hash(theirs), cls  # the generated hash (not the class's own)
