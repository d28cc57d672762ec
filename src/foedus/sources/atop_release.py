"""Facts of the ATOP release foedus imports (5.1), for modules that need them without the importer
(`foedus.sources.atop`), which builds the treaty model."""

from __future__ import annotations

import datetime as dt

__all__ = ["ATOP_END", "ATOP_MEMBER_FILE"]

ATOP_MEMBER_FILE = "atop/atop5_1m.csv"  # the member-level file, in the data folder
ATOP_END = dt.date(2018, 12, 31)  # the last day ATOP 5.1 covers
