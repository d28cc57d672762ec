"""The six states only the Gleditsch–Ward list has (`foedus.research.gw_cow.GW_ONLY`: the Transvaal, the Orange Free
State, Tibet, ...) are states foedus does not know, with no treaty it knows of: an attack on one read 0
`cascade_defenders` (the Transvaal, allied with the Orange Free State from 1897, "had no ally"), and the table's
note and its .dta notes said only that their ATOP flags were empty. Their cascade covariates are empty now, like
their flags, and the notes, on stderr, in the Parquet metadata and in the Stata file's own notes, say so."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pytest

from foedus.research.dyads import DyadOptions, build_dyads
from foedus.research.gw_cow import GW_ONLY
from samples import cli_line
from test_table_citations import stata_notes

if TYPE_CHECKING:
    from foedus.model.world import World

pytestmark = pytest.mark.needs_data

COVARIATES = ["cascade_defenders", "cascade_defenders_cinc", "cascade_major_defender"]


def test_an_attack_on_a_gw_only_state_has_no_defender_count(tmp_path: Path) -> None:
    out = tmp_path / "gw1897.dta"
    proc = cli_line(["dyads", "--from", "1897", "--to", "1897", "--system", "gw", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    table = pd.read_stata(out)
    pair = table.set_index(["gwcode1", "gwcode2"])
    assert pair.loc[(200, 563), COVARIATES].isna().all()  # the United Kingdom attacking the Transvaal: not coded
    assert pair.loc[(563, 564), COVARIATES].isna().all()
    assert pair.loc[(2, 200), "cascade_defenders"] >= 0  # two states COW lists: read as before
    outside = table.gwcode1.isin(GW_ONLY) | table.gwcode2.isin(GW_ONLY)
    assert outside.sum() == 202 and table.loc[outside, COVARIATES].isna().all().all()
    notes = [line[len("note: "):] for line in proc.stderr.splitlines() if line.startswith("note: ")]
    said = [n for n in notes if "never has (GW 89, 99, 563, 564, 711, 815)" in n]
    assert len(said) == 1, notes
    assert said[0].startswith("the ATOP flags (atop_defense … atop_consul, atopally, atopid) and the cascade "
                              "covariates (cascade_defenders, cascade_defenders_cinc, cascade_major_defender) are "
                              "empty in the 202 dyad-years of a state"), said
    assert f"note: {said[0]}" in stata_notes(out)  # a .dta shared alone says it too
    assert not any("1 July" in n for n in notes)  # no state of 1897 is off the day: no note counts these rows twice


def test_the_off_day_note_counts_the_other_empty_rows(tmp_path: Path) -> None:
    """In 1816 some rows are off the day (a state not in the list on 1 July), some of a state COW never lists, and
    some both; the off-day note said every empty row was off the day. It counts only the other empty rows now, so
    the two notes' counts add up to the empty rows, none counted twice."""
    out = tmp_path / "gw1816.parquet"
    proc = cli_line(["dyads", "--from", "1816", "--to", "1816", "--system", "gw", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    table = pd.read_parquet(out)
    outside = table.gwcode1.isin(GW_ONLY) | table.gwcode2.isin(GW_ONLY)
    empty = table.cascade_defenders.isna()
    notes = [line for line in proc.stderr.splitlines() if line.startswith("note: ")]
    (unknown,) = [n for n in notes if "never has (GW" in n]
    (off,) = [n for n in notes if "1 July" in n]
    assert outside.sum() > 0 and (empty & ~outside).sum() > 0 and empty[outside].all()
    assert f"empty in the {int(outside.sum()):,} dyad-years of a state" in unknown
    assert f"empty in the {int((empty & ~outside).sum()):,} other dyad-years where either state" in off, off


def test_the_depth_of_a_gw_only_state_is_said_to_be_unknown(tmp_path: Path) -> None:
    """With --depth, the rows of such a state have no shared alliance (foedus knows none of its treaties): the note
    names the depth columns too, so that their empty cells read as unknown, not as no alliance."""
    out = tmp_path / "gw1897.parquet"
    proc = cli_line(["dyads", "--from", "1897", "--to", "1897", "--system", "gw", "--no-covariates", "--depth",
                     "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    table = pd.read_parquet(out)
    outside = table.gwcode1.isin(GW_ONLY) | table.gwcode2.isin(GW_ONLY)
    assert table.loc[outside, "depth_shared"].isna().all()
    said = [line for line in proc.stderr.splitlines() if "never has (GW" in line]
    assert len(said) == 1 and "depth_shared, depth_shared_treaty, depth_shared_carried" in said[0]
    assert "cascade_defenders" not in said[0]  # no covariates written, none named


@pytest.mark.parametrize(("system", "year"), [("gw", 1897), ("cow", 1990), ("cow", 2019)])
def test_build_dyads_keeps_the_notes_foedus_dyads_prints(world: World, tmp_path: Path, system: str,
                                                         year: int) -> None:
    """In Python, `build_dyads` gave the table without a word: a researcher there read the Transvaal's empty cells,
    Germany's on 1 July 1990 or 2019's flags with no note saying why. Its frame's `attrs["notes"]` are the notes the
    command prints for the same table."""
    frame = build_dyads(world, DyadOptions(year, year, system=system))  # type: ignore[arg-type]
    out = tmp_path / "d.parquet"
    proc = cli_line(["dyads", "--from", str(year), "--to", str(year), "--system", system, "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    printed = [line[len("note: "):] for line in proc.stderr.splitlines() if line.startswith("note: ")]
    assert printed and frame.attrs["notes"] == printed
