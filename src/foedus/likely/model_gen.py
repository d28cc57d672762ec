"""Write `foedus.likely.model_records` from the likelihood model file's schema (`foedus.likely.model_schema`, the
one place its fields are spelled): each model's plain record (a frozen dataclass with the schema model's shared
methods) and its plain reader, straight code calling the check `foedus.likely.model_values` gives each field's type.

Run `python -m foedus.likely.model_gen` after changing the schema (`--check`: exit 1 naming the stale module,
writing nothing); tests/test_likely_model_records.py fails until it is current. A type the plain reader has no
check for, or a constraint written on a field rather than in its type, stops the generator, naming the field.
"""

from __future__ import annotations

import re
import sys
import textwrap
import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from foedus.likely import model_methods, model_schema
from foedus.model.facts import Line, Text
from foedus.model.numbers import Number, One, Whole

__all__ = ["OUT", "ROOT", "main", "render"]

ROOT: type[BaseModel] = model_schema.ModelFile
"""The file's model; every model its fields name is generated too."""

OUT = Path(__file__).with_name("model_records.py")
"""The generated module."""

_LEAVES: tuple[tuple[Any, str, str], ...] = (
    (One, "one", "int"), (Text, "text", "str"), (Line, "line", "str"), (Number, "number", "float"),
    (Whole, "whole", "int"), (model_schema.Penalty, "positive", "float"), (model_schema.Count, "count", "int"),
    (list[str], "texts", "list[str]"), (list[Number], "numbers", "list[float]"),
    (dict[str, Any], "any_dict", "dict[str, Any]"))
"""Each schema type the plain reader checks whole: (type, its check in `foedus.likely.model_values`, its record
annotation)."""


def _snake(name: str) -> str:
    """`LogitFile` -> `logit_file`."""
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def _models(root: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """The models `root` reaches, dependencies first."""
    out: dict[str, type[BaseModel]] = {}

    def visit(cls: type[BaseModel]) -> None:
        if cls.__name__ in out:
            return
        if cls.model_config.get("extra") != "forbid" or cls.__pydantic_post_init__ or cls.__private_attributes__:
            raise SystemExit(f"{cls.__name__}: the plain reader takes models that forbid extras, with no post-init "
                             "hook or private attribute")
        for tp in typing.get_type_hints(cls, include_extras=True).values():
            for inner in _reached(tp):
                visit(inner)
        out[cls.__name__] = cls

    visit(root)
    return out


def _reached(tp: Any) -> list[type[BaseModel]]:
    """The models a field type names."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    if typing.get_origin(tp) is typing.Annotated:
        return []
    return [m for arg in typing.get_args(tp) for m in _reached(arg)]


def _plan(tp: Any, where: str) -> tuple[str, str]:
    """(the reader expression, the record annotation) of a field type.

    Raises:
        SystemExit: a type the plain reader has no check for.
    """
    for leaf, check, annotation in _LEAVES:
        if tp == leaf:
            return check, annotation
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"read_{_snake(tp.__name__)}", tp.__name__
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        check, annotation = _plan(next(a for a in args if a is not type(None)), where)
        return f"optional({check})", f"{annotation} | None"
    if origin is list:
        check, annotation = _plan(args[0], where)
        return f"lists({check})", f"list[{annotation}]"
    if origin is dict:
        key, value = args
        check, annotation = _plan(value, where)
        if key is str:
            return f"dicts(None, {check})", f"dict[str, {annotation}]"
        if typing.get_origin(key) is Literal and all(type(k) is str for k in typing.get_args(key)):
            return f"dicts({_set(typing.get_args(key))}, {check})", f"dict[str, {annotation}]"
    raise SystemExit(f"{where}: the plain reader has no check for {tp!r}: add one to foedus.likely.model_values and "
                     "to foedus.likely.model_gen's _LEAVES")


def _field(cls: type[BaseModel], name: str, info: FieldInfo, tp: Any) -> tuple[str, str, str | None]:
    """(reader expression, annotation, default: None where required, else the default's code) of one field (a
    default is given as the schema gives it: pydantic does not check it)."""
    where = f"{cls.__name__}.{name}"
    if info.metadata != FieldInfo.from_annotation(tp).metadata:
        raise SystemExit(f"{where}: a constraint written on the field: give it a named type (as Penalty) that "
                         "foedus.likely.model_gen's _LEAVES checks")
    check, annotation = _plan(tp, where)
    if info.default_factory is None and info.default is PydanticUndefined:
        return check, annotation, None
    if info.default_factory in (dict, list):
        return check, annotation, "{}" if info.default_factory is dict else "[]"
    if info.default_factory is None and (info.default is None or type(info.default) in (bool, int, float, str)):
        return check, annotation, repr(info.default).replace("'", '"')
    raise SystemExit(f"{where}: the plain reader takes only an empty dict or list, or a constant, as a default")


def render() -> str:
    """The text of `foedus.likely.model_records`."""
    models = _models(ROOT)
    records: list[str] = []
    readers: list[str] = []
    combined: list[str] = []  # each combined check, made once after the readers it names
    used = {"fields"}
    for name, cls in models.items():
        hints = typing.get_type_hints(cls, include_extras=True)
        planned = {f: _field(cls, f, info, hints[f]) for f, info in cls.model_fields.items()}
        bases = [b.__name__ for b in cls.__mro__[1:] if b.__module__ == model_methods.__name__]
        records += ["", "", "@dataclass(frozen=True, kw_only=True)",
                    f"class {name}({', '.join([*bases, 'Copied'])}):",
                    f'    """The schema\'s `{name}` as a plain record."""', ""]
        records += [f"    {f}: {a}" + ("" if d is None else f" = field(default_factory={_FACTORY[d]})" if d in _FACTORY
                                        else f" = {d}") for f, (_c, a, d) in planned.items()]
        snake = _snake(name).upper()
        readers += ["", "", f"def read_{_snake(name)}(v: Any) -> {name}:",
                    f'    """A `{name}` record of a parsed value (`Doubt`: one the schema may refuse)."""',
                    f"    d = fields(v, _{snake}, _{snake}_ALL)", f"    return {name}("]
        for f, (check, _a, default) in planned.items():
            if "(" in check:
                combined.append(f"_{snake}_{f.upper()} = {check}")
                check = f"_{snake}_{f.upper()}"
            readers.append(f'        {f}={check}(d["{f}"]),' if default is None else  # a default is not checked
                           f'        {f}={check}(d["{f}"]) if "{f}" in d else {default},')
        readers.append("    )")
        required = tuple(f for f, p in planned.items() if p[2] is None)
        combined += _wrapped(f"_{snake} = frozenset({{", [f'"{f}"' for f in required], "})")
        combined += [f"_{snake}_ALL = _{snake}"] if required == tuple(planned) else _wrapped(
            f"_{snake}_ALL = frozenset({{", [f'"{f}"' for f in planned], "})")
        used.update(re.findall(r"[a-z_]+", " ".join(p[0] for p in planned.values())))
    names = [c.split(" ", 1)[0] for c in combined if c.startswith("_")]
    if len(set(names)) != len(names):  # `Check.all`'s reader would be `_CHECK_ALL`, the name of Check's field set
        twice = sorted({n for n in names if names.count(n) > 1})
        raise SystemExit(f"two constants of the readers share a name: {', '.join(twice)}")
    checks = sorted(used.intersection(_CHECKS))
    head = ['"""Generated by `python -m foedus.likely.model_gen` from the schema (`foedus.likely.model_schema`): the',
            "likelihood model file's plain records (frozen dataclasses, no pydantic: a fresh `foedus cascade … "
            "--likelihood`", "reads the shipped model on every run) and their readers, which "
            "`foedus.likely.model_plain` calls. Do not", "edit: tests/test_likely_model_records.py checks that it "
            "matches the schema.", '"""', "",
            "from __future__ import annotations", "", "from dataclasses import dataclass, field",
            "from typing import Any", "",
            *_imports("foedus.likely.model_methods", sorted(["Copied", *_methods(models)])),
            *_imports("foedus.likely.model_values", checks), "",
            *_wrapped("__all__ = [", [f'"{n}"' for n in sorted([*models, "read_model_file"])], "]")]
    return "\n".join([*head, *records, *readers, "", "", *combined]) + "\n"


