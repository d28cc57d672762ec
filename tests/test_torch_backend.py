"""The torch backend (`--backend torch`, the optional `gpu` extra) against numpy, where PyTorch is installed (this
module is skipped elsewhere; it runs on the CPU build, and on CUDA where there is one): the atlas of every ordered
dyad on dates from 1914 to 2025 and under the switches, both readings, and the Monte Carlo atlas on the same draws.
The reference and replay comparisons run on each backend through the `backend` fixture (tests/conftest.py:
tests/test_atlas_engines.py, tests/test_batch_atlas.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from foedus.engine.fast.backend import Backend
from foedus.engine.fast.batch import batch_cascades, compile_rules
from foedus.engine.fast.threads import BLAS_ENV
from foedus.engine.reliability import HonourModel
from foedus.engine.scenario import switches
from foedus.model.world import World
from foedus.sweeps.atlas import dyad_members
from foedus.sweeps.atlas_mc import atlas_montecarlo

torch = pytest.importorskip("torch", reason="the optional torch backend (foedus[gpu]) is not installed")

pytestmark = pytest.mark.needs_data

ATLASES: list[tuple[dt.date, dict[str, Any]]] = [
    (dt.date(1914, 8, 1), {}), (dt.date(1939, 9, 1), {}), (dt.date(1962, 10, 22), {"decisions": "not-taken"}),
    (dt.date(1990, 6, 1), {}), (dt.date(1990, 6, 1), {"requested": False, "unresolved": "unmet"}),
    (dt.date(2025, 6, 1), {}), (dt.date(2025, 6, 1), {"severity": "incursion"}),
    (dt.date(2025, 6, 1), {"basis": "signed"}),
]


def _id(case: tuple[dt.date, dict[str, Any]]) -> str:
    return ",".join([case[0].isoformat(), *(f"{k}={v}" for k, v in case[1].items())])


@pytest.mark.parametrize(("day", "given"), ATLASES, ids=[_id(c) for c in ATLASES])
def test_the_torch_atlas_equals_the_numpy_one_on_every_dyad(world: World, day: dt.date, given: dict[str, Any]) -> None:
    """Sides, join rounds and conflicts of every ordered dyad, both readings, and every row's rounds in the
    escalatory reading (no closures), on rules compiled with each backend."""
    members = dyad_members(world, day)
    a, b = np.meshgrid(np.arange(len(members)), np.arange(len(members)), indexing="ij")
    keep = a != b
    rules = {name: compile_rules(world, switches(day, **given), members, backend=name) for name in ("numpy", "torch")}
    assert rules["torch"].backend.name == "torch"
    for reading, shortcut in (("legal", True), ("escalatory", True), ("escalatory", False)):
        x, y = (batch_cascades(r, a[keep], b[keep], reading, shortcut=shortcut) for r in rules.values())  # type: ignore[arg-type]
        for name in ("sides", "rounds", "conflicts"):
            o, w = getattr(x, name), getattr(y, name)
            assert o.dtype == w.dtype and np.array_equal(o, w), (name, reading, shortcut, day, given)
        assert (x.sides != 0).sum(axis=1).max() > 2, (reading, day)  # some wars draw states in


DRAWS: list[tuple[dt.date, str, dict[str, Any]]] = [
    (dt.date(1914, 8, 1), "escalatory", {}), (dt.date(1939, 9, 1), "legal", {}),
    (dt.date(1962, 10, 22), "legal", {"unresolved": "unmet"}), (dt.date(1990, 6, 1), "escalatory", {}),
    (dt.date(1990, 6, 1), "legal", {"requested": False}), (dt.date(2025, 6, 1), "legal", {"severity": "incursion"}),
    (dt.date(2025, 6, 1), "escalatory", {}),
]


@pytest.mark.parametrize(("day", "reading", "given"), DRAWS,
                         ids=[f"{d.isoformat()}-{r}" + "".join(f",{k}={v}" for k, v in g.items()) for d, r, g in DRAWS])
def test_the_torch_monte_carlo_atlas_equals_the_numpy_one(world: World, day: dt.date, reading: str,
                                                         given: dict[str, Any]) -> None:
    """The same draws (seed, honour, asks) give the same war sizes and major-power oppositions on both backends,
    and a slice of them (as a Dask worker computes) the same columns of the whole."""
    draws = 30 if reading == "legal" else 6
    model = HonourModel(ask_probability=0.5)
    base, gpu = (atlas_montecarlo(world, day, draws, 3, model, backend=name, reading=reading, **given)
                 for name in ("numpy", "torch"))
    assert np.array_equal(base.sizes, gpu.sizes) and np.array_equal(base.majors_opposite, gpu.majors_opposite)
    assert len(np.unique(base.sizes)) > 2  # the draws and the dyads differ
    part = atlas_montecarlo(world, day, draws, 3, model, backend="torch", reading=reading, only=range(2, 5), **given)
    assert np.array_equal(part.sizes, base.sizes[:, 2:5])


def test_the_torch_products_run_with_the_engines_thread_count(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """torch's CPU products, and the legal Monte Carlo atlas's torch draws, run with the engines' BLAS thread count
    (FOEDUS_BLAS_THREADS, default one), as numpy's do; with torch's own default (every core) the 1,000-draw
    escalatory atlas of 2025 ran 2-3 times slower than on numpy on a busy two-core machine. torch's setting is
    restored after each run."""
    seen: list[int] = []

    def spy(real: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            seen.append(torch.get_num_threads())
            return real(*args, **kwargs)
        return run

    monkeypatch.setattr(Backend, "any_product", spy(Backend.any_product))
    monkeypatch.setattr(Backend, "matmul", spy(Backend.matmul))
    monkeypatch.setattr(torch, "nonzero", spy(torch.nonzero))  # the legal atlas's simple dyads' draws
    monkeypatch.setenv(BLAS_ENV, "1")
    day, before = dt.date(1990, 6, 1), torch.get_num_threads()
    torch.set_num_threads(2)  # torch's own default on a machine of two cores or more
    try:
        members = dyad_members(world, day)
        rules = compile_rules(world, switches(day), members, backend="torch")
        batch_cascades(rules, np.arange(1, len(members)), np.zeros(len(members) - 1, dtype=np.int64), "escalatory")
        atlas_montecarlo(world, day, 4, 1, backend="torch")
        after = torch.get_num_threads()
    finally:
        torch.set_num_threads(before)
    assert len(seen) > 3 and set(seen) == {1}
    assert after == 2
