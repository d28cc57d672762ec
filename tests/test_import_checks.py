"""Another version of a data file (`data import --any-version`) is checked before it is believed, and a state-system
file that is cut short or holds a value the reader cannot take stops a command with one line, not a traceback;
a yearly atlas series given to `atlas-plot` is checked the same way before it is drawn."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from foedus.datasets import import_file
from foedus.errors import DataFormatError, DataImportError
from foedus.model.state_files import read_cow_spells, read_majors

pytestmark = pytest.mark.needs_data

SOURCE = Path(os.environ["FOEDUS_DATA_DIR"]) / "cow_states" / "states2016.csv"


def _copy(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine" / "states2016.csv"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("cut", "problem"), [
    (lambda text: text[:3000], r"line \d+ has \d fields where the header has 10"),
    (lambda text: text.splitlines(keepends=True)[0], "has a header and no rows"),
])
def test_another_version_cut_short_is_not_imported(tmp_path: Path, target: Path, cut, problem: str) -> None:  # type: ignore[no-untyped-def]
    path = _copy(tmp_path, cut(SOURCE.read_text(encoding="utf-8")))
    with pytest.raises(DataImportError, match=problem):
        import_file(path, any_version=True)
    assert not (target / "cow_states" / "states2016.csv").exists()


def test_another_version_with_more_rows_is_imported(tmp_path: Path, target: Path) -> None:
    """The check refuses what is broken, not what differs: a well-formed file of another version (a state more) goes
    in. (A copy of a row is not well-formed: its state's two spells overlap.)"""
    text = SOURCE.read_text(encoding="utf-8")
    path = _copy(tmp_path, text.rstrip("\n") + "\nXYZ,999,Nowhere,2000,1,1,2016,12,31,2016\n")
    assert [o.action for o in import_file(path, any_version=True)] == ["imported"]


DATA = SOURCE.parent.parent


@pytest.mark.parametrize("rel", ["cow_states/states2016.csv", "cow_states/majors2016.csv", "cow_contiguity/contdir.csv",
                                 "atop/atop5_1m.csv", "cow_nmc/NMC-60-abridged.csv"])
def test_another_version_saved_with_a_byte_order_mark_is_read_as_it_was_checked(
        tmp_path: Path, target: Path, rel: str) -> None:
    """A file a spreadsheet saved (UTF-8 with a BOM) passed the import's checks, which skip the mark, and then stopped
    every command: the readers took the mark for part of the first column's name ('no column stateabb')."""
    from foedus.datasets.verify import dataset_file

    path = tmp_path / "mine" / rel.split("/")[-1]
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(b"\xef\xbb\xbf" + (DATA / rel).read_bytes())
    assert [o.action for o in import_file(path, any_version=True)] == ["imported"]
    checked = dataset_file(rel)
    assert checked is not None
    if rel.startswith("cow_states/states"):
        assert read_cow_spells(checked)[2].spells[0][0].year == 1816
    if rel.endswith("majors2016.csv"):
        assert read_majors(checked, {2: "USA"})["USA"]
    if rel.startswith("atop/"):
        from foedus.sources.atop import read_member_rows

        assert read_member_rows(checked)[0]["atopid"]
    if rel.startswith("cow_contiguity/"):
        from foedus.sources.contiguity import read_contiguity

        assert read_contiguity(checked)
    if rel.startswith("cow_nmc/"):
        from foedus.sources.cow import read_capabilities

        assert read_capabilities(checked)


def _other_version(tmp_path: Path, rel: str, column: str, value: str, *, extra_row: bool) -> Path:
    """A copy of a registry file with `value` in `column` of its first row, or of an extra row copied from the last."""
    lines = (DATA / rel).read_text(encoding="utf-8").splitlines()
    at = lines[0].split(",").index(column)
    cells = (lines[-1] if extra_row else lines[1]).split(",")
    cells[at] = value
    lines = [*lines, ",".join(cells)] if extra_row else [lines[0], ",".join(cells), *lines[2:]]
    path = tmp_path / "mine" / rel.split("/")[-1]
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("rel", "column", "value", "extra_row", "problem"), [
    ("cow_nmc/NMC-60-abridged.csv", "year", "99999", True, r"line 15953: year '99999' is outside 1800–\d{4}"),
    ("cow_nmc/NMC-60-abridged.csv", "year", "2999", True, r"year '2999' is outside 1800–\d{4}"),
    ("cow_nmc/NMC-60-abridged.csv", "cinc", "abc", False, r"line 2: cinc 'abc' is not a number"),
    ("cow_nmc/NMC-60-abridged.csv", "cinc", "inf", False, "cinc 'inf' is not a share of 0–1"),
    ("cow_nmc/NMC-60-abridged.csv", "ccode", "", False, "ccode '' is empty"),
    ("cow_states/states2016.csv", "ccode", "-5", False, r"ccode '-5' is outside 1–9999 \(a state code\)"),
    # imported, then every command stopped ('day is out of range for month'), or the state was never a member
    ("cow_states/states2016.csv", "stday", "32", False, r"line 2: the start '1816-1-32' is not a day \(day is out"),
    ("cow_states/states2016.csv", "endyear", "1810", False,
     r"line 2: the spell ends \(1810-12-31\) before it starts \(1816-01-01\)"),
    ("cow_states/majors2016.csv", "endmonth", "13", False, r"line 2: the end '.*-13-.*' is not a day"),
    ("atop/atop5_1m.csv", "yrent", "0", False, "yrent '0' is outside 1800–"),
    ("atop/atop5_1m.csv", "member", "x2", False, "member 'x2' is not a state code"),
    ("atop/atop5_1m.csv", "defense", "yes", False, "defense 'yes' is not a whole number"),
    ("cow_contiguity/contdir.csv", "begin", "191613", False, "begin '191613' is not a month as YYYYMM"),
    ("gw_states/gw_states.csv", "startdate", "1816-13-01", False, "startdate '1816-13-01' is not a date"),
    # imported, and the state (the pair's contiguity) believed never to be: refused as states2016's spells are
    ("gw_states/gw_states.csv", "enddate", "1815-12-31", False,
     r"line 2: the spell ends \(1815-12-31\) before it starts \(1816-01-01\)"),
    ("cow_contiguity/contdir.csv", "end", "191912", False,
     r"line 2: the spell ends \(1919-12\) before it starts \(1920-01\)"),
    # imported, and the last row of a key believed (a state-year's CINC, an alliance's codes), the other one lost
    ("cow_nmc/NMC-60-abridged.csv", "cinc", ".5", True,
     r"line 15953: ccode 990, year 2016 is on an earlier line too: the file has one row per ccode and year"),
    ("cow_nmc/NMC-60-abridged.csv", "ccode", "0990", True, "line 15953: ccode 990, year 2016 is on an earlier line"),
    ("atop/atop5_1a.csv", "begyr", "2017", True, r"line \d+: atopid 7050 is on an earlier line too"),
    ("atop/atop_alliance.csv", "atop_defense", "1", True,
     r"line 273298: ccode1 990, ccode2 710, year 2018 is on an earlier line too"),
])
def test_another_version_with_values_no_reader_takes_is_not_imported(
        tmp_path: Path, target: Path, rel: str, column: str, value: str, extra_row: bool, problem: str) -> None:
    """A code that is not a number, a year outside the data (an extra row dated 99999 made every date after 2016 lose
    its CINC figures, silently), a share that is not one: refused at import in one line naming the line, the column
    and the value, rather than stopping every later command with an internal error or changing its answers."""
    path = _other_version(tmp_path, rel, column, value, extra_row=extra_row)
    with pytest.raises(DataImportError, match=problem) as err:
        import_file(path, any_version=True)
    assert "\n" not in str(err.value) and str(path) in str(err.value)
    assert not (target / rel).exists()


