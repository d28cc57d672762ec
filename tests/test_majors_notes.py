"""The Monte Carlo's P(major powers on opposite sides) and the joining model's `major` features read COW's
major-power list, which ends in 2016 (a major power of 2016 is one on any later day) and begins in 1816, and which
only the data folder gives (the bundled world has none). Neither answer said so: now their notes do, after 2016 in
the atlas's words (`series_notes`), and where no state can count as a major power."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import foedus
from foedus.model.treatymap import TreatyMap
from foedus.model.world import World
from foedus.sweeps.atlas import series_notes

CARRIED = series_notes(2025, ["cow_states"], cinc=False)[0]  # an atlas of one date's words: state system, majors


def _majors(notes: tuple[str, ...]) -> list[str]:
    return [n for n in notes if "major" in n]


@pytest.mark.needs_data
def test_the_monte_carlo_says_which_major_powers_it_reads(world: World) -> None:
    assert "its major powers" in CARRIED and "its major-power list" in CARRIED
    later = foedus.cascade("RUS", "EST", "2025-06-01", draws=50, seed=1, world=world)
    assert world.states.is_major("USA", later.scenario.date) and _majors(later.notes) == [CARRIED]
    assert later.to_dict()["notes"] == list(later.notes)  # the JSON's notes, which the web page shows
    assert not _majors(foedus.cascade("RUS", "EST", "2025-06-01", world=world).notes)  # no draws: none read
    assert not _majors(foedus.cascade("IRQ", "KWT", "1990-08-02", draws=50, seed=1, world=world).notes)  # COW's own
    early = foedus.cascade("FRA", "GBR", "1815-06-15", draws=50, seed=1, world=world)
    assert _majors(early.notes) == ["COW's major-power list begins on 1816-01-01: no state counts as a major power "
                                    "on 1815-06-15"]
    listless = World(TreatyMap(world.treaties.curated), replace(world.states, majors={}), world.places)
    bare = foedus.cascade("RUS", "EST", "2025-06-01", draws=50, seed=1, world=listless)
    # no state counts as a major power: the share is not known, not a measured 0
    assert bare.montecarlo is not None and bare.montecarlo.p_major_powers_opposite is None
    assert bare.montecarlo.p_major_powers_unknown == ("not known: COW's major-power list (cow_states/majors2016.csv) "
                                                      "is not loaded; run `foedus data fetch cow_states`")
    assert later.montecarlo is not None and later.montecarlo.p_major_powers_unknown is None
    assert 0 < (later.montecarlo.p_major_powers_opposite or 0) < 1
    assert early.montecarlo is not None and early.montecarlo.p_major_powers_opposite is None
    assert early.montecarlo.p_major_powers_unknown == ("not known: COW's major-power list begins on 1816-01-01, "
                                                       "after 1815-06-15")
    assert _majors(bare.notes) == ["COW's major-power list (cow_states/majors2016.csv) not loaded: no state counts "
                                   "as a major power; run `foedus data fetch cow_states`"]


def test_without_the_data_folder_no_state_is_a_major_power_and_the_draws_say_so(tmp_path: Path) -> None:
    env = os.environ | {"FOEDUS_DATA_DIR": str(tmp_path / "empty"), "FOEDUS_CACHE_DIR": str(tmp_path / "cache")}
    run = [sys.executable, "-m", "foedus.cli", "cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--json",
           "--draws", "200", "--seed", "3"]
    proc = subprocess.run(run, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    # RUS against NATO: with no list no state counts as a major power, so the share is not known (null, and why)
    assert out["p_major_powers_opposite"] is None
    assert out["p_major_powers_unknown"] == ("not known: COW's major-power list (cow_states/majors2016.csv) is not "
                                             "loaded; run `foedus data fetch cow_states`")
    text = subprocess.run([a for a in run if a != "--json"], capture_output=True, text=True, env=env | {
        "COLUMNS": "400"}, timeout=120)
    assert text.returncode == 0, text.stderr
    (line,) = [x for x in text.stdout.splitlines() if x.startswith("Monte Carlo, ")]
    assert line.endswith("P(major powers on opposite sides) not known: COW's major-power list "
                         "(cow_states/majors2016.csv) is not loaded; run `foedus data fetch cow_states`")
    assert "0.0%" not in line
    assert _majors(tuple(out["notes"])) == ["COW's major-power list (cow_states/majors2016.csv) not loaded: no state "
                                            "counts as a major power; run `foedus data fetch cow_states`"]


@pytest.mark.needs_data
def test_the_likelihood_says_the_major_powers_of_2016_are_carried_forward() -> None:
    lk = foedus.cascade("RUS", "EST", "2025-06-01", likelihood=True).likelihood
    assert lk is not None and _majors(lk.notes) == [CARRIED]
    (outside,) = [w for w in lk.warnings if "outside the training wars" in w]
    assert "major powers after the data's end are carried forward" in outside
    inside = foedus.cascade("DEU", "POL", "1939-09-01", likelihood=True).likelihood
    assert inside is not None and not _majors(inside.notes)


@pytest.mark.needs_data
def test_an_atlas_without_the_major_power_list_says_none_is_a_major_power(world: World) -> None:
    from foedus.sweeps.atlas import coverage, dated_coverage

    day = dt.date(2025, 6, 1)
    missing = ("COW's major-power list (cow_states/majors2016.csv) not loaded: no state counts as a major power; run "
               "`foedus data fetch cow_states`")
    listless = World(TreatyMap(world.treaties.curated), replace(world.states, majors={}), world.places)
    assert missing in dated_coverage(listless, day).notes and missing in coverage(listless, day, 2025).notes
    assert not any("not loaded" in n for n in dated_coverage(world, day).notes)  # the list is there: carried, said
    assert CARRIED in dated_coverage(world, day).notes


@pytest.mark.needs_data
def test_a_yearly_atlas_with_the_state_system_but_no_major_power_list_claims_no_major_power(tmp_path: Path) -> None:
    """A data folder with COW's state system but not its major-power list (each file is checked on its own): the
    series says no state counts as a major power, and does not say 2016's are carried forward."""
    source, data = Path(os.environ["FOEDUS_DATA_DIR"]), tmp_path / "data"
    (data / "cow_states").mkdir(parents=True)
    for name in ("states2016.csv", "system2016.csv"):
        (data / "cow_states" / name).symlink_to(source / "cow_states" / name)
    for name in ("atop", "cow_nmc"):
        (data / name).symlink_to(source / name, target_is_directory=True)
    env = os.environ | {"FOEDUS_DATA_DIR": str(data), "FOEDUS_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "atlas", "--from", "2017", "--to", "2017", "--reading",
                           "legal", "--out", "a.csv"], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    notes = [line for line in proc.stderr.splitlines() if line.startswith("note: ")]
    assert "note: COW's major-power list (cow_states/majors2016.csv) not loaded: no state counts as a major power; " \
           "run `foedus data fetch cow_states`" in notes
    assert ("note: after 2016 the state system and each state's CINC are those of 2016, carried forward (the COW "
            "state system v2016 and NMC 6.0 end in 2016)") in notes


