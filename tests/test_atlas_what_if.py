"""`foedus atlas` took no what-if options (`--add-member`, `--drop-treaty`, `--overlay`, ...), which `foedus cascade`
and `foedus compare` take, so a what-if atlas could not be exported per dyad. It takes them now, through the one
what-if path the other commands use (`foedus.cli.helpers.what_if`, `Overlay.apply` on the atlas's date), and its
table says it is a what-if atlas in every format, a Dask run's partitions included: the changes on every row (a last
`what_if` column, as `foedus cascade --format csv` names them) and the cascade's what-if note among its notes."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import foedus
from foedus.whatif_words import what_if_world
from samples import cli_line, error_line, inline_client

pytestmark = pytest.mark.needs_data

DAY = "1990-06-01"
DROP = ["--drop-treaty", "nato_1949"]
NOTE = what_if_world(["drop_treaty nato_1949"])


def _atlas(tmp_path: Path, name: str, *args: str) -> pd.DataFrame:
    out = tmp_path / name
    ran = cli_line(["atlas", "--date", DAY, "--reading", "legal", *args, "--out", str(out)])
    assert ran.returncode == 0, ran.stderr
    if out.suffix == ".parquet":
        return pd.read_parquet(out)
    return pd.read_csv(out) if out.suffix == ".csv" else pd.read_stata(out)


def test_a_what_if_atlas_runs_in_the_what_if_world_and_says_so_on_every_row(tmp_path: Path) -> None:
    changed = _atlas(tmp_path, "w.csv", *DROP)
    plain = _atlas(tmp_path, "p.csv")
    assert "what_if" not in plain.columns  # the treaties as encoded: no such column
    assert list(changed.columns) == [*plain.columns, "what_if"]
    assert set(changed["what_if"]) == {"drop_treaty nato_1949"}
    for attacker, target in [("RUS", "USA"), ("USA", "RUS"), ("RUS", "FRA")]:
        row = changed[(changed.attacker == attacker) & (changed.target == target)].iloc[0]
        alone = foedus.cascade(attacker, target, DAY, drop_treaty=["nato_1949"])
        assert row["war_size_legal"] == len(alone.sides["attack"]) + len(alone.sides["defense"]), (attacker, target)
    assert (changed.drop(columns="what_if") != plain).any(axis=None)  # the change moved some dyad's war
    side = json.loads((tmp_path / "w.csv-metadata.json").read_text(encoding="utf-8"))
    assert NOTE in json.dumps(side)


@pytest.mark.parametrize("suffix", [".parquet", ".dta"])
def test_every_format_carries_the_what_if(tmp_path: Path, suffix: str) -> None:
    frame = _atlas(tmp_path, f"w{suffix}", *DROP)
    assert set(frame["what_if"]) == {"drop_treaty nato_1949"}
    if suffix == ".parquet":
        assert NOTE in json.loads(pq.read_schema(tmp_path / "w.parquet").metadata[b"foedus"])["notes"]


@pytest.mark.slow
def test_a_monte_carlo_what_if_atlas_in_process_and_on_dask_alike(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import foedus.sweeps.dask_sweeps as dask_sweeps

    draws = ["--draws", "20", "--seed", "1", *DROP]
    here = _atlas(tmp_path, "d.parquet", *draws)
    assert set(here["what_if"]) == {"drop_treaty nato_1949"}
    assert not here.drop(columns="what_if").equals(_atlas(tmp_path, "p.parquet", "--draws", "20", "--seed", "1"))
    monkeypatch.setattr(dask_sweeps, "client", inline_client)
    out = tmp_path / "parts"
    ran = cli_line(["atlas", "--date", DAY, *draws, "--scheduler", "local", "--out", str(out)])
    assert ran.returncode == 0, ran.stderr
    parts = pd.read_parquet(out)
    parts["attacker"] = parts["attacker"].astype(str)
    keys = ["attacker", "target"]
    ordered = parts.sort_values(keys).reset_index(drop=True)[list(here.columns)]
    assert ordered.equals(here.sort_values(keys).reset_index(drop=True))  # the workers ran the what-if world
    for part in sorted(out.glob("*=*/*.parquet")):
        assert NOTE in json.loads(pq.read_schema(part).metadata[b"foedus"])["notes"]


def test_an_overlay_as_the_output_is_refused(tmp_path: Path) -> None:
    """(A what-if series was refused too, until 2026-12-06: tests/test_atlas_series_what_if.py.)"""
    overlay = tmp_path / "o.csv"  # a YAML file, whatever its name
    overlay.write_text("changes:\n- {op: drop_treaty, treaty: nato_1949}\n", encoding="utf-8")
    said = error_line(["atlas", "--date", DAY, "--overlay", str(overlay), "--out", str(overlay), "--force"])
    assert said.startswith(f"--overlay {overlay} is the --out file too")
    assert overlay.read_text(encoding="utf-8").startswith("changes:")


def test_an_honour_file_may_name_a_treaty_the_what_if_drops(tmp_path: Path) -> None:
    """As `foedus cascade --draws --honour` takes it (an id a what-if change dropped is still a treaty): the Monte
    Carlo atlas refused it as unknown."""
    honour = tmp_path / "h.yaml"
    honour.write_text("treaty: {nato_1949: 0.5}\n", encoding="utf-8")
    ran = cli_line(["atlas", "--date", "1816-07-01", "--draws", "3", "--seed", "1", *DROP, "--honour", str(honour),
                    "--out", str(tmp_path / "a.csv")])
    assert ran.returncode == 0, ran.stderr
    misspelt = tmp_path / "m.yaml"
    misspelt.write_text("treaty: {nato_1494: 0.5}\n", encoding="utf-8")  # still refused
    said = error_line(["atlas", "--date", "1816-07-01", "--draws", "3", "--seed", "1", *DROP, "--honour",
                       str(misspelt), "--out", str(tmp_path / "b.csv")])
    assert said.startswith(f"{misspelt}: treaty: unknown treaty id(s) nato_1494")
