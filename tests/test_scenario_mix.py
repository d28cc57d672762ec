"""The mixed scenarios the engine-equality tests run (tests/scenario_mix.py) draw `--non-military` too, from a stream
of their own: every other draw is what it was before, and some drawn answers turn on the switch."""

from __future__ import annotations

import dataclasses

import pytest

from foedus.engine.cascade import run_cascade
from foedus.model.world import World
from scenario_mix import random_scenarios

pytestmark = pytest.mark.needs_data


@pytest.mark.parametrize(("seed", "count"), [(1, 25), (3, 40), (37, 160)])
def test_the_non_military_draws_leave_every_other_draw_as_it_was(world: World, seed: int, count: int) -> None:
    """Drawn or not, the same parties, dates, places and other switches (the other tests' scenarios unchanged);
    drawn, both of its values."""
    plain = random_scenarios(world, seed, count, non_military=False)
    drawn = random_scenarios(world, seed, count)
    assert {s.non_military for s in plain} == {"withheld"}
    assert {s.non_military for s in drawn} == {"withheld", "bound"}
    assert [dataclasses.replace(s, non_military="withheld") for s in drawn] == plain


def test_some_drawn_answers_turn_on_non_military(world: World) -> None:
    """The draws the engine-equality tests run (seeds 1 and 2) hold a scenario whose joiners differ with the switch
    withheld: the engines are compared where it changes an answer, not only where it is echoed."""
    turned = [s for seed in (1, 2) for s in random_scenarios(world, seed, 25) if s.non_military == "bound"
              and run_cascade(world, s).joiners != run_cascade(world, dataclasses.replace(
                  s, non_military="withheld")).joiners]
    assert turned
