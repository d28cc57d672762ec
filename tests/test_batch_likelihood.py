"""A `foedus batch` row asking for the likelihood (a `likelihood` column, or `--likelihood` for each row that gives
none) carries the chances `foedus cascade --likelihood --json` gives, read from its one likelihood summary: each
state row's P(join), P(attack), P(defense) per horizon with the model's interval, the model's version and standing
against the base rate, its warnings and the `others` summary; a state it lists that has no row gets one of role
`rated`. Such a row was refused ("its chances include states the treaties do not bind, which have no row here")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from foedus.batch.table import BATCH_COLUMNS
from samples import cli_line, error_line

_LK = [c for c in BATCH_COLUMNS if c.startswith("lk_")]
_SIDES = ("join", "attack", "defense")


def _batch(tmp_path: Path, text: str, *more: str, out: str = "o.csv") -> pd.DataFrame:
    (tmp_path / "s.csv").write_text(text, encoding="utf-8")
    proc = cli_line(["batch", str(tmp_path / "s.csv"), "--out", str(tmp_path / out), "--force", *more])
    assert proc.returncode == 0, proc.stderr
    return pd.read_stata(tmp_path / out) if out.endswith(".dta") else pd.read_csv(tmp_path / out)


def _said(*args: str) -> dict:
    proc = cli_line(["cascade", *args, "--likelihood", "--json"])
    assert proc.returncode == 0, proc.stderr
    out: dict = json.loads(proc.stdout)["likelihood"]
    return out


def test_every_state_the_likelihood_lists_has_its_chances(tmp_path: Path) -> None:
    """Each state `foedus cascade --likelihood --json` lists has a row, with its chances and intervals on every row
    of it; a listed state the cascade binds to nothing has one row of role `rated` (no side, no treaty), in the
    likelihood's order, after the findings; the attacker and target (not candidates) only the scenario's columns;
    the model's version, standing, warnings and others on every row; a row without the likelihood none."""
    table = _batch(tmp_path, "attacker,target,date,likelihood\nRUS,EST,2025-06-01,true\nISL,NOR,1950-06-01,\n")
    lk = _said("-a", "RUS", "-t", "EST", "-d", "2025-06-01")
    one = table[table.scenario == 1]
    chances = {s["state"]: {f"lk_{side}_{c['horizon']}{end}": c[f"{side}{end}"] for c in s["chances"]
                            for side in _SIDES for end in ("", "_low", "_high")} for s in lk["states"]}
    rated = one[one.lk_join_ever.notna()]
    assert set(rated.state) == set(chances) and len(chances) > 50
    assert all(r[c] == chances[r["state"]][c] for _, r in rated.iterrows() for c in chances[r["state"]])
    assert set(one[one.role == "rated"].state) == set(chances) - set(one[one.role != "rated"].state)
    only = one[one.role == "rated"]
    assert list(only.state) == [s["state"] for s in lk["states"] if s["state"] in set(only.state)]
    assert list(one.role)[-len(only):] == ["rated"] * len(only) and len(only) > 20
    assert only[["side", "treaty", "article", "round"]].isna().all().all()
    assert {(r.state, r.name) for r in only.itertuples()} == {
        (s["state"], s["name"]) for s in lk["states"] if s["state"] in set(only.state)}
    assert one[one.role.isin(["attacker", "target"])][list(chances["FRA"])].isna().all().all()
    standing = {"lk_model": lk["model"]["version"], "lk_beats_base_rate": lk["beats_base_rate"],
                "lk_warnings": " | ".join([*lk["warnings"], *lk["notes"]]), "lk_others": lk["others"]["count"],
                **{f"lk_others_max_join_{h}": p for h, p in lk["others"]["max_join"].items()}}
    assert {c: set(one[c]) for c in standing} == {c: {v} for c, v in standing.items()}
    assert set(one.lk_standing) == {"beats"}
    assert table[table.scenario == 2][_LK].isna().all().all()


def test_likelihood_for_every_row_that_gives_none(tmp_path: Path) -> None:
    """`--likelihood` asks it of each row that gives none; a row's own `false` comes first; the Stata table carries
    each lk_ column's meaning as its label."""
    table = _batch(tmp_path, "attacker,target,date,likelihood\nCHN,TWN,2025-06-01,\nRUS,POL,2025-06-01,false\n",
                   "--likelihood", out="o.dta")
    assert table[table.scenario == 1].lk_model.str.len().gt(0).all() and "rated" in set(table.role)
    assert (table[table.scenario == 2].lk_model == "").all()  # Stata writes an empty string for a missing text
    labels = pd.io.stata.StataReader(tmp_path / "o.dta").variable_labels()
    assert {c: labels[c] for c in _LK} == {c: BATCH_COLUMNS[c] for c in _LK}


def test_a_likelihood_model_file_is_read_once_and_refused_where_unread(tmp_path: Path) -> None:
    """`--likely-model FILE` is every likelihood row's model (the shipped file given by its path: the same version);
    refused in one line where no row reads it, as `foedus cascade` refuses it, and a file that cannot be used so."""
    from foedus.likely.model import DEFAULT_MODEL

    shipped = Path(__file__).resolve().parents[1] / "src" / "foedus" / "data" / DEFAULT_MODEL
    table = _batch(tmp_path, "attacker,target,date\nRUS,EST,2025-06-01\n", "--likelihood", "--likely-model",
                   str(shipped))
    assert set(table.lk_model) == {_said("-a", "RUS", "-t", "EST", "-d", "2025-06-01")["model"]["version"]}
    line = error_line(["batch", str(tmp_path / "s.csv"), "--out", str(tmp_path / "p.csv"), "--likely-model",
                       str(shipped)])
    assert "--likely-model has no effect where no row asks for the likelihood" in line
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    line = error_line(["batch", str(tmp_path / "s.csv"), "--out", str(tmp_path / "p.csv"), "--likelihood",
                       "--likely-model", str(tmp_path / "bad.json")])
    assert "bad.json" in line and not (tmp_path / "p.csv").exists()


