"""What a text answer's header says of a day after the bundled treaty set's review day (`DATA_END`): the note that
says it (`DATA_END_NOTE`) comes last, often hundreds of lines down, and a reader of the first screen took a later
day's answer for a current one. One function, used by each header that names a day (a cascade's, a comparison's, a
war replay's, an atlas comparison's first line) and each table's title that does (an atlas's, a comparison's
`--out`, dyad-years' whose covariates read the treaties), and copied by the web's summary (web/src/reviewday.ts;
tests/test_said_parity.py)."""

from __future__ import annotations

import datetime as dt

__all__ = ["DATA_END", "past_review", "past_review_pair"]

# The day to which the bundled treaty set was reviewed as a whole (the fact sheet's cut-off; docs/certainty.md, "After
# the cut-off"). `foedus.engine.outcome` exports it with the note a later day's answer gives (`DATA_END_NOTE`); it is
# here so that the renderings can read it without importing the engine (an import circle).
DATA_END = dt.date(2025, 12, 31)


def past_review(day: dt.date | str) -> str:
    """" (after the treaty set's review day, 2025-12-31: see the note)", to put after a header's `day` when that day
    is after `DATA_END`; "" on `DATA_END` and before it, so that those headers read as they did."""
    when = dt.date.fromisoformat(day) if isinstance(day, str) else day
    return f" (after the treaty set's review day, {DATA_END}: see the note)" if when > DATA_END else ""


def past_review_pair(base: dt.date | str, other: dt.date | str) -> tuple[str, str]:
    """The marks (`past_review`) of a comparison's two days, for a header or a table's title that names both: the
    other day's only where it is another day, so that one day is marked once (`foedus compare`'s first line and its
    `--out` table's title, the atlas comparison's first line)."""
    return past_review(base), past_review(other) if str(other) != str(base) else ""
