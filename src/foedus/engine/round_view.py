"""What a reference run (`foedus.engine.cascade`) reads of its sides each round: each side's states, the round's
situation (the same object while the attacking side is, so that what the binder keeps for the situation at hand stays
at hand: `foedus.engine.judge`), and the states' homes, kept per table."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from foedus.engine.rules import Situation

if TYPE_CHECKING:
    import datetime as dt

    from foedus.engine.scenario import Scenario
    from foedus.model.gazetteer import Gazetteer
    from foedus.model.places import Place

__all__ = ["Homes", "camps", "situation"]


def situation(last: Situation | None, places: Mapping[str, Place], s: Scenario, starters: frozenset[str]
              ) -> Situation:
    """A round's situation: `last` itself where its attacking side is the same (most rounds), so that the verdicts
    the binder keeps at hand for it (`Judge._verdicts`, by the situation's identity) stay at hand from round to
    round; a situation's other fields are the scenario's."""
    if last is not None and last.starters == starters:
        return last
    return Situation(places=places, scenario=s, asks=lambda state: s.requested, starters=starters)


def camps(side_of: Mapping[str, str]) -> dict[str, list[str]]:
    """Each side's states, sorted (kept so as the sides grow)."""
    return {side: sorted(s for s, on in side_of.items() if on == side) for side in ("attack", "defense")}


class Homes(dict[str, str]):
    """The id of each state's home territory on the table's date, found when first asked for (kept per table:
    a lookup of one found before is the dict's own, with no call of ours)."""

    def __init__(self, places: Gazetteer, day: dt.date) -> None:
        super().__init__()
        self.places, self.day = places, day

    def __missing__(self, state: str) -> str:
        found = self[state] = self.places.home(state, self.day).id
        return found