def test_without_the_research_data_the_batch_is_refused_naming_what_to_fetch(tmp_path: Path) -> None:
    """The likelihood reads the research data: without them the batch is refused in one line naming the dataset to
    fetch, as `foedus cascade --likelihood` is, even with --skip-bad (the data folder's problem, not a row's);
    nothing written. A process of its own: a fresh data folder, not this process's loaded data."""
    (tmp_path / "s.csv").write_text("attacker,target,date,likelihood\nRUS,EST,2025-06-01,true\n", encoding="utf-8")
    env = {**os.environ, "FOEDUS_DATA_DIR": str(tmp_path / "empty")}
    proc = subprocess.run([sys.executable, "-m", "foedus", "batch", str(tmp_path / "s.csv"), "--out",
                           str(tmp_path / "o.csv"), "--skip-bad", str(tmp_path / "bad.csv")],
                          capture_output=True, text=True, env=env, check=False)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1, proc.stderr
    assert "s.csv row 1 asks for the likelihood:" in lines[0] and "run `foedus data fetch cow_" in lines[0]
    assert not (tmp_path / "o.csv").exists() and not (tmp_path / "bad.csv").exists()


def test_the_lk_columns_are_written_only_where_the_batch_asks_for_the_likelihood(tmp_path: Path) -> None:
    """A batch in which no row asks for the likelihood writes no lk_ column and no rated row, in CSV (and its
    sidecar's columns), Parquet and Stata alike, the codebook's other columns in its order; one row's `likelihood`
    true, or --likelihood (even where each row says false), writes every lk_ column (they used to be written empty in
    every batch)."""
    from foedus.batch.table import batch_columns

    plain = [c for c in BATCH_COLUMNS if not c.startswith(("lk_", "mc_"))]  # nor mc_: no row asks for draws
    assert list(batch_columns(draws=False, likelihood=False)) == plain
    lk = list(batch_columns(draws=False, likelihood=True))
    assert lk == [c for c in BATCH_COLUMNS if not c.startswith("mc_")]
    text = "attacker,target,date,likelihood\nRUS,EST,2025-06-01,false\nCHN,TWN,2025-06-01,\n"
    (tmp_path / "s.csv").write_text(text, encoding="utf-8")
    for out, read in (("o.csv", pd.read_csv), ("o.parquet", pd.read_parquet), ("o.dta", pd.read_stata)):
        proc = cli_line(["batch", str(tmp_path / "s.csv"), "--out", str(tmp_path / out)])
        assert proc.returncode == 0, proc.stderr
        table = read(tmp_path / out)
        assert list(table.columns) == plain and "rated" not in set(table.role)
    side = json.loads((tmp_path / "o.csv-metadata.json").read_text(encoding="utf-8"))
    assert [c["name"] for c in side["tableSchema"]["columns"]] == plain
    labels = pd.io.stata.StataReader(tmp_path / "o.dta").variable_labels()
    assert list(labels) == plain
    asked = _batch(tmp_path, text.replace("CHN,TWN,2025-06-01,", "CHN,TWN,2025-06-01,true"))
    assert list(asked.columns) == lk and asked[asked.scenario == 1][_LK].isna().all().all()
    everyone_false = _batch(tmp_path, "attacker,target,date,likelihood\nRUS,EST,2025-06-01,false\n", "--likelihood")
    assert list(everyone_false.columns) == lk and everyone_false[_LK].isna().all().all()


def test_each_rated_row_says_the_side_it_would_join_as_the_cascade_does(tmp_path: Path) -> None:
    """A rated state's row carries the side it would join if it joins, as `foedus cascade --likelihood` says it:
    P(attackers' side, if it joins) with its interval (the JSON's `attack_share`) and `lk_side`, `uncertain` where
    that interval spans 50% (the USA in Ukraine's attack on Russia at Kursk), where the batch had only the joint
    chances and no word of the side's uncertainty."""
    table = _batch(tmp_path, "attacker,target,date,place\nUKR,RUS,2025-01-15,kursk-oblast\n", "--likelihood")
    lk = _said("-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast")
    shares = {s["state"]: (s["attack_share"], s["attack_share_low"], s["attack_share_high"]) for s in lk["states"]}
    rated = table[table.lk_join_ever.notna()]
    cols = ["lk_attack_share", "lk_attack_share_low", "lk_attack_share_high"]
    assert all(tuple(r[c] for c in cols) == shares[r["state"]] for _, r in rated.iterrows())
    side = {s: "uncertain" if lo < 0.5 < hi else "attack" if q > 0.5 else "defense"
            for s, (q, lo, hi) in shares.items()}
    assert all(r["lk_side"] == side[r["state"]] for _, r in rated.iterrows())
    assert {"uncertain", "defense"} <= set(rated.lk_side)
    assert table[table.lk_join_ever.isna()][[*cols, "lk_side"]].isna().all().all()
