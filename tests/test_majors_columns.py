"""The atlas's major-power columns without COW's major-power list: `majors_opposite_*` (an atlas of one date),
`tripwire_dyads_*` (a yearly series) and an atlas comparison's `tripwire_dyads` read 0 (false) where the list was
not loaded, which a reader takes for "no major powers on opposite sides". They are empty (null) then, in every
format, and the notes say why in `majors_unknown`'s words, as the Monte Carlo atlas's `p_majors_opposite` is."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from foedus.model.treatymap import TreatyMap
from foedus.model.world import World

UNKNOWN = ("is not known: COW's major-power list (cow_states/majors2016.csv) is not loaded; run "
           "`foedus data fetch cow_states`")
OPPOSITE = f"majors_opposite_legal is empty: whether major powers fight on opposite sides {UNKNOWN}"
TRIPWIRES = ("tripwire_dyads_legal is empty: the number of dyads whose war puts major powers on opposite sides "
             f"{UNKNOWN}")
COMPARED = TRIPWIRES.replace("tripwire_dyads_legal", "tripwire_dyads", 1)


def test_an_empty_count_column_is_written_to_stata(tmp_path: Path) -> None:
    """A whole-number column with no value at all (a series' tripwires without the list) is Stata's missing `.`:
    it was refused ("boolean value of NA is ambiguous")."""
    import pandas as pd

    from foedus.outputs import write_table

    frame = pd.DataFrame({"year": [2025, 2026], "tripwire_dyads_legal": pd.array([None, None], dtype="Int64")})
    write_table(frame, tmp_path / "s.dta")
    assert pd.read_stata(tmp_path / "s.dta").tripwire_dyads_legal.isna().all()


def test_a_series_with_empty_tripwires_is_drawn(tmp_path: Path) -> None:
    """`atlas-plot` draws a series whose tripwire counts are empty (as written without COW's list); a missing war size
    is still refused."""
    from foedus.errors import FoedusError
    from foedus.sweeps.plot import plot_series

    series = tmp_path / "s.csv"
    series.write_text("year,dyads,mean_size_legal,max_size_legal,tripwire_dyads_legal\n2025,10,1.5,3,\n"
                      "2026,10,1.5,3,\n", encoding="utf-8")
    assert plot_series(series, tmp_path / "p.png") == 2 and (tmp_path / "p.png").stat().st_size > 0
    series.write_text("year,dyads,mean_size_legal,max_size_legal,tripwire_dyads_legal\n2025,10,,3,\n",
                      encoding="utf-8")
    with pytest.raises(FoedusError, match="row 1 has no mean_size_legal"):
        plot_series(series, tmp_path / "q.png")


@pytest.mark.parametrize(("years", "said"), [
    ((2025, 2026), "not known: COW's major-power list (cow_states/majors2016.csv) was not loaded when the series "
                   "was written"),
    ((1815,), "not known: COW's major-power list begins on 1816-01-01, after 1815"),
])
def test_a_series_with_empty_tripwires_says_why_in_the_panel(tmp_path: Path, years: tuple[int, ...],
                                                            said: str) -> None:
    """The tripwire panel of a series whose counts are all empty was left blank: it says why, in the notes' words
    (`foedus.model.major_notes.series_unknown`); a panel with counts says nothing of the kind."""
    import matplotlib

    from foedus.sweeps.plot import plot_series

    series = tmp_path / "s.csv"
    rows = "".join(f"{y},10,1.5,3,\n" for y in years)
    series.write_text(f"year,dyads,mean_size_legal,max_size_legal,tripwire_dyads_legal\n{rows}", encoding="utf-8")
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # the text as text, not as paths
        plot_series(series, tmp_path / "p.svg")
        assert said in (tmp_path / "p.svg").read_text(encoding="utf-8")
        series.write_text(f"year,dyads,mean_size_legal,max_size_legal,tripwire_dyads_legal\n{years[0]},10,1.5,3,2\n",
                          encoding="utf-8")
        plot_series(series, tmp_path / "q.svg")
    assert "not known" not in (tmp_path / "q.svg").read_text(encoding="utf-8")


def test_an_empty_tripwire_panel_has_no_legend_entry_nor_scale(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The tripwire panel of a series whose counts are all empty drew an empty line per reading, so a legend entry
    for it and y ticks of -0.04 to 0.04 read as a measured 0: it draws no line, no legend and no y ticks, and keeps
    its note; a panel with counts keeps all three. Read on the figure (its Axes) `atlas-plot` saves."""
    from matplotlib.figure import Figure

    from foedus.sweeps.plot import plot_series

    saved: list[Figure] = []
    real = Figure.savefig

    def keep(self: Figure, *args: object, **kwargs: object) -> None:
        saved.append(self)
        real(self, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", keep)
    series = tmp_path / "s.csv"
    head = "year,dyads,mean_size_legal,max_size_legal,tripwire_dyads_legal,tripwire_dyads_escalatory\n"
    for name, rows in (("p.png", "2025,10,1.5,3,,\n2026,10,1.5,3,,\n"), ("q.png", "2025,10,1.5,3,2,4\n")):
        series.write_text(head + rows, encoding="utf-8")
        assert plot_series(series, tmp_path / name) == rows.count("\n")
    (empty, counted) = (next(ax for ax in fig.axes if ax.get_ylabel() == "tripwire dyads") for fig in saved)
    assert empty.get_lines() == [] and empty.get_legend() is None and list(empty.get_yticks()) == []
    assert [t.get_text() for t in empty.texts] == ["not known: COW's major-power list (cow_states/majors2016.csv) "
                                                   "was not loaded when the series was written"]
    assert [t.get_text() for t in counted.get_legend().get_texts()] == ["legal", "escalatory"]
    assert len(counted.get_yticks()) > 1 and list(counted.texts) == []


@pytest.mark.slow
@pytest.mark.needs_data
def test_the_atlas_columns_without_the_major_power_list_are_empty_and_measured_with_it(world: World) -> None:
    """Without COW's list no state counts as a major power: each column that reads them is null, not 0 (false), and
    the notes say why; with the list, they are measured."""
    from foedus.sweeps.atlas import AtlasOptions, atlas_frame, frame_notes, tripwire_notes, year_row, years_frame
    from foedus.sweeps.compare import compare_atlas

    day, legal = dt.date(2025, 6, 1), AtlasOptions(readings=("legal",))
    listless = World(TreatyMap(world.treaties.curated), replace(world.states, majors={}), world.places)
    bare = atlas_frame(listless, day, legal)
    assert len(bare) and bare.majors_opposite_legal.isna().all()
    assert frame_notes(listless, day, ["legal"]) == [OPPOSITE] and frame_notes(world, day, ["legal"]) == []
    assert atlas_frame(world, day, legal).majors_opposite_legal.notna().all()
    years = years_frame([year_row(listless, 2025, legal), year_row(world, 2025, legal)])
    assert years.tripwire_dyads_legal.isna().tolist() == [True, False] and years.tripwire_dyads_legal[1] > 0
    assert tripwire_notes(listless, day, ["legal"]) == [TRIPWIRES] and tripwire_notes(world, day, ["legal"]) == []
    assert compare_atlas(listless, day, world, day, legal)["readings"]["legal"]["tripwire_dyads"]["base"] is None
    assert compare_atlas(world, day, world, day, legal)["readings"]["legal"]["tripwire_dyads"]["base"] > 0


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"FOEDUS_DATA_DIR": str(tmp_path / "empty"), "FOEDUS_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", *args], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.mark.slow
def test_the_atlas_outputs_without_the_data_folder_leave_the_major_power_columns_empty(tmp_path: Path) -> None:
    """No data folder: the atlas of one date (CSV), the yearly series (Stata, Parquet) and the atlas comparison
    (JSON, text) leave their major-power columns empty, and say why on stderr and in the tables' metadata."""
    import csv

    import pandas as pd

    proc = _run(tmp_path, "atlas", "--date", "2025-06-01", "--reading", "legal", "--out", "a.csv")
    assert f"note: {OPPOSITE}" in proc.stderr.splitlines()
    rows = list(csv.DictReader((tmp_path / "a.csv").open(encoding="utf-8")))
    assert rows and all(row["majors_opposite_legal"] == "" for row in rows)
    assert OPPOSITE in json.loads((tmp_path / "a.csv-metadata.json").read_text(encoding="utf-8"))["foedus"]["notes"]
    for name, read in (("y.dta", pd.read_stata), ("y.parquet", pd.read_parquet)):
        proc = _run(tmp_path, "atlas", "--from", "2025", "--to", "2025", "--reading", "legal", "--out", name)
        assert f"note: {TRIPWIRES}" in proc.stderr.splitlines()
        assert read(tmp_path / name).tripwire_dyads_legal.isna().all()
    compared = ("compare", "--atlas", "--date", "2025-06-01", "--drop-treaty", "nato", "--reading", "legal")
    report = json.loads(_run(tmp_path, *compared, "--json").stdout)
    assert report["readings"]["legal"]["tripwire_dyads"] == {"base": None, "other": None}
    assert COMPARED in report["notes"]
    assert "tripwire dyads not known -> not known" in _run(tmp_path, *compared).stdout


@pytest.mark.slow
def test_a_dask_yearly_series_without_the_data_folder_leaves_the_tripwires_empty(tmp_path: Path) -> None:
    """No data folder, the yearly series on a local Dask cluster (each year on a worker, which loads the world
    itself): its tripwire counts are empty (null) in every partition, as in-process, and the note says why on
    stderr and in each partition file's metadata (a Dask series' files kept none)."""
    import pandas as pd
    import pyarrow.parquet as pq

    proc = _run(tmp_path, "atlas", "--from", "2019", "--to", "2020", "--reading", "legal", "--scheduler", "local",
                "--workers", "1", "--out", "y")
    assert f"note: {TRIPWIRES}" in proc.stderr.splitlines()
    parts = sorted((tmp_path / "y").glob("decade=*/*.parquet"))
    assert [p.parent.name for p in parts] == ["decade=2010", "decade=2020"]
    for part in parts:
        assert TRIPWIRES in json.loads(pq.read_schema(part).metadata[b"foedus"])["notes"]
    series = pd.read_parquet(tmp_path / "y")
    assert sorted(series.year) == [2019, 2020] and series.tripwire_dyads_legal.isna().all()
