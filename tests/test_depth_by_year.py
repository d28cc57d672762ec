"""`foedus depth --year Y`: the alliances and treaties in force in Y, a curated treaty scored on the forms of help that
held in Y (`treaty_codes(year=...)`, as `foedus dyads --depth` reads each year), an ATOP alliance on its alliance-level
codes, which ATOP gives by no year: a note says so. Until 2026-12-06 the table had no year: the Manila Pact's
organisation, dissolved in 1977, counted in every year of its depth."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from foedus.model.world import World
from foedus.research.depth import treaty_depth
from samples import cli_line, error_line


@pytest.mark.needs_data
def test_depth_by_year_reads_the_forms_held_that_year(tmp_path: Path, world: World) -> None:
    from foedus.research.depth import by_year_note  # here: the test fails on what it checks, not an import

    out = tmp_path / "d1978.csv"
    proc = cli_line(["depth", "--year", "1978", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    frame = pd.read_csv(out).set_index("treaty")
    late = treaty_depth(world.treaty("manila_1954"), year=1978)["depth"]["mean"]
    assert frame.loc["manila_1954", "depth"] == pytest.approx(late)
    assert late < treaty_depth(world.treaty("manila_1954"))["depth"]["mean"]  # the year's, not the treaty's life's
    assert "nato_1949" in frame.index and "rus_prk_2024" not in frame.index  # only what was in force in 1978
    atop = frame[frame.origin == "atop"]
    assert len(atop) and (atop.begyr <= 1978).all() and (atop.endyr.isna() | (atop.endyr >= 1978)).all()
    meta = json.loads((tmp_path / "d1978.csv-metadata.json").read_text(encoding="utf-8"))["foedus"]
    assert meta["title"].endswith(" in 1978") and by_year_note(1978) in meta["notes"]
    assert "ATOP 5.1 gives no codes by year" in proc.stderr


@pytest.mark.parametrize(("year", "said"), [
    ("1700", "--year 1700 is outside 1815–2100 (ATOP's alliances begin in 1815)"),
    ("3000", "--year 3000 is outside 1815–2100 (foedus reads no day after 2100)"),
])
def test_depth_refuses_a_year_it_cannot_read_in_one_line(tmp_path: Path, year: str, said: str) -> None:
    """Before any work: no table, no fit."""
    out = tmp_path / "d.csv"
    assert error_line(["depth", "--year", year, "--out", str(out)]) == said
    assert not out.exists()
