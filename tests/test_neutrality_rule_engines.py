"""Whether a neutrality clause binds when its partner attacks has one form, the rule's
(`foedus.engine.rules.where.binds_when_partner_attacks`): the reference engine's trigger and every fast engine's list
of the legs that may bind on their beneficiary's attack read that function, so that changing the rule there changes
what every engine does (they used to filter the legs with their own copies of it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pytest

from foedus.engine.fast.batch import batch_cascades, compile_rules
from foedus.engine.fast.outcomes import Outcome, outcome
from foedus.engine.fast.rounds import ATTACK
from foedus.engine.rules import where
from foedus.engine.scenario import Reading, build_scenario, switches
from foedus.model.treaty import Provision
from foedus.model.world import World
from test_rules import defense, make_world, treaty

DAY = dt.date(2020, 6, 1)
STATES = ["RUS", "BLR", "EST", "CHN", "PRK", "KOR"]
# the changed rules: every neutrality clause also binds when its partner attacks, or none does
RULES: dict[str, Callable[[Provision], bool]] = {"every": lambda provision: True, "none": lambda provision: False}


def _neutral_world(base: World) -> World:
    """BLR owes RUS neutrality when RUS is attacked only, and defends EST; PRK owes CHN neutrality also when CHN
    attacks, and defends KOR. Whether RUS's attack on EST, or CHN's on KOR, binds the neutral state both ways (so that
    it joins neither side) is the rule's to say."""
    neutral = {"kind": "neutrality", "article": "3", "strength": "S4"}
    return make_world(
        base,
        treaty("n1", ["RUS", "BLR"], neutral),
        treaty("n2", ["CHN", "PRK"], neutral | {"when_partner_attacks": True}),
        treaty("d1", ["EST", "BLR"], defense()),
        treaty("d2", ["KOR", "PRK"], defense()),
    )


def _atlas(world: World, reading: Reading, shortcut: bool) -> dict[tuple[str, str], Outcome]:
    """The batched atlas's outcome of every dyad of `STATES`."""
    rules = compile_rules(world, switches(DAY), STATES)
    a, b = np.meshgrid(np.arange(len(STATES)), np.arange(len(STATES)), indexing="ij")
    keep = a != b
    res = batch_cascades(rules, a[keep], b[keep], reading, shortcut=shortcut)
    out = {}
    for k, (i, j) in enumerate(zip(a[keep], b[keep], strict=True)):
        on = np.flatnonzero(res.sides[k])
        out[STATES[i], STATES[j]] = Outcome(
            {rules.states[x]: "attack" if res.sides[k, x] == ATTACK else "defense" for x in on},
            {rules.states[x]: int(res.rounds[k, x]) for x in on},
            frozenset(rules.states[x] for x in np.flatnonzero(res.conflicts[k])))
    return out


def _every_engine(world: World, reading: Reading) -> dict[tuple[str, str], Outcome]:
    """The reference engine's outcome of every dyad of `STATES`, checked equal to the batched engine's (one
    scenario), the Monte Carlo replay's with certain honour and the batched atlas's (with and without shortcut)."""
    atlases = [_atlas(world, reading, shortcut) for shortcut in (True, False)]
    found = {}
    for a in STATES:
        for b in STATES:
            if a == b:
                continue
            scenario = build_scenario(world, attacker=a, target=b, date=DAY, reading=reading)
            expected = found[a, b] = outcome("reference", world, scenario)
            assert outcome("batched", world, scenario) == expected, (a, b, reading)
            assert outcome("montecarlo", world, scenario) == expected, (a, b, reading)
            for atlas in atlases:
                assert atlas[a, b] == expected, (a, b, reading)
    return found


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_engine_reads_the_partner_attack_rule(world: World, monkeypatch: pytest.MonkeyPatch, rule: str,
                                                   reading: Reading) -> None:
    before = _every_engine(_neutral_world(world), reading)
    assert before["RUS", "EST"].sides.get("BLR") == "defense"  # n1 binds only when RUS is attacked
    assert "PRK" in before["CHN", "KOR"].conflicts  # n2 binds when CHN attacks: PRK is bound both ways
    monkeypatch.setattr(where, "binds_when_partner_attacks", RULES[rule])
    changed = _every_engine(_neutral_world(world), reading)  # a new world: its table is compiled under the rule
    if rule == "every":
        assert "BLR" in changed["RUS", "EST"].conflicts  # the changed rule bites
    else:
        assert changed["CHN", "KOR"].sides.get("PRK") == "defense"


@pytest.mark.needs_data
def test_the_monte_carlo_atlas_reads_the_partner_attack_rule(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """The legal Monte Carlo atlas answers a dyad with the target's honoured defenders unless a neutrality clause
    binds when the attacker attacks (`foedus.sweeps.atlas_simple.is_simple`): under a rule in which every one does,
    RUS's attack on EST leaves BLR bound both ways, and the atlas's war is the reference engine's."""
    from foedus.engine.reliability import HonourModel
    from foedus.sweeps.atlas_mc import atlas_montecarlo

    certain = HonourModel(era={e: dict.fromkeys(("S1", "S2", "S3", "S4", "S5"), 1.0) for e in ("pre1945", "post1945")},
                          ask_probability=1.0)
    for rule in (where.binds_when_partner_attacks, RULES["every"]):
        monkeypatch.setattr(where, "binds_when_partner_attacks", rule)
        w = _neutral_world(world)
        mc = atlas_montecarlo(w, DAY, 2, 0, certain)
        row = {pair: k for k, pair in enumerate(zip(mc.attackers, mc.targets, strict=True))}
        for a, b in [("RUS", "EST"), ("CHN", "KOR"), ("BLR", "EST"), ("EST", "RUS")]:
            expected = outcome("reference", w, build_scenario(w, attacker=a, target=b, date=DAY))
            assert mc.sizes[row[a, b]].tolist() == [len(expected.sides)] * 2, (a, b, rule)
