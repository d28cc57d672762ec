"""A research table did not say what its columns mean: which way `atop_defense` runs, what `s_unweighted` is, was in
docs/research.md only. Each column's description is now defined once (`foedus.research.codebook`) and written into
the table: a Parquet field's metadata (`description`), a Stata variable's label, the sidecar's `dc:description`;
and docs/research.md's column tables name the same columns as the code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from foedus.backtest.codebook import BACKTEST_CODEBOOKS
from foedus.cli.app import app
from foedus.cli.entry import run_cli
from foedus.engine.scenario import READINGS
from foedus.outputs.batches import column_batches
from foedus.outputs.tables import write_columns, write_table
from foedus.research.codebook import (
    ATLAS_COLUMNS,
    DEPTH_COLUMNS,
    DESCRIPTION_MAX,
    DYAD_COLUMNS,
    SIMILARITY_COLUMNS,
)
from foedus.sweeps.compare_table import COMPARE_COLUMNS
from samples import inline_client

ROOT = Path(__file__).resolve().parents[1]
SAID = {"ccode1": "state one", "P(allied)": "whether allied"}

# every column each command can write: all options that add columns, in both state systems
RUNS = [
    (["dyads", "--from", "2016", "--to", "2016", "--depth", "--add", "all"], DYAD_COLUMNS),
    (["dyads", "--from", "1990", "--to", "1990", "--undirected", "--system", "gw", "--depth"], DYAD_COLUMNS),
    (["dyads", "--from", "1990", "--to", "1990", "--no-covariates"], DYAD_COLUMNS),  # numpy columns, no pandas
    (["similarity", "--from", "1900", "--to", "1900"], SIMILARITY_COLUMNS),  # Parquet written batch by batch
    (["similarity", "--from", "1900", "--to", "1900", "--system", "gw"], SIMILARITY_COLUMNS),
    (["atlas", "--date", "1900-07-01"], ATLAS_COLUMNS),
    (["atlas", "--from", "1900", "--to", "1901"], ATLAS_COLUMNS),
    (["atlas", "--date", "1900-07-01", "--draws", "20", "--seed", "1"], ATLAS_COLUMNS),
    (["depth"], DEPTH_COLUMNS),
]


def _stata_labels(path: Path) -> dict[str, str]:
    with pd.io.stata.StataReader(path) as reader:
        reader.read()
        return dict(reader.variable_labels())


def test_every_description_fits_a_stata_label() -> None:
    for codebook in (DYAD_COLUMNS, SIMILARITY_COLUMNS, ATLAS_COLUMNS, DEPTH_COLUMNS, COMPARE_COLUMNS,
                     *BACKTEST_CODEBOOKS.values()):
        for name, text in codebook.items():
            assert text.strip() and len(text) <= DESCRIPTION_MAX, name


def test_a_summed_cinc_is_not_described_as_a_share_of_0_to_1() -> None:
    """`cascade_defenders_cinc` sums CINC values, and NMC's values of a year seldom sum to exactly 1 (1.0068 in 2016):
    its description said "0-1", which a reader of the codebook alone took for a share; the atlas's shares divide by
    the year's sum, and say so."""
    summed = DYAD_COLUMNS["cascade_defenders_cinc"]
    assert "0-1" not in summed and "sums to 1 to 1.0747, not 1" in summed, summed
    for name in ("capability_share_mean", "capability_share_max"):
        assert "of the year's CINC sum" in ATLAS_COLUMNS[f"{name}_legal"], name


