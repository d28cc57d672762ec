"""`foedus depth` cited ATOP alone, though its `milinst` is Leeds & Anac's (2005) measure and its depth and scope
follow Benson & Clinton (2016) (docs/depth.md): a researcher copying its `cite:` lines left out the measures' authors.
It now cites them after its data, on stderr and in the table's metadata (`citations["methods"]`), as a Stata file's
notes have every citation."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from foedus.cli.writing import table_meta
from foedus.datasets import cite
from foedus.research.measures import DEPTH_MEASURES
from samples import cli_line


def test_the_measures_are_cited_after_the_data_in_the_metadata() -> None:
    meta = table_meta("t", ["atop"], methods=DEPTH_MEASURES)
    assert meta["citations"] == {"atop": list(cite(["atop"])["atop"]), "methods": list(DEPTH_MEASURES)}
    assert "methods" not in table_meta("t", ["atop"])["citations"]


@pytest.mark.needs_data
def test_the_depth_table_cites_benson_clinton_and_leeds_anac(tmp_path: Path) -> None:
    out = tmp_path / "depth.parquet"
    proc = cli_line(["depth", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    cites = [line for line in proc.stderr.splitlines() if line.startswith("cite: ")]
    assert cites == [*(f"cite: {text}" for text in cite(["atop"])["atop"]),
                     'cite: Leeds, Brett Ashley, and Sezi Anac. 2005. "Alliance Institutionalization and Alliance '
                     'Performance." International Interactions 31(3): 183–202.',
                     'cite: Benson, Brett V., and Joshua D. Clinton. 2016. "Assessing the Variation of Formal Military '
                     'Alliances." Journal of Conflict Resolution 60(5): 866–898.']
    assert json.loads(pq.read_schema(out).metadata[b"foedus"])["citations"]["methods"] == list(DEPTH_MEASURES)
