"""The legal Monte Carlo atlas's simple-dyad shortcut (`foedus.sweeps.atlas_simple`) on the real world: the 2025
curated treaty set, and ATOP history on dates where its alliances bind. On random honour and asks, per dyad and per
draw, the shortcut's war size and major-power opposition equal the per-scenario replay of the same draw
(`atlas_mc.complex_draws`, the reference the atlas uses for the other dyads). The dyads are a seeded sample of the
date's ordered dyads, stratified so that the cases where the shortcut does more than count 2 are there: a target
owed defence, the attacker among the target's own defenders (it never counts), request-gated help, and dyads the
shortcut does not take (where it is wrong on some: the test can tell the two paths apart). The atlas's composition
of the two paths is compared in tests/test_atlas_engines.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from foedus.engine.fast.backend import get_backend
from foedus.engine.reliability import HonourModel
from foedus.engine.scenario import build_scenario, switches
from foedus.engine.table import leg_table
from foedus.model.world import World
from foedus.sweeps.atlas import dyad_members
from foedus.sweeps.atlas_mc import complex_draws, shared_draws
from foedus.sweeps.atlas_simple import is_simple, simple_draws, simple_legs

pytestmark = pytest.mark.needs_data

DRAWS, SEED = 20, 47  # 20 draws: numpy's shortcut runs them in chunks of 8, 8 and 4
HISTORY = [dt.date(1914, 7, 1), dt.date(1939, 9, 1), dt.date(1990, 6, 1)]  # ATOP alliances bind on these dates
CASES: list[tuple[dt.date, dict[str, Any]]] = [
    (dt.date(2025, 6, 1), {}), (dt.date(2025, 6, 1), {"decisions": "not-taken"}),
    (dt.date(2025, 6, 1), {"basis": "signed"}), *((d, {}) for d in HISTORY)]


def _atop_history(day: dt.date) -> None:
    """Skip where the data folder has no ATOP member file (the world is then the curated set alone)."""
    from foedus.paths import data_dir
    from foedus.sources.atop_release import ATOP_MEMBER_FILE

    if day.year < 2019 and not (data_dir() / ATOP_MEMBER_FILE).is_file():
        pytest.skip(f"{ATOP_MEMBER_FILE} not found in {data_dir()} (foedus data fetch atop)")


def _sample(rng: np.random.Generator, dyads: list[tuple[str, str]], k: int) -> list[tuple[str, str]]:
    return [dyads[i] for i in sorted(rng.choice(len(dyads), min(k, len(dyads)), replace=False))]


@pytest.mark.parametrize(("day", "given"), CASES,
                         ids=[",".join([d.isoformat(), *(f"{k}={v}" for k, v in g.items())]) for d, g in CASES])
def test_the_simple_dyad_shortcut_equals_the_per_scenario_replay_on_the_real_world(
        world: World, day: dt.date, given: dict[str, Any], backend: str) -> None:
    _atop_history(day)
    model = HonourModel(ask_probability=0.5)  # request-gated help only where the victim asks: gates vary by draw
    switched = switches(day, **given)
    states, honour, asks = shared_draws(world, day, DRAWS, SEED, model, switched.requested, basis=switched.basis)
    pos = {s: i for i, s in enumerate(states)}
    majors = np.array([world.states.is_major(s, day) for s in states], dtype=bool)
    table = leg_table(world, day, switched.basis)  # as atlas_montecarlo builds the shortcut
    clean, legs = simple_legs(world, table, switched, pos)
    victim, obligor, _, gated = legs
    members = dyad_members(world, day)
    simple: list[tuple[str, str]] = []
    other: list[tuple[str, str]] = []
    for a in members:
        for b in members:
            if a != b:
                (simple if is_simple(table, a, b, clean) else other).append((a, b))
    owed = {states[v] for v in victim}
    own = {(states[o], states[v]) for v, o in zip(victim, obligor, strict=True)}  # attacker among the defenders
    asked = {states[v] for v in victim[gated]}
    rng = np.random.default_rng(day.toordinal())
    chosen = list(dict.fromkeys([
        *_sample(rng, [d for d in simple if d[1] in owed], 60), *_sample(rng, [d for d in simple if d in own], 25),
        *_sample(rng, [d for d in simple if d[1] in asked], 25),
        *_sample(rng, [d for d in simple if d[1] not in owed], 5), *_sample(rng, other, 40)]))
    simple_set = set(simple)
    taken = [d for d in chosen if d in simple_set]
    assert len(taken) >= 30 and any(d in own for d in taken) and len(taken) < len(chosen), (day, len(taken))
    if day.year >= 1990:  # request-gated defence binds on these dates (on 1914's and 1939's, none)
        assert any(d[1] in asked for d in taken)

    # the shortcut, as the atlas runs it, on every chosen dyad (also those it does not take, to compare below)
    att, tgt = np.array([pos[a] for a, _ in chosen]), np.array([pos[b] for _, b in chosen])
    sizes = np.zeros((len(chosen), DRAWS), dtype=np.int16)
    opposite = np.zeros((len(chosen), DRAWS), dtype=bool)
    simple_draws(legs, honour, asks, majors, att, tgt, len(states), sizes, opposite, np.ones(len(chosen), dtype=bool),
                 torch=get_backend().name == "torch")
    varied = differs = 0
    for k, (a, b) in enumerate(chosen):
        scenario = build_scenario(world, attacker=a, target=b, date=day, **given)
        size, opp = complex_draws(world, scenario, model, honour, asks, pos, majors)
        if (a, b) not in taken:
            differs += not (np.array_equal(size, sizes[k]) and np.array_equal(opp, opposite[k]))
            continue
        for d in range(DRAWS):
            assert (int(sizes[k, d]), bool(opposite[k, d])) == (int(size[d]), bool(opp[d])), (
                f"{a} attacks {b} on {day} {given}, draw {d}: the shortcut says war size {sizes[k, d]}, majors "
                f"opposite {opposite[k, d]}; the replay {size[d]}, {opp[d]}")
        varied += len(set(size.tolist())) > 1
    assert varied >= 5, (day, varied)  # the draws matter: honour decisions change the simple dyads' wars
    assert differs > 0, day  # the shortcut would be wrong on some dyad it does not take: the two paths differ


def test_the_monte_carlo_atlas_draws_honour_for_the_commitments_of_its_basis(world: World, backend: str) -> None:
    """On 1 Jun 2025 the signed basis has a commitment more than the in-force one (France-Djibouti 2024, signed, not
    in force), and its table orders them otherwise: the atlas drew honour for the in-force table's commitments and
    looked it up by the signed table's index (`atlas_montecarlo(..., basis="signed")` stopped with an IndexError in
    either reading, and every commitment from France-Djibouti's on read another's draw: France-Greece's read
    France's Manila Pact draw). Now the draws are the signed table's, and the escalatory atlas equals the
    per-scenario replay on them."""
    from foedus.sweeps.atlas_mc import atlas_montecarlo

    day, draws, seed, model = dt.date(2025, 6, 1), 3, 8, HonourModel(ask_probability=0.5)
    signed, in_force = leg_table(world, day, "signed"), leg_table(world, day, "in-force")
    assert signed.commitments != in_force.commitments  # the case this test is about
    mc = atlas_montecarlo(world, day, draws, seed, model, reading="escalatory", basis="signed")
    states, honour, asks = shared_draws(world, day, draws, seed, model, basis="signed")
    assert honour.shape == (draws, len(signed.commitments)) and set(signed.states()) <= set(states)
    certain = HonourModel(era={e: {s: 1.0 if s == "S1" else 0.0 for s in ("S1", "S2", "S3", "S5")}
                               for e in ("pre1945", "post1945")})
    _, sure, _ = shared_draws(world, day, 1, seed, certain, basis="signed")  # each column is its commitment's
    assert sure[0].tolist() == [p == 1.0 for p in signed.honour_probabilities(certain)] and 0 < sure.sum() < sure.size
    pos = {s: i for i, s in enumerate(states)}
    majors = np.array([world.states.is_major(s, day) for s in states], dtype=bool)
    row = {pair: k for k, pair in enumerate(zip(mc.attackers, mc.targets, strict=True))}
    for pair in [("RUS", "EST"), ("ERI", "DJI"), ("TUR", "GRC"), ("PRK", "KOR"), ("VEN", "COL")]:
        scenario = build_scenario(world, attacker=pair[0], target=pair[1], date=day, reading="escalatory",
                                  basis="signed")
        sizes, opposite = complex_draws(world, scenario, model, honour, asks, pos, majors)
        assert np.array_equal(sizes, mc.sizes[row[pair]]), pair
        assert np.array_equal(opposite, mc.majors_opposite[row[pair]]), pair
