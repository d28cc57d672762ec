"""The days foedus reads: a scenario's date, an atlas year and a treaty's start all lie in this range.

Kept apart from the engine so the treaty schema and the loader can check files against the same limits.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["EARLIEST", "ERA_CUTOFF", "LATEST", "TODAY", "day_text", "is_iso_day"]

EARLIEST = dt.date(1815, 1, 1)
"""The first day of the state system the data covers (COW, ATOP)."""
LATEST = dt.date(2100, 12, 31)
"""The last day a scenario may ask about: a treaty signed or joined later could never take effect."""
ERA_CUTOFF = dt.date(1945, 1, 1)
"""The honour model's cut between its two eras (`foedus.engine.reliability`): kept here, apart from that pydantic
model, so the likelihood beside a cascade reads it without importing pydantic."""


TODAY = "today"
"""The one word read as a day: the machine's date (`foedus cascade -d today`), said in the answer as the day used."""

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def is_iso_day(text: str) -> bool:
    """Whether `text` is written YYYY-MM-DD, the one way foedus reads a day (whether that day exists is checked
    apart): Python's `date.fromisoformat` also reads 20250601 and the ISO week date 2025-W01-1 (2024-12-30), and
    pydantic a count of seconds since 1970 or a midnight timestamp, none of which a user means by a date here.

    >>> is_iso_day("2025-06-01"), is_iso_day("20250601"), is_iso_day("2025-W01-1")
    (True, False, False)
    """
    return _ISO_DAY.fullmatch(text) is not None


def day_text(text: str) -> str:
    """`text` as written, or the machine's date as YYYY-MM-DD when it is the word `today` (any case): so every
    command that reads a day, and the web, read `today` alike, and the answer names the day it used.

    >>> day_text("2025-06-01"), day_text("Today") == dt.date.today().isoformat()
    ('2025-06-01', True)
    """
    return dt.date.today().isoformat() if text.casefold() == TODAY else text
