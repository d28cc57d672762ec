"""The research tables in a year in which states enter, leave, unify or split (1990: Germany on 3 October, Yemen on
22 May), through the real CLI on the real data, against the raw files read with plain pandas (tests/raw_data.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

import raw_data
from foedus.model.world import World
from foedus.research.similarity import MEASURES, pair_similarity
from samples import cli_line

pytestmark = pytest.mark.needs_data
SUCCESSIONS = (255, 260, 265, 678, 679, 680)  # Germany, West and East Germany; Yemen, North and South Yemen
COVARIATES = ["cascade_defenders", "cascade_defenders_cinc", "cascade_major_defender"]


def test_similarity_ties_no_state_to_its_predecessor_in_the_year_of_unification(tmp_path: Path,
                                                                                  data_dir: Path) -> None:
    """ATOP dates West Germany's exit from NATO and Germany's entry to the same day, 3 October 1990, and Yemen's
    predecessors' exits to unified Yemen's entry day: foedus read that as one day both were allies, gave Germany and
    West Germany a defence tie (S = 1 in every measure: identical portfolios) and so moved every measure of the six
    states' 1,938 dyads of 1990. ATOP's own dyad-year file lists no such pair, nor does `foedus dyads` (never COW
    members on the same day). Every dyad of the six is checked against the definitions on the raw ties of the
    pairs that are COW members on a common day."""
    out = tmp_path / "similarity.parquet"
    proc = cli_line(["similarity", "--from", "1990", "--to", "1990", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    got = pd.read_parquet(out).set_index(["ccode1", "ccode2"])
    system = pd.read_csv(data_dir / "cow_states" / "system2016.csv")
    codes = np.sort(system.loc[system.year == 1990, "ccode"].unique())
    pairs = raw_data.atop_pair_years(data_dir)
    pairs = pairs[pairs.year == 1990]
    together = raw_data.coexisting(raw_data.cow_spells(data_dir), [1990])
    apart = pairs.merge(together, on=raw_data.KEY, how="left", indicator=True)
    apart = apart[apart._merge == "left_only"]
    apart = apart[apart.ccode1.isin(codes) & apart.ccode2.isin(codes)]
    ref = pd.read_csv(data_dir / "atop" / "atop_alliance.csv")
    ref = set(zip(ref.ccode1, ref.ccode2, ref.year, strict=True))
    assert {(a, b) for a, b in zip(apart.ccode1, apart.ccode2, strict=True)} == {
        (255, 260), (260, 255), (255, 265), (265, 255), (678, 679), (679, 678), (679, 680), (680, 679)}
    assert not any((a, b, 1990) in ref for a, b in zip(apart.ccode1, apart.ccode2, strict=True))  # nor ATOP's file
    pairs = pairs.merge(together, on=raw_data.KEY)
    values = {"defense": 3, "offense": 3, "neutral": 2, "nonagg": 2, "consul": 1}
    tie = np.max(np.stack([pairs[k].to_numpy() * v for k, v in values.items()]), axis=0)
    pos = {int(c): i for i, c in enumerate(codes)}
    ties = np.zeros((len(codes), len(codes)), dtype=np.int64)
    for a, b, v in zip(pairs.ccode1, pairs.ccode2, tie, strict=True):
        if a in pos and b in pos:
            ties[pos[a], pos[b]] = ties[pos[b], pos[a]] = max(ties[pos[a], pos[b]], v)
    np.fill_diagonal(ties, 3)
    nmc = pd.read_csv(data_dir / "cow_nmc" / "NMC-60-abridged.csv")
    cinc = nmc[nmc.year == 1990].set_index("ccode").cinc
    w = np.array([max(float(cinc.get(c, 0.0)), 0.0) for c in codes])
    checked = 0
    for a in SUCCESSIONS:
        for b in codes:
            if b == a:
                continue
            for i, j in ((pos[a], pos[b]), (pos[b], pos[a])):
                want = pair_similarity(ties[i], ties[j], w / w.sum())
                row = got.loc[(int(codes[i]), int(codes[j]))]
                for measure in MEASURES:
                    assert row[measure] == pytest.approx(want[measure], abs=1e-9), (codes[i], codes[j], measure)
                checked += 1
    assert checked > 1800
    assert got.loc[(255, 260), "s_unweighted"] < 1  # their ties to each other differ: 3 to itself, 0 to the other


def test_cascade_covariates_are_empty_where_a_state_is_off_the_reference_day(tmp_path: Path,
                                                                               data_dir: Path) -> None:
    """The covariates read an attack on 1 July. Germany (255) enters on 3 October 1990, North and South Yemen leave
    on 21 May: the United States attacking Germany had 0 defenders, 0 CINC and no major power — the alliances of a
    day Germany did not exist, written as a real 0 — and nothing said so. They are empty now where either state is
    not a COW member on 1 July (raw states2016.csv), present everywhere else, and a note gives the count."""
    out = tmp_path / "dyads.parquet"
    proc = cli_line(["dyads", "--from", "1990", "--to", "1990", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    table = pd.read_parquet(out)
    spells = raw_data.cow_spells(data_dir)
    day = pd.Timestamp(dt.date(1990, 7, 1))
    on_day = set(spells.ccode[(spells.start <= day) & (spells.end >= day)])
    off = ~(table.ccode1.isin(on_day) & table.ccode2.isin(on_day))
    absent = set(table.ccode1) - on_day
    assert {255, 678, 680} <= absent and not {260, 265, 679} & absent  # the three are members on 1 July 1990
    assert table.loc[off, COVARIATES].isna().all().all()
    assert table.loc[~off, COVARIATES].notna().all().all()
    assert table.set_index(["ccode1", "ccode2"]).loc[(2, 260), "cascade_defenders"] > 0  # West Germany's allies
    said = [n for n in json.loads(pq.read_schema(out).metadata[b"foedus"])["notes"] if "1 July" in n]
    assert len(said) == 1 and f"in the {int(off.sum()):,} dyad-years" in said[0]
    assert f"note: {said[0]}" in proc.stderr
    csv_out = tmp_path / "dyads.csv"
    proc = cli_line(["dyads", "--from", "1990", "--to", "1990", "--out", str(csv_out)])
    assert proc.returncode == 0, proc.stderr
    back = pd.read_csv(csv_out)
    assert back.loc[off.to_numpy(), COVARIATES].isna().all().all()
    assert set(back.cascade_major_defender.dropna().unique()) == {0, 1}  # 0/1 as before, empty where missing


@pytest.mark.parametrize(("system", "year", "victim", "gone"), [("cow", 1958, 651, "SYR"), ("gw", 1918, 350, "SRB")])
def test_cascade_defenders_are_members_on_the_reference_day(tmp_path: Path, world: World, system: str, year: int,
                                                            victim: int, gone: str) -> None:
    """A state bound to defend on 1 July but not a member of the table's system that day is no defender: Serbia, out
    of the Gleditsch–Ward list while occupied (1915–1918), still bound to Greece under their 1913 alliance (COW has it
    a member). Syria, in the United Arab Republic from 1 February 1958, has left COW's system, so the engine binds it
    to no one (`foedus.engine.rules.system`), where it was bound to Egypt under the Arab League's treaty. Both were
    counted. The covariates are the engine's round one restricted to the states whose own rows the table reads that
    day (tests/test_research.py checks the same in 1991, where no such state is bound)."""
    import foedus

    out = tmp_path / "dyads.parquet"
    proc = cli_line(["dyads", "--from", str(year), "--to", str(year), "--system", system, "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    table = pd.read_parquet(out)
    first, second = table.columns[:2]
    read = table[table.cascade_defenders.notna()]
    by_code = world.states.by_ccode
    members = {by_code[c] for c in read[first].unique() if c in by_code}
    day = dt.date(year, 7, 1)
    assert gone not in members and world.states.get(gone).member_on(day) == (system == "gw")
    attackers = [c for c in read[first].unique() if c in by_code and world.states.get(by_code[c]).member_on(day)]
    rows = read[(read[second] == victim) & read[first].isin(attackers)].head(12)  # the engine's attackers: COW's
    assert len(rows) == 12
    for row in rows.itertuples():
        r = foedus.cascade(by_code[getattr(row, first)], by_code[victim], day.isoformat(), world=world)
        bound = ({j.state for j in r.joiners if j.primary.round == 1 and j.side == "defense"}
                 | {c.state for c in r.conflicts if c.round == 1})
        assert (gone in bound) == (system == "gw")  # bound that day, though not a member of GW's system then
        assert row.cascade_defenders == len(bound & members), (getattr(row, first), victim)


def _gw_ends(data_dir: Path) -> dict[int, dt.date]:
    """The last day of each GW state's last spell, from the raw Gleditsch–Ward file."""
    gw = pd.read_csv(data_dir / "gw_states" / "gw_states.csv", parse_dates=["enddate"])
    return {int(code): end.date() for code, end in gw.groupby("gwcode").enddate.max().items()}