def test_another_version_recorded_before_its_values_were_checked_is_refused(tmp_path: Path, target: Path) -> None:
    """An earlier foedus recorded other versions without checking their values: such a record is checked when the
    file is used, and a file no reader takes is refused in one line (status says bad-checksum), not believed."""
    import hashlib
    import json
    import shutil

    from foedus.datasets import status
    from foedus.datasets.verify import OTHER_VERSIONS, check_file, dataset_file
    from foedus.errors import DataCorruptError

    rel = "cow_nmc/NMC-60-abridged.csv"
    path = _other_version(tmp_path, rel, "year", "99999", extra_row=True)
    (target / "cow_nmc").mkdir(parents=True)
    shutil.copyfile(path, target / rel)
    entry = {"sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "size": path.stat().st_size,
             "columns": ["ccode", "year", "cinc"], "source": str(path)}
    (target / OTHER_VERSIONS).write_text(json.dumps({"format": 1, "files": {rel: entry}}), encoding="utf-8")
    state, why = check_file(rel, target / rel)
    assert state == "bad-checksum" and "line 15953: year '99999' is outside 1800–" in why
    with pytest.raises(DataCorruptError, match="another version that foedus cannot read"):
        dataset_file(rel)
    assert {s.dataset.name: s.state for s in status()}["cow_nmc"] == "bad-checksum"
    good = _other_version(tmp_path, rel, "ccode", "999", extra_row=True)  # a well-formed other version still passes
    shutil.copyfile(good, target / rel)
    entry |= {"sha256": hashlib.sha256(good.read_bytes()).hexdigest(), "size": good.stat().st_size}
    (target / OTHER_VERSIONS).write_text(json.dumps({"format": 1, "files": {rel: entry}}), encoding="utf-8")
    assert check_file(rel, target / rel)[0] == "other-version"


