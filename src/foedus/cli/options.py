"""Options and helpers shared by the CLI's commands (kept apart from `app` so commands import no circle)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

__all__ = [
    "MAX_SEED",
    "AddMember",
    "AddTreaty",
    "DropTreaty",
    "JsonOpt",
    "OverlayFile",
    "RemoveMember",
    "SaveOverlay",
    "SetScope",
    "SetStrength",
    "TreatyFiles",
    "emit_json",
    "overlay_flags",
    "refuse_unused",
    "split",
    "world_for",
]

MAX_SEED = 2**63 - 1  # numpy takes any non-negative seed; this bound keeps seeds exact in JSON-reading tools' int64
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object (the stable contract).")]
TreatyFiles = Annotated[
    list[Path] | None,
    typer.Option("--treaties", help="Extra treaty YAML file(s) to load on top of the bundled set."),
]


AddMember = Annotated[list[str] | None, typer.Option("--add-member", help="What-if: TREATY:STATE joins.")]
RemoveMember = Annotated[list[str] | None, typer.Option("--remove-member", help="What-if: TREATY:STATE leaves.")]
DropTreaty = Annotated[list[str] | None, typer.Option("--drop-treaty", help="What-if: drop TREATY.")]
AddTreaty = Annotated[list[Path] | None, typer.Option("--add-treaty", help="What-if: add a treaty file.")]
SetStrength = Annotated[list[str] | None, typer.Option("--set-strength", help="What-if: TREATY:ARTICLE=S1..S5.")]
SetScope = Annotated[list[str] | None, typer.Option(
    "--set-scope", help="What-if: TREATY:ARTICLE=territory:TOKENS;forces:TOKENS (TOKENS: a,b | any | none).")]
OverlayFile = Annotated[list[Path] | None, typer.Option("--overlay", help="What-if overlay YAML file(s).")]
SaveOverlay = Annotated[Path | None, typer.Option("--save-overlay", help="Save the what-if flags as a file.")]


def overlay_flags(
    add_member: list[str] | None, remove_member: list[str] | None, drop_treaty: list[str] | None,
    add_treaty: list[Path] | None, set_strength: list[str] | None, overlay: list[Path] | None,
    set_scope: list[str] | None = None,
) -> list[str]:
    """The what-if flags as `op=value` strings (overlay files as plain paths)."""
    return ([str(p) for p in overlay or []] + [f"add-member={v}" for v in add_member or []]
            + [f"remove-member={v}" for v in remove_member or []] + [f"drop-treaty={v}" for v in drop_treaty or []]
            + [f"add-treaty={p}" for p in add_treaty or []] + [f"strength={v}" for v in set_strength or []]
            + [f"scope={v}" for v in set_scope or []])


def split(values: list[str]) -> list[str]:
    """Repeated and comma-separated values as one list."""
    return [part.strip() for v in values for part in v.split(",") if part.strip()]


def world_for(extra: list[Path] | None, overlay: list[str] | None = None) -> Any:
    """The bundled world plus extra treaty files, with the what-if overlay applied."""
    from foedus.api import load_world

    world = load_world(*[str(p) for p in extra or []])
    if overlay:
        from foedus.model.overlay import overlay_from_flags

        world = overlay_from_flags(overlay).apply(world)
    return world


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
