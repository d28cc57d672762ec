"""An atlas or dyad-years that lack research data say so: a date the missing COW state system or ATOP history would
make wrong (up to ATOP's end, 2018) is refused in one line naming the `foedus data fetch` command, a later one carries
a note for each, and the `data used` line names only what was read (an empty data folder used to give 46,872 dyads
for 1900 instead of 1,722, under `data used: atop cow_states cow_nmc`; dyad-years without ATOP claimed it too)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from foedus.errors import DataMissingError
from foedus.model.world import World
from foedus.sweeps.atlas import coverage, series_notes

SOURCE = Path(os.environ["FOEDUS_DATA_DIR"])


def _data(tmp_path: Path, *datasets: str) -> Path:
    """A data folder holding links to these of the shared datasets only."""
    root = tmp_path / "data"
    root.mkdir()
    for name in datasets:
        (root / name).symlink_to(SOURCE / name, target_is_directory=True)
    return root


# A process of its own, not `samples.cli_line`: a process loads its world once, from the data folder it starts with.
def _cli(tmp_path: Path, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FOEDUS_DATA_DIR": str(data), "FOEDUS_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run([sys.executable, "-m", "foedus.cli", *args], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=300)


@pytest.mark.parametrize("args", [
    ["atlas", "--from", "1900", "--to", "1900", "--out", "a.csv"],
    ["atlas", "--from", "2018", "--to", "2020", "--out", "a.csv"],
    ["atlas", "-d", "1900-06-01", "--out", "a.csv"],
    ["atlas", "-d", "1900-06-01", "--draws", "5", "--out", "a.csv"],
    ["compare", "--atlas", "-d", "2025-06-01", "--date2", "1900-06-01"],
], ids=["series", "series-into-2018", "date", "draws", "compare"])
def test_an_atlas_before_2019_without_the_data_is_refused(tmp_path: Path, args: list[str]) -> None:
    proc = _cli(tmp_path, _data(tmp_path), *args)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: the atlas of "), proc.stderr
    assert "run `foedus data fetch cow_states atop`" in lines[0] and proc.stdout == ""
    assert not (tmp_path / "a.csv").exists()


def test_an_atlas_from_2019_without_the_data_says_what_it_lacks_and_claims_none(tmp_path: Path) -> None:
    proc = _cli(tmp_path, _data(tmp_path), "atlas", "--from", "2019", "--to", "2020", "--reading", "legal",
                "--out", "a.csv")
    assert proc.returncode == 0, proc.stderr
    assert "data used" not in proc.stderr and "cite:" not in proc.stderr
    notes = [line for line in proc.stderr.splitlines() if line.startswith("note: ")]
    assert [n.split(":")[1].strip() for n in notes[:3]] == ["state-system dates not loaded", "ATOP history not loaded",
                                                           "COW NMC not loaded"]
    assert not any("carried forward (the COW" in n or "in force at the end of its coverage" in n for n in notes)


@pytest.mark.needs_data
def test_the_data_used_line_names_only_what_was_read(tmp_path: Path) -> None:
    data = _data(tmp_path, "atop", "cow_states")  # no NMC: no capability shares, and no claim to have read it
    proc = _cli(tmp_path, data, "atlas", "--from", "1900", "--to", "1900", "--reading", "legal", "--out", "a.csv")
    assert proc.returncode == 0, proc.stderr
    assert "data used: atop cow_states;" in proc.stderr and "cow_nmc" not in proc.stderr.split("note:")[0]
    assert "note: COW NMC not loaded: the capability-share columns are left out" in proc.stderr
    header, row = (tmp_path / "a.csv").read_text().splitlines()
    assert row.startswith("1900,1722,") and "capability_share" not in header


@pytest.mark.needs_data
def test_only_the_missing_dataset_is_named(tmp_path: Path) -> None:
    proc = _cli(tmp_path, _data(tmp_path, "cow_states"), "atlas", "-d", "1900-06-01", "--out", "a.csv")
    assert proc.returncode == 2 and "cannot be made without the ATOP alliances" in proc.stderr
    assert "COW state system" not in proc.stderr
    assert "run `foedus data fetch atop`" in proc.stderr


def test_coverage_of_a_world_without_history() -> None:
    world = World.load(history=False)
    with pytest.raises(DataMissingError, match=r"run `foedus data fetch (cow_states )?atop`"):
        coverage(world, dt.date(1950, 1, 1))
    later = coverage(world, dt.date(2019, 7, 1))
    assert "atop" not in later.datasets and any(n.startswith("ATOP history not loaded") for n in later.notes)
    assert series_notes(2027, later.datasets)[-1] == series_notes(2027)[-1]  # the bundled set's end, always said
    assert not any("ATOP" in n for n in series_notes(2027, later.datasets))


def test_a_cascade_a_war_replay_and_a_table_word_the_missing_data_alike(world: World) -> None:
    """What an answer lacks without the COW state system or the ATOP history is said in one wording, whichever
    command gives it (the cascade and the war replay each used to say it in words of their own)."""
    from foedus.api import cascade, replay_war
    from foedus.model.states import StateRegistry

    bare = World(World.load(history=False).treaties, StateRegistry(states=world.states.states), world.places)
    # NMC and the major-power list: a table reads them, a cascade without draws does not
    table = [n for n in coverage(bare, dt.date(2019, 7, 1)).notes
             if not n.startswith(("COW NMC", "COW's major-power list"))]
    assert [n.split(":")[0] for n in table] == ["state-system dates not loaded", "ATOP history not loaded"]
    assert [n for n in cascade("RUS", "EST", "2019-07-01", world=bare).notes if n in table] == table
    assert table[1] in replay_war("july_crisis_1914", world=bare).notes


@pytest.mark.needs_data
def test_dyad_years_without_atop_are_refused_before_2019_and_noted_after(tmp_path: Path) -> None:
    data = _data(tmp_path, "cow_states")
    early = _cli(tmp_path, data, "dyads", "--from", "1900", "--to", "1900", "--no-covariates", "--out", "d.csv")
    assert early.returncode == 2 and len(early.stderr.splitlines()) == 1, early.stderr
    assert early.stderr.startswith("error: the dyad-years of 1900 cannot be made without the ATOP alliances")
    assert "run `foedus data fetch atop`" in early.stderr and not (tmp_path / "d.csv").exists()
    late = _cli(tmp_path, data, "dyads", "--from", "2019", "--to", "2019", "--no-covariates", "--out", "d.csv")
    assert late.returncode == 0, late.stderr
    assert "data used: cow_states;" in late.stderr and "note: ATOP history not loaded" in late.stderr


def test_dyad_years_without_the_state_system_do_not_promise_a_note_from_2019(tmp_path: Path) -> None:
    """COW's list sets the rows of every year, so no note stands in for it: the refusal of 2018 said the table would
    be made with a note from 2019 on, and 2019 was then refused too."""
    data = _data(tmp_path)
    for first in ("2018", "2019"):
        proc = _cli(tmp_path, data, "dyads", "--from", first, "--to", "2019", "--out", "d.csv")
        assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1, proc.stderr
        assert "with a note instead" not in proc.stderr and "COW state system" in proc.stderr, proc.stderr
        # the cascade covariates' CINC too, in the same line (it was the next run's refusal)
        assert f"run `foedus data fetch cow_states{' atop' if first == '2018' else ''} cow_nmc`" in proc.stderr


@pytest.mark.needs_data
def test_dyad_years_without_the_gleditsch_ward_list_say_to_import_it(tmp_path: Path) -> None:
    """No official source ships gw_states.csv (`foedus data fetch gw_states` refuses): the advice was to fetch it."""
    proc = _cli(tmp_path, _data(tmp_path, "cow_states", "atop"), "dyads", "--from", "2000", "--to", "2000",
                "--system", "gw", "--no-covariates", "--out", "d.csv")
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1, proc.stderr
    assert "`foedus data import PATH`" in proc.stderr and "data fetch" not in proc.stderr, proc.stderr
