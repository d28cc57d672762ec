"""One user file of a kind (a treaty, a war) read, parsed and schema-validated, every problem one line naming the
file and the field: the treaty and war loaders' shared first pass."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from foedus.errors import FileDataError, FoedusError, first_problem
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
        loc, problem, said = first_problem(exc.errors(), model)  # every field missing from one mapping named
        more = f" (and {exc.error_count() - said} more)" if exc.error_count() > said else ""
        raise kind(target, where(loc, raw), f"{problem}{more}") from None
