"""Where each replayed attack of a COW war hits: the victim's home territory, or its forces where the war was fought.

Rules, in order:
1. `data/cow_theatres.yaml` names a place for a victim in a war (Pearl Harbor for the USA in 1941), or a
   place for a whole war (the Falklands, Angola): the attack hits the victim's territory there if the place
   is the victim's, else the victim's forces there.
2. Otherwise, COW's `WhereFought` code of the victim's participation says in which regions it fought. If
   the victim's own COW region (by its COW code) is among them, the attack hits its home territory; if
   not, it hits the victim's forces at the war's theatre: the home territory of the first of the war's
   opening targets whose region is among them (US forces in Korea, Cuban forces in Ethiopia).
3. If no such place exists, the attack hits the victim's home territory (and says so).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

from foedus.backtest.errors import BacktestError
from foedus.engine.scenario import TargetKind
from foedus.model.world import World

__all__ = ["REGIONS", "Placement", "cow_regions", "theatres"]

How = Literal["home", "theatre", "forces-abroad", "home-fallback"]

REGIONS: dict[int, frozenset[str]] = {  # COW WhereFought codes (Inter-State War Data v4.0 codebook)
    1: frozenset({"americas"}), 2: frozenset({"europe"}), 4: frozenset({"africa"}),
    6: frozenset({"middle-east"}), 7: frozenset({"asia"}), 9: frozenset({"oceania"}),
    11: frozenset({"europe", "middle-east"}), 12: frozenset({"europe", "asia"}), 13: frozenset({"americas", "asia"}),
    14: frozenset({"europe", "africa", "middle-east"}), 15: frozenset({"europe", "africa", "middle-east", "asia"}),
    16: frozenset({"africa", "middle-east", "asia", "oceania"}), 17: frozenset({"asia", "oceania"}),
    18: frozenset({"africa", "middle-east"}), 19: frozenset({"europe", "africa", "middle-east", "asia", "oceania"}),
}


def cow_regions(ccode: int) -> frozenset[str]:
    """The COW regions of a state, by its code; states spanning two regions get both.

    >>> sorted(cow_regions(365)), sorted(cow_regions(651)), sorted(cow_regions(2))
    (['asia', 'europe'], ['africa', 'middle-east'], ['americas'])
    """
    if ccode < 200:
        base = {"americas"}
    elif ccode < 400:
        base = {"europe"}
    elif ccode < 600:
        base = {"africa"}
    elif ccode < 700:
        base = {"middle-east"}
    elif ccode < 900:
        base = {"asia"}
    else:
        base = {"oceania"}
    extra = {365: {"asia"}, 640: {"europe"}, 651: {"africa"}}.get(ccode, set())
    if 600 <= ccode <= 626:  # Morocco to Sudan: North Africa, in COW's Middle East block
        extra = {"africa"}
    return frozenset(base | extra)


@dataclass(frozen=True, slots=True)
class Theatre:
    """Where a war was fought (an entry of data/cow_theatres.yaml): one place, and/or places per victim."""

    war: int
    place: str | None
    victims: dict[str, str]
    note: str


@functools.cache
def theatres() -> dict[int, Theatre]:
    """The bundled war-to-place mapping.

    Raises:
        BacktestError: the bundled file is malformed.
    """
    from foedus.model.yamlio import load_yaml  # here: the likelihood reads `cow_regions` alone, without PyYAML

    raw: Any = load_yaml(resources.files("foedus.data").joinpath("cow_theatres.yaml").read_text(encoding="utf-8"))
    try:
        return {int(e["war"]): Theatre(int(e["war"]), e.get("place"), {str(k): str(v) for k, v in
                                                                        (e.get("victims") or {}).items()},
                                       str(e.get("note", ""))) for e in raw}
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BacktestError(f"cow_theatres.yaml is malformed: {exc}") from None


@dataclass(frozen=True)
class Placement:
    """Places the attacks of one war (see the module docstring)."""

    world: World
    war: int
    where: dict[int, int]  # COW code -> WhereFought of its (first) participation
    openers: tuple[tuple[int, str], ...]  # the opening targets: (COW code, engine id)

    def place(self, victim_code: int, victim: str) -> tuple[str, TargetKind, How]:
        """(place id, target kind, which rule) for an attack on `victim`."""
        home = self.world.places.home(victim)
        mapped = theatres().get(self.war)
        chosen = mapped and (mapped.victims.get(victim) or mapped.place)
        if chosen:
            place = self.world.places.places.get(chosen)
            if place is None:
                raise BacktestError(f"cow_theatres.yaml: war {self.war}: unknown place {chosen!r}")
            return place.id, "territory" if victim in place.holders("recognized") else "forces", "theatre"
        regions = REGIONS.get(self.where.get(victim_code, -9))
        if regions is None or cow_regions(victim_code) & regions:
            return home.id, "territory", "home"
        for code, state in self.openers:
            if cow_regions(code) & regions:
                return self.world.places.home(state).id, "forces", "forces-abroad"
        return home.id, "territory", "home-fallback"