_CHECKS = ("any_dict", "count", "dicts", "fields", "line", "lists", "number", "numbers", "one", "optional",
           "positive", "text", "texts", "whole")
"""The names `foedus.likely.model_values` gives the generated module."""


def _methods(models: dict[str, type[BaseModel]]) -> list[str]:
    """The shared-method bases (`foedus.likely.model_methods`) the models take."""
    return sorted({b.__name__ for cls in models.values() for b in cls.__mro__[1:]
                   if b.__module__ == model_methods.__name__})


_FACTORY = {"{}": "dict", "[]": "list"}
"""The default factory of each empty default's code."""


def _set(texts: tuple[str, ...]) -> str:
    """Code for a frozenset of `texts`, in their order."""
    return f"frozenset({{{', '.join(f'{t!r}'.replace(chr(39), chr(34)) for t in texts)}}})"


def _imports(module: str, names: list[str]) -> list[str]:
    """`from module import names`: on one line, or one name a line where that is over 120 columns (as ruff sorts)."""
    line = f"from {module} import {', '.join(names)}"
    return [line] if len(line) <= 120 else [f"from {module} import (", *(f"    {n}," for n in names), ")"]


def _wrapped(prefix: str, items: list[str], close: str) -> list[str]:
    """`prefix`, the items joined and `close`, wrapped at 120 columns under the first item."""
    return textwrap.wrap(f"{prefix}{', '.join(items)}{close}", 120, subsequent_indent=" " * len(prefix),
                         break_on_hyphens=False, break_long_words=False)


def main(argv: Sequence[str] = ()) -> int:
    """Rewrite `foedus.likely.model_records` (`--check`: only say whether it is stale), through
    `foedus.outputs.generated.run_generator`."""
    from foedus.outputs.generated import run_generator

    return run_generator(argv, "foedus.likely.model_gen", "Write foedus.likely.model_records: the likelihood model "
                         "file's plain records and readers, from its schema.", lambda: {OUT: render()})


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
