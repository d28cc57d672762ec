"""A what-if atlas's title (a Parquet file's `foedus` title, the sidecar's `dc:title`, a Stata file's data label) said
"foedus atlas 1990-06-01" as if it ran on the treaties as encoded, where only its `what_if` column and notes named
the changes; a comparison's title names them ("... with drop_treaty nato_1949"). Every atlas, one date, Monte Carlo
or a yearly series, is now titled by the comparison's rule (`foedus.cli.compare_out.titled`, through
`foedus.cli.sweep_run.atlas_title`), its Stata label by its label rule (`titled_label`: the changes kept before the
reading and switches). And `--draws 1000` titled its table "1000 draws" where every other count says "1,000"."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from samples import cli_line

CHANGES = ["add_member tiar_1947:CAN", "drop_treaty nato_1949", "drop_treaty anzus_1951"]


def _titles(out: Path) -> tuple[str, str]:
    """The sidecar's title and the Stata data label of the table written to `out` (.dta)."""
    title = json.loads(Path(f"{out}-metadata.json").read_text(encoding="utf-8"))["dc:title"]
    with pd.io.stata.StataReader(out) as read:
        return title, read.data_label


def _run(*args: str) -> None:
    ran = cli_line(["atlas", *args])
    assert ran.returncode == 0, ran.stderr


@pytest.mark.needs_data
def test_a_one_date_what_if_atlas_names_its_changes_in_its_title_and_label(tmp_path: Path) -> None:
    out = tmp_path / "w.dta"
    _run("--date", "1990-06-01", "--reading", "escalatory", "--add-member", "tiar_1947:CAN", "--drop-treaty",
         "nato_1949", "--drop-treaty", "anzus_1951", "--no-request", "--out", str(out))
    assert _titles(out) == (
        "foedus atlas 1990-06-01 with add_member tiar_1947:CAN, drop_treaty nato_1949 and drop_treaty anzus_1951; "
        "escalatory reading --no-request",
        "foedus atlas 1990-06-01 with add_member tiar_1947:CAN and 2 more …")  # the changes before the reading


@pytest.mark.needs_data
def test_a_what_if_series_and_a_monte_carlo_atlas_name_theirs(tmp_path: Path) -> None:
    series = tmp_path / "s.parquet"
    _run("--from", "2023", "--to", "2024", "--reading", "legal", "--drop-treaty", "rus_prk_2024", "--out", str(series))
    meta = json.loads(pq.read_schema(series).metadata[b"foedus"])
    assert meta["title"] == "foedus atlas 2023-2024 with drop_treaty rus_prk_2024"  # the notes say the years it skips
    draws = tmp_path / "d.dta"
    _run("--date", "1990-06-01", "--draws", "1", "--seed", "3", "--drop-treaty", "nato_1949", "--out", str(draws))
    assert _titles(draws) == ("foedus atlas 1990-06-01 with drop_treaty nato_1949, 1 draw",) * 2


@pytest.mark.needs_data
def test_a_thousand_draws_are_said_as_every_count_is(tmp_path: Path) -> None:
    out = tmp_path / "d.dta"
    _run("--date", "1816-06-01", "--draws", "1000", "--seed", "1", "--out", str(out))
    assert _titles(out) == ("foedus atlas 1816-06-01, 1,000 draws",) * 2


def test_the_label_keeps_the_changes_then_the_draws_reading_and_switches_that_fit() -> None:
    from foedus.cli.sweep_run import atlas_title

    title, label = atlas_title("foedus atlas 2025-06-01", CHANGES[1:2], "escalatory",
                               {"requested": False, "basis": "signed"}, 2000)
    assert title == ("foedus atlas 2025-06-01 with drop_treaty nato_1949, 2,000 draws; escalatory reading --no-request "
                     "--basis signed")
    assert label == "foedus atlas 2025-06-01 with drop_treaty nato_1949, 2,000 draws …"  # whole parts, then " …"
    assert atlas_title("foedus atlas 2025-06-01", CHANGES[1:], "escalatory", {}, 2000)[1] == (
        "foedus atlas 2025-06-01 with drop_treaty nato_1949 and drop_treaty anzus_1951 …")  # every change first
    assert atlas_title("foedus atlas 2025-06-01", CHANGES[1:2], "legal", {}, 10) == (
        "foedus atlas 2025-06-01 with drop_treaty nato_1949, 10 draws", None)  # fits: stata_label keeps it whole
    assert atlas_title("foedus atlas 1990-2000", [], None, {"basis": "signed"}) == (
        "foedus atlas 1990-2000 --basis signed", None)  # the treaties as encoded: as before
