"""What-if worlds: overlays that change the treaty world without editing the bundled data.

An overlay is a list of changes (add or remove a member, add or drop a treaty, change a provision's
strength or scope), kept in a YAML file a user can share. `Overlay.apply(world, day)` returns a new world, its states'
names read on `day` (the scenario's date); the bundled files are never touched.

>>> o = Overlay(changes=changes_from({"add_member": ["rus_prk_2024:IRN"], "drop_treaty": ["chn_prk_1961"]}))
>>> o.describe()
['add_member treaty=rus_prk_2024, state=IRN', 'drop_treaty treaty=chn_prk_1961']
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field, ValidationError

from foedus.declare import described
from foedus.errors import ScenarioError
from foedus.model.facts import Line, Prose
from foedus.model.overlay_apply import added_treaty, apply_change
from foedus.model.overlay_changes import (
    AddMember,
    AddTreaty,
    Change,
    DropTreaty,
    RemoveMember,
    SetScope,
    SetStrength,
)
from foedus.model.overlay_parse import PARSERS, changes_from
from foedus.model.overlay_problem import change_problem, file_problem
from foedus.model.treaty import Treaty
from foedus.model.treatymap import TreatyMap
from foedus.model.worded_model import WordedModel
from foedus.model.world import World

__all__ = ["PARSERS", "AddMember", "AddTreaty", "Change", "DropTreaty", "Overlay", "RemoveMember", "SetScope",
           "SetStrength", "as_changes", "changes_from", "load_overlay", "load_overlays", "state_in"]


class Overlay(WordedModel):
    """A named list of changes to a treaty world; built in Python with a malformed change, a `ScenarioError` in one
    line naming the change as `foedus.cascade`'s `what_if` does (`Overlay: change 1 (add_member.state): missing …`)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: Line = "what-if"
    description: Prose | None = None
    changes: list[Change] = Field(default_factory=list)

    def apply(self, world: World, day: dt.date | None = None) -> World:
        """A new world with the changes applied (the given world is not modified); a state's name is read on `day`
        (the scenario's date, as its attacker's is: "Germany" is not unified Germany in 1960; today's when None)
        and the members checked on it (one already a member then is not added, one no member then not removed; with
        no `day` not checked, a world built once serving any date). The changes form one set however they
        were given (overlay files, the command line, the APIs): two that contradict each other are refused
        (`foedus.model.overlay_set`), and the others apply kind by kind: the treaties dropped first, so that a
        treaty can be replaced by an edited copy of it, then the treaties added, then the changes to treaties.

        The treaty files added are read (and a file that cannot be read refused) before the contradictions are
        looked for: whether a treaty dropped and also changed contradict each other depends on the ids the files
        add (an edited copy brings the treaty back), so a file not read leaves that check unanswerable."""
        from foedus.model.overlay_set import (
            check_files_once,
            in_order,
            refuse_contradictions,
            refuse_dropping_added,
            told_where,
        )

        world = World.given(world)  # a string is refused in words (None: the bundled world), not an AttributeError
        check_files_once(self.changes)
        added: dict[int, Treaty] = {}
        for i, change in enumerate(self.changes):
            if isinstance(change, AddTreaty):
                with told_where(change):
                    added[i] = added_treaty(change, world)
        changes = _by_id(self.changes, world, {t.id for t in added.values()})
        refuse_contradictions(changes, state_in(world, day), {t.id for t in added.values()})
        curated = dict(world.treaties.curated)
        refuse_dropping_added(changes, {i: t.id for i, t in added.items()},
                              lambda treaty: treaty in curated or treaty in world.treaties)
        ordered = in_order(changes)
        files = dict(world.files)  # the treaties of files given, and those the changes add (`World.files`)
        touches_history = any(getattr(c, "treaty", None) not in (None, *curated) and isinstance(
            getattr(c, "treaty", None), str) for _, c in ordered)
        # a change to an ATOP alliance: work on the whole, materialised map
        every = {**world.treaties.history, **curated} if touches_history else curated
        for i, change in ordered:
            with told_where(change):
                apply_change(change, every, world, files, added.get(i), day)
        if not touches_history:
            return World(world.treaties.with_curated(curated), world.states, world.places, files)
        history = world.treaties.history
        changed = {k: v for k, v in every.items() if k in history and k not in curated}
        kept = {k: v for k, v in every.items() if k not in changed}  # the curated, and the treaties added
        return World(TreatyMap(kept, lambda: changed, world.treaties.history_end), world.states, world.places, files)

    def save(self, path: str | Path) -> None:
        """Write the overlay as YAML, atomically; refuses to overwrite an existing file, and one that would not read
        back (`check_save`)."""
        from foedus.model.yamlio import dump_yaml
        from foedus.outputs import staged_file

        text = dump_yaml(self.check_save(path).model_dump(mode="json", exclude_none=True))
        with staged_file(Path(path), how="choose another file name") as tmp:
            tmp.write_text(text, encoding="utf-8")

    def check_save(self, path: str | Path) -> Overlay:
        """The overlay as `save` writes it to `path` (each added treaty's file relative to it, as `load_overlay`
        reads it), checked to read back: a file name that is not UTF-8 (`\\xff.yaml`, which Linux allows) was
        written as the escape "\\uDCFF.yaml", which no YAML reader takes, so the saved overlay could not be used.

        Raises:
            OutputError: an added treaty's file name is not UTF-8 text.
        """
        folder = os.path.abspath(Path(path).parent)
        saved = self.with_paths(lambda p: os.path.relpath(os.path.abspath(p), folder))
        for change in saved.changes:
            if isinstance(change, AddTreaty) and change.path:
                try:
                    change.path.encode("utf-8")
                except UnicodeEncodeError:
                    from foedus.errors import OutputError

                    raise OutputError(f"cannot save the overlay to {path}: the treaty file {change.path} has a name "
                                      "that is not UTF-8 text, which a YAML file cannot hold (it would not read "
                                      "back); rename the file; nothing was written") from None
        return saved

    def with_paths(self, rewrite: Callable[[str], str]) -> Overlay:
        """The overlay with each added treaty's relative file path rewritten (absolute ones are kept)."""
        changes = [c.model_copy(update={"path": rewrite(c.path)})
                   if isinstance(c, AddTreaty) and c.path and not os.path.isabs(c.path) else c for c in self.changes]
        return self.model_copy(update={"changes": changes})

    @classmethod
    def built_problem(cls, exc: ValidationError, data: dict[str, Any]) -> str:
        """A malformed change of a list named by its number (`change_problem`), any other field as any model's."""
        err, changes = exc.errors()[0], data.get("changes")
        if len(err["loc"]) > 1 and err["loc"][0] == "changes" and isinstance(changes, list | tuple):
            return change_problem(exc.errors(), changes, cls)
        return super().built_problem(exc, data)

    def describe(self) -> list[str]:
        """One line per change."""
        return [f"{c.op} " + ", ".join(f"{k}={v}" for k, v in c.model_dump(exclude={"op"}, exclude_none=True).items())
                for c in self.changes]


