"""Options and helpers shared by the CLI's commands (kept apart from `app` so commands import no circle)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from foedus.inputs import WHAT_IF

if TYPE_CHECKING:
    from foedus.model.overlay import Overlay
    from foedus.model.world import World

__all__ = [
    "MAX_SEED",
    "WHAT_IF_NAMES",
    "AddTreaty",
    "JsonOpt",
    "OverlayFile",
    "SaveOverlay",
    "TreatyFiles",
    "emit_json",
    "refuse_unused",
    "split",
    "what_if",
    "world_for",
]

MAX_SEED = 2**63 - 1  # numpy takes any non-negative seed; this bound keeps seeds exact in JSON-reading tools' int64
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object (the stable contract).")]
TreatyFiles = Annotated[
    list[Path] | None,
    typer.Option("--treaties", help="Extra treaty YAML file(s) to load on top of the bundled set."),
]


AddTreaty = Annotated[list[Path] | None, typer.Option("--add-treaty", help="What-if: add a treaty file.")]
OverlayFile = Annotated[list[Path] | None, typer.Option("--overlay", help="What-if overlay YAML file(s).")]
SaveOverlay = Annotated[Path | None, typer.Option("--save-overlay", help="Save the what-if changes as a file.")]
WHAT_IF_NAMES = tuple(i.name for i in WHAT_IF)


def what_if(inputs: dict[str, Any], add_treaty: list[Path] | None, overlay: list[Path] | None) -> Overlay:
    """The typed what-if changes: overlay files, then treaty files, then the declared what-if inputs."""
    from foedus.model.overlay import AddTreaty as AddTreatyChange
    from foedus.model.overlay import Overlay, changes_from, load_overlay

    changes = [c for path in overlay or [] for c in load_overlay(path).changes]
    changes += [AddTreatyChange(path=str(p)) for p in add_treaty or []]
    changes += changes_from({name: inputs.get(name) for name in WHAT_IF_NAMES})
    if not changes:  # nothing to validate: skip building the overlay's validator, which costs a start-up ~20 ms
        return Overlay.model_construct(changes=[])
    return Overlay(changes=changes)


def split(values: list[str]) -> list[str]:
    """Repeated and comma-separated values as one list."""
    return [part.strip() for v in values for part in v.split(",") if part.strip()]


def world_for(extra: list[Path] | None, changes: Overlay | None = None) -> World:
    """The bundled world plus extra treaty files, with what-if changes applied."""
    from foedus.api import load_world

    world = load_world(*[str(p) for p in extra or []])
    return changes.apply(world) if changes is not None and changes.changes else world


def emit_json(obj: Any) -> None:
    """Print one JSON object on stdout."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")




def refuse_unused(option: str, given: bool, when: str) -> None:
    """An option that would be silently ignored in this combination is an error, not a no-op.

    Raises:
        FoedusError: `given` is true; the message says when the option has no effect.
    """
    if given:
        from foedus.errors import FoedusError

        raise FoedusError(f"{option} has no effect {when}; leave it out")
