"""The attacks that joiners bring into a war have one form, the rule's (`foedus.engine.rules.next_attacks`): an
engine that makes them reads that function, so that changing the rule there changes what every such engine does."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from foedus.engine.fast.outcomes import outcome
from foedus.engine.rules import strikes
from foedus.engine.scenario import Attack, build_scenario
from foedus.model.world import World
from test_rules import DAY, defense, make_world, treaty


def _round_two_world(world: World) -> World:
    """BLR joins RUS's attack on EST in round 1 (offence); FIN defends EST against BLR only, so FIN joins in round 2
    only if BLR's own attack on EST is made."""
    return make_world(
        world,
        treaty("axis", ["RUS", "BLR"], {"kind": "offense", "article": "2", "strength": "S1"}),
        treaty("guard", ["EST", "FIN"], defense(adversary={"type": "named", "states": ["BLR"]})),
    )


def test_the_monte_carlo_makes_the_joiners_attacks_with_the_rule(world: World, monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    """The Monte Carlo's potential graph (`foedus.engine.fast.potential`) takes the legal reading's new attacks from
    `rules.next_attacks`, as the reference engine does: with a rule in which joiners strike nobody, FIN is not
    drawn in by either engine (the graph used to make the attacks with its own copy of the rule)."""
    w = _round_two_world(world)
    scenario = build_scenario(w, attacker="RUS", target="EST", date=DAY, reading="legal")
    before = outcome("reference", w, scenario)
    assert before.sides == {"RUS": "attack", "BLR": "attack", "EST": "defense", "FIN": "defense"}
    assert outcome("montecarlo", w, scenario) == before
    real = strikes.next_attacks

    def nobody_strikes(reading: Any, side_of: Any, joiners: Sequence[str], *rest: Any) -> list[Attack]:
        return [] if reading == "legal" else real(reading, side_of, joiners, *rest)

    monkeypatch.setattr(strikes, "next_attacks", nobody_strikes)
    changed = outcome("reference", w, scenario)
    assert changed.sides == {"RUS": "attack", "BLR": "attack", "EST": "defense"}  # the changed rule bites
    assert outcome("montecarlo", w, scenario) == changed