EMPTY_SHARE = ("p_majors_opposite is empty: P(major powers on opposite sides) is not known: COW's major-power list "
               "(cow_states/majors2016.csv) is not loaded; run `foedus data fetch cow_states`")


@pytest.mark.slow
@pytest.mark.needs_data
def test_a_monte_carlo_atlas_without_the_major_power_list_leaves_its_share_empty(world: World) -> None:
    """Without COW's list no state counts as a major power, so the draws' share of major powers on opposite sides
    would read 0 whatever the sides: the atlas's `p_majors_opposite` is null then, not 0, as a cascade's Monte
    Carlo figure is, and its notes say why; with the list, it is measured."""
    from foedus.sweeps.atlas_mc import atlas_montecarlo, draws_notes

    day = dt.date(2025, 6, 1)
    listless = World(TreatyMap(world.treaties.curated), replace(world.states, majors={}), world.places)
    bare = atlas_montecarlo(listless, day, 2, 1).frame(listless, day, 1)
    assert len(bare) and bare.p_majors_opposite.isna().all()
    assert draws_notes(listless, day) == [EMPTY_SHARE] and draws_notes(world, day) == []
    listed = atlas_montecarlo(world, day, 2, 1).frame(world, day, 1)
    assert listed.p_majors_opposite.notna().all() and listed.p_majors_opposite.max() > 0


@pytest.mark.slow
def test_the_monte_carlo_atlas_without_the_data_folder_writes_its_share_empty_and_says_why(tmp_path: Path) -> None:
    """`foedus atlas --date D --draws N` with no data folder: the CSV's `p_majors_opposite` is empty in every row,
    and the notes (on stderr and in the table's metadata) say why."""
    env = os.environ | {"FOEDUS_DATA_DIR": str(tmp_path / "empty"), "FOEDUS_CACHE_DIR": str(tmp_path / "cache")}
    out = tmp_path / "atlas.csv"
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "atlas", "--date", "2025-06-01", "--draws", "2",
                           "--seed", "1", "--out", str(out)], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert f"note: {EMPTY_SHARE}" in proc.stderr.splitlines()
    import csv

    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and all(row["p_majors_opposite"] == "" for row in rows)
    meta = json.loads((tmp_path / "atlas.csv-metadata.json").read_text(encoding="utf-8"))
    assert EMPTY_SHARE in meta["foedus"]["notes"]
