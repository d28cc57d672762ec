"""Research-ready outputs: peacesciencer's covariates, Parquet/CSV/Stata tables, --format, COW codes, citations."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from foedus.model.world import World
from foedus.research.dyads import dyad_years, system_spells
from foedus.research.peacesciencer import add_covariates, parse_covariates
from samples import cli_line

ROOT = Path(__file__).resolve().parents[1]
needs_data = pytest.mark.needs_data


def _dyads(world: World, years: tuple[int, ...]) -> pd.DataFrame:
    """Directed COW dyad-years of the given years (as `foedus dyads` lists them) with the three covariates."""
    spells = system_spells(world, "cow")
    rows = np.concatenate([dyad_years(spells, y, y) for y in years])
    frame = pd.DataFrame(rows, columns=["ccode1", "ccode2", "year"])
    return add_covariates(frame, world, ("cinc", "cowmaj", "conttype"))


def _value(df: pd.DataFrame, a: int, b: int, year: int, column: str) -> object:
    row = df[(df.ccode1 == a) & (df.ccode2 == b) & (df.year == year)]
    assert len(row) == 1, (a, b, year)
    return row[column].iloc[0]


@pytest.fixture(scope="module")
def covariates(world: World) -> pd.DataFrame:
    return _dyads(world, (1830, 1879, 1897, 1898, 1920, 1958, 1959, 1963, 1964, 2016, 2017, 2019, 2020))


@needs_data
def test_conttype_follows_peacesciencer_first_month_rule(covariates: pd.DataFrame) -> None:
    # Codings from peacesciencer's add_contiguity(slice = "first", mry = FALSE); spells from contdir.csv
    assert _value(covariates, 210, 220, 1830, "conttype") == 1  # land border all of 1830 (sea from 1830-12)
    assert _value(covariates, 710, 740, 1879, "conttype") == 5  # 400 miles in Jan 1879, 150 from March
    assert _value(covariates, 2, 20, 1920, "conttype") == 1  # from Canada's entry in Jan 1920
    assert _value(covariates, 2, 365, 1958, "conttype") == 0  # the Bering Strait spell starts in 1959
    assert _value(covariates, 2, 365, 1959, "conttype") == 2
    assert _value(covariates, 820, 840, 1963, "conttype") == 0  # both members in January, contiguous from Sept
    assert _value(covariates, 820, 840, 1964, "conttype") == 3
    assert _value(covariates, 840, 820, 1964, "conttype") == 3  # both directions
    assert _value(covariates, 2, 200, 1963, "conttype") == 0  # never directly contiguous
    assert pd.isna(_value(covariates, 2, 20, 2017, "conttype"))  # no contiguity data after 2016
    known = covariates[covariates.year <= 2016].conttype
    assert known.notna().all() and set(known.unique()) <= {0, 1, 2, 3, 4, 5}


@needs_data
def test_conttype_is_cows_yearly_type_where_it_does_not_change_in_the_year(world: World, data_dir: Path) -> None:
    """Against COW's directed yearly file (contdird.csv): where COW lists one type for the dyad-year, conttype is
    that type, and 0 where COW lists none. Where peacesciencer's shipped data gives 0 though COW lists the dyad
    contiguous all year (its one '0' record per dyad spans the contiguous years in between), COW's type is kept:
    Hungary–USSR 1950, Tunisia–Ottoman Empire 1850 (docs/research.md)."""
    years = (1850, 1939, 1950, 1990)
    got = _dyads(world, years).set_index(["ccode1", "ccode2", "year"]).conttype
    cow = pd.read_csv(data_dir / "cow_contiguity" / "contdird.csv")
    cow = cow[cow.year.isin(years)].groupby(["state1no", "state2no", "year"]).conttype.agg(["min", "max"])
    one = cow[cow["min"] == cow["max"]]["min"]
    one.index.names = got.index.names
    spells = pd.read_csv(data_dir / "cow_contiguity" / "contdir.csv")
    late = {(a, b, y) for lo, hi, begin in spells[["statelno", "statehno", "begin"]].itertuples(index=False)
            for a, b in ((lo, hi), (hi, lo)) if (y := begin // 100) in years and begin % 100 > 1}
    listed = got.reindex(one.index)
    assert listed.notna().all()
    differ = {k for k, v in (listed != one).items() if v}  # only spells that begin after January: 0 in January
    assert (255, 365, 1939) in differ and differ <= late and (listed[list(differ)] == 0).all()
    assert (got.drop(index=cow.index.intersection(got.index)) == 0).all()
    for a, b, year in ((310, 365, 1950), (616, 640, 1850)):
        assert got[(a, b, year)] == got[(b, a, year)] == 1


@needs_data
def test_cinc_is_nmc_as_is_and_missing_after_its_end(covariates: pd.DataFrame, data_dir: Path) -> None:
    with (data_dir / "cow_nmc" / "NMC-60-abridged.csv").open(newline="", encoding="utf-8") as fh:
        nmc = {(int(r["ccode"]), int(r["year"])): float(r["cinc"]) for r in csv.DictReader(fh)}
    assert _value(covariates, 2, 20, 1920, "cinc1") == pytest.approx(nmc[(2, 1920)])
    assert _value(covariates, 2, 20, 1920, "cinc2") == pytest.approx(nmc[(20, 1920)])
    assert _value(covariates, 2, 20, 2016, "cinc1") == pytest.approx(nmc[(2, 2016)])
    assert pd.isna(_value(covariates, 2, 20, 2017, "cinc1"))  # no carry-forward, as add_nmc()


@needs_data
def test_cowmaj_any_part_of_the_year_and_carried_to_every_later_year(covariates: pd.DataFrame) -> None:
    assert _value(covariates, 2, 70, 1897, "cowmaj1") == 0  # USA is a major from 1898-08-13
    assert _value(covariates, 2, 70, 1898, "cowmaj1") == 1
    assert _value(covariates, 2, 70, 1898, "cowmaj2") == 0
    assert _value(covariates, 2, 20, 2019, "cowmaj1") == 1  # the open 2016 spell is carried forward
    assert _value(covariates, 2, 20, 2020, "cowmaj1") == 1  # whenever the table is written: no year left empty
    assert str(covariates.cowmaj1.dtype) == "Int8" and str(covariates.conttype.dtype) == "Int8"


def test_covariate_names_are_checked() -> None:
    assert parse_covariates(["conttype,cinc"]) == ("conttype", "cinc")
    with pytest.raises(Exception, match=r"^--add\[2\]: cinc is listed twice \(also --add\[0\]\)"):
        parse_covariates(["cinc,conttype", "cinc"])  # it was taken as one
    assert parse_covariates(["all"]) == ("cinc", "cowmaj", "conttype")
    for empty in ([""], [" , "]):  # the table was written with none of them
        with pytest.raises(Exception, match=r"^--add: the 1st value is (empty|blank)"):
            parse_covariates(empty)
    with pytest.raises(Exception, match="unknown covariate 'polity'"):
        parse_covariates(["polity"])


@needs_data
def test_dyads_cli_writes_stata_and_csv_with_0_1_flags_and_cites_nmc(tmp_path: Path) -> None:
    dta, csv_out = tmp_path / "d.dta", tmp_path / "d.csv"
    proc = cli_line(["dyads", "--from", "1914", "--to", "1914", "--add", "all", "--out", str(dta)])
    assert proc.returncode == 0, proc.stderr
    assert f"rows to {dta}" in proc.stderr and "cite: Singer, J. David" in proc.stderr
    assert "`foedus cite cow_states atop cow_contiguity cow_nmc`" in proc.stderr
    back = pd.read_stata(dta)
    assert {"cinc1", "cinc2", "cowmaj1", "cowmaj2", "conttype", "cascade_major_defender"} <= set(back.columns)
    proc = cli_line(["dyads", "--from", "1914", "--to", "1914", "--out", str(csv_out)])
    assert proc.returncode == 0, proc.stderr
    text = csv_out.read_text(encoding="utf-8")
    assert "True" not in text and "False" not in text
    flags = pd.read_csv(csv_out)["cascade_major_defender"]
    assert set(flags.unique()) == {0, 1}
    assert len(back) == len(flags)
    proc = cli_line(["dyads", "--from", "1914", "--to", "1914", "--out", str(csv_out)])
    assert proc.returncode == 2 and "--force" in proc.stderr
    proc = cli_line(["dyads", "--from", "2000", "--to", "2000", "--system", "gw", "--add", "cinc", "--out",
                     str(tmp_path / "gw.csv")])
    assert proc.returncode == 2 and "use --system cow" in proc.stderr


@needs_data
def test_dyads_atopid_is_one_text_cell_in_csv_stata_and_parquet(tmp_path: Path) -> None:
    """docs/research.md: `atopid` is `3790;6040` for Djibouti–France in 2011, `3790` in 2010; empty where the pair
    shares no alliance; after 2018 `atopally` is missing (an empty cell) and so is `atopid`."""
    got = {}
    for suffix in ("csv", "dta", "parquet"):
        out = tmp_path / f"d.{suffix}"
        proc = cli_line(["dyads", "--from", "2010", "--to", "2019", "--no-covariates", "--out", str(out)])
        assert proc.returncode == 0, proc.stderr
        got[suffix] = (pd.read_csv(out, dtype={"atopid": str}) if suffix == "csv"
                       else pd.read_stata(out) if suffix == "dta" else pd.read_parquet(out))
    for suffix, df in got.items():
        rows = df.assign(atopid=df.atopid.fillna("")).set_index(["ccode1", "ccode2", "year"])  # CSV: empty as missing
        assert rows.loc[(522, 220, 2011), "atopid"] == "3790;6040", suffix
        assert rows.loc[(522, 220, 2010), "atopid"] == "3790", suffix
        assert rows.loc[(2, 630, 2010), "atopid"] == "" and rows.loc[(2, 630, 2010), "atopally"] == 0, suffix
        assert df[df.year == 2019].atopally.isna().all() and df[df.year == 2018].atopally.notna().all(), suffix
    csv_text = (tmp_path / "d.csv").read_text(encoding="utf-8")
    assert ",3790;6040\n" in csv_text
    assert got["parquet"].loc[got["parquet"].year == 2019, "atopid"].isna().all()


@needs_data
def test_dyads_text_columns_are_all_plain_text_in_parquet(tmp_path: Path) -> None:
    """`depth_shared_treaty` was a categorical (a Parquet dictionary column, pandas' `category`) while `atopid` is
    plain text: two kinds of text column in one table. Both are now plain text (docs/research.md), in Parquet and
    as pandas reads it back; a pair sharing no alliance is missing in both cases."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "d.parquet"
    proc = cli_line(["dyads", "--from", "2010", "--to", "2010", "--no-covariates", "--depth", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    schema = pq.read_schema(out)
    for name in ("atopid", "depth_shared_treaty"):
        assert pa.types.is_string(schema.field(name).type) or pa.types.is_large_string(schema.field(name).type), name
    df = pd.read_parquet(out)
    assert df.atopid.dtype == df.depth_shared_treaty.dtype and not isinstance(df.depth_shared_treaty.dtype,
                                                                             pd.CategoricalDtype)
    row = df.set_index(["ccode1", "ccode2", "year"])
    assert row.loc[(2, 20, 2010), "depth_shared_treaty"] in ("nato_1949", "tiar_1947")
    assert pd.isna(row.loc[(630, 666, 2010), "depth_shared_treaty"])


def test_listing_formats_csv_json_and_untruncated_plain_tables() -> None:
    proc = cli_line(["treaties", "list", "--format", "csv"])
    assert proc.returncode == 0
    rows = list(csv.DictReader(proc.stdout.splitlines()))
    assert rows[0].keys() >= {"id", "name", "signed", "in_force", "members", "kinds"}
    assert any(r["id"] == "nato_1949" for r in rows)
    as_json = json.loads(cli_line(["places", "--json"]).stdout)
    assert json.loads(cli_line(["places", "--format", "json"]).stdout) == as_json
    table = cli_line(["places"]).stdout  # stdout is a pipe here: plain and untruncated
    longest = max((p["name"] for p in json.loads(cli_line(["places", "--json"]).stdout)), key=len)
    assert longest in table and "┃" not in table and "…" not in table
    states = cli_line(["states", "--format", "table"]).stdout.splitlines()
    assert states[0].split() == ["id", "COW", "abb", "ISO3", "name", "system", "membership"]
    proc = cli_line(["states", "--json", "--format", "csv"])
    assert proc.returncode == 2 and "disagree" in proc.stderr


def test_cascade_csv_and_json_carry_cow_codes_certainty_and_conditions() -> None:
    args = ("cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast")
    rows = list(csv.DictReader(cli_line([*args, "--format", "csv"]).stdout.splitlines()))
    prk = next(r for r in rows if r["state"] == "PRK")
    assert prk["ccode"] == "731" and prk["certainty"] == "verified" and "state of war" in prk["conditions"]
    assert next(r for r in rows if r["state"] == "UKR")["ccode"] == "369"
    out = json.loads(cli_line([*args, "--json"]).stdout)
    assert out["ccodes"]["RUS"] == 365 and next(j for j in out["joiners"] if j["state"] == "PRK")["ccode"] == 731
    plain = cli_line([*args, "--format", "table"]).stdout
    assert plain.splitlines()[0].split()[:3] == ["state", "ccode", "name"]


def test_cascade_csv_says_what_instrument_binds_a_joiner() -> None:
    """The CSV said `usa_qat_eo_2025` bound the United States with nothing saying it is an executive order, not a
    treaty (the tree, JSON and `treaties show` say it): an `instrument` column now does, empty for the parties."""
    rows = list(csv.DictReader(cli_line(["cascade", "--attacker", "IRN", "--target", "QAT", "--date", "2026-06-01",
                                         "--format", "csv"]).stdout.splitlines()))
    said = {r["state"]: (r["treaty"], r["instrument"]) for r in rows}
    assert said["USA"] == ("usa_qat_eo_2025", "executive_order")
    assert said["BHR"] == ("arab_jdec_1950", "treaty") and said["QAT"] == ("", "")


def test_to_frame_has_ccode_certainty_and_conditions() -> None:
    from foedus.api import cascade

    frame = cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast").to_frame()
    assert {"ccode", "certainty", "conditions"} <= set(frame.columns)
    prk = frame[frame.state == "PRK"].iloc[0]
    assert prk.ccode == 731 and prk.certainty == "verified" and prk.conditions
    assert str(frame.ccode.dtype) == "Int64"


@needs_data
def test_cinc_in_a_result_cites_nmc() -> None:
    from foedus.api import cascade

    result = cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast")
    assert result.power is not None and "cow_nmc" in result.datasets
    proc = cli_line(["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast", "--cite"])
    assert "Singer, J. David" in proc.stdout


@needs_data
def test_world_share_after_nmc_ends_is_that_of_its_last_year() -> None:
    """After 2016 the 2016 values are carried, and only the 2016 states': a state gone before then (Austria-Hungary,
    West Germany) must not swell the world's total, so the same sides keep the same share as in 2016."""
    from foedus.api import cascade
    from foedus.sources.cow import capabilities, cinc_in

    last, carried = cinc_in(2025)
    assert carried and last == capabilities().by_year[2016]
    assert 300 not in last and 260 not in last and sum(last.values()) == pytest.approx(1.0, abs=0.01)
    powers = [cascade("RUS", "EST", day).power for day in ("2016-07-01", "2017-07-01", "2025-06-01")]
    assert len({(p["attack"]["cinc"], p["attack"]["share"]) for p in powers if p}) == 1  # Russia alone
    for p in powers:
        assert p is not None
        for side in ("attack", "defense"):
            assert p[side]["share"] == pytest.approx(p[side]["cinc"] / sum(last.values()), abs=2e-6), side


def test_cite_bibtex_and_citation_cff() -> None:
    from foedus._version import __version__
    from foedus.datasets import DATASETS
    from foedus.datasets.bibtex import BIBTEX

    assert set(BIBTEX) == set(DATASETS)
    for name, entries in BIBTEX.items():
        assert len(entries) == len(DATASETS[name].citations), name
    proc = cli_line(["cite", "--bibtex", "cow_nmc", "atop"])
    assert proc.returncode == 0
    text = proc.stdout
    assert text.startswith("@software{foedus,") and "@incollection{singer1972capability," in text
    assert text.count("@") == 1 + 2 + 3 and text.count("{") == text.count("}")
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and str(cff["version"]) == __version__
    assert cff["license"] == "GPL-3.0-or-later" and cff["authors"]


def test_progress_bars_draw_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from foedus.cli.progress import steps, working

    with steps("quiet", 3) as done:
        done(3)
    with working("quiet"):
        pass
    assert capsys.readouterr().err == ""
    with steps("quiet", 1) as done:
        done(5, 9)  # the work learnt it has 9 steps
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with steps("counting years", 4) as done:
        for k in range(1, 5):
            done(k)
    with steps("counting what turns up", 1) as done:
        for k in range(1, 8):
            done(k, 7)
    assert isinstance(done, type(lambda: None))


def test_single_date_atlas_compare_and_monte_carlo_atlas_report_progress() -> None:
    """The steps the CLI's bars count: a reading per atlas, the atlases of a compare, the replayed dyads."""
    import datetime as dt

    from foedus.model.world import World
    from foedus.sweeps.atlas import AtlasOptions, atlas_frame
    from foedus.sweeps.atlas_mc import atlas_montecarlo
    from foedus.sweeps.compare import compare_atlas

    world, day = World.default(), dt.date(2025, 6, 1)
    seen: list[object] = []
    frame = atlas_frame(world, day, AtlasOptions(), seen.append)
    assert seen == [1, 2] and len(frame) > 30_000
    seen.clear()
    report = compare_atlas(world, day, world, dt.date(2024, 6, 1), AtlasOptions(readings=("legal",)),
                           progress=seen.append)
    assert seen == [1, 2] and report["readings"]["legal"]["dyads"]["base"] == len(frame)
    calls: list[tuple[int, int]] = []
    atlas_montecarlo(world, day, 3, 1, progress=lambda k, n: calls.append((k, n)))
    assert calls and [k for k, _ in calls] == list(range(1, len(calls) + 1)) and {n for _, n in calls} == {len(calls)}
    calls.clear()
    atlas_montecarlo(world, day, 3, 1, reading="escalatory", progress=lambda k, n: calls.append((k, n)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_atlas_plot_says_what_it_wrote_and_needs_force_to_replace(tmp_path: Path) -> None:
    series = tmp_path / "series.csv"
    pd.DataFrame({"year": [1900, 1901], "mean_size_legal": [2.0, 2.5], "max_size_legal": [5, 6],
                  "tripwire_dyads_legal": [10, 12], "capability_share_mean_legal": [0.1, 0.2],
                  "capability_share_max_legal": [0.5, 0.6]}).to_csv(series, index=False)
    png = tmp_path / "plot.png"
    proc = cli_line(["atlas-plot", str(series), "--out", str(png)])
    assert proc.returncode == 0, proc.stderr
    assert f"wrote a plot of 2 years to {png}" in proc.stderr and png.read_bytes()[:4] == b"\x89PNG"
    proc = cli_line(["atlas-plot", str(series), "--out", str(png)])
    assert proc.returncode == 2 and "--force" in proc.stderr
    assert cli_line(["atlas-plot", str(series), "--out", str(png), "--force"]).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plot.png", "series.csv"]
    assert np.isfinite(pd.read_csv(series).mean_size_legal).all()


def test_atlas_plot_of_one_year_says_year(tmp_path: Path) -> None:
    """A one-year series read 'wrote a plot of 1 years'."""
    series = tmp_path / "series.csv"
    pd.DataFrame({"year": [1900], "mean_size_legal": [2.0], "max_size_legal": [5],
                  "tripwire_dyads_legal": [10]}).to_csv(series, index=False)
    png = tmp_path / "plot.png"
    proc = cli_line(["atlas-plot", str(series), "--out", str(png)])
    assert proc.returncode == 0, proc.stderr
    assert f"wrote a plot of 1 year to {png}" in proc.stderr


def test_output_suffixes_name_their_format_in_any_case_by_one_rule(tmp_path: Path) -> None:
    from foedus.errors import OutputError
    from foedus.outputs import write_table
    from foedus.sweeps.plot import plot_series

    series = tmp_path / "series.CSV"  # read as the CSV it is, as written
    write_table(pd.DataFrame({"year": [1900, 1901], "mean_size_legal": [2.0, 2.5], "max_size_legal": [5, 6],
                              "tripwire_dyads_legal": [10, 12]}), series)
    assert plot_series(series, tmp_path / "p.PNG") == 2 and (tmp_path / "p.PNG").read_bytes()[:4] == b"\x89PNG"
    assert plot_series(series, tmp_path / "p.Svg") == 2 and b"<svg" in (tmp_path / "p.Svg").read_bytes()[:2000]
    for out, what, use in [("p.txt", "plot", ".png or .svg"), ("t.txt", "table", ".parquet, .csv or .dta")]:
        with pytest.raises(OutputError) as err:
            (plot_series(series, tmp_path / out) if what == "plot" else write_table(pd.DataFrame(), tmp_path / out))
        assert str(err.value) == f"{tmp_path / out}: unknown {what} format '.txt'; use {use}"


def test_a_series_not_in_utf8_is_said_so_as_every_file_read_is(tmp_path: Path) -> None:
    from foedus.errors import FoedusError
    from foedus.sweeps.plot import plot_series

    series = tmp_path / "series.csv"
    text = "year,mean_size_legal,max_size_legal,tripwire_dyads_legal,note\n1900,1,2,3,Côte d'Ivoire\n"
    series.write_bytes(text.encode("latin-1"))
    with pytest.raises(FoedusError) as err:
        plot_series(series, tmp_path / "p.png")
    byte = text.encode("latin-1").index("ô".encode("latin-1"))
    assert str(err.value) == f"{series}: yearly atlas series is not UTF-8 text (byte {byte})"
    assert list(tmp_path.iterdir()) == [series]


def test_masked_and_boolean_columns_read_back_as_the_frame_did(tmp_path: Path) -> None:
    from foedus.outputs.coded import CodedText
    from foedus.outputs.tables import columns_frame, write_columns, write_table

    flag = np.ma.MaskedArray(np.array([1, 0, 1, 0, 1], dtype=np.int8), [False, False, True, True, False])
    ids = CodedText(np.array([1, 2, -1, 0, 1], dtype=np.int32), ("", "3790", "3790;6040"))
    columns = {"year": np.arange(5, dtype=np.int64), "flag": flag, "major": np.array([True, False, True, True, False]),
               "cinc": np.array([0.1, np.nan, 0.3, 0.0, 0.5]), "ids": ids}
    frame = columns_frame(columns)
    assert str(frame["flag"].dtype) == "Int8" and frame["flag"].isna().tolist() == [False, False, True, True, False]
    assert frame["ids"].tolist()[:2] == ["3790", "3790;6040"] and frame["ids"].isna().tolist()[2:4] == [True, False]
    write_columns(columns, tmp_path / "new.parquet", meta={"title": "t"})
    write_table(frame, tmp_path / "old.parquet", meta={"title": "t"})
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "new.parquet"), pd.read_parquet(tmp_path / "old.parquet"),
                                  check_exact=True)
    write_columns(columns, tmp_path / "new.csv")
    write_table(frame, tmp_path / "old.csv")
    assert (tmp_path / "new.csv").read_bytes() == (tmp_path / "old.csv").read_bytes()
    assert b",," in (tmp_path / "new.csv").read_bytes()  # the masked flags are empty cells, not 0


@needs_data
def test_dyads_parquet_is_written_without_pandas_and_reads_back_as_build_dyads(tmp_path: Path, world: World) -> None:
    from foedus.research.dyads import DyadOptions, build_dyads

    out = tmp_path / "d.parquet"
    code = ("import sys; from foedus.cli.start import main; sys.argv = ['foedus', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "print('pandas' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code, "dyads", "--from", "2017", "--to", "2019", "--out", str(out)],
                          capture_output=True, text=True, env=os.environ.copy(), timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"  # pandas' import is a large part of a fresh run
    back = pd.read_parquet(out)
    expected = build_dyads(world, DyadOptions(2017, 2019))
    pd.testing.assert_frame_equal(back, expected, check_exact=True)
    assert back["atop_defense"].isna().any() and not back.loc[back.year <= 2018, "atop_defense"].isna().any()


@needs_data
def test_flags_alone_need_only_the_state_registry(tmp_path: Path, world: World) -> None:
    from foedus.errors import FoedusError
    from foedus.research.dyads import DyadOptions, build_dyads
    from foedus.world_cache import cached_states

    options = DyadOptions(2016, 2019, covariates=False)
    pd.testing.assert_frame_equal(build_dyads(cached_states(), options), build_dyads(world, options), check_exact=True)
    gw = DyadOptions(2000, 2000, directed=False, system="gw", covariates=False)
    pd.testing.assert_frame_equal(build_dyads(cached_states(), gw), build_dyads(world, gw), check_exact=True)
    with pytest.raises(FoedusError, match="need the treaty world"):
        build_dyads(cached_states(), DyadOptions(2016, 2016))
    out = tmp_path / "flags.parquet"
    code = ("import sys; from foedus.cli.start import main; sys.argv = ['foedus', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "print(sorted(m for m in ('pandas', 'foedus.model.treaty', 'foedus.engine.rules') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code, "dyads", "--from", "2016", "--to", "2019", "--no-covariates",
                           "--out", str(out)], capture_output=True, text=True, env=os.environ.copy(), timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"  # neither pandas nor the treaty model nor the engine's rules
    pd.testing.assert_frame_equal(pd.read_parquet(out), build_dyads(world, options), check_exact=True)
