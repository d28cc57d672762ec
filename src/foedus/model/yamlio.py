"""YAML (and JSON) reading for data files: safe, fast, and with dates left as text for pydantic to check.

PyYAML would turn `2020-13-01` into a crash inside its own date constructor; keeping dates as
strings lets the schema report the bad value with its field path instead. The rules every file reader shares
(a file that is not a mapping, a state listed twice in one list) are here too.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from foedus.errors import FileDataError, FoedusError, field_path, shown, validation_problem
from foedus.model.yaml_null import holds_null
from foedus.reachable import os_reason
from foedus.written import as_written

__all__ = ["MAX_FILE_BYTES", "dump_yaml", "file_data_error", "load_json", "load_yaml", "not_a_mapping",
           "read_text_file", "read_yaml_file", "validate_file_data", "written_keys",
           "yaml_error"]

M = TypeVar("M", bound=BaseModel)
MAX_FILE_BYTES = 8 * 1024 * 1024  # a treaty, overlay or honour file is a few KiB; this is far beyond any real one

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


def _whole(text: str) -> str:
    """`text`, a whole number as written, refused in foedus's words when it has more digits than Python converts:
    its own error says 'use sys.set_int_max_str_digits() to increase the limit', advice to a programmer.

    Raises:
        ValueError: more than `sys.get_int_max_str_digits()` digits ("a whole number of 5,000 digits: …").
    """
    digits = len(text.replace("_", "").lstrip("+-"))
    limit = sys.get_int_max_str_digits()  # 0: no limit
    if limit and digits > limit:
        raise ValueError(f"a whole number of {digits:,} digits: more than the {limit:,} a number may have")
    return text


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


def load_json(text: str) -> Any:
    """Parse JSON text; a whole number of more digits than Python converts is refused as a YAML file's is.

    Raises:
        ValueError: the text is not JSON, or a number is too long (`_whole`).
    """
    return json.loads(text, parse_int=lambda digits: int(_whole(digits)))


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


def read_text_file(path: str | Path, what: str, limit: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of a user's regular file, at most `limit` bytes.

    Opened without blocking and checked to be a regular file before it is read, so a named pipe or a
    device never hangs the program, and a folder or an oversized file is refused with one line.

    Raises:
        FoedusError: the file is missing, unreadable, not a regular file, too large, or not UTF-8.
    """
    if not str(path):  # Path("") is ".", the current folder: say what was given, not what it became
        raise FoedusError(f"cannot read {what}: the path is empty")
    target = as_written(path)  # `f.yaml/` (a trailing slash the user wrote) is not the file f.yaml
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        reason = "it is a folder, not a file" if isinstance(exc, IsADirectoryError) else os_reason(exc)
        raise FoedusError(f"{target}: cannot read {what}: {reason}") from None
    except ValueError:  # os.open refuses a NUL character, which no file name holds
        raise FoedusError(f"{target}: cannot read {what}: a path cannot hold a NUL character") from None
    info = os.fstat(fd)  # checked before fdopen: opening a folder's descriptor fails naming the descriptor number
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        kind = "a folder, not a file" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise FoedusError(f"{target}: cannot read {what}: it is {kind}")
    with os.fdopen(fd, "rb") as fh:
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise FoedusError(f"{target}: cannot read {what}: {os_reason(exc)}") from None
    if len(data) > limit:
        raise FoedusError(f"{target}: {what} is larger than {limit // (1024 * 1024)} MiB; not read")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FoedusError(f"{target}: {what} is not UTF-8 text (byte {exc.start})") from None


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


def validate_file_data(model: type[M], raw: Any, path: str | Path, fields: str = "fields") -> M:
    """Validate parsed file data against a pydantic model, naming the file and field on error (`fields`: what the
    file's mapping holds, 'overlay fields', for `not_a_mapping`)."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise file_data_error(exc, model, raw, path, fields) from None


def file_data_error(exc: ValidationError, model: type[BaseModel], raw: Any, path: str | Path, fields: str = "fields",
                    *, at: str = "", kind: type[FileDataError] = FileDataError) -> FileDataError:
    """The error of a file's data `raw` that `model` refused with `exc`, as `validate_file_data` says it: the file,
    the first problem's field path and the problem, or why the file is not a mapping of `fields`. `raw` may be one
    entry of the file, at `at` (`[3]`, `crimea`, `[0] (atopid 3001)`), which the field path then follows
    (`places.yaml: [3].kind`); `kind`: the error's class (`TreatyDataError` for a bundled data file).

    >>> from pydantic import BaseModel, ValidationError
    >>> class P(BaseModel):
    ...     lat: float
    >>> try:
    ...     P.model_validate({"lat": "x"})
    ... except ValidationError as exc:
    ...     print(file_data_error(exc, P, {"lat": "x"}, "places.yaml", at="[3]"))
    places.yaml: [3].lat: must be a number (got 'x')
    """
    err = exc.errors()[0]
    loc = field_path(written_keys(err["loc"], raw))
    if not at and not loc and (problem := not_a_mapping(raw, fields)):
        return kind(str(path), "", problem)
    where = f"{at}{'.' if at and loc and not loc.startswith('[') else ''}{loc}"
    return kind(str(path), where, validation_problem(err, model))


def not_a_mapping(raw: Any, fields: str = "fields", text: str | None = None) -> str | None:
    """Why a parsed file is not a mapping of `fields` ('treaty fields'), or None when it is one: the one rule of
    every file reader (treaties, wars, overlays, honour models), so an empty file is said to be empty in each, and
    one whose `text` holds only `null` or `~` is said to hold null (`yaml_null.holds_null`), not to be empty.

    >>> not_a_mapping(None, "war fields")
    'nothing in the file (it is empty, or only comments); expected a mapping of war fields'
    >>> not_a_mapping(None, "war fields", "~  # none\\n")
    'the file holds YAML null, not a mapping of war fields'
    >>> not_a_mapping(["a"]), not_a_mapping({"id": "a"})
    ('expected a mapping of fields at the top, found a list', None)
    >>> not_a_mapping("pact")
    "expected a mapping of fields at the top, found 'pact'"
    """
    if isinstance(raw, dict):
        return None
    if raw is None and text is not None and holds_null(text):
        return f"the file holds YAML null, not a mapping of {fields}"
    if raw is None:  # YAML reads an empty file (or one of comments only) as null
        return f"nothing in the file (it is empty, or only comments); expected a mapping of {fields}"
    return f"expected a mapping of {fields} at the top, found {shown(raw)}"


def written_keys(loc: Iterable[Any], raw: Any) -> tuple[Any, ...]:
    """pydantic's `loc` of an error in `raw` with each mapping key as the file wrote it: pydantic gives a key of
    null as 'None' and one of true as 1, which a field path would show as `treaty.None`, `era[1]`.

    >>> written_keys(("treaty", "None", "[key]"), {"treaty": {None: 0.5}}), written_keys(("era", 1), {"era": {True: 1}})
    (('treaty', 'null', '[key]'), ('era', 'true'))
    """
    out, node = [], raw
    for part in loc:
        key = part
        if isinstance(node, dict):
            same = [k for k in node if k == part and type(k) is type(part)]
            key = (same or [k for k in node if k == part or str(k) == str(part)] or [part])[0]
            node = node.get(key)
        else:
            node = node[part] if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node) else None
        out.append("null" if key is None else str(key).lower() if isinstance(key, bool) else key)
    return tuple(out)

