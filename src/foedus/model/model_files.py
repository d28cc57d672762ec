"""One user file of a kind (a treaty, a war) read, parsed and schema-validated, every problem one line naming the
file and the field: the treaty and war loaders' shared first pass."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from foedus.errors import FileDataError, FoedusError, validation_problem
from foedus.model.yamlio import load_yaml, not_a_mapping, read_text_file, yaml_error
from foedus.written import as_written

__all__ = ["read_model_file"]

M = TypeVar("M", bound=BaseModel)


def read_model_file(path: Path, what: str, model: type[M], kind: type[FileDataError],
                    where: Callable[[tuple[Any, ...], Any], str]) -> M:
    """The `what` file ('treaty', 'war') at `path` as `model`. `where` writes pydantic's location of the first
    problem, in the file's parsed data, as the field path the message names.

    Raises:
        FileDataError: (of class `kind`) an unreadable file, bad YAML, a file that is not a mapping, or a schema
            violation (the first, with how many more).
    """
    target = as_written(path)
    try:  # the safe reader: a named pipe or a device is refused, not waited on; an oversized file is not read
        text = read_text_file(path, f"{what} file")
    except FoedusError as exc:
        raise kind(target, "", str(exc).removeprefix(f"{target}: ")) from None
    try:
        raw = load_yaml(text)
    except yaml.YAMLError as exc:
        at, why = yaml_error(exc)
        raise kind(target, at, f"invalid YAML: {why}") from None
    if problem := not_a_mapping(raw, f"{what} fields", text):
        raise kind(target, "", problem)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        err, missing = exc.errors()[0], _missing_together(exc.errors())
        rest = exc.error_count() - max(1, len(missing))
        more = f" (and {rest} more)" if rest > 0 else ""
        if len(missing) > 1:  # every field missing from one mapping named, not the first and a count
            raise kind(target, where(err["loc"][:-1], raw), f"missing fields: {', '.join(missing)}{more}") from None
        raise kind(target, where(err["loc"], raw), f"{validation_problem(err, model)}{more}") from None


def _missing_together(errors: list[Any]) -> list[str]:
    """The fields missing from the mapping where the first problem is a missing field, in pydantic's order (the
    model's): a file holding only `id: x` lacks name, signed, members and provisions, all said in the one line."""
    first = errors[0]
    if first["type"] != "missing" or not first["loc"] or not isinstance(first["loc"][-1], str):
        return []
    return [str(e["loc"][-1]) for e in errors if e["type"] == "missing" and len(e["loc"]) == len(first["loc"])
            and tuple(e["loc"][:-1]) == tuple(first["loc"][:-1]) and isinstance(e["loc"][-1], str)]
