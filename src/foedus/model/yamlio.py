"""YAML (and JSON) reading for data files: safe, fast, and with dates left as text for pydantic to check.

PyYAML would turn `2020-13-01` into a crash inside its own date constructor; keeping dates as
strings lets the schema report the bad value with its field path instead. The rules every file reader shares
(a file that is not a mapping, a state listed twice in one list) are here too; the reading of a file's text and
JSON, and the words of its refused fields, are `foedus.model.filedata`'s, imported from here by every reader.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from foedus.errors import FoedusError
from foedus.model.filedata import (
    MAX_FILE_BYTES,
    file_data_error,
    load_json,
    not_a_mapping,
    read_text_file,
    validate_file_data,
    written_keys,
)
from foedus.model.filedata import whole as _whole
from foedus.model.yaml_null import holds_null
from foedus.written import as_written

__all__ = ["MAX_FILE_BYTES", "dump_yaml", "file_data_error", "load_json", "load_yaml", "not_a_mapping",
           "read_text_file", "read_yaml_file", "validate_file_data", "written_keys",
           "yaml_error"]

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """Safe loader without the implicit timestamp resolver."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
# YAML 1.1 (PyYAML) reads a float only with a point and a signed exponent: `1e-3`, `2.5e3` and `1e309` were text,
# refused as "must be a number, got '1e-3'"; YAML 1.2 and JSON read them as the numbers they are
_EXPONENT = re.compile(r"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)[eE][-+]?[0-9]+$")
_Loader.add_implicit_resolver("tag:yaml.org,2002:float", _EXPONENT, list("-+0123456789."))


class _Dumper(yaml.SafeDumper):
    """Safe dumper that quotes text the loader would read as a number (`'5e1'`, an article or a treaty id), as it
    quotes `'5'`: PyYAML's own writes it plain, and the file would not read back as written."""


_Dumper.add_implicit_resolver("tag:yaml.org,2002:float", _EXPONENT, list("-+0123456789."))


def dump_yaml(data: Any) -> str:
    """`data` as YAML text that `load_yaml` reads back as the same data (keys in their order, unicode kept).

    >>> print(dump_yaml({"article": "5e1", "rate": 0.001}), end="")
    article: '5e1'
    rate: 0.001
    >>> load_yaml(dump_yaml({"article": "5e1"}))
    {'article': '5e1'}
    """
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True)


def _no_duplicate_keys(loader: Any, node: yaml.MappingNode, deep: bool = False) -> Any:
    """Mappings as dicts, refusing a key written twice (YAML says keys are unique; PyYAML keeps the last)."""
    seen: set[Any] = set()
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":  # `<<: *anchor` merges; the base constructor expands it
            continue
        key = loader.construct_object(key_node, deep=deep)
        try:
            duplicate = key in seen
            seen.add(key)
        except TypeError:  # an unhashable key: the base constructor reports it
            break
        if duplicate:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {str(key)[:60]!r}", key_node.start_mark)
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor("tag:yaml.org,2002:map", _no_duplicate_keys)




class WrittenInt(int):
    """A whole number YAML read from other digits than its own (`010` is 8, `0x1F` 31, `+5`, `5:30` 330): a field
    that keeps text (an article) refuses it by `written`, the text in the file, where `5` is taken as '5'."""

    written: str


def _int(loader: Any, node: yaml.ScalarNode) -> Any:
    _whole(node.value)
    value = loader.construct_yaml_int(node)
    if node.value == str(value):
        return value
    odd = WrittenInt(value)
    odd.written = node.value
    return odd


_Loader.add_constructor("tag:yaml.org,2002:int", _int)


def _tag_refused(loader: Any, node: yaml.Node) -> Any:
    """A tag whose value is not text, a number, true/false, null, a list or a mapping (`!!binary`, `!!set`,
    `!!timestamp`, `!!python/object`, `!mine`), refused: `!!binary` bytes were taken as a treaty's text, and an
    unknown tag's error was PyYAML's ('could not determine a constructor')."""
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    raise yaml.constructor.ConstructorError(
        None, None, f"the tag {tag[:60]!r} is not one foedus reads (a data file holds text, numbers, true/false, "
        "null, lists and mappings)", node.start_mark)


for _tag in ("binary", "timestamp", "set", "omap", "pairs"):  # the safe loader's tags beyond JSON's kinds
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _tag_refused)
_Loader.add_constructor(None, _tag_refused)  # any other tag




def load_yaml(text: str) -> Any:
    """Parse YAML text safely; timestamps stay strings, a key written twice in a mapping or a tag beyond JSON's kinds
    of value (`_tag_refused`) is an error.

    >>> try:
    ...     load_yaml("id: a\\nid: b")
    ... except yaml.YAMLError as exc:
    ...     print(yaml_error(exc))
    ('line 2', "duplicate key 'id'")
    """
    try:
        return yaml.load(text, Loader=_Loader)
    except (ValueError, OverflowError, RecursionError) as exc:  # e.g. an integer of 5,000 digits
        problem = " ".join(str(exc).split())[:120]
        raise yaml.constructor.ConstructorError(None, None, f"unusable value ({problem})", None) from None


def yaml_error(exc: yaml.YAMLError) -> tuple[str, str]:
    """Where (`line 5`, or nothing when PyYAML gives no place) and what the YAML problem `exc` is, so that every
    reader says the line once, in its place before the problem.
    """
    mark = getattr(exc, "problem_mark", None)
    return (f"line {mark.line + 1}" if mark is not None else "", getattr(exc, "problem", None) or str(exc))




def read_yaml_file(path: str | Path, what: str) -> Any:
    """Parse a user's YAML file; unreadable files, bad YAML and a file of null alone become one-line FoedusErrors."""
    text = read_text_file(path, what)
    target = as_written(path)
    try:
        raw = load_yaml(text)
    except yaml.YAMLError as exc:
        where, problem = yaml_error(exc)
        raise FoedusError(f"{target}: {where + ': ' if where else ''}invalid YAML in {what}: {problem}") from None
    if raw is None and holds_null(text):  # said here, where the text is known; an empty file is left to the reader
        raise FoedusError(f"{target}: {not_a_mapping(raw, f'{what} fields', text)}")
    return raw


