"""A user's data file read safely (a pipe or a device never waited on, an oversized file not read, UTF-8 only),
JSON parsed with foedus's limit on a number's digits, and the words of a file's data that its pydantic model
refused. Kept apart from YAML (`foedus.model.yamlio`, which re-exports these names, `whole` as `_whole`) so that
a JSON file (the likelihood model's) is read without importing PyYAML.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from foedus.errors import FileDataError, FoedusError, field_path, first_problem, shown
from foedus.model.yaml_null import holds_null
from foedus.reachable import os_reason
from foedus.written import as_written

if TYPE_CHECKING:  # pydantic only where a file's data is validated: a JSON file read alone imports none
    from pydantic import BaseModel, ValidationError

__all__ = ["MAX_FILE_BYTES", "file_data_error", "load_json", "not_a_mapping", "read_text_file", "validate_file_data",
           "whole", "written_keys"]

M = TypeVar("M", bound="BaseModel")
MAX_FILE_BYTES = 8 * 1024 * 1024  # a treaty, overlay or honour file is a few KiB; this is far beyond any real one


def whole(text: str) -> str:
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


def load_json(text: str) -> Any:
    """Parse JSON text; a whole number of more digits than Python converts is refused as a YAML file's is.

    Raises:
        ValueError: the text is not JSON, or a number is too long (`whole`).
    """
    return json.loads(text, parse_int=lambda digits: int(whole(digits)))


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


def validate_file_data(model: type[M], raw: Any, path: str | Path, fields: str = "fields") -> M:
    """Validate parsed file data against a pydantic model, naming the file and field on error (`fields`: what the
    file's mapping holds, 'overlay fields', for `not_a_mapping`)."""
    from pydantic import ValidationError

    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise file_data_error(exc, model, raw, path, fields) from None


def file_data_error(exc: ValidationError, model: type[BaseModel], raw: Any, path: str | Path, fields: str = "fields",
                    *, at: str = "", kind: type[FileDataError] = FileDataError) -> FileDataError:
    """The error of a file's data `raw` that `model` refused with `exc`, as `validate_file_data` says it: the file,
    the first problem's field path and the problem (every field missing from one mapping named together at it,
    `first_problem`), or why the file is not a mapping of `fields`. `raw` may be one
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
    >>> class Q(BaseModel):
    ...     lat: float
    ...     lon: float
    >>> try:
    ...     Q.model_validate({})
    ... except ValidationError as exc:
    ...     print(file_data_error(exc, Q, {}, "places.yaml", at="[3]"))
    places.yaml: [3]: missing fields: lat, lon
    """
    first, words, _ = first_problem(exc.errors(), model)  # every field missing from one mapping named together
    loc = field_path(written_keys(first, raw))
    if not at and not loc and (problem := not_a_mapping(raw, fields)):
        return kind(str(path), "", problem)
    where = f"{at}{'.' if at and loc and not loc.startswith('[') else ''}{loc}"
    return kind(str(path), where, words)


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
