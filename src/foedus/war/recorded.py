"""What a war file records of a state that its events do not replay (its `state_notes`: North Korea's troops fought at
Kursk, on a day reported only approximately, so the file enters no event for it), said after that state's "Why?" with
its certainty and sources, so "Neither fighting nor bound" does not read as "did not fight". The web's copy:
web/src/warrecorded.ts `recordedSaid` (tests/test_war_recorded.py checks the parity)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from foedus.war.events import StateRemark, War

__all__ = ["RECORDED", "recorded_on", "recorded_said"]

RECORDED = "Recorded by the war file, not replayed as an event"
"""What a state's note is said after: the replay's standing does not count what it records."""


def recorded_on(war: War, state: str, day: dt.date) -> tuple[StateRemark, ...]:
    """The war file's notes on `state` (an id) said on `day`: those from `since` on."""
    return tuple(n for n in war.state_notes if n.state == state and n.since <= day)


def recorded_said(notes: Iterable[Mapping[str, Any]]) -> str:
    """After a "Why?" line, each note (`StateRemark.to_dict`) as a sentence: " Recorded by the war file, not replayed
    as an event (verified): NOTE (source: TITLE; ...)."; "" with none."""
    out = ""
    for n in notes:
        cited = "; ".join(str(p.get("title") or p["url"]) for p in n.get("sources", ()))
        out += f" {RECORDED} ({n['certainty']}): {str(n['note']).rstrip('.')}{f' (source: {cited})' if cited else ''}."
    return out
