"""After 2016 a cascade checks its attackers and targets against COW's state system of 2016, carried forward
(`foedus.engine.scenario`), but only its draws said so (in the words that also name the major powers): a plain
cascade now says it of the system, once, and the draws' note still replaces it."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

import foedus
from foedus.model.states import StateRegistry
from foedus.model.world import World

SYSTEM = ("after 2016 the state system is that of 2016, carried forward (the COW state system v2016 ends in "
          "2016)")
BOTH = ("after 2016 the state system and its major powers are those of 2016, carried forward (the COW state "
        "system v2016 and its major-power list end in 2016)")


def _cli_json(args: list[str]) -> dict:  # type: ignore[type-arg]
    """`foedus ARGS --json`, run in-process as the console script does."""
    from foedus.cli.start import run_line

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert run_line([*args, "--json"]) == 0
    return json.loads(out.getvalue())  # type: ignore[no-any-return]


@pytest.mark.needs_data
def test_a_plain_cascade_after_2016_says_the_state_system_is_carried_forward(world: World) -> None:
    plain = foedus.cascade("RUS", "EST", "2025-06-01", world=world)
    assert plain.notes.count(SYSTEM) == 1 and plain.to_dict()["notes"] == list(plain.notes)
    assert _cli_json(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"])["notes"].count(SYSTEM) == 1
    drawn = foedus.cascade("RUS", "EST", "2025-06-01", draws=20, seed=1, world=world)
    assert BOTH in drawn.notes and [n for n in drawn.notes if "state system" in n] == [BOTH]  # said once
    assert SYSTEM not in foedus.cascade("RUS", "EST", "2016-06-01", world=world).notes  # COW's own year
    bare = World(world.treaties, StateRegistry(states=world.states.states), world.places)  # no system dates read
    assert not any("carried forward" in n for n in foedus.cascade("RUS", "EST", "2025-06-01", world=bare).notes)

