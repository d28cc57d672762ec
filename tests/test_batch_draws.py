"""A `foedus batch` row with `draws` (and a seed, an honour model) gets the Monte Carlo columns: each attacker's,
target's and joiner's share of draws on its row's side, the war size's mean and 90% interval, draws, seed and honour
model, read from the summary `foedus cascade --draws N --seed S` prints (one Monte Carlo); empty for the roles the
draws place on no side and for rows without draws. Such a row was refused (the likelihood too: a row with both
carries both's columns)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from foedus.batch.table import BATCH_COLUMNS, DRAWN_ROLES
from samples import cli_line

_MC = [c for c in BATCH_COLUMNS if c.startswith("mc_")]


def _batch(tmp_path: Path, text: str, out: str = "out.csv", name: str = "s.csv") -> pd.DataFrame | str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    proc = cli_line(["batch", str(tmp_path / name), "--out", str(tmp_path / out), "--force"])
    if proc.returncode:
        return proc.stderr
    read = {".parquet": pd.read_parquet, ".dta": pd.read_stata}.get(Path(out).suffix, pd.read_csv)
    return read(tmp_path / out)


def test_the_batch_p_join_is_cascade_draws(tmp_path: Path) -> None:
    """Each joiner's mc_p_side is `foedus cascade --draws 300 --seed 11 --json`'s probability of its side and
    mc_p_side_low/_high its probability_intervals, the war size's columns its war_size; the attacker and target are
    on their side in every draw; a row without draws has every Monte Carlo column empty."""
    table = _batch(tmp_path, "attacker,target,date,draws,seed\nRUS,EST,2025-06-01,300,11\nISL,NOR,1950-06-01,,\n")
    assert isinstance(table, pd.DataFrame), table
    alone = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--draws", "300", "--seed", "11",
                      "--json"])
    assert alone.returncode == 0, alone.stderr
    said = json.loads(alone.stdout)
    drawn = table[table.scenario == 1]
    joiners = drawn[drawn.role == "joiner"]
    assert len(joiners) > 10 and 0 < joiners.mc_p_side.min() < joiners.mc_p_side.max() < 1
    assert {(r.state, r.mc_p_side) for r in joiners.itertuples()} == {
        (r.state, said["probabilities"].get(r.state, {}).get(r.side, 0.0)) for r in joiners.itertuples()}
    assert list(drawn[drawn.role.isin(["attacker", "target"])].mc_p_side) == [1.0, 1.0]
    assert drawn[~drawn.role.isin(DRAWN_ROLES)][["mc_p_side", "mc_p_side_low", "mc_p_side_high"]].isna().all().all()
    ci = said["probability_intervals"]  # each share's 95% Wilson interval: the same in both
    assert {(r.state, r.mc_p_side_low, r.mc_p_side_high) for r in joiners.itertuples()} == {
        (r.state, *ci[r.state][r.side]) for r in joiners.itertuples()}
    assert (joiners.mc_p_side_low < joiners.mc_p_side).all() and (joiners.mc_p_side < joiners.mc_p_side_high).all()
    size = said["war_size"]
    assert {tuple(r) for r in drawn[["mc_draws", "mc_seed", "mc_honour", "mc_war_size_mean", "mc_war_size_p5",
                                     "mc_war_size_p95"]].itertuples(index=False)} \
        == {(300, 11, "default", size["mean"], size["p5"], size["p95"])}
    assert table[table.scenario == 2][_MC].isna().all().all()


def test_the_draws_are_the_seed_s_and_a_chosen_seed_is_recorded(tmp_path: Path) -> None:
    """Two batches with the same seed write the same Monte Carlo columns (Parquet: whole numbers as integers); a row
    with draws and no seed is given one, recorded in mc_seed, which run again gives the same shares."""
    text = "attacker,target,date,draws,seed\nCHN,TWN,2025-06-01,200,5\nRUS,POL,2025-06-01,200,\n"
    first, again = _batch(tmp_path, text, "a.parquet"), _batch(tmp_path, text, "b.parquet")
    assert isinstance(first, pd.DataFrame) and isinstance(again, pd.DataFrame), (first, again)
    assert str(first.mc_draws.dtype) == "Int64" and str(first.mc_seed.dtype) == "Int64"
    one = first[first.scenario == 1]
    pd.testing.assert_frame_equal(one[_MC].reset_index(drop=True),
                                  again[again.scenario == 1][_MC].reset_index(drop=True))
    chosen = int(first[first.scenario == 2].mc_seed.iloc[0])
    rerun = _batch(tmp_path, f"attacker,target,date,draws,seed\nRUS,POL,2025-06-01,200,{chosen}\n", "c.parquet")
    assert isinstance(rerun, pd.DataFrame), rerun
    assert list(rerun.mc_p_side.fillna(-1)) == list(first[first.scenario == 2].mc_p_side.fillna(-1))


def test_stata_labels_the_monte_carlo_columns(tmp_path: Path) -> None:
    """A .dta table carries each Monte Carlo column with its codebook meaning as its variable label."""
    from pandas.io.stata import StataReader

    table = _batch(tmp_path, "attacker,target,date,draws,seed\nRUS,EST,2025-06-01,100,3\n", "out.dta")
    assert isinstance(table, pd.DataFrame), table
    assert set(table.mc_honour) == {"default"} and table[table.role == "joiner"].mc_p_side.between(0, 1).all()
    with StataReader(tmp_path / "out.dta") as reader:
        labels = reader.variable_labels()
    assert {c: labels[c] for c in _MC} == {c: BATCH_COLUMNS[c] for c in _MC}


def test_a_seed_without_draws_is_refused_and_draws_go_with_the_likelihood(tmp_path: Path) -> None:
    """A seed with no draws is refused as a scenario file's is; a row asking for draws and the likelihood (refused
    until this change) carries both's columns: every row the draws' and the likelihood's scenario columns."""
    said = _batch(tmp_path, "attacker,target,date,seed\nRUS,EST,2025-06-01,4\n")
    assert isinstance(said, str) and "s.csv row 1: seed: a seed or an honour model only matters with draws" in said
    table = _batch(tmp_path, "attacker,target,date,draws,likelihood\nRUS,EST,2025-06-01,10,true\n")
    assert isinstance(table, pd.DataFrame), table
    assert set(table.mc_draws) == {10} and table.lk_model.notna().all() and "rated" in set(table.role)


