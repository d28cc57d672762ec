"""A membership's own dates, the treaty's where the row records none: its signature and the day it became a party, as
`foedus treaties show` prints them and its JSON (`foedus.catalog.treaty_detail`) gives them, and the note a row
needs where it became a party before it signed (Uzbekistan's return to the CSTO: in on 23 Jun 2006, its protocol
signed 16 Aug 2006), so that the dates do not read as an error."""

from __future__ import annotations

import datetime as dt
from typing import Any

from foedus.model.treaty import Member, Treaty
from foedus.model.vocab import Instrument

__all__ = ["ONE_STATE_ACTS", "joined_early", "member_dates", "member_joined", "member_signed"]

ONE_STATE_ACTS = frozenset({Instrument.EXECUTIVE_ORDER, Instrument.STATUTE})
"""Instruments one state makes alone: the states it names signed nothing (Qatar under the US order of 2025)."""


def member_signed(t: Treaty, m: Member) -> dt.date | None:
    """The row's signature: its own, else the treaty's; None for a state that one state's own act only names (a row
    of an executive order or a statute without a `signed` of its own), whose signature the act's day is not."""
    if m.signed is None and t.instrument in ONE_STATE_ACTS:
        return None
    return m.signed or t.signed


def member_joined(t: Treaty, m: Member) -> dt.date | None:
    """The day the row's state became a party: its own, else the treaty's entry into force (None: not in force)."""
    return m.joined or t.in_force


def member_dates(t: Treaty, m: Member) -> dict[str, Any]:
    """The row's `signed` and `joined` for the JSON, each an ISO day or null: the treaty's where the row has none
    (a member of Russia–DPRK 2024 carried no dates, since its equal the treaty's, and read as undated)."""
    signed, joined = member_signed(t, m), member_joined(t, m)
    return {"signed": signed.isoformat() if signed else None, "joined": joined.isoformat() if joined else None}


def joined_early(t: Treaty, m: Member) -> str | None:
    """A line for a row that became a party before it signed, else None: its two days, then the row's note."""
    signed, joined = member_signed(t, m), member_joined(t, m)
    if signed is None or joined is None or joined >= signed:
        return None
    said = f"joined {joined}, before it signed on {signed}, as its record gives them (no slip)"
    return said + (f": {m.note}" if m.note else "")
