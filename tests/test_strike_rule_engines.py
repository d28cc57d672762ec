"""The attacks that joiners bring into a war have one form, the rule's (`foedus.engine.rules.next_attacks`): an
engine that makes them reads that function, so that changing the rule there changes what every such engine does."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
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


@pytest.mark.needs_data
def test_the_monte_carlo_atlas_takes_its_path_from_the_strike_rule(world: World, monkeypatch: pytest.MonkeyPatch
                                                                    ) -> None:
    """The Monte Carlo atlas answers a dyad with the target's honoured defenders only where the rule says the defence
    side never strikes (`rules.STRIKES`), not by the reading's name: with the legal reading's strikes made the
    escalatory one's, its legal atlas is the escalatory atlas, as every engine's cascades are (it used to keep the
    shortcut, and drew fewer states into the wars it answered with it)."""
    import datetime as dt

    from foedus.engine.reliability import HonourModel
    from foedus.sweeps.atlas_mc import atlas_montecarlo

    day, model = dt.date(1914, 8, 1), HonourModel(ask_probability=0.5)
    escalatory = atlas_montecarlo(world, day, 3, 2, model, reading="escalatory")
    assert not np.array_equal(atlas_montecarlo(world, day, 3, 2, model).sizes, escalatory.sizes)  # readings differ
    monkeypatch.setitem(strikes.STRIKES, "legal", strikes.STRIKES["escalatory"])
    legal = atlas_montecarlo(world, day, 3, 2, model)
    assert legal.reading == "legal" and (legal.attackers, legal.targets) == (escalatory.attackers, escalatory.targets)
    assert np.array_equal(legal.sizes, escalatory.sizes)
    assert np.array_equal(legal.majors_opposite, escalatory.majors_opposite)
