"""The per-war Monte Carlo seeds of `foedus backtest` and `foedus likely` (war N of base seed S) come from one rule,
foedus.inputs.war_seed: S + N, wrapped modulo 2**63, so each stays within foedus.inputs.MAX_SEED. The backtest had a
bound of its own (--seed up to 2**62), and `likely`'s S + N could pass MAX_SEED; both now take any seed up to it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from foedus.inputs import MAX_SEED, war_seed
from samples import cli_line


@pytest.mark.parametrize(("seed", "war"), [(1815, 1), (1815, 227), (0, 0), (2**62, 227), (MAX_SEED - 227, 227)])
def test_below_the_wrap_a_wars_seed_is_seed_plus_its_number(seed: int, war: int) -> None:
    assert war_seed(seed, war) == seed + war  # existing runs (seed 1815 in the docs) keep their numbers


@pytest.mark.parametrize("war", [1, 151, 227])
def test_past_the_bound_a_wars_seed_wraps_within_it(war: int) -> None:
    assert war_seed(MAX_SEED, war) == war - 1
    assert len({war_seed(MAX_SEED - 1, n) for n in range(1, 300)}) == 299  # wars still get seeds of their own


@pytest.mark.needs_data
def test_the_backtest_takes_the_largest_seed(tmp_path: Path) -> None:
    """--seed MAX_SEED was refused (above 2**62, the backtest's own bound); with it, war N's seed must not pass the
    bound, or `foedus.cascade` refuses it and the war is skipped."""
    out = tmp_path / "bt"
    proc = cli_line(["backtest", "--from", "1950", "--to", "1950", "--out", str(out), "--draws", "50", "--seed",
                     str(MAX_SEED)])
    assert proc.returncode == 0, proc.stderr
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["settings"]["seed"] == MAX_SEED and metrics["wars"]["scored"] == 1
    assert metrics["skipped_wars"] == [] and metrics["replay"]["skipped"] == []
    above = cli_line(["backtest", "--from", "1950", "--to", "1950", "--out", str(out), "--seed", str(MAX_SEED + 1)])
    assert above.returncode == 2 and f"{MAX_SEED:,} (got {MAX_SEED + 1})" in above.stderr  # the bound, grouped


@pytest.mark.needs_data
def test_likelys_baseline_seeds_stay_within_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.likely import dataset

    used: list[int] = []
    real = dataset._montecarlo

    def recorded(world: Any, legal: Any, draws: int, seed: int) -> Any:
        used.append(seed)
        return real(world, legal, draws, seed)

    monkeypatch.setattr(dataset, "_montecarlo", recorded)
    data = dataset.training_data(first=1950, last=1950, draws=5, seed=MAX_SEED)
    wars = sorted(set(data.frame["war"]))
    assert wars and used == [war_seed(MAX_SEED, n) for n in wars] and all(0 <= s <= MAX_SEED for s in used)
