"""What-if worlds: overlays that change the treaty world without editing the bundled data.

An overlay is a list of changes (add or remove a member, add or drop a treaty, change a provision's
strength or scope), kept in a YAML file a user can share. `Overlay.apply(world)` returns a new world;
the bundled files are never touched.

>>> o = Overlay(changes=changes_from({"add_member": ["rus_prk_2024:IRN"], "drop_treaty": ["chn_prk_1961"]}))
>>> o.describe()
['add_member treaty=rus_prk_2024, state=IRN', 'drop_treaty treaty=chn_prk_1961']
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from foedus.errors import ScenarioError, UnknownTreatyError
from foedus.model.treaty import Scope, Strength, Treaty
from foedus.model.treatymap import TreatyMap
from foedus.model.world import World

__all__ = ["PARSERS", "Change", "Overlay", "changes_from", "load_overlay"]


class _Change(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class AddMember(_Change):
    """Make `state` a party (by default from the treaty's entry into force)."""

    op: Literal["add_member"] = "add_member"
    treaty: str
    state: str
    joined: dt.date | None = None


class RemoveMember(_Change):
    """End `state`'s membership (from `left`, by default: never a member)."""

    op: Literal["remove_member"] = "remove_member"
    treaty: str
    state: str
    left: dt.date | None = None


class DropTreaty(_Change):
    """Remove a treaty from the world."""

    op: Literal["drop_treaty"] = "drop_treaty"
    treaty: str


class AddTreaty(_Change):
    """Add a treaty, from a YAML file or inline."""

    op: Literal["add_treaty"] = "add_treaty"
    path: str | None = None
    treaty: dict[str, Any] | None = None


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


class Overlay(BaseModel):
    """A named list of changes to a treaty world."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: str = "what-if"
    description: str | None = None
    changes: list[Change] = Field(default_factory=list)

    def apply(self, world: World) -> World:
        """A new world with the changes applied (the given world is not modified)."""
        curated = dict(world.treaties.curated)
        touches_history = any(getattr(c, "treaty", None) not in (None, *curated) and isinstance(
            getattr(c, "treaty", None), str) for c in self.changes)
        if touches_history:  # a change to an ATOP alliance: work on the whole, materialised map
            curated = dict(world.treaties)
        for change in self.changes:
            _apply(change, curated, world)
        if touches_history:
            return World(TreatyMap(curated), world.states, world.places)
        return world.with_treaties(curated)

    def save(self, path: str | Path) -> None:
        """Write the overlay as YAML, atomically; refuses to overwrite an existing file."""
        import yaml

        from foedus.outputs import staged_file

        folder = os.path.abspath(Path(path).parent)  # treaty files relative to the overlay, as `load_overlay` reads
        data = self.with_paths(lambda p: os.path.relpath(os.path.abspath(p), folder)).model_dump(mode="json",
                                                                                                   exclude_none=True)
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        with staged_file(Path(path), how="choose another file name") as tmp:
            tmp.write_text(text, encoding="utf-8")

    def with_paths(self, rewrite: Callable[[str], str]) -> Overlay:
        """The overlay with each added treaty's relative file path rewritten (absolute ones are kept)."""
        changes = [c.model_copy(update={"path": rewrite(c.path)})
                   if isinstance(c, AddTreaty) and c.path and not os.path.isabs(c.path) else c for c in self.changes]
        return self.model_copy(update={"changes": changes})

    def describe(self) -> list[str]:
        """One line per change."""
        return [f"{c.op} " + ", ".join(f"{k}={v}" for k, v in c.model_dump(exclude={"op"}, exclude_none=True).items())
                for c in self.changes]


def _need(treaties: dict[str, Treaty], treaty_id: str, world: World) -> Treaty:
    if treaty_id not in treaties:
        world.treaty(treaty_id)  # raises with suggestions when the world does not have it either
        raise UnknownTreatyError(f"unknown treaty {treaty_id!r} (dropped by an earlier change)")
    return treaties[treaty_id]


def _revalidate(treaty: Treaty, data: dict[str, Any], world: World, where: str) -> Treaty:
    from foedus.model.loader import validate_references

    try:
        fresh = Treaty.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ScenarioError(f"what-if {where}: {err['msg']}") from None
    return validate_references(fresh, f"what-if {where}", world.states, world.places)


def _apply(change: AddMember | RemoveMember | DropTreaty | AddTreaty | SetStrength | SetScope,
           treaties: dict[str, Treaty], world: World) -> None:
    if isinstance(change, AddTreaty):
        _add_treaty(change, treaties, world)
        return
    treaty = _need(treaties, change.treaty, world)
    if isinstance(change, DropTreaty):
        del treaties[change.treaty]
        return
    data = treaty.model_dump(mode="python")
    if isinstance(change, AddMember):
        state = world.states.resolve_id(change.state)
        data["members"].append({"state": state, "joined": change.joined, "note": "added by a what-if overlay"})
    elif isinstance(change, RemoveMember):
        state = world.states.resolve_id(change.state)
        if not any(m["state"] == state for m in data["members"]):
            raise ScenarioError(f"what-if: {state} is not a member of {treaty.id}")
        if change.left is None:
            data["members"] = [m for m in data["members"] if m["state"] != state]
        for m in data["members"]:
            if m["state"] == state:
                m["left"] = change.left
    else:
        hits = [p for p in data["provisions"] if p["article"] == change.article]
        if not hits:
            arts = sorted({p["article"] for p in data["provisions"]})
            raise ScenarioError(f"what-if: {treaty.id} has no article {change.article!r} (articles: {', '.join(arts)})")
        for p in hits:
            if isinstance(change, SetStrength):
                p["strength"] = change.strength
            else:
                p["scope"] = change.scope.model_dump()
    treaties[treaty.id] = _revalidate(treaty, data, world, f"{change.op} {treaty.id}")


def _add_treaty(change: AddTreaty, treaties: dict[str, Treaty], world: World) -> None:
    """Add a treaty: its id must be new, and what it replaces must be a treaty."""
    new = _added_treaty(change, world)
    if new.id in treaties:
        raise ScenarioError(f"what-if add_treaty: the world already has a treaty {new.id!r}; drop it first "
                            "(--drop-treaty) or give the new one another id")
    for old in new.replaces:
        if old not in treaties and old not in world.treaties:
            raise ScenarioError(f"what-if add_treaty {new.id}: replaces {old!r}, which no treaty is")
    treaties[new.id] = new


def _added_treaty(change: AddTreaty, world: World) -> Treaty:
    from foedus.model.loader import check_own_id, read_treaty_file, validate_references

    if change.path:
        path = Path(change.path)
        if not path.is_file():
            why = "a folder, not a treaty file" if path.is_dir() else "no such file"
            raise ScenarioError(f"what-if add_treaty: {path}: {why}")
        treaty = validate_references(read_treaty_file(path), str(path), world.states, world.places)
        check_own_id(treaty, str(path))
        return treaty
    if change.treaty is None:
        raise ScenarioError("what-if add_treaty needs a 'path' or an inline 'treaty'")
    try:
        parsed = Treaty.model_validate(change.treaty)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(part) for part in err["loc"]) or "treaty"
        raise ScenarioError(f"what-if add_treaty: treaty.{where}: {err['msg']}") from None
    treaty = validate_references(parsed, "what-if add_treaty", world.states, world.places)
    check_own_id(treaty, "what-if add_treaty")
    return treaty


