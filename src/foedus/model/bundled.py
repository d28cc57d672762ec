"""The gazetteer's bundled data files (`foedus.data`: places, regions, place histories, areas that span places),
read and each entry validated, a malformed field named by its path in the file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from foedus.errors import TreatyDataError

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["read_bundled", "validated"]

M = TypeVar("M", bound="BaseModel")


def read_bundled(name: str) -> Any:
    """The YAML of the bundled data file `name`."""
    from importlib import resources

    from foedus.model.yamlio import load_yaml  # here, not at the top: a start from the cache needs no YAML

    text = resources.files("foedus.data").joinpath(name).read_text(encoding="utf-8")
    return load_yaml(text)


def validated(model: type[M], raw: Any, file: str, at: object) -> M:
    """`raw`, the entry `at` (a list's number, a mapping's key) of the bundled `file`, read as `model`; a malformed
    field is named by its path from there (`places.yaml: [3].kind`, `place_history.yaml: crimea.holders[1].by`)."""
    from pydantic import ValidationError

    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        from foedus.model.yamlio import file_data_error

        where = f"[{at}]" if isinstance(at, int) else str(at)
        raise file_data_error(exc, model, raw, file, at=where, kind=TreatyDataError) from None