def test_draws_and_seed_options_serve_each_row_that_gives_none(tmp_path: Path) -> None:
    """`foedus batch --draws N --seed S` runs each row that gives no draws as a row of draws N and seed S would run;
    a row's own draws and seed come first; --seed with no draws anywhere, and draws out of bounds, are refused in
    one line before any work."""
    (tmp_path / "s.csv").write_text("attacker,target,date,draws,seed\nRUS,EST,2025-06-01,,\n"
                                    "RUS,EST,2025-06-01,300,11\nRUS,EST,2025-06-01,50,\n", encoding="utf-8")
    proc = cli_line(["batch", str(tmp_path / "s.csv"), "--out", str(tmp_path / "o.csv"), "--draws", "300",
                     "--seed", "11"])
    assert proc.returncode == 0, proc.stderr
    table = pd.read_csv(tmp_path / "o.csv")
    one, two = (table[table.scenario == n][["state", *_MC]].reset_index(drop=True) for n in (1, 2))
    pd.testing.assert_frame_equal(one, two)
    assert set(table[table.scenario == 3].mc_draws) == {50} and set(table[table.scenario == 3].mc_seed) == {11}
    (tmp_path / "p.csv").write_text("attacker,target,date\nRUS,EST,2025-06-01\n", encoding="utf-8")
    for extra, said in ((["--seed", "3"], "--seed only matters with draws"), (["--draws", "0"], "draws must be")):
        proc = cli_line(["batch", str(tmp_path / "p.csv"), "--out", str(tmp_path / "q.csv"), *extra])
        assert proc.returncode == 2 and said in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, \
            proc.stderr
        assert not (tmp_path / "q.csv").exists()


def test_draws_option_serves_a_row_that_gives_only_a_seed_or_an_honour_model(tmp_path: Path) -> None:
    """`foedus batch --draws N` gives its draws to a row that names a seed or an honour model but no draws, as it
    does to a row that gives none: the row runs with its own seed and model, not refused as one without draws."""
    (tmp_path / "s.jsonl").write_text('{"attacker": "RUS", "target": "EST", "date": "2025-06-01", "seed": 11}\n'
                                      '{"attacker": "RUS", "target": "EST", "date": "2025-06-01", '
                                      '"honour": "empirical"}\n', encoding="utf-8")
    proc = cli_line(["batch", str(tmp_path / "s.jsonl"), "--out", str(tmp_path / "o.csv"), "--draws", "40",
                     "--seed", "5"])
    assert proc.returncode == 0, proc.stderr
    table = pd.read_csv(tmp_path / "o.csv")
    one, two = (table[table.scenario == n] for n in (1, 2))
    assert set(one.mc_draws) == {40} and set(one.mc_seed) == {11} and set(one.mc_honour) == {"default"}
    assert set(two.mc_draws) == {40} and set(two.mc_seed) == {5} and set(two.mc_honour) == {"empirical"}


def test_the_mc_columns_are_written_only_where_the_batch_asks_for_draws(tmp_path: Path) -> None:
    """A batch in which no row asks for draws writes no mc_ column and no drawn row, in CSV (and its sidecar's
    columns), Parquet and Stata alike, the codebook's other columns in its order (they used to be written empty in
    every batch); one row's `draws`, or --draws for rows that give none, writes every mc_ column."""
    from foedus.batch.table import batch_columns

    plain = [c for c in BATCH_COLUMNS if not c.startswith(("mc_", "lk_"))]
    assert list(batch_columns(draws=False, likelihood=False)) == plain
    assert list(batch_columns(draws=True, likelihood=False)) == [c for c in BATCH_COLUMNS if not c.startswith("lk_")]
    assert list(batch_columns(draws=True, likelihood=True)) == list(BATCH_COLUMNS)
    text = "attacker,target,date,draws\nRUS,EST,2025-06-01,\nIRN,ISR,2025-06-01,\n"
    for out in ("o.csv", "o.parquet", "o.dta"):
        table = _batch(tmp_path, text, out)
        assert isinstance(table, pd.DataFrame), table
        assert list(table.columns) == plain and "drawn" not in set(table.role)
    side = json.loads((tmp_path / "o.csv-metadata.json").read_text(encoding="utf-8"))
    assert [c["name"] for c in side["tableSchema"]["columns"]] == plain
    with pd.io.stata.StataReader(tmp_path / "o.dta") as reader:
        assert list(reader.variable_labels()) == plain
    one = _batch(tmp_path, text.replace("IRN,ISR,2025-06-01,", "IRN,ISR,2025-06-01,20"))
    assert isinstance(one, pd.DataFrame), one
    assert [c for c in one.columns if c.startswith("mc_")] == _MC and one[one.scenario == 1][_MC].isna().all().all()
    (tmp_path / "s.csv").write_text(text, encoding="utf-8")
    proc = cli_line(["batch", str(tmp_path / "s.csv"), "--out", str(tmp_path / "w.csv"), "--draws", "20"])
    assert proc.returncode == 0, proc.stderr
    assert set(pd.read_csv(tmp_path / "w.csv").mc_draws) == {20}
