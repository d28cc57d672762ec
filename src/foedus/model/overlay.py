"""What-if worlds: overlays that change the treaty world without editing the bundled data.

An overlay is a list of changes (add or remove a member, add or drop a treaty, change a provision's
strength or scope), kept in a YAML file a user can share. `Overlay.apply(world)` returns a new world;
the bundled files are never touched.

>>> o = Overlay(changes=changes_from({"add_member": ["rus_prk_2024:IRN"], "drop_treaty": ["chn_prk_1961"]}))
>>> o.describe()
['add_member treaty=rus_prk_2024, state=IRN', 'drop_treaty treaty=chn_prk_1961']
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from foedus.declare import described
from foedus.errors import ScenarioError, validation_problem
from foedus.model.overlay_apply import apply_change, check_files_once
from foedus.model.overlay_changes import (
    PARSERS,
    AddMember,
    AddTreaty,
    Change,
    DropTreaty,
    RemoveMember,
    SetScope,
    SetStrength,
    changes_from,
)
from foedus.model.treatymap import TreatyMap
from foedus.model.world import World

__all__ = ["PARSERS", "AddMember", "AddTreaty", "Change", "DropTreaty", "Overlay", "RemoveMember", "SetScope",
           "SetStrength", "as_changes", "changes_from", "load_overlay"]


class Overlay(BaseModel):
    """A named list of changes to a treaty world."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: str = "what-if"
    description: str | None = None
    changes: list[Change] = Field(default_factory=list)

    def apply(self, world: World) -> World:
        """A new world with the changes applied (the given world is not modified): the treaties dropped first, so
        that a treaty can be replaced by an edited copy of it wherever the drop and the copy are given (an overlay
        file, the command line, the API), then the others in the order given."""
        check_files_once(self.changes)
        ordered: list[Change] = [c for c in self.changes if isinstance(c, DropTreaty)]
        ordered += [c for c in self.changes if not isinstance(c, DropTreaty)]
        curated = dict(world.treaties.curated)
        files = dict(world.files)  # the treaties of files given, and those the changes add (`World.files`)
        touches_history = any(getattr(c, "treaty", None) not in (None, *curated) and isinstance(
            getattr(c, "treaty", None), str) for c in ordered)
        if not touches_history:
            for change in ordered:
                apply_change(change, curated, world, files)
            return World(world.treaties.with_curated(curated), world.states, world.places, files)
        history = world.treaties.history  # a change to an ATOP alliance: work on the whole, materialised map
        every = {**history, **curated}
        for change in ordered:
            apply_change(change, every, world, files)
        changed = {k: v for k, v in every.items() if k in history and k not in curated}
        kept = {k: v for k, v in every.items() if k not in changed}  # the curated, and the treaties added
        return World(TreatyMap(kept, lambda: changed, world.treaties.history_end), world.states, world.places, files)

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


def load_overlay(path: str | Path) -> Overlay:
    """Read an overlay YAML file.

    Raises:
        FoedusError: unreadable file or a malformed change, naming the file and field; or a file of no changes, which
            is almost surely a slip (`cascade --overlay` ran it as the world unchanged, `compare` found nothing to
            compare).
    """
    from foedus.model.yamlio import read_yaml_file, validate_file_data
    from foedus.written import as_written, folder_meant

    overlay = validate_file_data(Overlay, read_yaml_file(path, "overlay"), path, "overlay fields")
    if not overlay.changes:
        raise ScenarioError(f"{as_written(path)}: the overlay changes nothing (its list of changes is empty or "
                            "missing): list a change, or leave the overlay out")
    # relative to the overlay file; a trailing slash kept (`t.yaml/` is not the file t.yaml)
    return overlay.with_paths(lambda p: os.path.normpath(Path(path).parent / p) + (os.sep if folder_meant(p) else ""))


def as_changes(what_if: object) -> list[Change]:
    """The changes of `foedus.cascade`'s `what_if`: an `Overlay`'s, or a list (or tuple) of changes, each a
    change model or a mapping as in an overlay file (`{"op": "drop_treaty", "treaty": "chn_prk_1961"}`).

    >>> [c.op for c in as_changes([{"op": "drop_treaty", "treaty": "chn_prk_1961"}])]
    ['drop_treaty']

    Raises:
        ScenarioError: anything else, or a malformed change, in one line naming the change and the problem.
    """
    if isinstance(what_if, Overlay):
        return list(what_if.changes)
    if not isinstance(what_if, list | tuple):
        raise ScenarioError(f"what_if: expected an Overlay or a list of changes, not {described(what_if)}")
    try:
        return Overlay(changes=list(what_if)).changes
    except ValidationError as exc:
        err = exc.errors()[0]
        number, *where = err["loc"][1:]
        given = what_if[int(number)]
        if not where and not isinstance(given, dict):
            raise ScenarioError(f"what_if: change {int(number) + 1}: expected a change (AddMember, DropTreaty, ..., "
                                f"or a mapping with an 'op' as in an overlay file), not {described(given)}") from None
        field = f" ({'.'.join(str(w) for w in where)})" if where else ""
        raise ScenarioError(f"what_if: change {int(number) + 1}{field}: {validation_problem(err)} (given "
                            f"{described(given)})") from None
