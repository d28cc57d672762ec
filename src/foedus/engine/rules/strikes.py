"""Who strikes next: the attacks that the states joining a war bring into it, by reading."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from foedus.engine.scenario import Attack

__all__ = ["STRIKES", "Strikes", "is_war", "next_attacks"]


@dataclass(frozen=True, slots=True)
class Strikes:
    """Which attacks the states that join bring into the war, by reading.

    legal: only states joining the attacking side strike, and only the original targets, where the
    opening attacks struck them; states that join the defence are not attacked, so they call in no
    allies of their own. escalatory: every belligerent strikes the home territory of every
    belligerent on the other side (the targets strike back from round 2 on, even if nobody joined).
    Below an armed attack there is no war: nobody strikes (`is_war`), in either reading.
    """

    defenders_strike: bool
    at_home: bool


STRIKES: dict[Literal["legal", "escalatory"], Strikes] = {
    "legal": Strikes(defenders_strike=False, at_home=False),
    "escalatory": Strikes(defenders_strike=True, at_home=True),
}


def is_war(opening: Sequence[Attack]) -> bool:
    """Whether the opening incident is a war: every opening attack an armed attack."""
    return all(a.severity == "armed-attack" for a in opening)


def next_attacks(reading: Literal["legal", "escalatory"], side_of: Mapping[str, str], joiners: Sequence[str],
                 opening: Sequence[Attack], home: Callable[[str], str], rnd: int) -> list[Attack]:
    """The attacks that this round's `joiners` bring into the war (the reference engine's form of `STRIKES`).

    legal: a state joining the attacking side strikes each original target where the opening attacks
    struck it. escalatory: every state on each side strikes the home territory of every state on the other.
    """
    if not is_war(opening):
        return []
    if not STRIKES[reading].at_home:
        return [Attack(state, a.victim, a.place, a.kind, rnd)
                for state in joiners if side_of[state] == "attack"
                for a in opening if side_of.get(a.victim) == "defense"]
    attack_side = sorted(s for s, side in side_of.items() if side == "attack")
    defense_side = sorted(s for s, side in side_of.items() if side == "defense")
    out = [Attack(a, d, home(d), "territory", rnd) for a in attack_side for d in defense_side]
    return out + [Attack(d, a, home(a), "territory", rnd) for a in attack_side for d in defense_side]
