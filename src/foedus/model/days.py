"""The days foedus reads: a scenario's date, an atlas year and a treaty's start all lie in this range.

Kept apart from the engine so the treaty schema and the loader can check files against the same limits.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["EARLIEST", "LATEST"]

EARLIEST = dt.date(1815, 1, 1)
"""The first day of the state system the data covers (COW, ATOP)."""
LATEST = dt.date(2100, 12, 31)
"""The last day a scenario may ask about: a treaty signed or joined later could never take effect."""
