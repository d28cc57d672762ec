"""Facts of the ATOP release foedus imports (5.1), for modules that need them without the importer
(`foedus.sources.atop`), which builds the treaty model."""

from __future__ import annotations

import datetime as dt

__all__ = ["ATOP_END", "ATOP_MEMBER_FILE", "ATOP_RECENT_YEARS", "RECENT_AFTER"]

ATOP_MEMBER_FILE = "atop/atop5_1m.csv"  # the member-level file, in the data folder
ATOP_END = dt.date(2018, 12, 31)  # the last day ATOP 5.1 covers

ATOP_RECENT_YEARS = 5
"""How far back a cascade notes an ended ATOP alliance (`foedus.engine.atop_ended`): a lapse recent enough that a
reader of the day may not know of it, short enough that a historical cascade does not list decades of lapsed pacts
(ATOP codes 470 ended phases, against the curated set's few defence treaties noted for 50 years)."""

RECENT_AFTER = ATOP_END.replace(year=ATOP_END.year - ATOP_RECENT_YEARS)
"""The day after which the alliances that can still bind suffice (`foedus.sources.history`'s recent set): ATOP's
last day less the years an ended-alliance note reads back, so that a cascade on a day through 2023, whose window
reaches into ATOP's years, needs only the alliances that can bind after 2013 (350 of 813), not the whole history."""
