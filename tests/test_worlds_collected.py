"""A world its caller dropped is collected, not kept by what foedus derived from it: a war replay's treaty timeline,
treaties of each state, epochs and doubted days (`foedus.war.replay`, per world while it lives:
`foedus.model.per_world`) and the engine's compiled tables (`foedus.engine.table.leg_table`, whose cache holds the
world weakly). Their `lru_cache`s on the world kept the last eight worlds replayed, and the worlds of the last 256
tables, alive long after their callers dropped them (a what-if world is large)."""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path
from typing import cast

import pytest

from foedus.model.per_world import per_world
from foedus.model.world import World


class _Stand:
    """A stand-in for a world: hashable by identity, weakly referable."""


def test_a_per_world_build_is_made_once_per_world_and_arguments_and_dropped_with_the_world() -> None:
    built: list[tuple[int, str]] = []

    @per_world
    def build(world: World, basis: str) -> list[str]:
        built.append((id(world), basis))
        return [basis]

    one, two = cast(World, _Stand()), cast(World, _Stand())
    assert build(one, "in-force") is build(one, "in-force")
    assert build(one, "signed") is not build(one, "in-force")
    assert build(two, "in-force") is not build(one, "in-force")
    assert built == [(id(one), "in-force"), (id(one), "signed"), (id(two), "in-force")]  # each built once
    dropped = weakref.ref(one)
    del one
    gc.collect()
    assert dropped() is None


def _pact(tmp_path: Path) -> World:
    """A made-up defence pact of the United Kingdom and France from 1930, alone in a world."""
    pact = tmp_path / "t_p.yaml"
    pact.write_text(json.dumps({
        "id": "t_p", "name": "P", "signed": "1930-01-01", "in_force": "1930-01-01", "type": "bilateral",
        "sources": [{"url": "https://example.org/p"}], "members": [{"state": "GBR"}, {"state": "FRA"}],
        "provisions": [{"kind": "defense", "article": "1", "strength": "S2"}]}), encoding="utf-8")
    return World.load(pact, bundled=False, history=False)


@pytest.mark.needs_data  # the state registry is COW's
def test_a_world_a_cascade_ran_on_is_collected_when_dropped(tmp_path: Path) -> None:
    """The cascade compiles the world's table for its day (`leg_table`); the table stays cached, the world does not."""
    from foedus.api import cascade

    world = _pact(tmp_path)
    assert [j.state for j in cascade("ITA", "GBR", "1940-06-10", world=world).joiners] == ["FRA"]
    dropped = weakref.ref(world)
    del world
    gc.collect()
    assert dropped() is None


@pytest.mark.needs_data
def test_a_world_a_war_was_replayed_on_is_collected_when_dropped(tmp_path: Path) -> None:
    """The replay reads all four of its per-world caches (a made-up pact alone in a world, an attack on a party);
    once the caller drops the world and the replay, nothing of foedus keeps the world."""
    from foedus.api import replay_war

    war = tmp_path / "ita_gbr.yaml"
    war.write_text("id: ita_gbr\nname: Italy on Britain\nend: 1940-07-01\nsources: [{url: 'https://example.org/w'}]"
                   "\nevents:\n  - {type: attack, date: 1940-06-10, attacker: ITA, victim: GBR}\n", encoding="utf-8")
    world = _pact(tmp_path)
    replay = replay_war(war, world=world)
    assert "FRA" in replay.frames[0].bound  # the replay ran on this world
    dropped = weakref.ref(world)
    del world, replay
    gc.collect()
    assert dropped() is None


@pytest.mark.needs_data  # the Gleditsch–Ward list is read from the data folder
def test_a_world_read_on_gw_dates_is_collected_when_dropped(tmp_path: Path) -> None:
    """`dyads --system gw` reads a world on GW's dates (`research.gw_dated.gw_world`), once per world: its
    `lru_cache(maxsize=2)` kept the last two worlds alive."""
    from foedus.research.gw_dated import gw_world

    world = _pact(tmp_path)
    assert gw_world(world) is gw_world(world)  # built once while the world lives
    dropped = weakref.ref(world)
    del world
    gc.collect()
    assert dropped() is None
