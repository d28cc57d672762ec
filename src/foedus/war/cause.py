"""Which change of the day moved a state: the attack that triggered its obligation, or the treaty change.

A day's changes are the war's events, the attacks that ended, and the treaty changes (all as their JSON
records). The rules, in order: an attack event matching the attack the obligation answers; a change of
the obligation's own treaty; an exit or ceasefire naming the state or the attack's parties, or one of them leaving
the state system or coming back to it; else the day's first change (e.g. a belligerent's entry that makes a
neutral's duty bite).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["cause"]

Change = dict[str, Any]


def _attack_event(changes: Sequence[Change], by: str, attacked: str) -> Change | None:
    for c in changes:
        if c["type"] == "attack" and any(a["attacker"] == by and a["victim"] == attacked for a in c["attacks"]):
            return c
    return None


def _treaty_change(changes: Sequence[Change], treaties: Iterable[str]) -> Change | None:
    wanted = list(dict.fromkeys(treaties))
    for treaty in wanted:
        for c in changes:
            if c["type"] == "treaty" and c["treaty"] == treaty:
                return c
    return None


def _naming(changes: Sequence[Change], states: set[str]) -> Change | None:
    for c in changes:
        if c["type"] in ("exit", "ceasefire", "entry") and (not c.get("states") or states & set(c["states"])):
            return c
        if c["type"] == "attack-ends" and states & {c["attacker"], c["victim"]}:
            return c
        if c["type"] == "system" and c["state"] in states:  # it left the state system, or came back to it
            return c
    return None


def cause(changes: Sequence[Change], *, event: int | None = None, attack: tuple[str, str] | None = None,
          treaties: Iterable[str] = (), states: Iterable[str] = (), ended: bool = False) -> Change | None:
    """The change that best explains a move, by the rules above (None when the day had no change).

    `event`: the index of the event that brought a state into the war; `attack`: (by, attacked) of the
    attack an obligation answers; `treaties`: the obligation's treaties; `states`: the states concerned; `ended`:
    the attack a released state's obligation answered is over, so an exit, ceasefire or attack's end naming its
    states comes before a change of its treaty (a state whose Rio duty ended as the attack did, the day a window
    of Mexico's Rio exit opened, was said released by that window).

    >>> day = [{"type": "treaty", "treaty": "t1"}, {"type": "attack", "event": 3,
    ...        "attacks": [{"attacker": "A", "victim": "B"}]}]
    >>> cause(day, attack=("A", "B"), treaties=["t1"])["type"], cause(day, attack=("C", "B"), treaties=["t1"])["type"]
    ('attack', 'treaty')
    """
    if event is not None:
        found = next((c for c in changes if c.get("event") == event and c["type"] != "attack-ends"), None)
        if found is not None:
            return found
    if attack is not None:
        found = _attack_event(changes, *attack)
        if found is not None:
            return found
    found = _naming(changes, set(states)) if ended else None
    found = found or _treaty_change(changes, treaties)
    if found is not None:
        return found
    found = _naming(changes, set(states) | set(attack or ()))
    if found is not None:
        return found
    return changes[0] if changes else None
