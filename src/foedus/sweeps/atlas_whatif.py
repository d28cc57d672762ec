"""How a what-if atlas says it is one: its changes on every row (a last `what_if` column, as `foedus cascade --format
csv` names them: `whatif_words.what_if_cell`) and the cascade's what-if note (`whatif_words.what_if_world`, and
`overlay_dated.later_notes` for a change dated after the atlas's date) among its notes, so that an exported what-if
atlas, in any format and in a Dask run's partitions, never reads as the treaties as encoded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from foedus.model.overlay import Change
    from foedus.model.world import World

__all__ = ["AS_ENCODED", "AtlasWhatIf", "atlas_what_if"]


@dataclass(frozen=True)
class AtlasWhatIf:
    """What an atlas's table says of its what-if world: the `what_if` cell (None: the treaties as encoded, no
    column), the notes, and each change as `overlay_set.summary` says it (for its title)."""

    cell: str | None = None
    notes: tuple[str, ...] = ()
    said: tuple[str, ...] = ()

    def frame(self, table: pd.DataFrame) -> pd.DataFrame:
        """`table` with the `what_if` column last, on every row, where the atlas ran in a what-if world."""
        return table if self.cell is None else table.assign(what_if=self.cell)


AS_ENCODED = AtlasWhatIf()
"""An atlas of the treaties as encoded: no `what_if` column, no what-if note."""


def atlas_what_if(changes: Sequence[Change], day: dt.date, world: World, base: World, basis: str) -> AtlasWhatIf:
    """The record of an atlas at `day` run in `world` (`base` with `changes`, on the run's membership `basis`), in
    the words `foedus cascade` says its what-if run in (`foedus.run.what_if_noted`)."""
    from foedus.model.overlay_dated import later_notes
    from foedus.model.overlay_set import summary
    from foedus.whatif_words import what_if_cell, what_if_world

    if not changes:
        return AS_ENCODED
    said = tuple(summary(change) for change in changes)
    return AtlasWhatIf(what_if_cell(said), (what_if_world(said), *later_notes(list(changes), day, world, basis, base)),
                       said)
