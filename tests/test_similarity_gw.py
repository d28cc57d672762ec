"""`foedus similarity` had no `--system gw`, though `foedus dyads` has: a researcher on the Gleditsch–Ward list could
not get alliance similarity over its states. It takes it now, as dyads does (`foedus.research.ties_gw`): each GW member
read as the COW state that held its code on 1 July (its ATOP ties and CINC), the codes `gwcode1`, `gwcode2`, and the
dyad-years of a state the COW list never has (`foedus.research.gw_cow.GW_ONLY`) rows without measures, said in a
note, that no other pair's portfolio counts."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from foedus.research.gw_cow import GW_ONLY
from foedus.research.similarity_fast import MEASURES
from foedus.research.ties import yearly_portfolios_of
from foedus.research.ties_gw import gw_portfolios
from foedus.world_cache import cached_states
from samples import cli_line, error_line

pytestmark = pytest.mark.needs_data


def test_a_gw_similarity_table_lists_every_gw_pair_and_leaves_the_gw_only_states_empty(tmp_path: Path) -> None:
    out = tmp_path / "g.parquet"
    ran = cli_line(["similarity", "--from", "1895", "--to", "1900", "--system", "gw", "--out", str(out)])
    assert ran.returncode == 0, ran.stderr
    table = pd.read_parquet(out)
    assert list(table.columns) == ["gwcode1", "gwcode2", "year", *MEASURES]
    assert table.equals(table.sort_values(["year", "gwcode1", "gwcode2"]).reset_index(drop=True))
    for year, rows in table.groupby("year"):
        n = len(set(rows["gwcode1"]))
        assert len(rows) == n * (n - 1), year  # every ordered pair of the year's GW members
    only = table["gwcode1"].isin(GW_ONLY) | table["gwcode2"].isin(GW_ONLY)
    assert only.any() and table.loc[only, list(MEASURES)].isna().all(axis=None)
    assert table.loc[~only, "s_unweighted"].notna().all()
    said = re.search(r"the measures \(s_unweighted … taub\) are empty in the ([\d,]+) dyad-years of a state the COW "
                     r"list never has \(GW 89, 99, 563, 564, 711, 815\)", ran.stderr)
    assert said is not None and int(said[1].replace(",", "")) == int(only.sum())
    assert "gw_states" in ran.stderr  # cited


@pytest.mark.parametrize("year", [1950, 1991, 2006])
def test_the_gw_ties_are_the_cow_states_ties(year: int) -> None:
    """Over the states both lists code alike the tie matrices are COW's; GW 260 in 1991 is unified Germany, COW 255."""
    states = cached_states()
    cow_codes, cow_ties, _ = yearly_portfolios_of(states, year, year)[year]
    gw_codes, gw_ties, _ = gw_portfolios(states, year, year)[0][year]
    common = np.intersect1d(cow_codes, gw_codes)
    ic, ig = np.searchsorted(cow_codes, common), np.searchsorted(gw_codes, common)
    assert (cow_ties[np.ix_(ic, ic)] == gw_ties[np.ix_(ig, ig)]).all()
    if year == 1991:
        others = common[common != 255]
        germany = cow_ties[list(cow_codes).index(255), np.searchsorted(cow_codes, others)]
        assert (gw_ties[list(gw_codes).index(260), np.searchsorted(gw_codes, others)] == germany).all()
        assert germany.sum() > 0


def test_an_unknown_system_is_refused_as_dyads_refuses_it(tmp_path: Path) -> None:
    out = str(tmp_path / "s.csv")
    assert error_line(["similarity", "--from", "1900", "--to", "1900", "--system", "iso", "--out", out]) == \
        error_line(["dyads", "--from", "1900", "--to", "1900", "--system", "iso", "--out", out]) == \
        "unknown system 'iso': choose cow or gw"


def test_the_gw_counts_in_research_md(tmp_path: Path) -> None:
    """docs/research.md: the rows `foedus similarity --from 1816 --to 2018 --system gw` writes, and the empty ones."""
    ran = cli_line(["similarity", "--from", "1816", "--to", "2018", "--system", "gw", "--out",
                    str(tmp_path / "g.parquet")])
    assert ran.returncode == 0, ran.stderr
    rows = re.search(r"wrote ([\d,]+) rows to ", ran.stderr)
    empty = re.search(r"are empty in the ([\d,]+) dyad-years", ran.stderr)
    assert rows is not None and empty is not None
    said = (Path(__file__).resolve().parents[1] / "docs" / "research.md").read_text(encoding="utf-8")
    assert f"writes {rows[1]} rows, {empty[1]} of them empty so" in " ".join(said.split())
