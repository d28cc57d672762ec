"""What a text answer's header says of a day after the bundled treaty set's review day (`DATA_END`): the note that
says it (`DATA_END_NOTE`) comes last, often hundreds of lines down, and a reader of the first screen took a later
day's answer for a current one. One function, used by each header that names a day (a cascade's, a comparison's, a
war replay's, an atlas comparison's first line) and each table's title that does (an atlas's, a comparison's
`--out`, dyad-years' whose covariates read the treaties), and copied by the web's summary (web/src/reviewday.ts;
tests/test_said_parity.py)."""

from __future__ import annotations

import datetime as dt

__all__ = ["DATA_END", "past_review", "past_review_pair", "short_review"]

# The day to which the bundled treaty set was reviewed as a whole (the fact sheet's cut-off; docs/certainty.md, "After
# the cut-off"). `foedus.engine.outcome` exports it with the note a later day's answer gives (`DATA_END_NOTE`); it is
# here so that the renderings can read it without importing the engine (an import circle).
DATA_END = dt.date(2025, 12, 31)

_AFTER = f"after the treaty set's review day, {DATA_END}: see the note"
_AFTER_SHORT = "past review"


def past_review(day: dt.date | str) -> str:
    """" (after the treaty set's review day, 2025-12-31: see the note)", to put after a header's `day` when that day
    is after `DATA_END`; "" on `DATA_END` and before it, so that those headers read as they did."""
    return f" ({_AFTER})" if _after(day) else ""


def past_review_pair(base: dt.date | str, other: dt.date | str) -> str:
    """The mark (`past_review`) of a comparison's two days, once for the pair, to put after both: " (both after the
    treaty set's review day, 2025-12-31: see the note)", or "one after", or "": a mark after each day filled a table's
    title, and Stata's 80-character label then cut the second day (`foedus compare`'s first line and its `--out`
    table's title, the atlas comparison's first line; a what-if of one day is marked after it alone, `past_review`:
    `foedus.cli.compare_out.compare_head`)."""
    after = _after(base) + _after(other)
    return f" ({'both' if after == 2 else 'one'} {_AFTER})" if after else ""


def short_review(title: str) -> str:
    """`title` with its mark (`past_review`, `past_review_pair`) in short words, " (both past review)", for
    a Stata data label (80 characters; `foedus.outputs.stata.stata_label`): the mark's 62 characters left too few
    for what follows it, so a label cut a comparison's reading and an atlas's switches. The whole title, and the
    note with the day, are the file's notes.

    >>> short_review(f"foedus atlas 2026-03-01{past_review('2026-03-01')} --basis signed")
    'foedus atlas 2026-03-01 (past review) --basis signed'
    """
    return title.replace(_AFTER, _AFTER_SHORT)


def _after(day: dt.date | str) -> bool:
    """Whether `day` (a date, or one in ISO words) is after `DATA_END`."""
    return (dt.date.fromisoformat(day) if isinstance(day, str) else day) > DATA_END
