"""`--save-overlay F` of `foedus cascade` and `foedus atlas`: a run's what-if changes saved as an overlay file, by
one writer, so the two commands refuse and write it alike (a taken name never replaced, an empty file never written,
each member change's state by its id as the run read it)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from foedus.cli.helpers import WHAT_IF_NAMES

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Sequence

    from foedus.model.overlay import Overlay
    from foedus.model.world import World

__all__ = ["by_ids", "check_overlay_changes", "check_overlay_target", "write_overlay"]


def check_overlay_target(path: Path | None) -> None:
    """Refuse, before any work, a `--save-overlay` name (None: none given) that is taken or not .yaml/.yml.

    Raises:
        OutputError: as every output's path is refused (`foedus.outputs.check_target`).
    """
    if path is None:
        return
    from foedus.outputs.atomic import check_target
    from foedus.outputs.names import output_format

    check_target(path, how="choose another file name",  # o.json held YAML
                 name=lambda given: output_format(given, (".yaml", ".yml"), "overlay"))


def check_overlay_changes(path: Path | None, changes: Overlay | None) -> None:
    """Refuse, before the run, a `--save-overlay` with no what-if change to save (an empty file would say nothing was
    changed) or changes whose file would not read back (`Overlay.check_save`).

    Raises:
        FoedusError: naming the options that make a change.
    """
    if path is None:
        return
    if not (changes and changes.changes):
        from foedus.errors import FoedusError

        options = ", ".join(f"--{n.replace('_', '-')}" for n in (*WHAT_IF_NAMES, "add_treaty"))
        raise FoedusError(f"--save-overlay: there is no what-if change to save (give {options}, or an --overlay "
                          "with changes); nothing was written")
    changes.check_save(path)


def write_overlay(path: Path | None, changes: Overlay | None, world: World, day: dt.date | None,
                  days: Callable[[int], Sequence[dt.date]] | None = None) -> None:
    """Save `changes` to `path` (None: not asked) once the run has applied (checked) them, each member change's state
    by its id as read on `day` ("Congo" means COG in 1980 only), or, for a yearly series, on the `days` each change is
    read on (`SeriesWhatIf.read_on`; until 2026-12-07 today's names, which refused "Congo" in a series of 1975-1980),
    saying so on stderr."""
    if path is None or changes is None:
        return
    from foedus.wording import counted

    by_ids(changes, world, day, days).save(path)
    sys.stderr.write(f"wrote the what-if overlay ({counted(len(changes.changes), 'change')}) to {path}\n")


def by_ids(changes: Overlay, world: World, day: dt.date | None,
           days: Callable[[int], Sequence[dt.date]] | None = None) -> Overlay:
    """`changes` with each member change's state by its id, read on `day` or, for a yearly series, on the `days`
    each change is read on, as `write_overlay` saves them (and `atlas --save-scenario`)."""
    from foedus.model.overlay_ids import by_state_ids, by_state_ids_on

    return by_state_ids(changes, world.states, day) if days is None else by_state_ids_on(changes, world.states, days)
