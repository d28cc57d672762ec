"""`foedus compare --out` and `foedus dyads` tables' titles (the sidecar's `dc:title`, a Parquet file's `title`, a
Stata file's data label) mark a day after the treaty set's review day as the atlas's does
(`foedus.review_words.past_review`; a comparison's once for its two days: `past_review_pair`), and the note the mark
points to is among the table's notes: both were titled as tables of a reviewed day, and a comparison's table held no
such note."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from foedus.engine.outcome import DATA_END_NOTE
from foedus.review_words import past_review, past_review_pair
from samples import cli_line


def _meta(out: Path) -> dict[str, Any]:
    return dict(json.loads(Path(f"{out}-metadata.json").read_text(encoding="utf-8")))


def test_a_pair_of_days_is_marked_once_for_the_pair() -> None:
    """A mark after each day filled a comparison's title, and Stata's 80-character label cut the second day."""
    after = past_review("2026-03-01").removeprefix(" (")
    assert past_review_pair("2026-03-01", "2026-06-01") == past_review_pair("2026-03-01", "2026-03-01") == (
        f" (both {after}")  # one day twice: compare_head marks a what-if of one day with past_review instead
    assert past_review_pair("2025-06-01", "2026-03-01") == past_review_pair("2026-03-01", "2025-06-01") == (
        f" (one {after}")
    assert past_review_pair("2025-06-01", "2025-12-31") == ""


@pytest.mark.needs_data
def test_a_comparison_table_after_the_review_day_is_titled_so(tmp_path: Path) -> None:
    out = tmp_path / "c.parquet"
    code, _, err = cli_line(["compare", "-a", "RUS", "-t", "POL", "-d", "2025-06-01", "--date2", "2026-03-01",
                             "--out", str(out)])
    assert code == 0, err
    title = "foedus compare 2025-06-01 vs 2026-03-01" + past_review_pair("2025-06-01", "2026-03-01")
    import pyarrow.parquet as pq

    meta = json.loads(pq.read_schema(out).metadata[b"foedus"])
    assert meta["title"] == title
    assert DATA_END_NOTE in meta["notes"]  # the note the mark points to


@pytest.mark.needs_data
def test_a_stata_label_of_two_days_after_the_review_day_keeps_both_days(tmp_path: Path) -> None:
    """`--date 2026-03-01 --date2 2026-06-01 --out F.dta` was labelled "foedus compare 2026-03-01 (after the treaty
    set's review day, 2025-12-31: see the note) vs …", its second day cut; the first line says the pair alike."""
    out, line = tmp_path / "c.dta", ["compare", "-a", "RUS", "-t", "POL", "-d", "2026-03-01", "--date2", "2026-06-01"]
    code, _, err = cli_line([*line, "--out", str(out)])
    assert code == 0, err
    title = "foedus compare 2026-03-01 vs 2026-06-01" + past_review_pair("2026-03-01", "2026-06-01")
    assert _meta(out)["dc:title"] == title
    with pd.io.stata.StataReader(out) as reader:
        assert reader.data_label == "foedus compare 2026-03-01 vs 2026-06-01 (both past review)"  # whole
    code, text, err = cli_line(line)
    assert code == 0, err
    assert text.splitlines()[0] == title.replace("foedus compare 2026-03-01 vs ", "base: 2026-03-01; other: ")


@pytest.mark.needs_data
def test_dyad_years_after_the_review_day_are_titled_so_where_they_read_the_treaties(tmp_path: Path) -> None:
    out = tmp_path / "d.dta"
    code, _, err = cli_line(["dyads", "--from", "2025", "--to", "2026", "--out", str(out)])
    assert code == 0, err
    assert _meta(out)["dc:title"] == f"foedus dyad-years 2025-2026{past_review('2026-07-01')}"
    with pd.io.stata.StataReader(out) as reader:
        assert reader.data_label == "foedus dyad-years 2025-2026 (past review)"
    flags = tmp_path / "f.csv"  # ATOP's flags alone read no treaty of the set: no mark, and no note
    code, _, err = cli_line(["dyads", "--from", "2025", "--to", "2026", "--no-covariates", "--out", str(flags)])
    assert code == 0, err
    assert _meta(flags)["dc:title"] == "foedus dyad-years 2025-2026"
    assert DATA_END_NOTE not in _meta(flags)["foedus"]["notes"]
