"""A `foedus batch` row with draws carries every quantity `foedus cascade --draws --json` reports from its one Monte
Carlo: each share of a state on a side has a row (a state the draws put on a side where the legal answer gives it
none, a conflict's state, a row of role `drawn`), and every row of the scenario the share of draws with major powers
on opposite sides (or why it is not known) and each side's expected CINC."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from foedus.batch.table import BATCH_COLUMNS, DRAWN_ROLES
from samples import cli_line

_ESCALATORY = ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--reading", "escalatory", "--draws", "300",
               "--seed", "1", "--json"]


def _said(args: list[str]) -> dict:
    proc = cli_line(args)
    assert proc.returncode == 0, proc.stderr
    out: dict = json.loads(proc.stdout)
    return out


def _batch(tmp_path: Path, text: str) -> pd.DataFrame:
    (tmp_path / "s.csv").write_text(text, encoding="utf-8")
    proc = cli_line(["batch", str(tmp_path / "s.csv"), "--out", str(tmp_path / "o.csv")])
    assert proc.returncode == 0, proc.stderr
    return pd.read_csv(tmp_path / "o.csv")


def test_every_share_the_cascade_draws_has_its_row(tmp_path: Path) -> None:
    """Under the escalatory reading Belarus and Uzbekistan are bound both ways (a conflict, no side); a draw that
    drops one of their clashing duties sends them to the attack side: each such share has a `drawn` row, with its
    interval and no treaty, after the findings, so that the rows' shares are exactly the cascade's shares above 0."""
    table = _batch(tmp_path, "attacker,target,date,reading,draws,seed\nRUS,EST,2025-06-01,escalatory,300,1\n")
    said = _said(_ESCALATORY)
    placed = table[table.role.isin(DRAWN_ROLES) & (table.mc_p_side > 0)]
    assert not placed.duplicated(["state", "side"]).any()
    assert {(r.state, r.side): r.mc_p_side for r in placed.itertuples()} == {
        (state, side): p for state, sides in said["probabilities"].items() for side, p in sides.items() if p > 0}
    drawn = table[table.role == "drawn"]
    assert {(r.state, r.side) for r in drawn.itertuples()} == {("BLR", "attack"), ("UZB", "attack")}
    assert set(table[table.role == "conflict"].state) >= {"BLR", "UZB"}
    ci = said["probability_intervals"]
    assert {(r.state, r.mc_p_side_low, r.mc_p_side_high) for r in drawn.itertuples()} == {
        (r.state, *ci[r.state][r.side]) for r in drawn.itertuples()}
    assert list(drawn.name) == ["Belarus", "Uzbekistan"] and list(drawn.ccode) == [370, 704]
    assert drawn[["round", "treaty", "article", "strength", "kind", "certainty"]].isna().all().all()
    assert list(table.role)[-len(drawn):] == ["drawn"] * len(drawn)  # after the scenario's findings


def test_major_powers_and_expected_cinc_are_the_cascades(tmp_path: Path) -> None:
    """Every row of a scenario with draws carries p_major_powers_opposite and the expected CINC of
    `foedus cascade --draws --json` (its mean, 5th and 95th percentiles and mean share per side, and the values' note);
    a day before COW's major-power list says why the share is not known, with no CINC; a row without draws none."""
    table = _batch(tmp_path, "attacker,target,date,reading,draws,seed\nRUS,EST,2025-06-01,escalatory,300,1\n"
                             "FRA,GBR,1815-07-01,,50,2\nISL,NOR,1950-06-01,,,\n")
    said = _said(_ESCALATORY)
    power = said["expected_power"]
    one = table[table.scenario == 1]
    expected = {"mc_p_major_powers_opposite": said["p_major_powers_opposite"], "mc_cinc_note": power["note"],
                **{f"mc_cinc_{side}_{key}": power[side][f"cinc_{key}" if key != "share" else "share_mean"]
                   for side in ("attack", "defense") for key in ("mean", "p5", "p95", "share")}}
    assert 0 < said["p_major_powers_opposite"] < 1
    assert {c: set(one[c]) for c in expected} == {c: {v} for c, v in expected.items()}
    assert one.mc_p_major_powers_unknown.isna().all()
    early = table[table.scenario == 2]
    alone = _said(["cascade", "-a", "FRA", "-t", "GBR", "-d", "1815-07-01", "--draws", "50", "--seed", "2", "--json"])
    assert alone["p_major_powers_opposite"] is None and alone["expected_power"] is None
    assert set(early.mc_p_major_powers_unknown) == {alone["p_major_powers_unknown"]}
    assert early[[*expected]].isna().all().all()
    assert table[table.scenario == 3][[c for c in BATCH_COLUMNS if c.startswith("mc_")]].isna().all().all()
