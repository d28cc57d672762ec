"""The atlas's batched cascades (`batch_cascades` on rules compiled for home attacks: the escalatory closures, the
packed rounds, compiled or not, and the plain rounds) equal the reference engine dyad by dyad, under every scenario
switch the atlas compiles and on what-if worlds (overlays). The reference suite (tests/conftest.py) runs the batched
engine one scenario at a time (`batch_scenario`), never through the atlas's own paths; the other atlas tests compare
it with the default switches only, or with its former self (tests/test_escalatory_equality.py). Each test runs on
every matrix backend (the `backend` fixture: numpy, and torch where it is installed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from foedus.engine.fast.batch import batch_cascades, compile_rules
from foedus.engine.fast.outcomes import Outcome, outcome
from foedus.engine.fast.rounds import ATTACK
from foedus.engine.scenario import Reading, build_scenario, switches
from foedus.model.overlay import Overlay, changes_from
from foedus.model.world import World
from foedus.sweeps.atlas import dyad_members

pytestmark = pytest.mark.needs_data

DAY = dt.date(2025, 6, 1)
SWITCHES: list[dict[str, Any]] = [{"severity": "incursion"}, {"severity": "coercion"}, {"requested": False},
                                  {"unresolved": "unmet"}, {"basis": "signed"}, {"decisions": "not-taken"}]
OVERLAYS: list[dict[str, list[str]]] = [{"add_member": ["rus_prk_2024:IRN"], "drop_treaty": ["csto_1992"]},
                                        {"set_scope": ["nato_1949:5=territory:any;forces:none"]}]
# dyads whose wars are large or reach the changed treaties, and a seeded sample of the others
CHOSEN = [("RUS", "EST"), ("UKR", "RUS"), ("RUS", "UKR"), ("CHN", "USA"), ("PRK", "KOR"), ("TUR", "GRC"),
          ("ARM", "AZE"), ("AZE", "ARM"), ("VEN", "COL"), ("IRN", "ISR"), ("USA", "IRN")]


def _dyads(world: World, day: dt.date, sample: int, seed: int) -> list[tuple[str, str]]:
    members = dyad_members(world, day)
    rng = np.random.default_rng(seed)
    drawn = [tuple(members[i] for i in rng.choice(len(members), 2, replace=False)) for _ in range(sample)]
    return list(dict.fromkeys([*(d for d in CHOSEN if d[0] in members and d[1] in members), *drawn]))  # type: ignore[misc]


def _atlas(world: World, day: dt.date, given: dict[str, Any], dyads: list[tuple[str, str]], reading: Reading
           ) -> list[Outcome]:
    """The atlas's outcome of each dyad (its rules compiled once for every member, as `atlas_results` does)."""
    rules = compile_rules(world, switches(day, **given), dyad_members(world, day))
    pos = {s: i for i, s in enumerate(rules.states)}
    res = batch_cascades(rules, np.array([pos[a] for a, _ in dyads]), np.array([pos[b] for _, b in dyads]), reading)
    out = []
    for k in range(len(dyads)):
        on = np.flatnonzero(res.sides[k])
        out.append(Outcome({rules.states[x]: "attack" if res.sides[k, x] == ATTACK else "defense" for x in on},
                           {rules.states[x]: int(res.rounds[k, x]) for x in on},
                           frozenset(rules.states[x] for x in np.flatnonzero(res.conflicts[k]))))
    return out


def _check(world: World, day: dt.date, given: dict[str, Any], reading: Reading, sample: int, seed: int) -> None:
    dyads = _dyads(world, day, sample, seed)
    for (a, b), got in zip(dyads, _atlas(world, day, given, dyads, reading), strict=True):
        scenario = build_scenario(world, attacker=a, target=b, date=day, reading=reading, **given)
        assert got == outcome("reference", world, scenario), (a, b, day, reading, given)


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
@pytest.mark.parametrize("given", SWITCHES, ids=[",".join(f"{k}={v}" for k, v in g.items()) for g in SWITCHES])
def test_the_atlas_equals_the_reference_engine_under_each_switch(world: World, reading: Reading,
                                                                 given: dict[str, Any], backend: str) -> None:
    _check(world, DAY, given, reading, 12, 3)


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
@pytest.mark.parametrize("changes", OVERLAYS, ids=["add-member-drop-treaty", "set-scope"])
def test_the_atlas_equals_the_reference_engine_on_a_what_if_world(world: World, reading: Reading,
                                                                  changes: dict[str, list[str]], backend: str) -> None:
    _check(Overlay(changes=changes_from(changes)).apply(world), DAY, {}, reading, 12, 4)


@pytest.mark.parametrize("day", [dt.date(1914, 8, 1), dt.date(1939, 9, 1), dt.date(1962, 10, 1), dt.date(1990, 6, 1)])
def test_the_atlas_equals_the_reference_engine_on_other_dates_with_switches(world: World, day: dt.date,
                                                                            backend: str) -> None:
    for reading in ("legal", "escalatory"):
        _check(world, day, {"requested": False, "unresolved": "unmet"}, reading, 15, day.year)  # type: ignore[arg-type]


@pytest.mark.parametrize(("day", "given"), [
    (dt.date(1914, 8, 1), {}), (dt.date(1962, 10, 1), {"unresolved": "unmet"}),
    pytest.param(dt.date(2025, 6, 1), {"severity": "incursion"}, marks=pytest.mark.slow)])