def _by_id(changes: list[Change], world: World, added: set[str]) -> list[Change]:
    """The changes with each treaty a change names by a name ("NATO": `foedus.model.treaty_names`, the resolver
    `World.treaty` reads a name with) given by its id, so that `--drop-treaty NATO` and `--add-member nato_1949:UKR`
    name one treaty; an id of the world or of a treaty a change adds (`added`) is kept, and so is a text that names
    no treaty, which the change refuses with suggestions (`World.treaty`).

    Raises:
        UnknownTreatyError: a name several treaties carry (the message lists them).
    """
    from foedus.model.overlay_set import told_where
    from foedus.model.treaty_names import named_treaty

    out = []
    for change in changes:
        treaty = getattr(change, "treaty", None)
        if isinstance(treaty, str) and treaty not in added and treaty not in world.treaties.curated:
            with told_where(change):
                named = named_treaty(treaty, world.treaties.curated.values())
            change = change if named is None else change.model_copy(update={"treaty": named})
        out.append(change)
    return out


def state_in(world: World, day: dt.date | None) -> Callable[[str], str]:
    """Which state a change's text names in `world` on `day` (its id), so that `UKR` and `Ukraine` are one member; a
    text naming none is left to the change, which says so. With no `day`, a code or a name one state has carried (the
    yearly what-if atlas's check of its changes as one set, whatever the years)."""
    from foedus.errors import FoedusError

    def state(text: str) -> str:
        try:
            return world.states.resolve_id(text, day)
        except FoedusError:
            return text.strip().casefold()

    return state


