"""Research datasets: dyad-years, ATOP flags and their check, cascade covariates, similarity output."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from foedus.model.world import World
from foedus.research.atop_check import compare_atop_flags
from foedus.research.atop_flags import FLAG_COLUMNS
from foedus.research.dyads import DyadOptions, build_dyads, dyad_years, system_spells
from samples import cli_line

pytestmark = pytest.mark.needs_data


@pytest.fixture(scope="module")
def dyads_1990s(world: World) -> pd.DataFrame:
    return build_dyads(world, DyadOptions(1989, 1992))


def test_dyad_years_match_the_cow_system_list(world: World, data_dir: Path) -> None:
    system = pd.read_csv(data_dir / "cow_states" / "system2016.csv")
    for year in (1816, 1900, 1950, 2016):
        n = int((system.year == year).sum())
        rows = dyad_years(system_spells(world, "cow"), year, year)
        assert len(rows) <= n * (n - 1)  # exact dates can only remove pairs
        assert len(rows) >= n * (n - 1) - 4 * n  # ... and only a few
    rows = dyad_years(system_spells(world, "cow"), 2016, 2016)
    assert len(rows) == 195 * 194


def test_exact_dates_drop_states_that_never_coexist(world: World) -> None:
    # East Germany left the system on 1990-10-03; the unified Germany (255) entered the same day
    rows = dyad_years(system_spells(world, "cow"), 1990, 1990)
    pairs = {(int(a), int(b)) for a, b, _ in rows}
    assert (265, 255) not in pairs and (260, 255) not in pairs
    assert (265, 260) in pairs


def test_flags_are_missing_outside_atop_coverage(world: World) -> None:
    df = build_dyads(world, DyadOptions(2018, 2019, covariates=False))
    for column in ("atop_defense", "atopally", "atopid"):
        assert df.loc[df.year == 2019, column].isna().all(), column
        assert df.loc[df.year == 2018, column].notna().all(), column


def test_atopally_and_atopid_are_the_same_in_either_direction(world: World) -> None:
    """Sharing an alliance is symmetric: the undirected table's `atopally` and `atopid` are the directed table's, and
    `atopally` is 1 wherever a flag is (in the undirected table too, where a flag is either direction's)."""
    directed = build_dyads(world, DyadOptions(1945, 1950, covariates=False))
    undirected = build_dyads(world, DyadOptions(1945, 1950, directed=False, covariates=False))
    keys = ["ccode1", "ccode2", "year"]
    back = directed.rename(columns={"ccode1": "ccode2", "ccode2": "ccode1"})
    both = directed.merge(back, on=keys, suffixes=("", "_back"))
    assert len(both) == len(directed)
    assert (both.atopally == both.atopally_back).all() and (both.atopid == both.atopid_back).all()
    got = undirected.merge(directed, on=keys, suffixes=("", "_directed"))
    assert len(got) == len(undirected)
    assert (got.atopally == got.atopally_directed).all() and (got.atopid == got.atopid_directed).all()
    for df in (directed, undirected):
        assert (df.atopally >= df[list(FLAG_COLUMNS.values())].max(axis=1)).all()
        assert ((df.atopid != "") == (df.atopally == 1)).all() and df.atopally.sum() > 0


def test_columns_and_known_values(dyads_1990s: pd.DataFrame) -> None:
    df = dyads_1990s
    assert list(df.columns[:8]) == ["ccode1", "ccode2", "year", "atop_defense", "atop_offense",
                                    "atop_neutral", "atop_nonagg", "atop_consul"]
    usa_can = df[(df.ccode1 == 2) & (df.ccode2 == 20) & (df.year == 1990)].iloc[0]
    assert usa_can.atop_defense == 1
    # if Russia attacks Poland in 1992: Poland is not yet in NATO, no major power is bound to defend it
    rus_pol = df[(df.ccode1 == 365) & (df.ccode2 == 290) & (df.year == 1992)].iloc[0]
    assert not rus_pol.cascade_major_defender
    # if Russia attacks Germany in 1992: NATO allies defend it, majors (USA, UK, France) among them
    rus_deu = df[(df.ccode1 == 365) & (df.ccode2 == 255) & (df.year == 1992)].iloc[0]
    assert rus_deu.cascade_defenders >= 14 and rus_deu.cascade_major_defender
    assert 0 < rus_deu.cascade_defenders_cinc < 1


def test_covariates_equal_the_single_engine_round_one(world: World, dyads_1990s: pd.DataFrame) -> None:
    import datetime as dt

    import foedus

    day = dt.date(1991, 7, 1)
    sample = dyads_1990s[dyads_1990s.year == 1991].sample(60, random_state=7)
    for row in sample.itertuples():
        a, b = world.states.by_ccode[row.ccode1], world.states.by_ccode[row.ccode2]
        if not (world.states.get(a).member_on(day) and world.states.get(b).member_on(day)):
            continue
        r = foedus.cascade(a, b, "1991-07-01", world=world)
        round1 = {j.state for j in r.joiners if j.primary.round == 1 and j.side == "defense"}
        bound = round1 | {c.state for c in r.conflicts if c.round == 1}
        in_system = {s for s in bound if world.states.get(s).member_on(day)}  # third *states* (COW members)
        assert row.cascade_defenders == len(in_system), (a, b)


def test_suspended_legs_are_not_round_one_defenders(world: World) -> None:
    """The covariates count no leg the engine holds back: the US's ANZUS duty to New Zealand, suspended since
    1986, nor a member's duty while its membership is suspended (Egypt in the Arab League, 1979-1989)."""
    import datetime as dt

    from foedus.research.defenders import defender_tables

    plain, limited = defender_tables(world, dt.date(1995, 7, 1))
    assert "AUS" in plain["NZL"] and "USA" not in plain["NZL"]
    us = [(how, who) for victim, obligor, how, who in limited if (victim, obligor) == ("NZL", "USA")]
    assert us and all(how == "only" and "CHN" in who and "IND" not in who for how, who in us)  # Manila, US limit
    plain, _ = defender_tables(world, dt.date(1985, 7, 1))
    assert "EGY" not in plain["JOR"] and "SYR" in plain["JOR"]


def test_undirected_output_has_each_pair_once(world: World) -> None:
    df = build_dyads(world, DyadOptions(1950, 1950, directed=False, covariates=False))
    assert (df.ccode1 < df.ccode2).all()
    assert not df.duplicated(["ccode1", "ccode2", "year"]).any()


def test_gw_system(world: World) -> None:
    df = build_dyads(world, DyadOptions(2000, 2000, system="gw", covariates=False))
    assert {"gwcode1", "gwcode2"} <= set(df.columns)
    # GW codes Germany 260; its ATOP ties are looked up under COW 255
    assert df[(df.gwcode1 == 260) & (df.gwcode2 == 2)].atop_defense.iloc[0] == 1


def test_gw_codes_that_differ_from_cows_are_translated_by_year(world: World) -> None:
    """GW 260 is West Germany to 1990 (COW 260), unified Germany after (COW 255); GW 340, Serbia, is COW 345;
    GW 817, South Vietnam, is COW 817 (not North Vietnam's 816). Each flag is then ATOP's for the COW pair."""
    flags = list(FLAG_COLUMNS.values())
    gw = build_dyads(world, DyadOptions(1912, 1912, system="gw", covariates=False))
    cow = build_dyads(world, DyadOptions(1912, 1912, covariates=False))
    serbia = gw[(gw.gwcode1 == 355) & (gw.gwcode2 == 340)].iloc[0]
    assert serbia.atop_neutral == 1 and serbia.atop_consul == 1
    want = cow[(cow.ccode1 == 355) & (cow.ccode2 == 345)].iloc[0]
    assert [serbia[f] for f in flags] == [want[f] for f in flags]
    for year, cow_code in ((1960, 260), (1990, 260), (1995, 255)):
        gw = build_dyads(world, DyadOptions(year, year, system="gw", covariates=False))
        cow = build_dyads(world, DyadOptions(year, year, covariates=False))
        got = gw[(gw.gwcode1 == 2) & (gw.gwcode2 == 260)].iloc[0]
        want = cow[(cow.ccode1 == 2) & (cow.ccode2 == cow_code)].iloc[0]
        assert got.atop_defense == 1 and [got[f] for f in flags] == [want[f] for f in flags], year
    gw = build_dyads(world, DyadOptions(1962, 1962, system="gw", covariates=False))
    cow = build_dyads(world, DyadOptions(1962, 1962, covariates=False))
    for code in (816, 817):
        got = gw[(gw.gwcode1 == code) & (gw.gwcode2 == 2)].iloc[0]
        want = cow[(cow.ccode1 == code) & (cow.ccode2 == 2)].iloc[0]
        assert [got[f] for f in flags] == [want[f] for f in flags], code


def test_gw_yemen_after_unification_is_cows_yemen(world: World) -> None:
    """GW keeps 678 for Yemen after the 22 May 1990 unification; COW numbers unified Yemen 679. GW Yemen's ATOP
    ties after 1989 are COW 679's (they were all 0: the Arab League's joint defence with Saudi Arabia was lost)."""
    flags = list(FLAG_COLUMNS.values())
    for year, cow_code in ((1989, 678), (1990, 679), (1995, 679), (2016, 679)):
        gw = build_dyads(world, DyadOptions(year, year, system="gw", covariates=False))
        cow = build_dyads(world, DyadOptions(year, year, covariates=False))
        for partner in (670, 651):  # Saudi Arabia, Egypt
            got = gw[(gw.gwcode1 == 678) & (gw.gwcode2 == partner)].iloc[0]
            want = cow[(cow.ccode1 == cow_code) & (cow.ccode2 == partner)].iloc[0]
            assert got.atop_defense == 1 and [got[f] for f in flags] == [want[f] for f in flags], (year, partner)
            back = gw[(gw.gwcode1 == partner) & (gw.gwcode2 == 678)].iloc[0]
            assert back.atop_defense == 1, (year, partner)


def test_gw_states_cow_never_lists_have_no_atop_flags(world: World, data_dir: Path) -> None:
    """ATOP is coded on COW's states: of a state only the Gleditsch–Ward list has (the Transvaal, 563, and the Orange
    Free State, 564, which allied in 1897; Tibet, 711) it says nothing, so its flags, atopally and atopid are
    missing, not 0 (they were 0: "no alliance"). Rows of two COW states keep theirs."""
    gw_list = set(pd.read_csv(data_dir / "gw_states" / "gw_states.csv").gwcode)
    cow_list = set(pd.read_csv(data_dir / "cow_states" / "states2016.csv").ccode)
    from foedus.research.gw_cow import GW_ONLY

    assert gw_list - cow_list - {340} == GW_ONLY  # GW 340 is COW 345, Serbia
    gw = build_dyads(world, DyadOptions(1897, 1897, system="gw", covariates=False))
    boers = gw[(gw.gwcode1 == 563) & (gw.gwcode2 == 564)].iloc[0]
    assert all(pd.isna(boers[f]) for f in [*FLAG_COLUMNS.values(), "atopally", "atopid"])
    outside = gw.gwcode1.isin(GW_ONLY) | gw.gwcode2.isin(GW_ONLY)
    assert outside.any() and gw[outside].atopally.isna().all() and gw[~outside].atopally.notna().all()
    tibet = build_dyads(world, DyadOptions(1920, 1920, system="gw", covariates=False))
    assert tibet[tibet.gwcode1 == 711].atop_defense.isna().all()


def test_atop_flags_agree_with_atops_own_dyad_years(world: World) -> None:
    report = compare_atop_flags(world)
    assert report["reference_rows"] == 273_296
    for flag in report["flags"]:
        assert flag["rate"] > 0.999, flag
        assert flag["theirs_only"] == 0
        assert sum(flag["classes"].values()) == flag["ours_only"]
    assert len(report["dyad_years_only_foedus_flags"]) == 8


def test_similarity_ties_use_signorino_and_ritters_valued_coding(world: World) -> None:
    """3 defence or offence, 2 neutrality or non-aggression, 1 consultation only (COW's entente), 0 none, self 3.
    In 1935 Germany and Poland share only the 1934 non-aggression declaration (2, not 1), Austria and Italy only
    the Rome Protocols' consultation (1, not 2); Germany's S with Poland is recomputed from the definition."""
    from foedus.research.similarity import pair_similarity, similarity_matrices
    from foedus.research.ties import yearly_portfolios

    codes, ties, weights = yearly_portfolios(world, 1935, 1935)[1935]
    pos = {int(c): i for i, c in enumerate(codes)}
    flags = build_dyads(world, DyadOptions(1935, 1935, covariates=False)).set_index(["ccode1", "ccode2"])
    for (a, b), tie, only in (((255, 290), 2, "atop_nonagg"), ((305, 325), 1, "atop_consul")):
        row = flags.loc[(a, b)]
        assert [int(row[f]) for f in FLAG_COLUMNS.values()] == [int(f == only) for f in FLAG_COLUMNS.values()]
        assert ties[pos[a], pos[b]] == ties[pos[b], pos[a]] == tie
    assert (np.diag(ties) == 3).all() and set(np.unique(ties)) <= {0, 1, 2, 3}
    got = similarity_matrices(ties, weights)
    want = pair_similarity(ties[pos[255]], ties[pos[290]], weights)
    for measure, value in want.items():
        assert got[measure][pos[255], pos[290]] == pytest.approx(value, nan_ok=True), measure


def test_parquet_metadata_names_the_data_versions(tmp_path: Path) -> None:
    """A researcher reading the file alone learns which release of each dataset it was built from."""
    import json

    import pyarrow.parquet as pq

    out = tmp_path / "dyads.parquet"
    proc = cli_line(["dyads", "--from", "1914", "--to", "1914", "--no-covariates", "--add", "all", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    meta = json.loads(pq.read_schema(out).metadata[b"foedus"])
    assert meta["datasets"] == ["cow_states", "atop", "cow_contiguity", "cow_nmc"]
    assert meta["dataset_versions"] == {
        "atop": "Alliance Treaty Obligations and Provisions (ATOP), version 5.1",
        "cow_states": "COW State System Membership and Major Powers, version 2016",
        "cow_nmc": "COW National Material Capabilities (abridged), version 6.0",
        "cow_contiguity": "COW Direct Contiguity, version 3.2",
    }


@pytest.mark.parametrize(("last", "noted"), [(2016, False), (2017, True)])
def test_similarity_says_when_it_carries_the_2016_members_and_cinc(tmp_path: Path, last: int, noted: bool) -> None:
    """The portfolios of 2017 and 2018 are over COW's members of 2016, weighted by their 2016 CINC (both end in 2016).
    The similarity table said nothing of it; the yearly atlas, which carries the same, says so on stderr and in the
    Parquet metadata, and now the similarity table does too (in the same words), and only past 2016."""
    import json

    import pyarrow.parquet as pq

    from foedus.sweeps.atlas import series_notes

    out = tmp_path / "s.parquet"
    proc = cli_line(["similarity", "--from", str(last), "--to", str(last), "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    said = series_notes(2017, majors=False)[:1] if noted else []  # it reads no major power
    assert said == [] or said[0].startswith("after 2016 the state system and each state's CINC are those of 2016")
    assert json.loads(pq.read_schema(out).metadata[b"foedus"]).get("notes", []) == said
    assert [line[len("note: "):] for line in proc.stderr.splitlines() if line.startswith("note: ")] == said


@pytest.mark.parametrize(("args", "said"), [
    (["--system", "cow", "--from", "2016", "--to", "2016", "--no-covariates"], []),
    (["--system", "cow", "--from", "2017", "--to", "2017", "--no-covariates"], ["the COW state system of 2016"]),
    (["--system", "cow", "--from", "2017", "--to", "2017", "--add", "cinc"],
     ["the COW state system of 2016", "the cascade covariates count the COW members of 2016", "cinc1 and cinc2 are "
      "empty after 2016"]),
    (["--system", "cow", "--from", "2017", "--to", "2017", "--no-covariates", "--add", "cowmaj"],
     ["the COW state system of 2016", "cowmaj1 and cowmaj2 after 2016 are COW's major powers of 2016, carried "
      "forward (COW's major-power list ends in 2016; its open spells run on in every later year"]),
    (["--system", "gw", "--from", "2017", "--to", "2017", "--no-covariates"], []),
    (["--system", "gw", "--from", "2018", "--to", "2018", "--no-covariates"], ["the Gleditsch–Ward state system of "
                                                                              "2017"]),
    (["--system", "gw", "--from", "1897", "--to", "1897", "--no-covariates"],
     ["the ATOP flags (atop_defense … atop_consul, atopally, atopid) are empty in the 202 dyad-years of a state the "
      "COW list never has (GW 89, 99, 563, 564, 711, 815)"]),
    (["--system", "cow", "--from", "2019", "--to", "2019", "--no-covariates"],
     ["the COW state system of 2016", "the ATOP flags (atop_defense … atop_consul, atopally, atopid) are empty after "
      "2018"]),
    (["--system", "cow", "--from", "2026", "--to", "2026", "--depth"],
     ["the COW state system of 2016", "the cascade covariates count the COW members of 2016", "the ATOP flags",
      "after 2018 the cascade covariates and the shared alliance's depth read the ATOP alliances in force",
      "the bundled treaty data was reviewed as a whole to 2025-12-31; later changes are encoded only where found"]),
    # the GW table's covariates read the rule on GW's list (`foedus.research.gw_dated`), not COW's members of 2016
    (["--system", "gw", "--from", "2017", "--to", "2017"],
     ["after 2016 the cascade covariates count the members of the Gleditsch–Ward list (the state-system rule read on "
      "its dates), each with its 2016 CINC and major-power status, carried forward (COW's major-power list and NMC "
      "6.0 end in 2016)"]),
])
def test_dyads_say_when_they_carry_the_state_system_past_its_end(tmp_path: Path, args: list[str],
                                                                  said: list[str]) -> None:
    """Dyad-years of 2017 and 2018 are those of COW's 2016 state system (v2016 ends in 2016; the Gleditsch–Ward
    list in 2017), and said nothing of it, on stderr or in the Parquet metadata, as the atlas and similarity do.
    Now each note is in both, worded for the columns written: with --add cinc, cinc1 and cinc2 are said to be
    empty (and are) while the cascade's CINC is said to be carried (and is filled)."""
    import json

    import pandas as pd
    import pyarrow.parquet as pq

    out = tmp_path / "d.parquet"
    proc = cli_line(["dyads", *args, "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    printed = [line[len("note: "):] for line in proc.stderr.splitlines() if line.startswith("note: ")]
    assert json.loads(pq.read_schema(out).metadata[b"foedus"]).get("notes", []) == printed
    assert len(printed) == len(said) and all(part in line for part, line in zip(said, printed, strict=True))
    frame = pd.read_parquet(out)
    if "cinc1" in frame:
        assert frame.cinc1.isna().all() and frame.cascade_defenders_cinc.gt(0).any()
    if int(args[args.index("--to") + 1]) > 2018:  # the flags empty, as said; the depth carried, as said
        assert frame.atop_defense.isna().all() and frame.atopid.isna().all()
        assert "depth_shared" not in frame or frame.depth_shared.notna().any()


def test_metadata_says_when_a_dataset_is_another_version(target: Path) -> None:
    from foedus.datasets.registry import DATASETS
    from foedus.datasets.report import versions
    from foedus.datasets.verify import record_other_version

    target.mkdir(parents=True)
    assert versions(["atop"]) == {"atop": "Alliance Treaty Obligations and Provisions (ATOP), version 5.1"}
    record_other_version(DATASETS["atop"].files[0], "ab" * 32, 10, "test")
    assert versions(["atop"])["atop"] == ("Alliance Treaty Obligations and Provisions (ATOP), another version than "
                                          f"5.1 (imported with --any-version: atop/atop5_1m.csv sha256 {'ab' * 32})")


def test_cli_writes_parquet_and_csv_and_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "dyads.parquet"
    proc = cli_line(["dyads", "--from", "1914", "--to", "1914", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    df = pd.read_parquet(out)
    assert len(df) > 1000 and df.year.unique().tolist() == [1914]
    sim = tmp_path / "sim.csv"
    proc = cli_line(["similarity", "--from", "1914", "--to", "1914", "--out", str(sim)])
    assert proc.returncode == 0, proc.stderr
    s = pd.read_csv(sim)
    assert list(s.columns) == ["ccode1", "ccode2", "year", "s_unweighted", "s_squared", "s_weighted",
                               "kappa", "pi", "taub"]
    assert np.isfinite(s.s_unweighted).all() and (s.s_unweighted <= 1).all()
    before = out.read_bytes()
    proc = cli_line(["dyads", "--from", "1914", "--to", "1914", "--out", str(out)])
    assert proc.returncode == 2 and "not overwriting" in proc.stderr and out.read_bytes() == before
    proc = cli_line(["dyads", "--from", "2000", "--to", "1990", "--out", str(tmp_path / "x.csv")])
    assert proc.returncode == 2 and "impossible year range" in proc.stderr


@pytest.mark.parametrize(("first", "last", "expected"), [
    (2000, 1990, r"impossible year range 2000–1990: --from 2000 is after --to 1990 \(need --from <= --to\)"),
    (1816, 3000, r"--to 3000 is outside 1815–2100 \(foedus reads no day after 2100\)"),
    (1700, 1816, r"--from 1700 is outside 1815–2100 \(ATOP's alliances begin in 1815\)")])
def test_a_year_range_outside_the_covered_years_is_refused_in_one_line(first: int, last: int, expected: str) -> None:
    """A range backwards or past the years foedus covers is refused naming the option at fault (a `FoedusError`,
    which the console prints as one line with exit 2, as the test above checks for a backwards range)."""
    from foedus.cli.research_cmd import refuse_or_note_years
    from foedus.errors import FoedusError

    with pytest.raises(FoedusError, match=f"^{expected}$"):
        refuse_or_note_years(first, last)


@pytest.mark.parametrize("command", ["dyads", "similarity", "atlas"])
def test_a_year_range_before_the_state_system_is_refused_not_written_empty(tmp_path: Path, command: str) -> None:
    """1815 is a year foedus reads, but no state is a member then: dyads and similarity wrote a file of no row, and
    atlas one of no dyad, all with exit 0; now each is refused in one line, as `atlas --date 1815-06-01` is."""
    out = tmp_path / "x.csv"
    proc = cli_line([command, "--from", "1815", "--to", "1815", "--out", str(out)])
    assert proc.returncode == 2 and proc.stderr.splitlines() == [
        "error: no state is a member of the state system in 1815–1815 (the COW state system begins on 1816-01-01): "
        "there is no dyad-year to write; end the range in 1816 or later"]
    assert not out.exists()


def test_a_gw_range_before_the_state_system_names_the_gw_system(tmp_path: Path) -> None:
    """`dyads --system gw` of 1815 alone was refused naming the COW state system, which was not asked for; the
    message names the Gleditsch–Ward system and its first day, read from its list."""
    from foedus.sources.cow import read_gw_spells

    begins = min(start for spans in read_gw_spells().values() for start, _ in spans)
    out = tmp_path / "x.csv"
    proc = cli_line(["dyads", "--system", "gw", "--from", "1815", "--to", "1815", "--out", str(out)])
    assert proc.returncode == 2 and proc.stderr.splitlines() == [
        "error: no state is a member of the state system in 1815–1815 (the Gleditsch–Ward state system begins on "
        f"{begins}): there is no dyad-year to write; end the range in {begins.year} or later"]
    assert not out.exists()


def test_atop_gone_after_the_check_is_refused_as_missing(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """ATOP's file gone between the similarity measures' check of the data folder and the read (the only way the
    ties find no ATOP keys) is refused as missing data in one line, not a traceback."""
    from foedus.errors import DataMissingError
    from foedus.research import ties

    monkeypatch.setattr(ties, "cached_flag_keys_of", lambda states: None)
    with pytest.raises(DataMissingError, match=r"^ATOP 5\.1 is not in the data folder: run `foedus data fetch atop`$"):
        ties.yearly_portfolios(world, 1935, 1935)


@pytest.mark.needs_data
@pytest.mark.parametrize("command", ["dyads", "similarity", "atlas"])
def test_a_year_range_begun_before_the_state_system_says_its_first_years_have_no_dyad(tmp_path: Path,
                                                                                       command: str) -> None:
    """1815–1816: 1815 had no row in dyads and similarity, and a row of zeros (mean size 0.0) in the atlas series,
    without a word; the run now notes, on stderr and in the metadata, that those years have no dyad."""
    out = tmp_path / "x.csv"
    proc = cli_line([command, "--from", "1815", "--to", "1816", "--out", str(out)])
    note = ("no state is a member of the state system in 1815–1815 (the COW state system begins on 1816-01-01): "
            "those years have no dyad")
    assert proc.returncode == 0 and f"note: {note}" in proc.stderr.splitlines(), proc.stderr
    assert note in (tmp_path / "x.csv-metadata.json").read_text(encoding="utf-8")
    proc = cli_line([command, "--from", "1816", "--to", "1816", "--out", str(tmp_path / "y.csv")])
    assert proc.returncode == 0 and "those years have no dyad" not in proc.stderr, proc.stderr
