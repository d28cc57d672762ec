"""A malformed what-if change in one line: its number, counted from 1 as every message counts the changes, the field
and the problem, every field missing from the change named together (`first_problem`: `change 1 (add_member):
missing fields: treaty, state`), for an overlay file (`load_overlay`) and for changes given in Python (`as_changes`,
`Overlay(changes=...)`) alike. Apart from `foedus.model.overlay`, which holds the model these words are of."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from foedus.declare import described
from foedus.errors import FoedusError, field_path, first_problem, shown

__all__ = ["change_problem", "file_problem"]


def file_problem(exc: ValidationError, raw: object, path: str | Path, model: type[BaseModel]) -> FoedusError:
    """The error of an overlay file's data `raw` that `model` (`Overlay`) refused with `exc`: a malformed change
    named by its number (`ov.yaml: change 2 (add_treaty.path): …`, as `change_problem` says a change given in
    Python), the file's other fields, or `changes` itself, named as any file's fields are (`file_data_error`)."""
    from foedus.model.yamlio import file_data_error

    loc, words, _ = first_problem(exc.errors(), model)
    number = loc[1] if len(loc) > 1 and loc[0] == "changes" else None
    if not isinstance(number, int):
        return file_data_error(exc, model, raw, path, "overlay fields")
    changes = raw.get("changes") if isinstance(raw, dict) else None
    if isinstance(changes, list) and not isinstance(given := changes[number], dict):  # not pydantic's wording
        return FoedusError(f"{path}: change {number + 1}: must be a mapping such as {{op: drop_treaty, treaty: "
                           f"nato_1949}}, got {shown(given)}")
    field = f" ({field_path(loc[2:])})" if loc[2:] else ""
    return FoedusError(f"{path}: change {number + 1}{field}: {words}")


def change_problem(errors: Sequence[Mapping[str, Any]], changes: Sequence[Any], model: type[BaseModel]) -> str:
    """The first of `errors` (pydantic's, of the list of changes `changes` read as `model`, `Overlay`), for the
    message after where the changes were given: the change's number, the field and the problem (`change 2
    (add_member.state): missing field 'state'`), or, for a change that is neither a change nor a mapping, what
    was given."""
    loc, words, _ = first_problem(errors, model)
    number, *where = loc[1:]
    given = changes[int(number)]
    if not where and not isinstance(given, dict):
        return (f"change {int(number) + 1}: expected a change (AddMember, DropTreaty, ..., or a mapping with an 'op' "
                f"as in an overlay file), not {described(given)}")
    field = f" ({field_path(where)})" if where else ""
    given_as = "" if where else f" (given {described(given)})"  # a field below the change: said already
    return f"change {int(number) + 1}{field}: {words}{given_as}"
