"""Typer options shared by the CLI's commands (kept apart from `app` so commands import no circle); the
helpers the commands share without typer are in `foedus.cli.helpers`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["AddTreaty", "FormatOpt", "JsonOpt", "OverlayFile", "SaveOverlay", "SaveScenario", "ScenarioFile",
           "TreatyFiles", "WarFile"]

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object (the stable contract).")]
TreatyFiles = Annotated[
    list[Path] | None,
    typer.Option("--treaties", help="Extra treaty YAML file(s) to load on top of the bundled set."),
]
WarFile = Annotated[Path | None, typer.Option(
    "--war-file", help="A war file of yours (see `foedus schema --war`), checked as a bundled war is: the cascade's "
                       "notes say what it binds on --date besides this one attack, as for a bundled war.")]
FormatOpt = Annotated[str | None, typer.Option("--format", help="table | csv | json (table: plain and untruncated "
                                                                "when not on a terminal).")]
AddTreaty = Annotated[list[Path] | None, typer.Option("--add-treaty", help="What-if: add a treaty file.")]
OverlayFile = Annotated[list[Path] | None, typer.Option("--overlay", help="What-if overlay YAML file(s).")]
SaveOverlay = Annotated[Path | None, typer.Option("--save-overlay",
                                    help="Save the what-if changes as an overlay YAML file.")]
ScenarioFile = Annotated[Path | None, typer.Option("--scenario", help="Run the whole question a scenario file holds "
                                                  "(from --save-scenario); other options that change it are refused.")]
SaveScenario = Annotated[Path | None, typer.Option("--save-scenario", help="Save the run's whole question (states, "
                                                   "date, switches, what-if changes) as a scenario YAML file.")]
