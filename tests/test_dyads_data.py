"""`foedus dyads` without its datasets names every missing one in one line, with one `foedus data fetch` command: the
rows need the COW state system, the years up to 2018 the ATOP history, the cascade covariates and `--add cinc` COW
NMC, `--add conttype` COW Direct Contiguity. It named one per run (an empty data folder and `--add all` asked for
cow_states and atop; with them, for cow_nmc; with that, for cow_contiguity: three runs to learn one command), as
`foedus similarity` did (tests/test_similarity_data.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = Path(os.environ["FOEDUS_DATA_DIR"])
WORDS = {"cow_states": "the COW state system", "atop": "the ATOP alliances", "cow_nmc": "COW NMC",
         "cow_contiguity": "COW Direct Contiguity"}


def _dyads(tmp_path: Path, present: tuple[str, ...], *args: str) -> subprocess.CompletedProcess[str]:
    data = tmp_path / "data"
    data.mkdir()
    for name in present:
        (data / name).symlink_to(SOURCE / name, target_is_directory=True)
    env = {**os.environ, "FOEDUS_DATA_DIR": str(data), "FOEDUS_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run([sys.executable, "-m", "foedus.cli", "dyads", *args, "--out", "d.csv"], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=300)


def _refused(tmp_path: Path, proc: subprocess.CompletedProcess[str], year: int, missing: list[str]) -> None:
    """One line naming exactly the `missing` datasets, and one fetch command for them all; no table."""
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: the dyad-years of {year} cannot be made without "), lines
    assert lines[0].endswith(f"run `foedus data fetch {' '.join(missing)}`"), lines[0]
    assert [name for name, words in WORDS.items() if words in lines[0]] == missing, lines[0]
    assert not (tmp_path / "d.csv").exists()


def test_an_empty_data_folder_names_every_dataset_at_once(tmp_path: Path) -> None:
    proc = _dyads(tmp_path, (), "--from", "1990", "--to", "1990", "--add", "all")
    _refused(tmp_path, proc, 1990, ["cow_states", "atop", "cow_nmc", "cow_contiguity"])
    assert "(for --add cinc and the cascade covariates)" in proc.stderr and "(for --add conttype)" in proc.stderr


def test_after_2018_atop_is_not_asked_for(tmp_path: Path) -> None:
    """From 2019 on a table without the ATOP history is made with a note (`foedus.sources.coverage`): the refusal
    names the others only."""
    proc = _dyads(tmp_path, (), "--from", "2019", "--to", "2019", "--add", "all")
    _refused(tmp_path, proc, 2019, ["cow_states", "cow_nmc", "cow_contiguity"])


@pytest.mark.needs_data
@pytest.mark.parametrize(("present", "args", "missing"), [
    (("cow_states",), ("--add", "all"), ["atop", "cow_nmc", "cow_contiguity"]),
    (("cow_states", "atop"), ("--add", "all"), ["cow_nmc", "cow_contiguity"]),
    (("cow_states", "atop", "cow_nmc"), ("--add", "all"), ["cow_contiguity"]),
    (("atop", "cow_contiguity"), ("--add", "all"), ["cow_states", "cow_nmc"]),
    (("cow_states", "atop"), ("--add", "cinc", "--add", "conttype", "--no-covariates"), ["cow_nmc", "cow_contiguity"]),
], ids=["states", "states-atop", "states-atop-nmc", "atop-contiguity", "two-added"])
def test_only_the_missing_datasets_are_named_all_at_once(tmp_path: Path, present: tuple[str, ...],
                                                         args: tuple[str, ...], missing: list[str]) -> None:
    _refused(tmp_path, _dyads(tmp_path, present, "--from", "1990", "--to", "1990", *args), 1990, missing)


IMPORT_GW = "import a copy of gw_states with `foedus data import PATH` (no official source ships it)"


@pytest.mark.parametrize(("present", "args", "fetch"), [
    pytest.param((), (), "cow_states atop cow_nmc", id="empty"),
    pytest.param(("cow_states", "atop"), (), "cow_nmc", id="states-atop", marks=pytest.mark.needs_data),
    pytest.param(("cow_states", "atop"), ("--no-covariates",), "", id="states-atop-no-covariates",
                 marks=pytest.mark.needs_data),
])
def test_the_gleditsch_ward_list_is_named_with_the_others_and_how_to_import_it(
        tmp_path: Path, present: tuple[str, ...], args: tuple[str, ...], fetch: str) -> None:
    """`--system gw` reads the Gleditsch–Ward list, which no official source ships: the first refusal named only the
    datasets to fetch, and the list's own ('import a copy') came on the run after they were fetched. It is named in the
    same line, with the `foedus data import` it needs (a fetch refuses it), the commands kept whole where the line is
    long (an empty data folder: the reasons in parentheses give way to the cap on a message's length)."""
    proc = _dyads(tmp_path, present, "--from", "1990", "--to", "1990", "--system", "gw", *args)
    assert proc.returncode == 2, proc.stderr
    [line] = proc.stderr.splitlines()
    assert line.startswith("error: the dyad-years of 1990 cannot be made without ") and "Gleditsch–Ward" in line
    assert line.endswith(f"run `foedus data fetch {fetch}` and {IMPORT_GW}" if fetch else f"lacks: {IMPORT_GW}"), line
    assert not (tmp_path / "d.csv").exists()


def test_a_range_before_the_system_without_the_gw_list_names_every_missing_dataset(tmp_path: Path) -> None:
    """A range ending before 1816 read the Gleditsch–Ward list for its first day before anything else, so an empty
    data folder was told of the list alone, and of the datasets to fetch on the next run: it is told of them all."""
    proc = _dyads(tmp_path, (), "--from", "1815", "--to", "1815", "--system", "gw")
    assert proc.returncode == 2, proc.stderr
    [line] = proc.stderr.splitlines()
    assert line.startswith("error: the dyad-years of 1815 cannot be made without "), line
    assert line.endswith(f"run `foedus data fetch cow_states atop cow_nmc` and {IMPORT_GW}"), line
