"""A war replay could be exported only from Python (`WarReplay.to_frame`): `foedus war WAR --out FILE` writes its
table as the research tables are written (atomic, `--force`, each column described, the notes in its metadata), and
docs/war.md's column table names the columns the code describes."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from foedus.cli.app import app
from foedus.cli.entry import run_cli
from foedus.research.codebook import DESCRIPTION_MAX
from foedus.war.columns import WAR_COLUMNS
from test_column_codebook import _doc_columns

WAR = "russia_ukraine_2022"


def test_war_out_writes_the_replays_table_described(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "w.parquet"
    assert run_cli(app, ["war", WAR, "--out", str(out)]) == 0, capsys.readouterr().err
    err = capsys.readouterr().err
    schema = pq.read_schema(out)
    assert {f.name: (f.metadata or {}).get(b"description", b"").decode() for f in schema} == dict(WAR_COLUMNS)
    frame = pq.read_table(out).to_pandas()
    prk = frame.set_index("state").loc["PRK"]
    assert (prk["bound_from"], prk["treaty"], prk["article"]) == ("2024-12-04", "rus_prk_2024", "4")
    meta = json.loads(schema.metadata[b"foedus"])
    assert meta["title"] == f"foedus war {WAR}" and meta["notes"]  # the war's notes travel with its table
    assert f"note: {meta['notes'][0]}" in err


@pytest.mark.needs_data
def test_war_out_cites_the_data_the_replay_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With ATOP and COW's state system loaded the replay reads both (ATOP's carried alliances, the members of each
    day), so its table names and cites them, as an atlas's does; it named none."""
    from foedus.datasets.report import cite

    out = tmp_path / "w.parquet"
    assert run_cli(app, ["war", WAR, "--out", str(out)]) == 0, capsys.readouterr().err
    meta = json.loads(pq.read_schema(out).metadata[b"foedus"])
    assert meta["datasets"] == ["atop", "cow_states"]
    assert meta["citations"] == {name: list(refs) for name, refs in cite(["atop", "cow_states"]).items()}
    assert all(meta["citations"].values()) and set(meta["dataset_versions"]) == {"atop", "cow_states"}


def test_war_out_refuses_a_taken_file_and_what_it_would_leave_unread(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "w.csv"
    out.write_text("mine\n", encoding="utf-8")
    assert run_cli(app, ["war", WAR, "--out", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "mine\n"  # never overwritten without --force
    assert run_cli(app, ["war", WAR, "--out", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith(",".join(WAR_COLUMNS))
    capsys.readouterr()
    for extra in (["--json"], ["--state", "PRK"], ["--no-timeline"]):
        assert run_cli(app, ["war", WAR, "--out", str(tmp_path / "x.csv"), *extra]) == 2, extra
        assert "has no effect" in capsys.readouterr().err
    assert run_cli(app, ["war", WAR, "--force"]) == 2
    pact = tmp_path / "pact.csv"  # a treaty file given as the output too: never replaced by the table
    pact.write_text("mine\n", encoding="utf-8")
    assert run_cli(app, ["war", WAR, "--treaties", str(pact), "--out", str(pact), "--force"]) == 2
    assert "would replace the treaty file" in capsys.readouterr().err and pact.read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "x.csv").exists()


def test_the_war_page_names_the_columns_the_code_describes() -> None:
    assert _doc_columns("The table (`foedus war --out`", "war.md") == set(WAR_COLUMNS)
    assert all(text.strip() and len(text) <= DESCRIPTION_MAX for text in WAR_COLUMNS.values())
