"""The packed rounds of the escalatory reading (engine/fast/packed.py, packed_rounds.py, and packed_jit.py where
numba is installed) equal the rounds loop on dense sides they stand in for (tests/legacy/batch.py, as before issue
15), row by row: on random rules dense enough that conflicts, chains of restarts, neutrality and limited
counterparts abound, and on the atlas of real dates. The numpy loop runs here whether or not numba is installed."""

from __future__ import annotations

import datetime as dt
import importlib.util
from typing import Any

import numpy as np
import pytest

from foedus.engine.fast.batch import batch_cascades, compile_rules
from foedus.engine.fast.matrices import BatchRules, Conditional
from foedus.engine.fast.packed import pack, unpack
from foedus.engine.fast.packed_rounds import JIT_ENV
from foedus.engine.scenario import switches
from foedus.model.world import World
from foedus.sweeps.atlas import dyad_members
from legacy.batch import batch_cascades as former_cascades


@pytest.fixture(params=["numpy", "numba"])
def loop(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The packed rounds' loop: numpy (always), or compiled with numba (where installed)."""
    if request.param == "numba" and importlib.util.find_spec("numba") is None:
        pytest.skip("numba is not installed (the optional extra foedus[jit])")
    monkeypatch.setenv(JIT_ENV, "1" if request.param == "numba" else "0")
    return str(request.param)


def _conditional(rng: np.random.Generator, n: int, k: int) -> Conditional:
    return Conditional(rng.integers(0, n, k), rng.integers(0, n, k), rng.random((k, n)) < 0.5, rng.random(k) < 0.3)


def _random_rules(rng: np.random.Generator, n: int) -> BatchRules:
    """Random legs: a few defence partners each, some offence and neutrality legs (some void for the side that
    started the war), some limited counterparts."""
    dense = float(rng.uniform(0.005, 0.06))

    def legs(p: float) -> np.ndarray:
        m = (rng.random((n, n)) < p).astype(np.float32)
        np.fill_diagonal(m, 0)
        return m

    k = int(rng.integers(0, 8))
    return BatchRules([f"S{i:03d}" for i in rng.permutation(n)], legs(dense), legs(dense / 4), legs(dense / 4),
                      legs(dense / 6), legs(dense / 8), _conditional(rng, n, k), _conditional(rng, n, k // 2),
                      _conditional(rng, n, k // 3), _conditional(rng, n, k // 3), rng.random(n) < 0.2,
                      neutral_np=legs(dense / 6))


def _same(old: Any, new: Any, label: object) -> None:
    for name in ("sides", "rounds", "conflicts"):
        o, w = getattr(old, name), getattr(new, name)
        assert o.dtype == w.dtype and np.array_equal(o, w), (name, label)


@pytest.mark.parametrize("seed", range(24))
def test_packed_rounds_equal_the_dense_ones_on_random_rules(seed: int, loop: str) -> None:
    """Every ordered dyad of random rules (up to 71 states: more than one word a side), every row's rounds."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 72))
    rules = _random_rules(rng, n)
    a, b = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    keep = a != b
    old = former_cascades(rules, a[keep], b[keep], "escalatory", shortcut=False)
    _same(old, batch_cascades(rules, a[keep], b[keep], "escalatory", shortcut=False), (seed, loop))
    _same(old, batch_cascades(rules, a[keep], b[keep], "escalatory"), (seed, loop))  # conflict-free: closures
    assert old.conflicts.any() or seed % 4  # the rules are dense enough to conflict, most seeds


def test_pack_and_unpack_are_inverse() -> None:
    rng = np.random.default_rng(3)
    for k in (1, 63, 64, 65, 200):
        bits = rng.random((7, k)) < 0.4
        words = pack(bits, -(-k // 64))
        assert words.shape == (7, -(-k // 64)) and np.array_equal(unpack(words, k), bits)
        on = [p for p in range(k) if int(words[0, p // 64]) >> (p % 64) & 1]  # bit p: word p // 64, place p % 64
        assert [int(x) for x in np.flatnonzero(bits[0])] == on


@pytest.mark.needs_data
@pytest.mark.parametrize("day", [dt.date(1990, 6, 1), pytest.param(dt.date(2025, 6, 1), marks=pytest.mark.slow)])
def test_packed_rounds_equal_the_dense_ones_on_every_dyad(world: World, day: dt.date, loop: str) -> None:
    """Every ordered dyad's rounds (no shortcut), with every commitment and with those of a Monte Carlo draw."""
    from foedus.engine.reliability import HonourModel
    from foedus.sweeps.atlas_mc import shared_draws

    members = dyad_members(world, day)
    rules = compile_rules(world, switches(day), members)
    a, b = np.meshgrid(np.arange(len(members)), np.arange(len(members)), indexing="ij")
    keep = a != b
    _, honour, asks = shared_draws(world, day, 1, 11, HonourModel(ask_probability=0.5), basis="in-force")
    cols = np.array(rules.commitments(), dtype=np.int64)
    for r in (rules, rules.for_draw(honour[0, cols], asks[0])):
        old = former_cascades(r, a[keep], b[keep], "escalatory", shortcut=False)
        _same(old, batch_cascades(r, a[keep], b[keep], "escalatory", shortcut=False), (day, loop))


def test_monte_carlo_summaries_equal_the_sides(loop: str) -> None:
    """`batch_summaries` (war size and major-power opposition from the packed sides) equals `batch_cascades`'."""
    from foedus.engine.fast.batch import batch_summaries

    rng = np.random.default_rng(21)
    rules = _random_rules(rng, 60)
    a, b = np.meshgrid(np.arange(60), np.arange(60), indexing="ij")
    keep = a != b
    full = batch_cascades(rules, a[keep], b[keep], "escalatory")
    sizes, opposite = batch_summaries(rules, a[keep], b[keep], "escalatory")
    assert np.array_equal(sizes, full.war_size()) and np.array_equal(opposite, full.majors_opposite())
    assert opposite.any() and (sizes > 2).any()
