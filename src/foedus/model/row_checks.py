"""A state's member rows in one treaty agree on its own instrument (`treaty_checks.check_parties` runs it): the rows
are spells of one membership under one agreement (ukr_bilateral_2024's two US rows, split where the US
administration changed), and the engine reads a state's first row that names an instrument for every duty of the
state (`foedus.engine.leg.instrument_of`), so a later row saying otherwise would be shown by `treaties show` and
never read.
"""

from __future__ import annotations

from foedus.errors import TreatyDataError
from foedus.model.treaty import Member, Treaty

__all__ = ["check_rows_agree"]

_FIELDS = ("instrument", "instrument_certainty", "instrument_source")


def _said(member: Member, field: str) -> str:
    """What a row says of `field`, in a message's words: the value, or that it leaves it out."""
    value = getattr(member, field)
    if field == "instrument" and value is None:
        return "none (the record's)"
    return "nothing" if value is None else str(value)


def check_rows_agree(treaty: Treaty, path: str) -> None:
    """Every row of one state gives the same instrument, instrument_certainty and instrument_source (or all leave
    them out).

    Raises:
        TreatyDataError: the first row that differs from its state's first row, naming both rows and the values.
    """
    first: dict[str, int] = {}
    for i, m in enumerate(treaty.members):
        j = first.setdefault(m.state, i)
        if j == i:
            continue
        earlier = treaty.members[j]
        for field in _FIELDS:
            if getattr(m, field) != getattr(earlier, field):
                raise TreatyDataError(path, f"members[{i}].{field}", f"{m.state}'s rows disagree: members[{j}] says "
                                      f"{_said(earlier, field)}, members[{i}] {_said(m, field)}; a state's rows are "
                                      "spells of one agreement, so give each the same instrument, "
                                      "instrument_certainty and instrument_source")
