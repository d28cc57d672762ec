"""What a treaty list of one day says beyond its rows' dates: how sure each treaty's standing is that day, and, after
the day the bundled set was reviewed to as a whole, that later changes are encoded only where found."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from foedus.model.vocab import CERTAINTY_RANK, Certainty, worst

if TYPE_CHECKING:
    from foedus.model.treaty import Treaty

__all__ = ["list_notes", "standing_that_day"]


def standing_that_day(treaty: Treaty, day: dt.date) -> Certainty:
    """How sure a treaty's standing is on `day` as a list says it: its own (`standing_on`), no surer than its surest
    clause in effect that day (a clause's `valid` span's tag): past a term whose renewal is not verified (France-Greece
    from 2026-10-07, Russia-Armenia from 2023-11-05) each clause, and so the treaty, rests on that renewal, as a
    cascade of that day says; a clause with no span of its own is in effect as long as the treaty."""
    spans = [p.valid.certainty if p.valid is not None else Certainty.VERIFIED for p in treaty.provisions
             if p.valid is None or p.valid.covers(day)]
    return worst([treaty.standing_on(day), min(spans, key=CERTAINTY_RANK.__getitem__, default=Certainty.VERIFIED)])


def list_notes(day: dt.date | None) -> list[str]:
    """What a treaty list of `day` says beside its rows: after the day the bundled set was reviewed to as a whole
    (`DATA_END`), that later changes are encoded only where found (`DATA_END_NOTE`), as a cascade of that day says:
    a treaty a later change put in force, or ended, may be listed as it stood then."""
    from foedus.engine.outcome import DATA_END, DATA_END_NOTE

    return [DATA_END_NOTE] if day is not None and day > DATA_END else []
