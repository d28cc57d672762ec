"""The plain reader of a likelihood model file (`foedus.likely.model`): a parsed file's records
(`foedus.likely.model_records`, read by the readers generated there from the schema) where every field is one the
schema (`foedus.likely.model_schema`, pydantic) takes as written, numbers as it gives them (a whole number as a float
where a number is asked); on any doubt None, and the reader asks the schema, in whose words every bad file is refused.
"""

from __future__ import annotations

from typing import Any

from foedus.likely.model_records import ModelFile, read_model_file
from foedus.likely.model_values import Doubt

__all__ = ["records_of"]


def records_of(raw: Any) -> ModelFile | None:
    """The records of a parsed model file, or None where the schema may refuse it (or word a value otherwise)."""
    try:
        return read_model_file(raw)
    except (Doubt, TypeError, AttributeError):
        return None
