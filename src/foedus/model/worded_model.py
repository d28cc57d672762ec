"""A pydantic model users build in Python (`Overlay`, the what-if changes `AddMember`, `DropTreaty`, ...) that refuses
bad input as foedus refuses any: a `ScenarioError` in one line (`DropTreaty: treaty: must be text (got 5)`), where
pydantic raised its multi-line `ValidationError`. Reading data (`model_validate`: an overlay file, `foedus.cascade`'s
`what_if`) still raises pydantic's error, which those readers word with the file and the change's number."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from foedus.errors import ArgumentsError, ScenarioError, field_path, first_problem

__all__ = ["WordedModel"]


class WordedModel(BaseModel):
    """A model whose direct construction (`Model(field=...)`) words a refusal in one line (`built_problem`)."""

    def __init__(self, /, *args: object, **data: Any) -> None:
        name = type(self).__name__
        if args:  # pydantic's TypeError named BaseModel.__init__, not the model, nor its fields
            fields = ", ".join(f for f in type(self).model_fields if f != "op")
            raise ArgumentsError(f"{name}: give its fields by name, not by position (its fields: {fields})")
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise ScenarioError(f"{name}: {self.built_problem(exc, data)}") from None

    # pydantic's own mark of its `BaseModel.__init__`: validating data (`model_validate`) then does not go through
    # this `__init__` (a model with an `__init__` of its own is validated by calling it), so readers of files keep
    # pydantic's error, which they word with the file's name and the field
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def built_problem(cls, exc: ValidationError, data: dict[str, Any]) -> str:
        """What is wrong with the fields `data` that `exc` refused, for the message after the model's name: the first
        problem's field and the problem (`treaty: must be text (got 5)`; every field missing named together,
        `missing fields: treaty, state`), or the problem alone for one of the whole model (`AddTreaty`'s 'give either
        path or treaty')."""
        loc, words, _ = first_problem(exc.errors(), cls)
        where = field_path(loc)
        return f"{where + ': ' if where else ''}{words}"
