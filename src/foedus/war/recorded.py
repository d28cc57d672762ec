"""What a war file records of a state that its events do not replay (its `state_notes`: North Korea's troops fought at
Kursk, on a day reported only approximately, so the file enters no event for it), said after that state's "Why?" with
its certainty and sources, so "Neither fighting nor bound" does not read as "did not fight". The web's copy:
web/src/warrecorded.ts `recordedSaid` (tests/test_war_recorded.py checks the parity)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from foedus.war.events import StateRemark, War

__all__ = ["RECORDED", "recorded_columns", "recorded_on", "recorded_said"]

RECORDED = "Recorded by the war file, not replayed as an event"
"""What a state's note is said after: the replay's standing does not count what it records."""


def recorded_on(war: War, state: str, day: dt.date) -> tuple[StateRemark, ...]:
    """The war file's notes on `state` (an id) said on `day`: those from `since` on."""
    return tuple(n for n in war.state_notes if n.state == state and n.since <= day)


def recorded_columns(war: War, state: str, day: dt.date) -> dict[str, str | None]:
    """A `foedus war --out` row's notes on `state` (an id) said by `day`, the replay's last: `recorded`, their words
    as its `--state` line ends (`recorded_said`: certainty, a month's or year's `since`, sources); `recorded_since`,
    the first one's `since`; `recorded_since_within`, `month` or `year` where that day is known only to it."""
    notes = recorded_on(war, state, day)
    first = min(notes, key=lambda n: n.since) if notes else None
    return {"recorded_since": first.since.isoformat() if first else None,
            "recorded_since_within": first.since_within if first else None,
            "recorded": recorded_said(n.to_dict() for n in notes).strip() or None}


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def recorded_said(notes: Iterable[Mapping[str, Any]]) -> str:
    """After a "Why?" line, each note (`StateRemark.to_dict`) as a sentence: " Recorded by the war file, not replayed
    as an event (verified): NOTE (source: TITLE; ...)."; "" with none. A `since` known only to its month or year
    says so before the sources ("since October 2024, known only to the month"), not as the day it is stored on."""
    out = ""
    for n in notes:
        said = [*_since(n), *(["source: " + "; ".join(str(p.get("title") or p["url"]) for p in n["sources"])]
                              if n.get("sources") else [])]
        after = f" ({'; '.join(said)})" if said else ""
        out += f" {RECORDED} ({n['certainty']}): {str(n['note']).rstrip('.')}{after}."
    return out


def _since(note: Mapping[str, Any]) -> list[str]:
    """A note's `since` where the file knows only its month or year (`since_within`), in words; none otherwise."""
    within, since = note.get("since_within"), str(note["since"])
    if within == "month":
        return [f"since {_MONTHS[int(since[5:7]) - 1]} {since[:4]}, known only to the month"]
    return [f"since {since[:4]}, known only to the year"] if within == "year" else []