def test_the_legal_monte_carlo_atlas_equals_the_per_scenario_replay(world: World, day: dt.date,
                                                                    given: dict[str, Any], backend: str) -> None:
    """The legal Monte Carlo atlas answers most dyads with its own shortcut (`foedus.sweeps.atlas_simple`: a simple
    dyad's war is the target's honoured defenders, request gates opened per draw) and the others with the
    per-scenario replay; on random honour and asks both equal the replay of every dyad on the same draws (only
    the escalatory atlas, and the legal one with certain honour, were compared)."""
    from foedus.engine.reliability import HonourModel
    from foedus.engine.table import leg_table
    from foedus.sweeps.atlas_mc import atlas_montecarlo, complex_draws, shared_draws
    from foedus.sweeps.atlas_simple import is_simple, simple_legs

    draws, seed, model = 5, 11, HonourModel(ask_probability=0.5)
    mc = atlas_montecarlo(world, day, draws, seed, model, **given)
    states, honour, asks = shared_draws(world, day, draws, seed, model, basis="in-force")
    pos = {s: i for i, s in enumerate(states)}
    majors = np.array([world.states.is_major(s, day) for s in states], dtype=bool)
    table = leg_table(world, day, "in-force")
    clean, _ = simple_legs(world, table, switches(day, **given), pos)
    row = {pair: k for k, pair in enumerate(zip(mc.attackers, mc.targets, strict=True))}
    dyads = _dyads(world, day, 40, day.year)
    simple = [d for d in dyads if is_simple(table, *d, clean)]
    assert len(simple) >= 10 and len(simple) < len(dyads)  # both paths are compared
    varied = 0
    for pair in dyads:
        scenario = build_scenario(world, attacker=pair[0], target=pair[1], date=day, **given)
        sizes, opposite = complex_draws(world, scenario, model, honour, asks, pos, majors)
        assert np.array_equal(sizes, mc.sizes[row[pair]]), (pair, day, given)
        assert np.array_equal(opposite, mc.majors_opposite[row[pair]]), (pair, day, given)
        varied += len(set(sizes.tolist())) > 1
    assert varied >= 3  # the draws matter: honour decisions change the war


@pytest.mark.parametrize("day", [dt.date(1914, 8, 1), dt.date(1962, 10, 1)])
def test_a_legal_draw_of_the_batched_atlas_equals_the_per_scenario_replay(world: World, day: dt.date,
                                                                          backend: str) -> None:
    """One Monte Carlo draw two ways in the legal reading, on random honour and asks: the batched atlas on the rules
    that draw honours (`BatchRules.for_draw`) and the per-scenario replay (the escalatory reading's are compared in
    test_batch_atlas; a legal replay on random draws was compared with no other engine)."""
    from foedus.engine.fast.batch import batch_summaries
    from foedus.engine.reliability import HonourModel
    from foedus.sweeps.atlas_mc import complex_draws, shared_draws

    draws, model = 4, HonourModel(ask_probability=0.5)
    states, honour, asks = shared_draws(world, day, draws, 7, model, basis="in-force")
    pos = {s: i for i, s in enumerate(states)}
    majors = np.array([world.states.is_major(s, day) for s in states], dtype=bool)
    rules = compile_rules(world, switches(day), dyad_members(world, day))
    assert rules.states == states
    cols = np.array(rules.commitments(), dtype=np.int64)
    dyads = _dyads(world, day, 40, day.year + 1)
    att, tgt = np.array([pos[a] for a, _ in dyads]), np.array([pos[b] for _, b in dyads])
    per_draw = [batch_summaries(rules.for_draw(honour[d, cols], asks[d]), att, tgt, "legal") for d in range(draws)]
    varied = 0
    for k, (a, b) in enumerate(dyads):
        scenario = build_scenario(world, attacker=a, target=b, date=day)
        sizes, opposite = complex_draws(world, scenario, model, honour, asks, pos, majors)
        assert sizes.tolist() == [int(s[k]) for s, _ in per_draw], (a, b, day)
        assert opposite.tolist() == [bool(o[k]) for _, o in per_draw], (a, b, day)
        varied += len(set(sizes.tolist())) > 1
    assert varied >= 3  # the draws matter: honour decisions change the war


def test_the_suites_batched_engine_runs_on_numpy(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reference suite's "batched" engine (`outcome`, tests/conftest.py's `engine`) runs on numpy, and its "torch"
    engine on torch, whatever $FOEDUS_BACKEND says: "batched" followed it, so that with FOEDUS_BACKEND=torch the suite
    ran torch twice and numpy never (or, without torch, failed)."""
    from foedus.engine.fast import compiler

    used: list[str] = []
    real = compiler.get_backend

    def spy(name: str | None = None) -> Any:
        chosen = real(name)
        used.append(chosen.name)
        return chosen

    monkeypatch.setattr(compiler, "get_backend", spy)
    scenario = build_scenario(world, attacker="RUS", target="EST", date=DAY)
    for setting in ("numpy", "torch"):
        monkeypatch.setenv("FOEDUS_BACKEND", setting)
        used.clear()
        outcome("batched", world, scenario)
        assert used == ["numpy"], setting
