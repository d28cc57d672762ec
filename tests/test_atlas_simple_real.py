"""The Monte Carlo atlas on the real world (the 2025 curated treaty set, with ATOP history where it binds)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from foedus.engine.reliability import HonourModel
from foedus.engine.scenario import build_scenario
from foedus.engine.table import leg_table
from foedus.model.world import World
from foedus.sweeps.atlas_mc import complex_draws, shared_draws

pytestmark = pytest.mark.needs_data


def test_the_monte_carlo_atlas_draws_honour_for_the_commitments_of_its_basis(world: World, backend: str) -> None:
    """On 1 Jun 2025 the signed basis has a commitment more than the in-force one (France-Djibouti 2024, signed, not
    in force), and its table orders them otherwise: the atlas drew honour for the in-force table's commitments and
    looked it up by the signed table's index (`atlas_montecarlo(..., basis="signed")` stopped with an IndexError in
    either reading, and every commitment from France-Djibouti's on read another's draw: France-Greece's read
    France's SEATO draw). Now the draws are the signed table's, and the escalatory atlas equals the per-scenario replay on them."""
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