def load_overlay(path: str | Path) -> Overlay:
    """Read an overlay YAML file.

    Raises:
        FoedusError: unreadable file or a malformed change, naming the file and field.
    """
    from foedus.model.yamlio import read_yaml_file, validate_file_data

    overlay = validate_file_data(Overlay, read_yaml_file(path, "overlay"), path)
    return overlay.with_paths(lambda p: os.path.normpath(Path(path).parent / p))  # relative to the overlay file


def _pair(value: str, name: str) -> tuple[str, str]:
    treaty, sep, rest = value.partition(":")
    if not sep or not treaty or not rest:
        raise ScenarioError(f"{name} {value!r}: expected TREATY:VALUE, e.g. rus_prk_2024:IRN")
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
        raise ScenarioError(f"set_strength {value!r}: expected TREATY:ARTICLE=S1..S5, e.g. nato_1949:5=S1")
    return SetStrength(treaty=treaty, article=article, strength=Strength(strength))


def _set_scope(value: str) -> SetScope:
    """TREATY:ARTICLE=territory:TOKENS[;forces:TOKENS] with TOKENS a comma list, `any` or `none`."""
    treaty, rest = _pair(value, "set_scope")
    article, sep, spec = rest.partition("=")
    parts: dict[str, list[str] | None] = {"territory": None, "forces": None}
    for item in spec.split(";") if sep else []:
        key, _, tokens = item.partition(":")
        if key not in parts or not tokens:
            raise ScenarioError(f"set_scope {value!r}: expected TREATY:ARTICLE=territory:TOKENS;forces:TOKENS")
        parts[key] = None if tokens == "any" else [] if tokens == "none" else tokens.split(",")
    if not sep:
        raise ScenarioError(f"set_scope {value!r}: expected TREATY:ARTICLE=territory:TOKENS;forces:TOKENS")
    return SetScope(treaty=treaty, article=article, scope=Scope(**parts))


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
    return [PARSERS[name](v) for name in PARSERS for v in values.get(name) or ()]