@pytest.mark.needs_data
def test_the_summed_cinc_description_says_nmcs_yearly_sums() -> None:
    """The range the description gives is NMC's: the least and greatest sum of a year's CINC values."""
    from foedus.sources.cow import cinc_in

    sums = [round(sum(cinc_in(year)[0].values()), 4) for year in range(1816, 2017)]
    assert f"sums to {min(sums):g} to {max(sums):g}, not 1" in DYAD_COLUMNS["cascade_defenders_cinc"], (min(sums),
                                                                                                       max(sums))


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".dta"])
def test_a_table_carries_its_columns_descriptions(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"t{suffix}"
    frame = pd.DataFrame({"ccode1": [2, 20], "P(allied)": [True, False], "plain": [1.0, 2.0]})
    write_table(frame, out, meta={"title": "x"}, sidecar=True, descriptions=SAID)
    if suffix == ".parquet":
        schema = pq.read_schema(out)
        assert {f.name: (f.metadata or {}).get(b"description", b"").decode() for f in schema} == {
            "ccode1": "state one", "P(allied)": "whether allied", "plain": ""}
        assert json.loads(schema.metadata[b"foedus"]) == {"title": "x"}
        assert pd.read_parquet(out).equals(frame)  # the values as they were
        return
    columns = json.loads((tmp_path / f"t{suffix}-metadata.json").read_text(encoding="utf-8"))["tableSchema"]["columns"]
    assert [(c["titles"], c.get("dc:description")) for c in columns] == [
        ("ccode1", "state one"), ("P(allied)", "whether allied"), ("plain", None)]
    if suffix == ".dta":  # a renamed column keeps its own name as its label
        assert _stata_labels(out) == {"ccode1": "state one", "P_allied_": "P(allied)", "plain": ""}


def test_numpy_columns_and_batches_carry_descriptions(tmp_path: Path) -> None:
    columns = {"ccode1": np.array([2, 20]), "year": np.ma.MaskedArray([1900, 1901], mask=[False, True])}
    write_columns(columns, tmp_path / "c.parquet", meta={"title": "x"}, descriptions={"ccode1": "state one"})
    with column_batches(tmp_path / "b.parquet", {"ccode1": np.int64}, meta={"title": "x"},
                        descriptions={"ccode1": "state one"}) as sink:
        sink.put({"ccode1": np.array([2, 20])})
    for name in ("c.parquet", "b.parquet"):
        assert pq.read_schema(tmp_path / name).field("ccode1").metadata == {b"description": b"state one"}
    assert pd.read_parquet(tmp_path / "c.parquet")["year"].isna().tolist() == [False, True]  # still pandas' nullable


@pytest.mark.needs_data
@pytest.mark.parametrize(("args", "codebook"), RUNS, ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_every_column_a_research_command_writes_is_described(tmp_path: Path, args: list[str],
                                                             codebook: dict[str, str],
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "t.parquet"
    assert run_cli(app, [*args, "--out", str(out)]) == 0, capsys.readouterr().err
    fields = {f.name: (f.metadata or {}).get(b"description", b"").decode() for f in pq.read_schema(out)}
    assert [name for name, text in fields.items() if not text] == []  # a column without a description
    assert all(codebook[name] == text for name, text in fields.items())


def test_each_parquet_partition_carries_its_columns_descriptions(tmp_path: Path) -> None:
    """A folder of Parquet partitions (`foedus atlas --scheduler`) said nothing of its columns where a single Parquet
    file does: each partition file carries the descriptions and the metadata (the partition column is in the folder
    names, not the files)."""
    from foedus.outputs import write_partitioned

    frame = pd.DataFrame({"ccode1": [2, 20, 200], "plain": [1.0, 2.0, 3.0], "decade": [1900, 1900, 1910]})
    assert write_partitioned(frame, tmp_path / "p", "decade", meta={"title": "x"},
                             descriptions={**SAID, "decade": "the decade"}) == 3
    parts = sorted((tmp_path / "p").glob("decade=*/*.parquet"))
    assert [p.parent.name for p in parts] == ["decade=1900", "decade=1910"]
    for part in parts:
        schema = pq.read_schema(part)
        assert {f.name: (f.metadata or {}).get(b"description", b"").decode() for f in schema} == {
            "ccode1": "state one", "plain": ""}
        assert json.loads(schema.metadata[b"foedus"]) == {"title": "x"}
    assert pd.read_parquet(tmp_path / "p").astype({"decade": int}).equals(frame)  # the values as they were


@pytest.mark.needs_data
@pytest.mark.parametrize("args", [["atlas", "--from", "1900", "--to", "1911"],
                                  ["atlas", "--date", "1900-07-01", "--draws", "20", "--seed", "1"]],
                         ids=lambda v: " ".join(v))
def test_every_column_a_dask_atlas_partition_holds_is_described(tmp_path: Path, args: list[str],
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """`foedus atlas --scheduler`'s partition files (the yearly series by decade, the Monte Carlo atlas by attacker)
    carry each column's description and the table's metadata, as `foedus atlas` without it does; here with the
    Dask tasks run in this process by a stand-in client."""
    import foedus.sweeps.dask_sweeps as dask_sweeps

    monkeypatch.setattr(dask_sweeps, "client", inline_client)
    out = tmp_path / "parts"
    assert run_cli(app, [*args, "--scheduler", "local", "--out", str(out)]) == 0, capsys.readouterr().err
    parts = sorted(out.glob("*=*/*.parquet"))
    assert len(parts) > 1
    for part in parts:
        schema = pq.read_schema(part)
        fields = {f.name: (f.metadata or {}).get(b"description", b"").decode() for f in schema}
        assert fields == {name: ATLAS_COLUMNS[name] for name in fields}, part  # none without, each the codebook's
        assert json.loads(schema.metadata[b"foedus"])["title"].startswith("foedus atlas ")


@pytest.mark.needs_data
@pytest.mark.parametrize("suffix", [".csv", ".dta"])
def test_a_research_csv_or_stata_table_says_what_its_columns_mean(tmp_path: Path, suffix: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"s{suffix}"
    assert run_cli(app, ["similarity", "--from", "1900", "--to", "1900", "--out", str(out)]) == 0, \
        capsys.readouterr().err
    columns = json.loads((tmp_path / f"s{suffix}-metadata.json").read_text(encoding="utf-8"))["tableSchema"]["columns"]
    cow = {name: text for name, text in SIMILARITY_COLUMNS.items() if not name.startswith("gwcode")}  # --system gw's
    assert {c["name"]: c["dc:description"] for c in columns} == cow
    if suffix == ".dta":
        assert _stata_labels(out) == cow


def _doc_columns(section: str, page: str = "research.md") -> set[str]:
    """The column names of a docs page section's `| column | …` tables (their first cells' code words; `X_READING`
    one per reading): the first section whose heading begins `section`, up to the next heading of its level or
    above (a `####` table under a `##` section is the `##` section's too)."""
    page_text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    heading = re.search(rf"^(#+) {re.escape(section)}", page_text, flags=re.M)
    assert heading, f"docs/{page} has no section {section!r}"
    text = re.split(rf"\n#{{1,{len(heading[1])}}} ", page_text[heading.end():])[0]
    names: set[str] = set()
    for table in re.findall(r"^\| column \|.*\n\|[-|]+\|\n((?:\|.*\n)+)", text, flags=re.M):
        for row in table.splitlines():
            names.update(w for w in re.findall(r"`([^`]+)`", row.split("|")[1]) if not w.startswith("-"))
    return {n.replace("READING", r) for n in names for r in READINGS}


@pytest.mark.parametrize(("section", "codebook"), [("Dyad-years", DYAD_COLUMNS),
                                                   ("Alliance similarity", SIMILARITY_COLUMNS)])
def test_research_md_names_the_columns_the_code_describes(section: str, codebook: dict[str, str]) -> None:
    assert _doc_columns(section) == set(codebook)


def test_the_atlas_page_names_the_columns_the_code_describes() -> None:
    assert _doc_columns("The atlas", "whatif-and-atlas.md") == set(ATLAS_COLUMNS)


def test_the_compare_section_names_the_columns_the_code_describes() -> None:
    """`foedus compare --format csv` and `--out` (`foedus.sweeps.compare_table`): docs/whatif-and-atlas.md's Compare
    section has a column table naming the columns the code describes, none missing, none invented."""
    assert _doc_columns("Compare", "whatif-and-atlas.md") == set(COMPARE_COLUMNS)


def test_the_depth_page_names_the_columns_the_code_describes() -> None:
    """docs/depth.md's table names `depth_all` and `item_*` for their families: each spelled out, the rest as given."""
    named = {n for n in _doc_columns("3. `foedus depth`", "depth.md") if n not in ("depth_all", "item_*")}
    assert named | {n for n in DEPTH_COLUMNS if n.startswith(("depth_all", "item_"))} == set(DEPTH_COLUMNS)
    assert named == {n for n in DEPTH_COLUMNS if not n.startswith(("depth_all", "item_"))}


@pytest.mark.needs_data
def test_every_column_a_backtest_table_writes_is_described(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`foedus backtest`'s wars, outcomes and reliability tables, as the research tables: each column described
    (`foedus.backtest.codebook`) in the Parquet file, the Stata labels and the sidecars, and none left without."""
    out = tmp_path / "b"
    assert run_cli(app, ["backtest", "--from", "1990", "--to", "1991", "--draws", "20", "--out", str(out)]) == 0, \
        capsys.readouterr().err
    for stem, codebook in BACKTEST_CODEBOOKS.items():
        fields = {f.name: (f.metadata or {}).get(b"description", b"").decode()
                  for f in pq.read_schema(out / f"{stem}.parquet")}
        assert fields == {name: codebook[name] for name in fields} and set(fields) == set(codebook), stem
        sidecar = json.loads((out / f"{stem}.csv-metadata.json").read_text(encoding="utf-8"))["tableSchema"]
        assert {c["name"]: c["dc:description"] for c in sidecar["columns"]} == codebook
        assert _stata_labels(out / f"{stem}.dta") == codebook


@pytest.mark.parametrize("stem", list(BACKTEST_CODEBOOKS))
def test_the_backtest_page_names_the_columns_the_code_describes(stem: str) -> None:
    """docs/backtest.md has a column table for each table `foedus backtest` writes (wars.csv and outcomes.csv had
    none), naming the columns `foedus.backtest.codebook` describes: none missing, none invented."""
    assert _doc_columns(f"The columns of {stem}.csv", "backtest.md") == set(BACKTEST_CODEBOOKS[stem])
