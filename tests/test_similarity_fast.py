"""The similarity fast path (issue 15) against the former algorithm: the same numbers, bit for bit, and the same
table, from the yearly portfolios to the Parquet file the CLI writes."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings

from foedus.model.world import World
from foedus.outputs.tables import write_columns, write_table
from foedus.research.similarity import MEASURES, similarity_frame, similarity_matrices
from foedus.research.similarity_fast import SimilarityInputError, similarity_batches, similarity_columns
from foedus.research.ties import yearly_portfolios, yearly_portfolios_of
from legacy import similarity as legacy
from strategies import similarity_years

Year = tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]


def _same_bits(new: np.ndarray, old: np.ndarray, what: str) -> None:
    """Equal dtype, shape and bytes: every number the same double, NaN where NaN."""
    assert new.dtype == old.dtype and new.shape == old.shape, what
    assert np.ascontiguousarray(new).tobytes() == np.ascontiguousarray(old).tobytes(), what


def _random_year(seed: int, n: int, symmetric: bool, zeros: float = 0.7) -> Year:
    rng = np.random.default_rng(seed)
    t = rng.choice(4, size=(n, n), p=[zeros, (1 - zeros) / 3, (1 - zeros) / 6, (1 - zeros) / 2])
    if symmetric:
        t = np.triu(t, 1) + np.triu(t, 1).T
    np.fill_diagonal(t, 3)
    return t.astype(np.int64), rng.dirichlet(np.ones(n))


@pytest.mark.parametrize(("seed", "n", "symmetric", "zeros"), [
    (0, 1, True, 0.7), (1, 2, False, 0.7), (2, 5, True, 0.0), (3, 30, False, 0.7), (4, 90, True, 0.95),
    (5, 195, True, 0.9), (6, 120, False, 0.3),
    (7, 680, False, 0.0), (8, 700, True, 0.5)])  # the float32 counts' limit, then float64 beyond it
def test_year_matrices_equal_the_former_algorithm_bit_for_bit(seed: int, n: int, symmetric: bool,
                                                                zeros: float) -> None:
    t, w = _random_year(seed, n, symmetric, zeros)
    if n > 3:
        t[1] = 3  # a constant portfolio: tau-b NaN with everyone
        w[2] = 0.0
    new, old = similarity_matrices(t, w), legacy.similarity_matrices(t, w)
    for m in MEASURES:
        _same_bits(new[m], old[m], m)


@settings(max_examples=150, deadline=None)
@given(similarity_years(12))
def test_year_matrices_equal_the_former_algorithm_hypothesis(year: Year) -> None:
    new, old = similarity_matrices(*year), legacy.similarity_matrices(*year)
    for m in MEASURES:
        _same_bits(new[m], old[m], m)


def test_columns_equal_the_former_frame_on_random_years() -> None:
    years = {1900 + k: (np.arange(n, dtype=np.int64) * 7 + 2, *_random_year(k, n, k % 2 == 0))
             for k, n in enumerate([40, 1, 2, 17, 40, 0, 63])}
    years[1905] = (np.zeros(0, np.int64), np.zeros((0, 0), np.int64), np.zeros(0))
    new, old = similarity_columns(years), legacy.similarity_frame(years)
    assert list(new) == list(old.columns)
    for col in old.columns:
        _same_bits(new[col], old[col].to_numpy(), col)
    pd.testing.assert_frame_equal(similarity_frame(years), old, check_exact=True)


@pytest.mark.needs_data
def test_yearly_portfolios_equal_the_former_builder(world: World) -> None:
    """Bit for bit, once the former's ties between two states that are never COW members on a common day of the year
    are taken out (since 2026-12-03 they are none: a state and its successor, in 1990 alone, 8 cells)."""
    from foedus.research.dyads import dyad_years, system_spells

    new, old = yearly_portfolios(world, 1816, 2018), legacy.yearly_portfolios(world, 1816, 2018)
    assert list(new) == list(old)
    spells, apart = system_spells(world, "cow"), {}
    for year, (codes, ties, _) in old.items():
        together = np.zeros(ties.shape, dtype=bool)
        rows = dyad_years(spells, year, year)
        together[np.searchsorted(codes, rows[:, 0]), np.searchsorted(codes, rows[:, 1])] = True
        np.fill_diagonal(together, True)
        gone = (ties > 0) & ~together
        if gone.any():
            apart[year] = {(int(codes[i]), int(codes[j])) for i, j in zip(*np.nonzero(gone), strict=True)}
        ties[gone] = 0
    assert apart == {1990: {(255, 260), (260, 255), (255, 265), (265, 255), (678, 679), (679, 678), (679, 680),
                            (680, 679)}}
    for year in old:
        for got, want, what in zip(new[year], old[year], ("ccodes", "ties", "weights"), strict=True):
            _same_bits(got, want, f"{year} {what}")
    assert list(yearly_portfolios(world, 1990, 1991)) == [1990, 1991]


@pytest.mark.needs_data
def test_real_years_equal_the_former_frame(world: World) -> None:
    rng = np.random.default_rng(15)
    sample = sorted({1816, 1914, 1946, 1962, 1990, 2018, *map(int, rng.integers(1817, 2018, 6))})
    everything = yearly_portfolios(world, 1816, 2018)
    years = {y: everything[y] for y in sample}
    new, old = similarity_columns(years), legacy.similarity_frame(years)
    for col in old.columns:
        _same_bits(new[col], old[col].to_numpy(), col)


def test_write_columns_reads_back_as_the_frame_did(tmp_path: Path) -> None:
    years = {1816: (np.array([2, 20, 200, 220]), *_random_year(1, 4, True)),
             1817: (np.array([2, 20, 200, 220]), np.full((4, 4), 3), np.zeros(4))}  # constant: NaN tau-b and S_w
    columns = similarity_columns(years)
    assert np.isnan(columns["taub"]).any() and np.isnan(columns["s_weighted"]).any()
    write_columns(columns, tmp_path / "new.parquet", meta={"title": "t"})
    write_table(pd.DataFrame(columns), tmp_path / "old.parquet", meta={"title": "t"})
    new, old = pq.read_table(tmp_path / "new.parquet"), pq.read_table(tmp_path / "old.parquet")
    assert new.schema.remove_metadata() == old.schema.remove_metadata()
    assert new.equals(old)  # NaN is null in both
    assert new.schema.metadata[b"foedus"] == old.schema.metadata[b"foedus"]
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "new.parquet"), pd.read_parquet(tmp_path / "old.parquet"),
                                  check_exact=True)
    write_columns(columns, tmp_path / "new.csv")
    assert (tmp_path / "new.csv").read_bytes() == pd.DataFrame(columns).to_csv(index=False).encode()


@pytest.mark.needs_data
def test_cli_parquet_equals_the_former_frame(tmp_path: Path, world: World) -> None:
    out = tmp_path / "sim.parquet"
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "similarity", "--from", "1962", "--to", "1963",
                           "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    want = legacy.similarity_frame(legacy.yearly_portfolios(world, 1962, 1963))
    pd.testing.assert_frame_equal(pd.read_parquet(out), want, check_exact=True)


@pytest.mark.parametrize(("rows", "workers"), [(1, 1), (50, 2), (10**6, 3), (200, 0)])
def test_batches_join_to_the_columns(rows: int, workers: int) -> None:
    years = {1950 + k: (np.arange(n, dtype=np.int64) + 2, *_random_year(k, n, k % 3 == 0))
             for k, n in enumerate([12, 1, 7, 30, 0, 9, 2, 15])}
    years[1955] = (np.zeros(0, np.int64), np.zeros((0, 0), np.int64), np.zeros(0))
    told: list[int] = []
    batches = list(similarity_batches(years, progress=told.append, rows=rows, workers=workers))
    assert told == list(range(1, len(years) + 1))
    whole = similarity_columns(years)
    for col, values in whole.items():
        _same_bits(np.concatenate([b[col] for b in batches]), values, col)
    assert all(len(b["year"]) >= min(rows, 1) for b in batches[:-1])


def test_batches_raise_bad_input_in_the_callers_thread() -> None:
    years = {1816: (np.array([2, 2]), np.full((2, 2), 3), np.ones(2))}
    with pytest.raises(SimilarityInputError, match="distinct"):
        list(similarity_batches(years))


def test_flag_key_cache_round_trips_and_refuses_damage() -> None:
    from foedus.research.atop_flags import FLAG_COLUMNS, AtopKeys, _keys_in, _keys_out

    rng = np.random.default_rng(4)
    flags = {kind: np.unique(rng.integers(0, 10**10, size=k * 50 + 1)) for k, kind in enumerate(FLAG_COLUMNS)}
    flags["offense"] = np.zeros(0, np.int64)
    ally = np.unique(np.concatenate([*flags.values(), rng.integers(0, 10**10, size=40)]))
    sets = ((1001,), (3180, 3740), (3790,))
    found = AtopKeys(flags, ally, rng.integers(0, len(sets), size=len(ally)), sets)
    plain = _keys_out(found)
    assert json.loads(json.dumps(plain)) == plain  # plain JSON
    back = _keys_in(plain)
    for kind in FLAG_COLUMNS:
        _same_bits(back.flags[kind], flags[kind].astype(np.int64), kind)
    _same_bits(back.ally, ally, "ally")
    assert back.id_set.tolist() == found.id_set.tolist() and back.id_sets == sets
    kind = "consultation"  # 201 keys
    reversed_keys = _keys_out(AtopKeys({**flags, kind: flags[kind][::-1]}, ally, found.id_set, sets))[kind]
    for damaged in ({**plain, kind: plain[kind][:-8]}, {**plain, kind: "not base64!"}, {**plain, kind: reversed_keys},
                    {**plain, "ally": _keys_out(AtopKeys(flags, ally[1:], found.id_set[1:], sets))["ally"]},
                    {**plain, "id_sets": [[3180, 1001]]}, {**plain, "id_sets": [[]]}, {**plain, "id_sets": "x"},
                    {**plain, "id_set": _keys_out(AtopKeys(flags, ally, found.id_set + 5, sets))["id_set"]}):
        with pytest.raises(ValueError):
            _keys_in(damaged)


@pytest.mark.needs_data
def test_states_from_the_cache_alone_equal_the_worlds(world: World) -> None:
    from foedus.world_cache import cached_states

    World.default()  # the world cache is current
    states = cached_states()
    assert [(s.id, s.ccode, s.spells, s.name) for s in states] == [(s.id, s.ccode, s.spells, s.name)
                                                                  for s in world.states]
    assert states.majors == world.states.majors and states.has_system_dates == world.states.has_system_dates
    assert states.resolve("Russia").id == world.states.resolve("Russia").id
    for year in (1816, 1991, 2018):
        got, want = yearly_portfolios_of(states, year, year)[year], yearly_portfolios(world, year, year)[year]
        for a, b, what in zip(got, want, ("ccodes", "ties", "weights"), strict=True):
            _same_bits(a, b, f"{year} {what}")


def test_years_after_atop_are_refused_not_scored_as_unallied() -> None:
    """ATOP 5.1 ends in 2018: a later year would have no ties at all (every pair 'similar', kappa about 0), so it
    is refused with the years named, before any data is read."""
    from foedus.errors import DateOutOfRangeError
    from foedus.model.states import StateRegistry

    for first, last, named in ((2017, 2020, "years 2019–2020 have none"), (2019, 2019, "year 2019 has none")):
        with pytest.raises(DateOutOfRangeError, match=f"end in 2018: {named}"):
            yearly_portfolios_of(StateRegistry({}), first, last)


@pytest.mark.needs_data
def test_cli_needs_no_treaty_model(tmp_path: Path) -> None:
    """With its caches warm, `foedus similarity` imports neither pandas, the treaty model nor the engine."""
    code = textwrap.dedent(f"""
        import runpy, sys
        sys.argv = ["foedus", "similarity", "--from", "1900", "--to", "1900", "--out", {str(tmp_path / "s.parquet")!r},
                    "--force"]
        try:
            runpy.run_module("foedus.cli", run_name="__main__")
        except SystemExit as exc:
            assert not exc.code
        print(sorted(m for m in ("pandas", "foedus.model.treaty", "foedus.engine.cascade") if m in sys.modules))
    """)
    for _ in range(2):  # the first run may build the caches (and import what that needs)
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"
