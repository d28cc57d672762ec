"""The faster escalatory atlas (issue 15) equals the engine it replaced (tests/legacy/batch.py, rounds.py), byte
for byte: one rounds loop that resumes each conflicted row at once, and the escalatory obligations per distinct
side (engine/fast/escalatory.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from foedus.engine.fast.batch import batch_cascades, compile_rules
from foedus.engine.fast.rounds import NONE, solve_rounds
from foedus.engine.scenario import build_scenario, switches
from foedus.model.world import World
from foedus.sweeps.atlas import dyad_members
from legacy.batch import batch_cascades as former_cascades
from legacy.rounds import solve_rounds as former_rounds


def _random_wants(rng: np.random.Generator, n: int) -> Any:
    """A deterministic per-row `wants` from random rules: dense enough that rows conflict and restart often."""
    later = rng.random((2 * n, 4 * n)) < 0.12
    opening = rng.random((2 * n, 4 * n)) < 0.12
    blocked = rng.random((n, n)) < 0.1  # an excluded state frees some from their duties (as the Monte Carlo's)

    def wants(idx: np.ndarray, sa: np.ndarray, ex: np.ndarray, r: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        on = np.hstack([sa == 1, sa == 2]).astype(np.float32)
        out = np.where((r == 1)[:, None], on @ opening, on @ later) > 0
        out[:, :n] &= ~((ex.astype(np.float32) @ blocked) > 0)
        return out[:, :n], out[:, n:2 * n], out[:, 2 * n:3 * n], out[:, 3 * n:]

    return wants


@pytest.mark.parametrize("seed", range(60))
def test_rounds_loop_equals_the_former_one_on_random_rules(seed: int) -> None:
    """Sides, join rounds and exclusions of every row, for random rules, openings and strike patterns."""
    rng = np.random.default_rng(seed)
    n, rows = int(rng.integers(6, 20)), int(rng.integers(1, 60))
    side = np.zeros((rows, n), dtype=np.int8)
    for k in range(rows):
        parties = rng.choice(n, int(rng.integers(2, 5)), replace=False)
        cut = int(rng.integers(1, len(parties)))
        side[k, parties[:cut]], side[k, parties[cut:]] = 1, 2
    strike, one = bool(rng.integers(2)), bool(rng.random() < 0.2)
    wants = _random_wants(rng, n)
    old = former_rounds(side, wants, strike, one_round=one)
    new = solve_rounds(side, wants, strike, one_round=one)
    for o, w in zip(old, new, strict=True):
        assert o.dtype == w.dtype and np.array_equal(o, w), seed
    assert (new[0] != NONE).sum() >= (side != NONE).sum()


def _every_dyad(world: World, day: dt.date, **given: Any) -> tuple[Any, np.ndarray, np.ndarray]:
    members = dyad_members(world, day)
    a, b = np.meshgrid(np.arange(len(members)), np.arange(len(members)), indexing="ij")
    keep = a != b
    return compile_rules(world, switches(day, **given), members), a[keep], b[keep]


def _same(rules: Any, a: np.ndarray, b: np.ndarray, reading: str, shortcut: bool = True) -> None:
    old = former_cascades(rules, a, b, reading, shortcut=shortcut)  # type: ignore[arg-type]
    new = batch_cascades(rules, a, b, reading, shortcut=shortcut)  # type: ignore[arg-type]
    for name in ("sides", "rounds", "conflicts"):
        o, w = getattr(old, name), getattr(new, name)
        assert o.dtype == w.dtype and np.array_equal(o, w), (name, reading)


SWITCHES: list[dict[str, Any]] = [{}, {"requested": False, "unresolved": "unmet"}, {"severity": "incursion"},
                                  {"basis": "signed"}]


@pytest.mark.needs_data
@pytest.mark.parametrize("given", SWITCHES, ids=["default", "unrequested-unmet", "incursion", "signed"])
def test_escalatory_atlas_equals_the_former_one(world: World, given: dict[str, Any]) -> None:
    """Every ordered dyad at 1990-06-01, escalatory (and legal for the default switches)."""
    rules, a, b = _every_dyad(world, dt.date(1990, 6, 1), **given)
    _same(rules, a, b, "escalatory")
    if not given:
        _same(rules, a, b, "legal")
        assert batch_cascades(rules, a, b, "escalatory").conflicts.any(axis=1).sum() > 1000  # restarts abound


@pytest.mark.needs_data
def test_escalatory_atlas_of_monte_carlo_draws_equals_the_former_one(world: World) -> None:
    """The rules of two Monte Carlo draws (commitments dropped, requests not made), every dyad, every row's rounds."""
    from foedus.engine.reliability import HonourModel
    from foedus.sweeps.atlas_mc import shared_draws

    day = dt.date(1990, 6, 1)
    rules, a, b = _every_dyad(world, day)
    _, honour, asks = shared_draws(world, day, 2, 5, HonourModel(ask_probability=0.5), basis="in-force")
    cols = np.array(rules.commitments(), dtype=np.int64)
    for d in range(2):
        _same(rules.for_draw(honour[d, cols], asks[d]), a, b, "escalatory", shortcut=d == 0)


@pytest.mark.slow
@pytest.mark.needs_data
def test_escalatory_atlas_equals_the_former_one_in_2025(world: World) -> None:
    for given in SWITCHES[:2]:
        rules, a, b = _every_dyad(world, dt.date(2025, 6, 1), **given)
        _same(rules, a, b, "escalatory")


@pytest.mark.needs_data
def test_monte_carlo_replay_equals_the_one_with_the_former_rounds(world: World, monkeypatch: pytest.MonkeyPatch
                                                                  ) -> None:
    """The per-scenario Monte Carlo runs the same rounds loop: the same sides in every draw."""
    import foedus.engine.fast.montecarlo as mc
    from foedus.engine.reliability import HonourModel

    cases = [("TUR", "GRC", "2025-06-01"), ("USA", "CUB", "1990-06-01"), ("RUS", "EST", "2025-06-01")]
    for k, (a, b, day) in enumerate(cases):
        scenario = build_scenario(world, attacker=a, target=b, date=day, reading="escalatory")
        model = HonourModel(ask_probability=0.5) if k % 2 else HonourModel()
        new = mc.simulate(world, scenario, 30, k, model)
        with monkeypatch.context() as m:
            # the former rounds tell no state that stays out by precedence (`plain`), which changes no side
            m.setattr(mc, "solve_rounds", lambda side, wants, *args, plain=None, **kw:
                      former_rounds(side, wants, *args, **kw))
            old = mc.simulate(world, scenario, 30, k, model)
        assert old.states == new.states and np.array_equal(old.sides, new.sides), scenario