def test_a_repeated_key_recorded_by_the_foedus_before_is_refused_on_use(tmp_path: Path, target: Path) -> None:
    """A record made when the values were checked without the one-row-per-key rule (values 3) is checked again on
    use: a second CINC row for a state-year, believed then (the last one kept), is refused in one line."""
    import hashlib
    import json
    import shutil

    from foedus.datasets.verify import OTHER_VERSIONS, check_file

    rel = "cow_nmc/NMC-60-abridged.csv"
    path = _other_version(tmp_path, rel, "cinc", ".5", extra_row=True)
    (target / "cow_nmc").mkdir(parents=True)
    shutil.copyfile(path, target / rel)
    entry = {"sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "size": path.stat().st_size,
             "columns": ["ccode", "year", "cinc"], "source": str(path), "values": 3}
    (target / OTHER_VERSIONS).write_text(json.dumps({"format": 1, "files": {rel: entry}}), encoding="utf-8")
    state, why = check_file(rel, target / rel)
    assert state == "bad-checksum" and "line 15953: ccode 990, year 2016 is on an earlier line too" in why


def test_every_registry_file_passes_the_value_checks() -> None:
    """The checks refuse what no reader takes, never the registry's own files."""
    from foedus.datasets import DATASETS
    from foedus.datasets.values import file_problem

    checked = [f for d in DATASETS.values() for f in d.files if (DATA / f.path).is_file() and f.columns]
    assert len(checked) >= 14
    assert {f.path: file_problem(DATA / f.path, f) for f in checked} == {f.path: None for f in checked}


