"""A late conflict and a late stay-out in the legal reading, in every engine. In the legal reading only the states
joining the attacking side strike, and only the original targets: a state fighting from round 1 can still be bound
against its side in round 2, by the strike of a state that joined the attack. No real dyad has one: every ordered
dyad of 1914-08-05, 1939-09-01, 1950-06-01, 1990-06-01 and 2025-06-01 through the reference engine (default
switches) found none, so the worlds here are synthetic. Each engine that runs the legal reading's rounds (the
reference engine, the legacy restarting one byte for byte, the batched engine, the Monte Carlo replay and both
atlases) must end such a war as the reference engine does; below an armed attack nobody strikes after round 1, and
in the legal reading a defender never strikes, so nothing is late there."""

from __future__ import annotations

import itertools
import json
from typing import Any

import numpy as np
import pytest

from foedus.engine import cascade
from foedus.engine.cascade import run_cascade
from foedus.engine.fast.outcomes import Outcome, _from_arrays, outcome, outcome_of
from foedus.engine.result import CascadeResult
from foedus.engine.scenario import Scenario, build_scenario
from foedus.model.world import World
from legacy.cascade import run_cascade as restarting_cascade
from test_neutrality_rule_engines import DAY, _every_engine
from test_rules import defense, make_world, treaty

pytestmark = pytest.mark.needs_data

PRIORITY = {"priority": {"article": "9", "source": "https://example.org/test"}}
NEUTRAL = {"kind": "neutrality", "article": "3", "strength": "S4", "when_partner_attacks": True, "obligors": ["PRK"]}
OFFENCE = {"kind": "offense", "article": "2", "strength": "S1"}


def _treaties(how: str, joins: bool = True, **peace: Any) -> list[dict[str, Any]]:
    """RUS strikes KOR: PRK defends KOR (d2) and joins it in round 1; CHN joins RUS's attacks (o3, unless not
    `joins`) in round 1 and strikes KOR in round 2, which binds PRK against KOR's side: `how` "offence", PRK is
    bound to join CHN's attacks (o1); "neutrality", PRK owes CHN neutrality, also when CHN attacks (n2)."""
    duty = treaty("o1", ["CHN", "PRK"], OFFENCE | {"obligors": ["PRK"]}) if how == "offence" else treaty(
        "n2", ["CHN", "PRK"], NEUTRAL, **peace)
    ally = [treaty("o3", ["RUS", "CHN"], OFFENCE | {"obligors": ["CHN"]})] if joins else []
    return [duty, treaty("d2", ["KOR", "PRK"], defense()), *ally]


def _world(base: World, how: str, joins: bool = True, **peace: Any) -> World:
    return make_world(base, *_treaties(how, joins, **peace))


def _dropped(raw: list[dict[str, Any]], dropped: set[tuple[str, str]]) -> list[dict[str, Any]]:
    """The treaties less the defence and offence duties of the (obligor, treaty) commitments `dropped`."""
    out = []
    for t in raw:
        provisions = []
        for p in t["provisions"]:
            obligors = [m["state"] for m in t["members"] if m["state"] in p.get("obligors", [m["state"]])]
            if p["kind"] in ("defense", "offense"):
                obligors = [o for o in obligors if (o, t["id"]) not in dropped]
            provisions += [p | {"obligors": obligors}] if obligors else []
        out += [t | {"provisions": provisions}] if provisions else []
    return out


def _late(world: World, scenario: Scenario, monkeypatch: pytest.MonkeyPatch) -> tuple[CascadeResult, list[str]]:
    """The reference engine's result, and the states already fighting that a round found conflicted."""
    settle, late = cascade._Run._settle, []

    def settled(self: cascade._Run, *args: Any) -> list[str]:
        found = settle(self, *args)
        late.extend(found)
        return found

    with monkeypatch.context() as m:
        m.setattr(cascade._Run, "_settle", settled)
        return run_cascade(world, scenario), late


def _every_engine_agrees(world: World, scenario: Scenario, result: CascadeResult) -> Outcome:
    """The reference engine's outcome, checked equal to every other engine's that runs the scenario's reading."""
    expected = outcome_of(result)
    assert json.dumps(result.to_dict()) == json.dumps(restarting_cascade(world, scenario).to_dict())
    for eng in ("batched", "montecarlo"):
        assert outcome(eng, world, scenario) == expected, eng
    if scenario.severity == "armed-attack":  # the atlases run the default switches
        assert _every_engine(world, scenario.reading)["RUS", "KOR"] == expected  # both atlases, every dyad
    return expected


def _legal(world: World, **given: Any) -> Scenario:
    return build_scenario(world, attacker="RUS", target="KOR", date=DAY, reading="legal", **given)


@pytest.mark.parametrize("how", ["offence", "neutrality"])
def test_a_late_conflict_in_the_legal_reading_in_every_engine(world: World, monkeypatch: pytest.MonkeyPatch,
                                                             how: str) -> None:
    """Without CHN, PRK fights for KOR from round 1; with it, CHN's round-2 strike makes PRK a late conflict: the run
    resumes without it, and every engine agrees."""
    alone = _world(world, how, joins=False)
    before, late = _late(alone, _legal(alone), monkeypatch)
    assert outcome_of(before).rounds == {"RUS": 0, "KOR": 0, "PRK": 1} and late == []
    w = _world(world, how)
    r, late = _late(w, _legal(w), monkeypatch)
    assert late == ["PRK"]
    assert [(c.state, c.round) for c in r.conflicts] == [("PRK", 2)]
    expected = _every_engine_agrees(w, _legal(w), r)
    assert expected.sides == {"RUS": "attack", "CHN": "attack", "KOR": "defense"}


