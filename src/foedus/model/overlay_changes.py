"""The changes a what-if overlay is made of (add or remove a member, add or drop a treaty, change a provision's
strength or scope), and how each what-if input's text reads into one (`changes_from`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from foedus.errors import ScenarioError
from foedus.model.days import EARLIEST, LATEST
from foedus.model.facts import Day
from foedus.model.treaty import Scope, Strength

__all__ = ["PARSERS", "AddMember", "AddTreaty", "Change", "DropTreaty", "RemoveMember", "SetScope", "SetStrength",
           "changes_from"]


def _readable(value: dt.date | None) -> dt.date | None:
    if value is not None and not EARLIEST <= value <= LATEST:
        raise ValueError(f"{value} is outside {EARLIEST} to {LATEST}, the days foedus reads")
    return value


class _Change(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    @field_validator("treaty", mode="before", check_fields=False)
    @classmethod
    def _treaty_id(cls, value: object) -> object:
        """A treaty id without the spaces around it, as `World.treaty` reads one: ' nato_1949 ' was found in the
        world but not among the treaties the changes rewrite ('dropped by an earlier change'), nor taken for the
        same treaty as nato_1949 by the check of contradicting changes."""
        return value.strip() if isinstance(value, str) else value


class AddMember(_Change):
    """Make `state` a party (by default from the treaty's entry into force)."""

    op: Literal["add_member"] = "add_member"
    treaty: str
    state: str
    joined: Day | None = None

    @field_validator("joined")
    @classmethod
    def _readable(cls, value: dt.date | None) -> dt.date | None:
        """A day no scenario reaches is a typo; one before the treaty's signing is refused where it is applied."""
        return _readable(value)


class RemoveMember(_Change):
    """End `state`'s membership (from `left`, by default: never a member)."""

    op: Literal["remove_member"] = "remove_member"
    treaty: str
    state: str
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
    article: str
    strength: Strength


class SetScope(_Change):
    """Replace the scope of one article's provisions."""

    op: Literal["set_scope"] = "set_scope"
    treaty: str
    article: str
    scope: Scope


Change = Annotated[AddMember | RemoveMember | DropTreaty | AddTreaty | SetStrength | SetScope,
                   Field(discriminator="op")]


_FORMS = {"add_member": "TREATY:STATE, e.g. rus_prk_2024:IRN", "remove_member": "TREATY:STATE, e.g. nato_1949:TUR",
          "set_strength": "TREATY:ARTICLE=S1..S5, e.g. nato_1949:5=S1",
          "set_scope": "TREATY:ARTICLE=territory:TOKENS;forces:TOKENS"}
"""What each what-if input's value looks like, for its messages."""


def _pair(value: str, name: str) -> tuple[str, str]:
    treaty, sep, rest = value.partition(":")
    if not sep or not treaty or not rest:
        raise ScenarioError(f"{name} {value!r}: expected {_FORMS[name]}")
    return treaty, rest


def _add_member(value: str) -> AddMember:
    treaty, state = _pair(value, "add_member")
    return AddMember(treaty=treaty, state=state)


def _remove_member(value: str) -> RemoveMember:
    treaty, state = _pair(value, "remove_member")
    return RemoveMember(treaty=treaty, state=state)


def _set_strength(value: str) -> SetStrength:
    treaty, rest = _pair(value, "set_strength")
    article, _, strength = rest.partition("=")
    if not article or strength not in {s.value for s in Strength}:
        raise ScenarioError(f"set_strength {value!r}: expected {_FORMS['set_strength']}")
    return SetStrength(treaty=treaty, article=article, strength=Strength(strength))


_UNSET = object()


def _set_scope(value: str) -> SetScope:
    """TREATY:ARTICLE=territory:TOKENS[;forces:TOKENS] with TOKENS a comma list, `any` or `none`."""
    treaty, rest = _pair(value, "set_scope")
    article, sep, spec = rest.partition("=")
    parts: dict[str, Any] = {"territory": _UNSET, "forces": _UNSET}  # each at most once
    for item in spec.split(";") if sep else []:
        key, _, tokens = item.partition(":")
        if key not in parts or not tokens:
            raise ScenarioError(f"set_scope {value!r}: expected {_FORMS['set_scope']}")
        if parts[key] is not _UNSET:  # the first would be silently replaced
            raise ScenarioError(f"set_scope {value!r}: {key} is given twice; give it once")
        parts[key] = None if tokens == "any" else [] if tokens == "none" else tokens.split(",")
    if not sep:
        raise ScenarioError(f"set_scope {value!r}: expected {_FORMS['set_scope']}")
    return SetScope(treaty=treaty, article=article,
                    scope=Scope(**{k: None if v is _UNSET else v for k, v in parts.items()}))


PARSERS: dict[str, Callable[[str], Change]] = {
    "add_member": _add_member,
    "remove_member": _remove_member,
    "drop_treaty": lambda value: DropTreaty(treaty=value),
    "set_strength": _set_strength,
    "set_scope": _set_scope,
}
"""How each what-if input (`foedus.inputs.WHAT_IF`) reads its value into a typed change."""


def changes_from(values: Mapping[str, Iterable[str] | None]) -> list[Change]:
    """Typed changes from what-if inputs (`{"add_member": ["rus_prk_2024:IRN"], ...}`), in declaration order.

    >>> [c.op for c in changes_from({"add_member": ["rus_prk_2024:IRN"], "drop_treaty": ["chn_prk_1961"]})]
    ['add_member', 'drop_treaty']

    Raises:
        ScenarioError: a malformed value, naming the input and the syntax it expects.
    """
    given = [(name, v) for name in PARSERS for v in values.get(name) or ()]
    changes = [PARSERS[name](v) for name, v in given]
    _refuse_contradictions([(f"{name} {v}", change) for (name, v), change in zip(given, changes, strict=True)])
    return changes


def _refuse_contradictions(changes: list[tuple[str, Change]]) -> None:
    """What-if inputs are applied in declaration order, not in the order given, so two that contradict each other
    would be settled silently (a member added to a treaty also dropped was lost with it): refuse a treaty dropped and
    also changed, a member both added and removed, and an article set to two strengths or scopes.

    Raises:
        ScenarioError: the two inputs, named as given.
    """
    dropped = {c.treaty: text for text, c in changes if isinstance(c, DropTreaty)}
    seen: dict[tuple[str, ...], tuple[str, Change]] = {}
    for text, change in changes:
        treaty = getattr(change, "treaty", None)
        if isinstance(treaty, str) and treaty in dropped and not isinstance(change, DropTreaty):  # twice: refused later
            raise ScenarioError(f"{dropped[treaty]} and {text} contradict each other (the treaty is dropped): "
                                "give one of them")
        if isinstance(change, AddMember | RemoveMember):
            key: tuple[str, ...] = ("member", change.treaty, change.state.strip().casefold())
        elif isinstance(change, SetStrength | SetScope):
            key = (change.op, change.treaty, change.article)
        else:
            continue
        other = seen.setdefault(key, (text, change))
        if other[1] != change and (other[1].op != change.op or key[0] != "member"):  # added twice: refused later
            raise ScenarioError(f"{other[0]} and {text} contradict each other: give one of them")
