"""Who each participant of a COW war was: an original party, a new target, or a state that chose to join.

- *original*: the opening attack's attackers and targets (`foedus.backtest.opening`), and every state on
  the initiators' side that fought from the war's first day (co-initiators COW does not code as such).
- *new target*: a later participant that entered by being attacked: in the dyadic file, the first pair
  it fought in (earliest start) was started by the other state, no more than `TOLERANCE` days after its own
  entry date (a state that declared war first and was attacked later chose to join).
- *joiner*: every other participant (it started its first fight, or the data do not say).

Sides are relative to the initiators: *attack* for the initiators' COW side, *defense* for the other.
A participant's side is that of its first spell (a state that changed sides keeps the side it entered on).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from foedus.backtest.cowdata import Dyad, Spell
from foedus.backtest.opening import OpeningAttack

__all__ = ["TOLERANCE", "Participant", "Role", "roles"]

Role = Literal["original", "new_target", "joiner"]
Side = Literal["attack", "defense"]
TOLERANCE = dt.timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Participant:
    """One participant of one war, in COW codes: its role, first side, entry date and every side it fought on."""

    ccode: int
    name: str
    role: Role
    side: Side
    entry: dt.date
    sides: frozenset[Side]


def _side(spell: Spell, attack_side: int) -> Side:
    return "attack" if spell.side == attack_side else "defense"


def _role(ccode: int, entry: dt.date, dyads: list[Dyad]) -> Role:
    mine = [d for d in dyads if ccode in (d.a, d.b)]
    if not mine:
        return "joiner"
    first = min(d.start for d in mine)
    if first > entry + TOLERANCE:
        return "joiner"
    earliest = [d for d in mine if d.start == first]
    if any(d.initiator == ccode for d in earliest):
        return "joiner"
    return "new_target" if any(d.initiator is not None for d in earliest) else "joiner"


def roles(opening: OpeningAttack, spells: list[Spell], dyads: list[Dyad]) -> dict[int, Participant]:
    """Every participant of the war, by COW code."""
    start = opening.date
    first: dict[int, Spell] = {}
    for s in sorted(spells, key=lambda s: (s.start, s.side)):
        first.setdefault(s.ccode, s)
    out: dict[int, Participant] = {}
    for ccode, spell in first.items():
        side = _side(spell, opening.attack_side)
        day_zero = spell.start == start and side == "attack"
        if ccode in opening.originals or day_zero:
            role: Role = "original"
        else:
            role = _role(ccode, spell.start, dyads)
        sides = frozenset(_side(s, opening.attack_side) for s in spells if s.ccode == ccode)
        out[ccode] = Participant(ccode, spell.name, role, side, spell.start, sides)
    return out
