"""An atlas table's title (the sidecar's `dc:title`, a Parquet file's `title`, a Stata file's data label) marks a day
after the treaty set's review day (`foedus.review_words.past_review`) as cascade's, compare's and war's text headers
do: `foedus atlas --date 2026-03-01`'s file was titled as one of a reviewed day. A Stata data label holds 80
characters: a longer title says the mark in short words, "(past review)", so that the switches and reading after it
fit (the long mark cut `--basis signed`, and a comparison's "escalatory reading"), and is then cut at a word, ending
" …" (`foedus.outputs.stata.stata_label`), and the file stays one Stata reads."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from foedus.outputs.stata import STATA_LABEL_MAX, stata_label
from foedus.review_words import past_review, past_review_pair
from samples import cli_line


def _title(out: Path) -> str:
    return str(json.loads(Path(f"{out}-metadata.json").read_text(encoding="utf-8"))["dc:title"])


def test_a_long_title_is_cut_at_a_word_and_says_so() -> None:
    assert stata_label("foedus atlas 2025-06-01") == "foedus atlas 2025-06-01"  # short enough: as it is
    assert stata_label("a" * STATA_LABEL_MAX) == "a" * STATA_LABEL_MAX
    words = "word " * 30
    cut = stata_label(words)
    assert len(cut) <= STATA_LABEL_MAX and cut.endswith("word …") and words.startswith(cut[:-2])
    marked = f"foedus atlas 2026-03-01{past_review('2026-03-01')} --basis signed"  # the mark in short words:
    assert stata_label(marked) == "foedus atlas 2026-03-01 (past review) --basis signed"  # the switch kept
    pair = f"foedus compare 2026-03-01 vs 2026-06-01{past_review_pair('2026-03-01', '2026-06-01')}; escalatory reading"
    assert stata_label(pair) == "foedus compare 2026-03-01 vs 2026-06-01 (both past review); escalatory reading"
    long_marked = f"{marked} --no-request --decisions not-taken --territory-view every-claimant"
    assert stata_label(long_marked) == "foedus atlas 2026-03-01 (past review) --basis signed --no-request --decisions …"
    blob = "x" * 100  # no space to cut at: cut within, still marked as cut
    assert stata_label(blob) == "x" * (STATA_LABEL_MAX - 2) + " …"


@pytest.mark.needs_data
def test_a_dated_atlas_after_the_review_day_is_titled_so_in_a_valid_stata_file(tmp_path: Path) -> None:
    out = tmp_path / "late.dta"
    code, _, err = cli_line(["atlas", "--date", "2026-03-01", "--basis", "signed", "--out", str(out)])
    assert code == 0, err
    title = _title(out)
    assert title == f"foedus atlas 2026-03-01{past_review('2026-03-01')} --basis signed"  # the mark before switches
    with pd.io.stata.StataReader(out) as reader:  # a file Stata's format reads: the label within its limit
        assert reader.data_label == stata_label(title) and len(reader.data_label) <= STATA_LABEL_MAX
        frame = reader.read()
    assert len(frame) > 1000 and {"ccode1", "ccode2"} <= set(frame.columns)


@pytest.mark.needs_data
def test_a_yearly_atlas_reaching_past_the_review_day_is_titled_so(tmp_path: Path) -> None:
    out = tmp_path / "years.csv"
    code, _, err = cli_line(["atlas", "--from", "2025", "--to", "2026", "--out", str(out)])
    assert code == 0, err
    assert _title(out) == f"foedus atlas 2025-2026{past_review('2026-07-01')}"  # 1 July 2026, the series' last day
