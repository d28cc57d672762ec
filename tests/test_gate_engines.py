"""Every engine applies alike the gates closed for the side that started the war (`rules.STARTER_GATES`): a
non-provocation clause on defence and neutrality, and neutrality that binds only when the partner is attacked. The
reference engine, the batched atlas (closures, packed rounds and plain rounds) and the Monte Carlo replay, on every
dyad of a small synthetic world where the gates decide wars."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from foedus.engine.fast.batch import batch_cascades, compile_rules
from foedus.engine.fast.outcomes import Outcome, outcome
from foedus.engine.scenario import build_scenario, switches
from foedus.model.world import World
from test_rules import defense, make_world, treaty

DAY = dt.date(2020, 6, 1)
STATES = ["RUS", "BLR", "IRN", "UKR", "POL", "DEU", "CHN", "PRK", "KAZ"]


def _neutral(**kw: Any) -> dict[str, Any]:
    return {"kind": "neutrality", "article": "3", "strength": "S4", "non_provocation": True} | kw


def _gated_world(base: World) -> World:
    """Neutrality with the non-provocation gate owed when attacked, when the partner attacks, and limited to named
    adversaries, a gated defence clause, a neutrality clause that protects an attacked partner only, and plain
    alliances that put the gated states on both sides of wars."""
    return make_world(
        base,
        treaty("n1", ["IRN", "RUS"], _neutral()),
        treaty("n2", ["CHN", "PRK"], _neutral(when_partner_attacks=True)),
        treaty("n3", ["DEU", "BLR"], _neutral(adversary={"type": "named", "states": ["UKR", "POL"]})),
        treaty("d1", ["IRN", "UKR"], defense()),
        treaty("d2", ["CHN", "POL"], defense()),
        treaty("d3", ["RUS", "BLR"], defense()),
        treaty("d4", ["POL", "DEU"], defense()),
        treaty("d5", ["PRK", "KAZ"], defense(non_provocation=True)),
        treaty("d6", ["KAZ", "RUS"], defense()),
        treaty("n4", ["POL", "RUS"], {"kind": "neutrality", "article": "1", "strength": "S4"}),  # when attacked only
        treaty("o1", ["CHN", "POL"], {"kind": "offense", "article": "2", "strength": "S1"}),
    )


def _atlas_outcomes(world: World, reading: str, shortcut: bool) -> dict[tuple[str, str], Outcome]:
    rules = compile_rules(world, switches(DAY), STATES)
    n = len(STATES)
    a, b = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    keep = a != b
    res = batch_cascades(rules, a[keep], b[keep], reading, shortcut=shortcut)  # type: ignore[arg-type]
    out = {}
    for k, (i, j) in enumerate(zip(a[keep], b[keep], strict=True)):
        on = np.flatnonzero(res.sides[k])
        out[STATES[i], STATES[j]] = Outcome(
            {rules.states[x]: "attack" if res.sides[k, x] == 1 else "defense" for x in on},
            {rules.states[x]: int(res.rounds[k, x]) for x in on},
            frozenset(rules.states[x] for x in np.flatnonzero(res.conflicts[k])))
    return out


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_every_engine_applies_the_non_provocation_gate_alike(world: World, reading: str) -> None:
    w = _gated_world(world)
    atlases = [_atlas_outcomes(w, reading, shortcut) for shortcut in (True, False)]
    differ = 0
    for a in STATES:
        for b in STATES:
            if a == b:
                continue
            scenario = build_scenario(w, attacker=a, target=b, date=DAY, reading=reading)  # type: ignore[arg-type]
            expected = outcome("reference", w, scenario)
            assert outcome("batched", w, scenario) == expected, scenario
            assert outcome("montecarlo", w, scenario) == expected, scenario
            for atlas in atlases:
                assert atlas[a, b] == expected, (a, b, reading)
            ungated = outcome("reference", _ungated(w), scenario)
            differ += ungated != expected
    assert differ >= 2  # the gate decides some of these wars: the comparison is not between empty answers


def _ungated(world: World) -> World:
    """The same world without any non-provocation clause."""
    from foedus.model.treatymap import TreatyMap

    plain = {}
    for tid, t in world.treaties.items():
        plain[tid] = t.model_copy(update={"provisions": [p.model_copy(update={"non_provocation": False})
                                                        for p in t.provisions]})
    return World(treaties=TreatyMap(plain), states=world.states, places=world.places)
