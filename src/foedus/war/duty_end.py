"""How sure a war's duty's end is where it rests on an attack's end that its war file does not verify: about 30
states' duties to consult Russia ended "to 2025-04-27", the day Russia claimed the end of Ukraine's attack at Kursk,
said as a fact though the file says the attack's end is "Russia's claim, unverified". The duty's record carries the
attack end's `until_certainty` and `until_by` as `to_certainty` and `to_by` (`foedus.war.words.duty_lines` says
them; the web's copy: said.ts `dutyTo`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["ended_on"]


def ended_on(duty: Mapping[str, Any], day: str, changes: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """A duty record's end on `day` (an ISO date): `{"to": day}`, with `to_certainty` and `to_by` where one of the
    day's changes (a frame's `changes`) is the end of the attack the duty arose from (its `because`: attacker,
    victim and place) and that end is not verified (`foedus.war.events.until_said`)."""
    because = duty.get("because") or {}
    attack = (because.get("by"), because.get("attacked"), because.get("place"))
    for c in changes:
        if c.get("type") == "attack-ends" and c.get("until_certainty") and \
                (c.get("attacker"), c.get("victim"), c.get("place")) == attack:
            return {"to": day, "to_certainty": c["until_certainty"]} | (
                {"to_by": c["until_by"]} if c.get("until_by") else {})
    return {"to": day}