def load_overlay(path: str | Path) -> Overlay:
    """Read an overlay YAML file.

    Raises:
        FoedusError: unreadable file or a malformed change, naming the file and field; or a file of no changes, which
            is almost surely a slip (`cascade --overlay` ran it as the world unchanged, `compare` found nothing to
            compare).
    """
    from foedus.model.yamlio import read_yaml_file
    from foedus.written import as_written, folder_meant

    if not isinstance(path, str | os.PathLike):  # not a TypeError from deep inside
        raise ScenarioError(f"overlay: expected the path of an overlay YAML file (str or pathlib.Path), not "
                            f"{described(path)}")
    overlay = _validated(read_yaml_file(path, "overlay"), as_written(path))
    if not overlay.changes:
        raise ScenarioError(f"{as_written(path)}: the overlay changes nothing (its list of changes is empty or "
                            "missing): list a change, or leave the overlay out")
    # relative to the overlay file; a trailing slash kept (`t.yaml/` is not the file t.yaml)
    folder = Path(path).parent
    overlay = overlay.with_paths(lambda p: os.path.normpath(folder / p) + (os.sep if folder_meant(p) else ""))
    return overlay.model_copy(update={"changes": _numbered(overlay.changes, as_written(path))})


def _validated(raw: object, path: str | Path) -> Overlay:
    """An overlay file's data as an `Overlay`; a malformed change is named by its number, counted from 1 as every
    other message counts the changes (`ov.yaml: change 2 (add_treaty.path): …`, as `as_changes` says it); a scenario
    file said to be one (not "unknown field 'kind'"), as the scenario reader says an overlay file is one."""
    from foedus.errors import FileDataError
    from foedus.model.scenario_file import RERUN

    if isinstance(raw, dict) and (kind := raw.get("kind")) in tuple(RERUN):
        raise FileDataError(str(path), "", f"this is a scenario file (`kind: {kind}`), not an overlay: run it with "
                            f"`{RERUN[kind][1]}`")
    try:
        return Overlay.model_validate(raw)
    except ValidationError as exc:
        raise file_problem(exc, raw, path, Overlay) from None


def _numbered(changes: list[Change], where: str) -> list[Change]:
    """The changes, each not yet said to come from elsewhere saying it comes from `where` with its number, for
    messages (`foedus.model.overlay_set.named`)."""
    return [c if c.as_given or c.given_in else c.given_as(origin=(where, n)) for n, c in enumerate(changes, 1)]


def load_overlays(paths: Iterable[str | Path]) -> list[Change]:
    """The changes of overlay files, each file given once: the same file twice (`--overlay F --overlay ./F`) read
    as changes given twice, or as a treaty 'dropped by an earlier change' (`foedus.model.files_once`).

    Raises:
        FoedusError: as `load_overlay`; or a file given twice, naming it.
    """
    from foedus.model.files_once import FilesOnce
    from foedus.written import as_written

    once = FilesOnce(kind="overlay file")
    changes: list[Change] = []
    for path in paths:
        if twice := once.twice(path):
            raise ScenarioError(f"{as_written(path)}: {twice}")
        changes += load_overlay(path).changes
    return changes


def as_changes(what_if: object) -> list[Change]:
    """The changes of `foedus.cascade`'s `what_if`: an `Overlay`'s, or a list (or tuple) of changes, each a
    change model or a mapping as in an overlay file (`{"op": "drop_treaty", "treaty": "chn_prk_1961"}`).

    >>> [c.op for c in as_changes([{"op": "drop_treaty", "treaty": "chn_prk_1961"}])]
    ['drop_treaty']

    Raises:
        ScenarioError: anything else, or a malformed change, in one line naming the change and the problem.
    """
    if isinstance(what_if, Overlay):  # its changes from a file keep their file's name in messages
        return _numbered(what_if.changes, "what_if")
    if not isinstance(what_if, list | tuple):
        raise ScenarioError(f"what_if: expected an Overlay or a list of changes, not {described(what_if)}")
    try:
        return _numbered(Overlay.model_validate({"changes": list(what_if)}).changes, "what_if")
    except ValidationError as exc:
        raise ScenarioError(f"what_if: {change_problem(exc.errors(), what_if, Overlay)}") from None
