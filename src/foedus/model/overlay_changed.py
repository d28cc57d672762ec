"""A world what-if changes were applied to beforehand, kept with those changes and the world they were applied to:
`foedus.run.run_scenario` runs in it as in a world it changes itself, its notes said by the same code in the same
places (`overlay_dated.later_notes` before the draws' notes). The web keeps such worlds (`foedus.web.whatif`), so
that repeating a what-if does not rebuild one. Apart from `foedus.run`, so that a plain run's start does not make
the record class."""

from __future__ import annotations

from typing import TYPE_CHECKING

from foedus.datarecord import dataclass

if TYPE_CHECKING:
    import datetime as dt

    from foedus.model.overlay_changes import Change
    from foedus.model.world import World

__all__ = ["Changed", "changed_world"]


@dataclass(frozen=True, slots=True)
class Changed:
    """`world`: `base` with `changes` applied (`changed_world`)."""

    world: World
    changes: tuple[Change, ...]
    base: World


def changed_world(base: World, changes: list[Change], day: dt.date | None) -> Changed:
    """`base` (not modified) with `changes` applied, their states' names read and their members checked on `day`, the
    scenario's (as its attacker's are; today's when None: `foedus.run.day_or_none` reads a scenario's date).

    Raises:
        FoedusError: an unknown treaty, state or article, or a malformed change (the overlay's own message).
    """
    from foedus.model.overlay import Overlay

    return Changed(Overlay(changes=changes).apply(base, day), tuple(changes), base)
