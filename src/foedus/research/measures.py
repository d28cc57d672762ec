"""The published measures a research table reproduces, cited in full beside its datasets' `cite:` lines: `foedus
depth` cited ATOP alone, though its `milinst` is Leeds & Anac's (2005) and its depth and scope follow Benson &
Clinton (2016) (docs/depth.md)."""

from __future__ import annotations

__all__ = ["BENSON_CLINTON_2016", "DEPTH_MEASURES", "LEEDS_ANAC_2005"]

LEEDS_ANAC_2005 = ('Leeds, Brett Ashley, and Sezi Anac. 2005. "Alliance Institutionalization and Alliance '
                   'Performance." International Interactions 31(3): 183–202.')
BENSON_CLINTON_2016 = ('Benson, Brett V., and Joshua D. Clinton. 2016. "Assessing the Variation of Formal Military '
                       'Alliances." Journal of Conflict Resolution 60(5): 866–898.')
DEPTH_MEASURES = (LEEDS_ANAC_2005, BENSON_CLINTON_2016)
"""`foedus depth`'s measures: `milinst` (Leeds & Anac), depth and scope (Benson & Clinton's dimensions)."""