def test_a_late_stay_out_in_the_legal_reading_in_every_engine(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a priority clause on n2, PRK, fighting for KOR since round 1, stays out when CHN strikes KOR in round 2
    (its defence duty set aside, no conflict): the run resumes without it, and every engine agrees."""
    w = _world(world, "neutrality", **PRIORITY)
    r, late = _late(w, _legal(w), monkeypatch)
    assert late == ["PRK"] and r.conflicts == ()
    assert [(x.state, x.treaty) for x in r.withheld] == [("PRK", "d2")]
    expected = _every_engine_agrees(w, _legal(w), r)
    assert expected.sides == {"RUS": "attack", "CHN": "attack", "KOR": "defense"}


def test_the_legal_monte_carlo_atlas_sizes_a_late_conflict_s_war(world: World) -> None:
    """The Monte Carlo atlas (legal, every commitment honoured) counts the late-conflict war's belligerents as the
    reference engine does: RUS, CHN and KOR, not PRK (RUS's attack is no simple dyad: CHN joins it)."""
    from foedus.engine.reliability import HonourModel
    from foedus.sweeps.atlas_mc import atlas_montecarlo

    certain = HonourModel(era={e: dict.fromkeys(("S1", "S2", "S3", "S4", "S5"), 1.0) for e in ("pre1945", "post1945")},
                          ask_probability=1.0)
    for w in (_world(world, "offence"), _world(world, "neutrality", **PRIORITY)):
        mc = atlas_montecarlo(w, DAY, 2, 0, certain)
        row = {pair: k for k, pair in enumerate(zip(mc.attackers, mc.targets, strict=True))}
        expected = outcome("reference", w, _legal(w))
        assert len(expected.sides) == 3
        assert np.array_equal(mc.sizes[row["RUS", "KOR"]], [3, 3])


@pytest.mark.parametrize(("how", "peace"), [("offence", {}), ("neutrality", {}), ("neutrality", PRIORITY)],
                         ids=["offence", "neutrality", "priority"])
def test_every_monte_carlo_draw_ends_as_the_reference_engine_without_the_dropped_commitments(
        world: World, monkeypatch: pytest.MonkeyPatch, how: str, peace: dict[str, Any]) -> None:
    """The Monte Carlo replay (legal) of the late-conflict worlds, in every draw of which commitments are honoured
    (o3 dropped: no late conflict; PRK's d2 dropped: PRK never fights), ends as the reference engine does on the
    world without the dropped ones (so the late conflict and stay-out are replayed right draw by draw)."""
    from foedus.engine.fast.montecarlo import replay
    from foedus.engine.fast.potential import potential_graph
    from foedus.engine.reliability import HonourModel
    from foedus.engine.table import leg_table

    raw = _treaties(how, **peace)
    w = make_world(world, *raw)
    scenario = _legal(w)
    graph = potential_graph(w, scenario, HonourModel())
    commitments = [leg_table(w, DAY, scenario.basis).commitments[c] for c in graph.commits]
    assert {("CHN", "o3"), ("PRK", "d2")} <= set(commitments)
    honour = np.array(list(itertools.product((True, False), repeat=len(commitments))), dtype=bool)
    asks = np.full((len(honour), len(graph.states)), scenario.requested)
    sides, rounds, conflicts = replay(graph, scenario, honour, asks)
    late = 0
    for d, kept in enumerate(honour):
        less = make_world(world, *_dropped(raw, {c for c, k in zip(commitments, kept, strict=True) if not k}))
        r, found = _late(less, _legal(less), monkeypatch)
        assert _from_arrays(graph.states, sides[d], rounds[d], conflicts[d]) == outcome_of(r), kept
        late += found == ["PRK"]
    assert 0 < late < len(honour)  # the draws that keep both o3 and PRK's d2: PRK is late in them


def _both_world(base: World) -> World:
    """PRK defends KOR (d2) and RUS (d5), each against any aggression (an incursion too)."""
    aggression = defense(trigger="aggression")
    return make_world(base, treaty("d2", ["KOR", "PRK"], aggression),
                      treaty("d5", ["RUS", "PRK"], aggression | {"obligors": ["PRK"]}))


@pytest.mark.parametrize(("reading", "severity", "late"), [("escalatory", "armed-attack", True),
                                                           ("escalatory", "incursion", False),
                                                           ("legal", "armed-attack", False)])
def test_no_late_conflict_below_an_armed_attack_nor_from_a_defender_s_strike_in_the_legal_reading(
        world: World, monkeypatch: pytest.MonkeyPatch, reading: str, severity: str, late: bool) -> None:
    """RUS strikes KOR: PRK joins KOR in round 1. In the escalatory reading KOR strikes RUS back in round 2, which
    binds PRK to RUS's side too: a late conflict. An incursion is no war (`rules.strikes.is_war`: nobody strikes
    after round 1), and in the legal reading a defender never strikes (`STRIKES["legal"]`): in both PRK fights on
    for KOR, nothing late, in every engine."""
    w = _both_world(world)
    scenario = build_scenario(w, attacker="RUS", target="KOR", date=DAY, reading=reading, severity=severity)
    r, found = _late(w, scenario, monkeypatch)
    expected = _every_engine_agrees(w, scenario, r)
    if late:
        assert found == ["PRK"] and [(c.state, c.round) for c in r.conflicts] == [("PRK", 2)]
    else:
        assert found == [] and r.conflicts == () and expected.rounds == {"RUS": 0, "KOR": 0, "PRK": 1}