@pytest.mark.parametrize(("month", "day"), [(1, 1), (3, 1), (5, 21), (5, 22), (7, 1), (10, 2), (10, 3), (12, 31)])
def test_gw_codes_read_the_state_of_the_reference_day_in_a_year_of_unification(data_dir: Path, month: int,
                                                                                day: int) -> None:
    """GW 678 is the Yemen Arab Republic (COW 678) until South Yemen (GW 680) leaves the GW list, unified Yemen (COW
    679) from the next day; GW 260 likewise West Germany (COW 260), then Germany (COW 255), after GW 265. A 1990 row
    was read as COW 679 (and 260) whatever its reference day, so covariates read on 1 March looked up a Yemen that
    did not exist yet."""
    from foedus.research.gw_cow import gw_to_cow

    ends = _gw_ends(data_dir)
    on = dt.date(1990, month, day)
    rows = np.array([[678, 260, 1990], [260, 678, 1990], [678, 260, 1989], [678, 260, 1991]])
    yemen, germany = (679 if on > ends[680] else 678), (255 if on > ends[265] else 260)
    assert gw_to_cow(rows, (month, day)).tolist() == [[yemen, germany, 1990], [germany, yemen, 1990],
                                                      [678, 260, 1989], [679, 255, 1991]]


@pytest.mark.parametrize(("month", "day", "cow"), [(3, 1, 678), (7, 1, 679)])
def test_gw_yemen_covariates_in_1990_are_those_of_the_cow_state_of_that_day(world: World, month: int, day: int,
                                                                            cow: int) -> None:
    """Read on 1 March 1990, an attack on GW 678 is one on the Yemen Arab Republic: its Arab League defenders, as in
    the COW table's row of COW 678 (it had none, read as unified Yemen, which had no treaties yet); on 1 July, on
    unified Yemen, as COW 679's."""
    from foedus.research.dyads import DyadOptions, dyad_columns

    gw = dyad_columns(world, DyadOptions(1990, 1990, system="gw", reference_day=(month, day)))
    cow_table = dyad_columns(world, DyadOptions(1990, 1990, system="cow", reference_day=(month, day)))
    for attacker in (2, 200, 651):
        i = np.flatnonzero((gw["gwcode1"] == attacker) & (gw["gwcode2"] == 678))[0]
        j = np.flatnonzero((cow_table["ccode1"] == attacker) & (cow_table["ccode2"] == cow))[0]
        for column in COVARIATES:
            assert float(gw[column][i]) == pytest.approx(float(cow_table[column][j])), (attacker, column)
        assert gw["cascade_defenders"][i] > 0
