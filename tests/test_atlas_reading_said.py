"""`foedus atlas --date D --draws N --reading escalatory` (the Monte Carlo atlas) titled its table "foedus atlas D, N
draws" and the plain atlas of one reading "foedus atlas D", so a table of the escalatory reading read, in its sidecar's
title and its Stata data label, as one of the legal reading, the default; `foedus compare` says "escalatory reading"
after its days. Each atlas now says it by one rule (`foedus.cli.compare_out.reading_said`), before the switches, so a
Stata label cut at 80 characters keeps it; the legal reading, the default, stays unsaid, as do both readings."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from foedus.cli.compare_out import reading_said
from samples import cli_line


def _titles(out: Path) -> tuple[str, str]:
    """The sidecar's title and the Stata data label of the atlas written to `out` (.dta)."""
    title = json.loads(Path(f"{out}-metadata.json").read_text(encoding="utf-8"))["dc:title"]
    with pd.io.stata.StataReader(out) as read:
        return title, read.data_label


@pytest.mark.needs_data
def test_the_monte_carlo_atlas_says_its_escalatory_reading_before_its_switches(tmp_path: Path) -> None:
    out = tmp_path / "draws.dta"
    code, _, err = cli_line(["atlas", "--date", "2025-06-01", "--draws", "1", "--seed", "3", "--reading", "escalatory",
                             "--basis", "signed", "--out", str(out)])
    assert code == 0, err
    said = "foedus atlas 2025-06-01, 1 draw; escalatory reading --basis signed"
    assert _titles(out) == (said, said)


@pytest.mark.needs_data
def test_the_plain_atlas_of_the_escalatory_reading_says_it(tmp_path: Path) -> None:
    out = tmp_path / "plain.dta"
    code, _, err = cli_line(["atlas", "--date", "2025-06-01", "--reading", "escalatory", "--out", str(out)])
    assert code == 0, err
    assert _titles(out) == ("foedus atlas 2025-06-01; escalatory reading",) * 2


def test_the_default_reading_and_both_readings_stay_unsaid() -> None:
    assert (reading_said("escalatory"), reading_said("legal"), reading_said(None)) == (["escalatory reading"], [], [])

