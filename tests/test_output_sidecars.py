"""A research table written as CSV or Stata lost its provenance: the Parquet metadata (foedus's and the datasets'
versions, the notes) has no place in a CSV, and a .dta kept only its title. A sidecar now goes beside it
(`OUT.csv-metadata.json`, `OUT.dta-metadata.json`) with the Parquet metadata of the same command, the file's name and
its columns; it is refused, kept and replaced exactly as the table is (`foedus.outputs.sidecar`)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import NoReturn

import pandas as pd
import pyarrow.parquet as pq
import pytest

import foedus.outputs.tables as tables
import foedus.world_cache as world_cache
from foedus.datasets import cite
from foedus.errors import OutputError, OutputExistsError
from foedus.model.world import World
from foedus.outputs.tables import write_table
from samples import cli_line

COMMANDS = {
    "dyads": ["dyads", "--from", "1990", "--to", "1990", "--undirected"],
    "similarity": ["similarity", "--from", "1900", "--to", "1900"],
    "atlas": ["atlas", "--from", "1900", "--to", "1900"],
}


def _columns(table: Path) -> list[str]:
    if table.suffix == ".csv":
        with table.open(encoding="utf-8", newline="") as f:
            return next(csv.reader(f))
    return [str(c) for c in pd.read_stata(table).columns]


@pytest.mark.needs_data
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_csv_and_a_stata_table_carry_the_parquet_metadata_in_a_sidecar(tmp_path: Path, command: str) -> None:
    code, _, err = cli_line([*COMMANDS[command], "--out", str(tmp_path / "t.parquet")])
    assert code == 0, err
    expected = json.loads(pq.read_schema(tmp_path / "t.parquet").metadata[b"foedus"])
    assert expected["dataset_versions"] and expected["foedus_version"]
    assert expected["citations"] == {name: list(texts) for name, texts in cite(expected["datasets"]).items()}
    for suffix in (".csv", ".dta"):
        table = tmp_path / f"t{suffix}"
        code, _, err = cli_line([*COMMANDS[command], "--out", str(table)])
        assert code == 0, err
        side = tmp_path / f"t{suffix}-metadata.json"
        assert f"wrote its metadata (versions, notes, columns) to {side}" in err
        meta = json.loads(side.read_text(encoding="utf-8"))
        assert meta["foedus"] == expected  # the same keys and values as the Parquet file's
        assert meta["url"] == table.name and meta["dc:title"] == expected["title"]
        assert [c["name"] for c in meta["tableSchema"]["columns"]] == _columns(table)
        assert all(c["dtype"] and c["datatype"] for c in meta["tableSchema"]["columns"])
        assert ("@context" in meta) == (suffix == ".csv")  # CSV on the Web describes a CSV
        for note in expected.get("notes", []):
            assert f"note: {note}" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["t.parquet", "t.csv", "t.csv-metadata.json", "t.dta", "t.dta-metadata.json"])


class Worked(Exception):
    """Raised by the stand-in work: the command went past its checks."""


def _work(*_: object, **__: object) -> NoReturn:
    raise Worked


@pytest.mark.parametrize("command", ["dyads", "similarity"])
@pytest.mark.parametrize("suffix", [".csv", ".dta"])
def test_a_taken_sidecar_is_refused_before_any_work_and_kept(tmp_path: Path, command: str, suffix: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(world_cache, "cached_states", _work)
    monkeypatch.setattr(World, "default", classmethod(_work))
    side = tmp_path / f"t{suffix}-metadata.json"
    side.write_bytes(b"mine\x00\n")
    code, _, err = cli_line([*COMMANDS[command], "--out", str(tmp_path / f"t{suffix}")])
    assert "Worked" not in err, "the table was computed before the sidecar was refused"
    assert code == 2 and err.strip().splitlines() == [
        f"error: {side} already exists; not overwriting it (give --force to replace it, or choose another path)"]
    assert side.read_bytes() == b"mine\x00\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [side.name]


@pytest.mark.needs_data
@pytest.mark.parametrize("suffix", [".csv", ".dta"])
def test_force_replaces_the_table_and_its_sidecar(tmp_path: Path, suffix: str) -> None:
    table, side = tmp_path / f"t{suffix}", tmp_path / f"t{suffix}-metadata.json"
    side.write_text("mine", encoding="utf-8")
    code, _, err = cli_line([*COMMANDS["similarity"], "--out", str(table), "--force"])
    assert code == 0, err
    assert json.loads(side.read_text(encoding="utf-8"))["foedus"]["title"] == "foedus alliance similarity 1900-1900"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([table.name, side.name])


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"ccode1": [2, 20], "P(allied)": [True, False]})


def test_a_stata_sidecar_names_a_renamed_column_by_its_own_name(tmp_path: Path) -> None:
    write_table(_frame(), tmp_path / "t.dta", meta={"title": "x"}, sidecar=True)
    columns = json.loads((tmp_path / "t.dta-metadata.json").read_text(encoding="utf-8"))["tableSchema"]["columns"]
    assert [(c["name"], c["titles"]) for c in columns] == [("ccode1", "ccode1"), ("P_allied_", "P(allied)")]


def test_no_sidecar_without_being_asked_for(tmp_path: Path) -> None:
    (tmp_path / "t.csv-metadata.json").write_text("mine", encoding="utf-8")
    write_table(_frame(), tmp_path / "t.csv", meta={"title": "x"})
    write_table(_frame(), tmp_path / "t.parquet", meta={"title": "x"}, sidecar=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv", "t.csv-metadata.json", "t.parquet"]
    assert (tmp_path / "t.csv-metadata.json").read_text(encoding="utf-8") == "mine"


def test_a_failed_sidecar_leaves_no_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fails(*_: object) -> str:
        raise ValueError("no sidecar")

    monkeypatch.setattr(tables, "sidecar_text", fails)
    with pytest.raises(OutputError, match="no sidecar"):
        write_table(_frame(), tmp_path / "t.csv", meta={"title": "x"}, sidecar=True)
    assert list(tmp_path.iterdir()) == []


def test_a_table_that_fails_to_publish_takes_its_sidecar_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another run takes the table's name while this one writes: the sidecar, published first, is removed, so no
    sidecar describes a table it does not sit beside."""
    out = tmp_path / "t.csv"
    real = tables.sidecar_text

    def raced(*args: object) -> str:
        out.write_text("theirs", encoding="utf-8")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(tables, "sidecar_text", raced)
    with pytest.raises(OutputExistsError):
        write_table(_frame(), out, meta={"title": "x"}, sidecar=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv"] and out.read_text(encoding="utf-8") == "theirs"


@pytest.mark.parametrize("suffix", [".csv", ".dta"])
def test_a_forced_table_that_fails_to_publish_leaves_the_old_table_its_old_sidecar(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    """All or nothing: with --force the new sidecar replaced the old one, then the table's publish failed and the new
    sidecar was removed, leaving the old table with no sidecar. Now the old sidecar is put back."""
    import errno

    import foedus.outputs.atomic as atomic

    out, side = tmp_path / f"t{suffix}", tmp_path / f"t{suffix}-metadata.json"
    out.write_text("old table", encoding="utf-8")
    side.write_text("old sidecar", encoding="utf-8")
    side.chmod(0o600)
    real = atomic._publish_file

    def full_disk(tmp: Path, target: Path, *args: object) -> None:
        if target == out:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(tmp, target, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic, "_publish_file", full_disk)
    with pytest.raises(OutputError, match="No space left"):
        write_table(_frame(), out, meta={"title": "x"}, sidecar=True, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, side.name])
    assert out.read_text(encoding="utf-8") == "old table" and side.read_text(encoding="utf-8") == "old sidecar"
    assert side.stat().st_mode & 0o777 == 0o600
    monkeypatch.setattr(atomic, "_publish_file", real)
    write_table(_frame(), out, meta={"title": "x"}, sidecar=True, force=True)  # and the next run replaces both
    assert json.loads(side.read_text(encoding="utf-8"))["foedus"]["title"] == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, side.name])
