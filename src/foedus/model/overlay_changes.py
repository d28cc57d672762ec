"""The changes a what-if overlay is made of (add or remove a member, add or drop a treaty, change a provision's
strength or scope); how each what-if input's text reads into one is `foedus.model.overlay_parse`."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Self

from pydantic import ConfigDict, Field, PrivateAttr, field_validator, model_validator

from foedus.errors import NOT_A_FILE_PATH, empty_or_blank, is_url
from foedus.model.days import EARLIEST, LATEST
from foedus.model.facts import Article, Day, StateRef
from foedus.model.treaty import Scope, Strength
from foedus.model.worded_model import WordedModel

__all__ = ["ADDED", "SCOPE_WORDS", "AddMember", "AddTreaty", "Change", "DropTreaty", "RemoveMember", "SetScope",
           "SetStrength", "scope_part"]

ADDED = "added by a what-if overlay"  # the note of the member row an add_member change adds (`overlay_apply`)


def _readable(value: dt.date | None) -> dt.date | None:
    if value is not None and not EARLIEST <= value <= LATEST:
        raise ValueError(f"{value} is outside {EARLIEST} to {LATEST}, the days foedus reads")
    return value


class _Change(WordedModel):
    """A what-if change; built in Python with a malformed field, a `ScenarioError` in one line (`WordedModel`)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    _text: str | None = PrivateAttr(default=None)
    """The what-if input as given (`drop_treaty nato_1949`), for messages; None when it came from a list of changes."""
    _origin: tuple[str, int] | None = PrivateAttr(default=None)
    """Where a change of a list came from: the overlay file (or `what_if`) and its change number, for messages."""

    def __eq__(self, other: object) -> bool:
        """The same change wherever it was given (`_text`, `_origin` are not compared)."""
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        """As `__eq__`: of the fields alone."""
        return hash((type(self), *self.__dict__.values()))

    @property
    def as_given(self) -> str | None:
        """The what-if input as given (`drop_treaty nato_1949`), or None."""
        return self._text

    @property
    def given_in(self) -> tuple[str, int] | None:
        """The overlay file (or `what_if`) the change came from and its number there, or None."""
        return self._origin

    def given_as(self, text: str | None = None, origin: tuple[str, int] | None = None) -> Self:
        """A copy of the change that says where it was given (`foedus.model.overlay_set.named`)."""
        copy = self.model_copy()
        copy._text, copy._origin = text, origin
        return copy

    @field_validator("treaty", mode="before", check_fields=False)
    @classmethod
    def _treaty_id(cls, value: object) -> object:
        """A treaty id without the spaces around it, as `World.treaty` reads one: ' nato_1949 ' was found in the
        world but not among the treaties the changes rewrite ('dropped by an earlier change'), nor taken for the
        same treaty as nato_1949 by the check of contradicting changes."""
        return value.strip() if isinstance(value, str) else value


class AddMember(_Change):
    """Make `state` a party (by default from the treaty's entry into force), up to its next real spell (read on the
    scenario's date: `foedus.model.overlay_apply`)."""

    op: Literal["add_member"] = "add_member"
    treaty: str
    state: StateRef  # as a treaty's or a war's member: `state: 365` is a COW number
    joined: Day | None = None

    @field_validator("joined")
    @classmethod
    def _readable(cls, value: dt.date | None) -> dt.date | None:
        """A day no scenario reaches is a typo; one before the treaty's signing is refused where it is applied."""
        return _readable(value)


class RemoveMember(_Change):
    """End `state`'s membership (from `left`, by default: never a member). With `left`, the last spell begun by then
    ends on it, later spells go, earlier ones stay; one that would not shorten the membership is refused."""

    op: Literal["remove_member"] = "remove_member"
    treaty: str
    state: StateRef
    left: Day | None = None

    @field_validator("left")
    @classmethod
    def _readable(cls, value: dt.date | None) -> dt.date | None:
        """A day no scenario reaches is a typo (left: 2200-01-01 would change nothing); one before joining is refused
        where it is applied."""
        return _readable(value)


class DropTreaty(_Change):
    """Remove a treaty from the world."""

    op: Literal["drop_treaty"] = "drop_treaty"
    treaty: str


class AddTreaty(_Change):
    """Add a treaty, from a YAML file or inline."""

    op: Literal["add_treaty"] = "add_treaty"
    path: str | None = None
    treaty: dict[str, Any] | None = None

    @field_validator("path")
    @classmethod
    def _a_path(cls, value: str | None) -> str | None:
        """An empty or blank path names no file: it was taken for no path at all ('needs a path or an inline
        treaty')."""
        if value is not None and not value.strip():
            raise ValueError(f"the path is {empty_or_blank(value)}: give a treaty file")
        if value is not None and is_url(value):  # `https://x/t.yaml` was read as a relative path, `https:/x/t.yaml`
            raise ValueError(NOT_A_FILE_PATH)
        return value

    @model_validator(mode="after")
    def _one_source(self) -> AddTreaty:
        """One treaty, from one place: given both, one of them would be silently ignored."""
        if (self.path is None) == (self.treaty is None):
            raise ValueError("give either 'path' (a treaty file) or 'treaty' (inline), not "
                             + ("both" if self.path is not None else "neither"))
        return self


class SetStrength(_Change):
    """Change the strength of one article's provisions."""

    op: Literal["set_strength"] = "set_strength"
    treaty: str
    article: Article
    strength: Strength


SCOPE_WORDS: dict[str, list[str] | None] = {"any": None, "none": []}
"""The words a what-if scope part (`territory`, `forces`) may be in place of its tokens: `any`, anywhere (a null
part), `none`, nowhere (an empty one); read here alone, for the command line, the web and Python APIs and overlay
files (`[any]` was refused as an unknown token there, while `--set-scope T:A=territory:any` took it)."""


def scope_part(tokens: list[str] | None) -> list[str] | None:
    """A what-if scope part as the engine reads it: `[any]` (or `any`) is null, `[none]` (or `none`) empty, other
    tokens as given.

    Raises:
        ValueError: `any` or `none` listed with other tokens (which would they mean?).
    """
    if isinstance(tokens, str) and tokens in SCOPE_WORDS:
        return SCOPE_WORDS[tokens]
    if not isinstance(tokens, list) or not any(isinstance(t, str) and t in SCOPE_WORDS for t in tokens):
        return tokens
    if len(tokens) == 1:
        return SCOPE_WORDS[tokens[0]]
    word = next(t for t in tokens if t in SCOPE_WORDS)
    raise ValueError(f"{word!r} stands alone in a scope part ('any': anywhere, 'none': nowhere), not among other "
                     f"tokens ({', '.join(map(str, tokens))})")


class SetScope(_Change):
    """Replace the scope of one article's provisions; a part (`territory`, `forces`) may be `any` or `none`
    (`SCOPE_WORDS`)."""

    op: Literal["set_scope"] = "set_scope"
    treaty: str
    article: Article
    scope: Scope

    @field_validator("scope", mode="before")
    @classmethod
    def _scope_words(cls, value: Any) -> Any:
        """`territory: [any]`, `forces: none`: read by `scope_part`, as the command line reads them."""
        if isinstance(value, Scope):
            value = value.model_dump()
        if not isinstance(value, dict):
            return value
        return {k: scope_part(v) if k in ("territory", "forces") else v for k, v in value.items()}


Change = Annotated[AddMember | RemoveMember | DropTreaty | AddTreaty | SetStrength | SetScope,
                   Field(discriminator="op")]
