"""A research table carried its datasets' names and versions, but not what to cite for them: only `foedus cite` said
it, so a .parquet or .dta shared alone lost how to cite its data. Its metadata now has the citations (`citations`,
the text `foedus cite` prints, from the one registry): in the Parquet key `foedus`, the CSV and Stata sidecars, and
in a Stata file's own notes (`_dta[note0]`, `_dta[note1]`...: Stata's `notes` lists them)."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from foedus.cli.writing import table_meta
from foedus.datasets import cite
from foedus.outputs.tables import write_table
from samples import cli_line


def stata_characteristics(path: Path) -> dict[tuple[str, str], str]:
    """A format-118 .dta file's characteristics, read from its bytes: (variable, name) -> text (pandas reads none)."""
    raw = path.read_bytes()
    part = raw[raw.index(b"<characteristics>") + len(b"<characteristics>"):raw.index(b"</characteristics>")]
    found = {}
    while part:
        assert part.startswith(b"<ch>")
        size = struct.unpack("<I", part[4:8])[0]
        body, part = part[8:8 + size], part[8 + size:]
        assert part.startswith(b"</ch>")
        part = part[len(b"</ch>"):]
        assert body.endswith(b"\0")
        found[body[:129].rstrip(b"\0").decode(), body[129:258].rstrip(b"\0").decode()] = body[258:-1].decode()
    return found


def stata_notes(path: Path) -> list[str]:
    """The notes of a .dta file, as Stata's `notes` lists them: `_dta[note1]` to `_dta[noteN]`, N in `_dta[note0]`."""
    chars = stata_characteristics(path)
    return [chars["_dta", f"note{i}"] for i in range(1, int(chars.get(("_dta", "note0"), "0")) + 1)]


def test_table_meta_carries_what_foedus_cite_prints() -> None:
    meta = table_meta("t", ["cow_nmc", "atop"], ["a note"])
    assert meta["citations"] == {name: list(texts) for name, texts in cite(["atop", "cow_nmc"]).items()}
    assert all(meta["citations"][name] for name in ("atop", "cow_nmc"))
    none = table_meta("t", [])  # a table that draws on no dataset (`foedus war --out`)
    assert none["citations"] == {} and none["dataset_versions"] == {}  # not those present, not all seven versions


def test_a_stata_table_has_its_versions_citations_and_notes_as_stata_notes(tmp_path: Path) -> None:
    meta = table_meta("foedus t", ["atop", "cow_nmc"], ["after 2016, 2016's"])
    out = tmp_path / "t.dta"
    write_table(pd.DataFrame({"ccode1": [2, 20], "P(x)": [0.5, 0.25]}), out, meta=meta, sidecar=True)
    texts = [text for name in ("atop", "cow_nmc") for text in cite([name])[name]]
    assert stata_notes(out) == [f"foedus t, written by foedus {meta['foedus_version']}",
                                *(f"data: {v}" for v in meta["dataset_versions"].values()),
                                *(f"cite: {text}" for text in texts), "note: after 2016, 2016's"]
    read = pd.io.stata.StataReader(out)
    frame = read.read()
    assert read.data_label == "foedus t" and list(frame.columns) == ["ccode1", "P_x_"]  # the rest as it was
    assert read.variable_labels()["P_x_"] == "P(x)"


def test_a_stata_table_without_metadata_has_no_notes(tmp_path: Path) -> None:
    write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.dta", meta={"title": "x"})
    assert stata_characteristics(tmp_path / "t.dta") == {}


@pytest.mark.needs_data
@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".dta"])
def test_a_research_table_says_how_to_cite_its_data(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"sim{suffix}"
    proc = cli_line(["similarity", "--from", "1900", "--to", "1900", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    if suffix == ".parquet":
        meta = json.loads(pq.read_schema(out).metadata[b"foedus"])
    else:
        meta = json.loads((tmp_path / f"sim{suffix}-metadata.json").read_text(encoding="utf-8"))["foedus"]
    assert meta["datasets"] == ["atop", "cow_states", "cow_nmc"]
    assert meta["citations"] == {name: list(texts) for name, texts in cite(meta["datasets"]).items()}
    if suffix == ".dta":
        assert [n for n in stata_notes(out) if n.startswith("cite: ")] == [
            f"cite: {text}" for texts in meta["citations"].values() for text in texts]