@pytest.mark.parametrize("where", ["deep", "beside"])
def test_atlas_plot_reads_only_the_atlas_partitions_of_a_folder(tmp_path: Path, where: str) -> None:
    """A folder was read as a table wherever a .parquet file lay below it (`foedus atlas-plot /` walked the whole file
    system, into /proc, and failed in pyarrow's cut-off words): now only where it holds what a Dask run of `foedus
    atlas` writes, .parquet files in decade=… folders, looked at one level down."""
    from foedus.errors import FoedusError
    from foedus.outputs import write_partitioned, write_table
    from foedus.sweeps.plot import plot_series

    frame, folder = _series_frame(), tmp_path / "root"
    if where == "deep":  # a series deep in the tree is not the folder's
        (folder / "home" / "me").mkdir(parents=True)
        write_table(frame, folder / "home" / "me" / "s.parquet")
        problem = r"root: a folder with no .parquet file, nor decade=… folder of them, in it; atlas-plot reads"
    else:
        write_partitioned(frame.assign(decade=frame["year"] // 10 * 10), folder, "decade")
        (folder / "proc" / "1").mkdir(parents=True)
        problem = r"root: it holds proc, which the atlas's Parquet partitions never do; atlas-plot reads"
    with pytest.raises(FoedusError, match=problem) as caught:
        plot_series(folder, tmp_path / "p.png")
    assert "\n" not in str(caught.value) and not (tmp_path / "p.png").exists()


def test_atlas_plot_reads_partitions_beside_what_pyarrow_passes_over(tmp_path: Path) -> None:
    """Names starting with '.' or '_' are no part of a Parquet dataset (pyarrow passes over them): a folder of the
    atlas's partitions that a file browser or another tool marked (.DS_Store, _SUCCESS, a _temporary folder) was
    refused ('it holds .DS_Store, _SUCCESS, which the atlas's Parquet partitions never do'); it is drawn."""
    from foedus.outputs import write_partitioned
    from foedus.sweeps.plot import plot_series

    frame, folder = _series_frame(), tmp_path / "parts"
    write_partitioned(frame.assign(decade=frame["year"] // 10 * 10), folder, "decade")
    (folder / ".DS_Store").write_bytes(b"\0\1Bud1")
    (folder / "_SUCCESS").write_bytes(b"")
    (folder / "decade=2010" / ".DS_Store").write_bytes(b"\0\1Bud1")
    (folder / "_temporary" / "0").mkdir(parents=True)
    (folder / "_temporary" / "0" / "part.parquet").write_bytes(b"not yet a table")
    assert plot_series(folder, tmp_path / "p.png") == 2 and (tmp_path / "p.png").stat().st_size > 0


def test_atlas_plot_of_the_root_folder_is_one_line(tmp_path: Path) -> None:
    """`foedus atlas-plot /` looks at / alone (it walked the whole file system)."""
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "atlas-plot", "/", "--out", str(tmp_path / "p.png")],
                          capture_output=True, text=True, timeout=120)  # as long as any CLI run: a walk takes more
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert "/: a folder with no .parquet file, nor decade=… folder of them, in it; atlas-plot reads" in proc.stderr


@pytest.mark.parametrize(("change", "problem"), [
    (lambda lines: [lines[0], lines[1].replace(",2,", ",abc,", 1), *lines[2:]], "line 2: invalid literal for int"),
    (lambda lines: [lines[0], ",".join(lines[1].split(",")[:4]) + "\n", *lines[2:]], "line 2 does not have the "
     "header's 10 fields"),
    (lambda lines: [lines[0]], "no rows"),
    (lambda lines: [lines[0].replace("ccode", "code"), *lines[1:]], "line 2: no column 'ccode'"),
])
def test_a_broken_state_system_file_is_one_line(tmp_path: Path, change, problem: str) -> None:  # type: ignore[no-untyped-def]
    lines = SOURCE.read_text(encoding="utf-8").splitlines(keepends=True)
    path = _copy(tmp_path, "".join(change(lines)))
    with pytest.raises(DataFormatError, match=problem) as err:
        read_cow_spells(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_a_broken_major_powers_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "majors2016.csv"
    path.write_text("stateabb,ccode,styear,stmonth,stday,endyear,endmonth,endday,version\n"
                    "USA,2,1898,8,13,2016,12,31,2016\nGBR,200,x,1,1,2016,12,31,2016\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match="line 3: invalid literal for int"):
        read_majors(path, {2: "USA", 200: "GBR"})


GOOD_SERIES = ("year,dyads,mean_size_legal,max_size_legal,tripwire_dyads_legal,capability_share_mean_legal\n"
               "2015,37830,18.9,65,562,0.10\n2016,37830,18.9,65,562,\n")


@pytest.mark.parametrize(("text", "problem"), [
    ("year,dyads,mean_size_legal\n", "no years in it"),
    (GOOD_SERIES.replace("2016,", "x,", 1), r"year 'x' \(row 2\) is not a number"),
    (GOOD_SERIES.replace("2016,37830,18.9", "2016,37830,abc"), "mean_size_legal 'abc' .* is not a number"),
    (GOOD_SERIES.replace("2016,", "2015,", 1), "year 2015 appears more than once"),
    (GOOD_SERIES.replace("2016,", "2016.5,", 1), r"year 2016.5 \(row 2\) is not a whole year"),
    (GOOD_SERIES + "2017,37830,18.9\n", "row 3 has no max_size_legal"),
    ("year,dyads\n2015,1\n", "none of its columns"),
    (GOOD_SERIES.replace("2016,37830,18.9", "2016,37830,nan"), r"mean_size_legal 'nan' \(row 2\) is not a number"),
    (GOOD_SERIES.replace(",0.10\n", ",inf\n"), r"capability_share_mean_legal inf \(row 1\) is not a finite number"),
    (GOOD_SERIES.replace("2015,", "-100000,", 1), r"year -100000 \(row 1\) is outside 1815–2100"),
    (GOOD_SERIES.replace("2016,", "100000,", 1), r"year 100000 \(row 2\) is outside 1815–2100"),
    (GOOD_SERIES.replace(",0.10\n", ",7.5\n"), r"capability_share_mean_legal 7.5 \(row 1\) is not a share of 0–1"),
    (GOOD_SERIES.replace(",0.10\n", ",-0.1\n"), r"capability_share_mean_legal -0.1 \(row 1\) is not a share of 0–1"),
    (GOOD_SERIES.replace("2016,37830,18.9", "2016,37830,-18.9"),
     r"mean_size_legal -18.9 \(row 2\) is not a count \(0 or more\)"),
    (GOOD_SERIES.replace(",562,\n", ",-1,\n"), r"tripwire_dyads_legal -1 \(row 2\) is not a count"),
    # as written, not as the float pandas made of it (100000000000000000000, -1.0)
    (GOOD_SERIES.replace("2016,", "99999999999999999999,", 1), r"year 99999999999999999999 \(row 2\) is outside"),
    (GOOD_SERIES.replace("2016,", "1e20,", 1), r"year 1e20 \(row 2\) is outside"),
    (GOOD_SERIES.replace(",562,\n", ",-1e0,\n"), r"tripwire_dyads_legal -1e0 \(row 2\) is not a count"),
])
def test_a_broken_atlas_series_is_not_drawn(tmp_path: Path, text: str, problem: str) -> None:
    """A plot of a broken series would look like a finding: it is refused with one line, and nothing is drawn."""
    from foedus.errors import FoedusError
    from foedus.sweeps.plot import plot_series

    series = tmp_path / "s.csv"
    series.write_text(text, encoding="utf-8")
    with pytest.raises(FoedusError, match=problem):
        plot_series(series, tmp_path / "p.png")
    assert not (tmp_path / "p.png").exists()


def test_a_series_with_a_missing_capability_share_is_drawn(tmp_path: Path) -> None:
    from foedus.sweeps.plot import plot_series

    series = tmp_path / "s.csv"
    series.write_text(GOOD_SERIES, encoding="utf-8")
    assert plot_series(series, tmp_path / "p.png") == 2 and (tmp_path / "p.png").stat().st_size > 0


def _series_frame() -> Any:
    import io

    import pandas as pd

    return pd.read_csv(io.StringIO(GOOD_SERIES))


@pytest.mark.parametrize("name", ["s.parquet", "s.csv", "s.dta", "S.DTA", "folder"])
def test_atlas_plot_draws_every_table_the_atlas_writes(tmp_path: Path, name: str) -> None:
    """Written as `foedus atlas` writes (`write_table`; a Dask run: a folder of Parquet partitions)."""
    from foedus.outputs import write_partitioned, write_table
    from foedus.sweeps.plot import plot_series

    frame, series = _series_frame(), tmp_path / name
    if name == "folder":
        write_partitioned(frame.assign(decade=frame["year"] // 10 * 10), series, "decade")
    else:
        write_table(frame, series)
    assert plot_series(series, tmp_path / "p.png") == 2 and (tmp_path / "p.png").stat().st_size > 0


@pytest.mark.parametrize(("name", "problem"), [
    ("nan.parquet", r"row 1 has no mean_size_legal \(the cell is empty or NaN"),
    ("cut.dta", r"cut.dta: cannot read it as a yearly atlas series \(.+\)$"),
    ("junk.dta", r"cannot read it as a yearly atlas series \(damaged, or not a Stata file\)"),
    ("s.txt", r"unknown format '.txt'; atlas-plot reads .parquet, .csv and .dta"),
    ("junk.parquet", r"junk.parquet: cannot read it as a yearly atlas series \(damaged, or not a Parquet file\)$"),
    ("nothing", r"nothing: a folder with no .parquet file, nor decade=… folder of them, in it; atlas-plot reads a "
                r"folder of the Parquet partitions a Dask run of `foedus atlas` writes, or a file \(make it with"),
])
def test_an_unreadable_or_unfinished_table_is_one_line(tmp_path: Path, name: str, problem: str) -> None:
    from foedus.errors import FoedusError
    from foedus.outputs import write_table
    from foedus.sweeps.plot import plot_series

    frame, series = _series_frame(), tmp_path / name
    if name == "nan.parquet":
        frame.loc[0, "mean_size_legal"] = float("nan")
        write_table(frame, series)
    elif name == "cut.dta":
        write_table(frame, tmp_path / "whole.dta")
        series.write_bytes((tmp_path / "whole.dta").read_bytes()[:600])
    elif name == "nothing":  # a folder, but not of Parquet partitions (pyarrow's own words were given)
        series.mkdir()
        (series / "notes.txt").write_text("x")
    else:
        series.write_bytes(b"hello, not a table" * 20)
    with pytest.raises(FoedusError, match=problem) as caught:
        plot_series(series, tmp_path / "p.png")
    assert "\n" not in str(caught.value) and not (tmp_path / "p.png").exists()


@pytest.mark.parametrize(("change", "problem"), [
    (lambda lines: [lines[0], '"' + "x" * 200_000 + '"' + ",2" * 9 + "\n", *lines[1:]],
     r"cannot be read as CSV \(field larger than field limit"),
    (lambda lines: [lines[0], lines[1].replace("United States of America", "Am\xe9rica"), *lines[2:]],
     "it is not UTF-8 text"),
])
def test_another_version_that_is_not_csv_text_is_one_line(tmp_path: Path, target: Path, change, problem: str) -> None:  # type: ignore[no-untyped-def]
    """A field beyond the csv module's limit stopped the import with an internal error; a file in Latin-1 was
    imported and then refused by every command as corrupt: both are refused at import, in one line."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "states2016.csv"
    path.write_bytes("".join(change(lines)).encode("latin-1"))
    with pytest.raises(DataImportError, match=problem) as err:
        import_file(path, any_version=True)
    assert "\n" not in str(err.value) and str(path) in str(err.value)
    assert not (target / "cow_states" / "states2016.csv").exists()


def test_a_header_alone_recorded_by_an_earlier_foedus_is_refused_on_use(tmp_path: Path, target: Path) -> None:
    """Import and the check of an earlier foedus's record scan a file the same way (`csv_problem`): a header alone,
    refused at import, is refused on use too rather than read as a state system without states."""
    import hashlib
    import json

    from foedus.datasets.verify import OTHER_VERSIONS, check_file

    rel = "cow_states/states2016.csv"
    (target / "cow_states").mkdir(parents=True)
    (target / rel).write_text(SOURCE.read_text(encoding="utf-8").splitlines(keepends=True)[0], encoding="utf-8")
    data = (target / rel).read_bytes()
    entry = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data), "columns": [], "source": "x"}
    (target / OTHER_VERSIONS).write_text(json.dumps({"format": 1, "files": {rel: entry}}), encoding="utf-8")
    state, why = check_file(rel, target / rel)
    assert state == "bad-checksum" and "it has a header and no rows" in why
