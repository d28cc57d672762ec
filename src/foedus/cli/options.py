"""Typer options shared by the CLI's commands (kept apart from `app` so commands import no circle); the
helpers the commands share without typer are in `foedus.cli.helpers`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["AddTreaty", "FormatOpt", "JsonOpt", "OverlayFile", "SaveOverlay", "TreatyFiles"]

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object (the stable contract).")]
TreatyFiles = Annotated[
    list[Path] | None,
    typer.Option("--treaties", help="Extra treaty YAML file(s) to load on top of the bundled set."),
]
FormatOpt = Annotated[str | None, typer.Option("--format", help="table | csv | json (table: plain and untruncated "
                                                                "when not on a terminal).")]
AddTreaty = Annotated[list[Path] | None, typer.Option("--add-treaty", help="What-if: add a treaty file.")]
OverlayFile = Annotated[list[Path] | None, typer.Option("--overlay", help="What-if overlay YAML file(s).")]
SaveOverlay = Annotated[Path | None, typer.Option("--save-overlay",
                                    help="Save the what-if changes as an overlay YAML file.")]
