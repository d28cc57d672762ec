"""foedus's ATOP flags against ATOP 5.1's own directed dyad-year file (peacesciencer's `atop_alliance.csv`) and
against a plain-pandas rebuild from the member-level file (tests/raw_data.py), 1815–2018: every disagreement
falls in a class docs/research.md explains ("Validation against ATOP's own dyad-year flags")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import raw_data
from foedus.model.world import World
from foedus.research.atop_check import OBVARY, PHASE_CHANGE, compare_atop_flags
from foedus.research.atop_flags import FLAG_COLUMNS, atop_flag_keys
from foedus.research.dyads import DyadOptions, build_dyads
from foedus.sources.atop import load_atop
from raw_data import KEY, OBLIGATIONS

pytestmark = [pytest.mark.needs_data, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[1]
COLUMN = dict(zip(OBLIGATIONS, FLAG_COLUMNS.values(), strict=True))  # defense -> atop_defense ...
FLAG_KIND = {column: kind for kind, column in FLAG_COLUMNS.items()}  # atop_defense -> defense ...


@pytest.fixture(scope="module")
def pairs(data_dir: Path) -> pd.DataFrame:
    return raw_data.atop_pair_years(data_dir)


@pytest.fixture(scope="module")
def table(world: World) -> pd.DataFrame:
    """`foedus dyads --from 1816 --to 2018 --no-covariates`, the flags under the member file's names."""
    found = build_dyads(world, DyadOptions(1816, 2018, covariates=False))
    return found.rename(columns={c: k for k, c in COLUMN.items()}).astype({k: int for k in OBLIGATIONS})


@pytest.fixture(scope="module")
def atop_file(data_dir: Path) -> pd.DataFrame:
    ref = pd.read_csv(data_dir / "atop" / "atop_alliance.csv")
    return ref.rename(columns={c: k for k, c in COLUMN.items()})


def _explained(pairs: pd.DataFrame, atop_file: pd.DataFrame) -> pd.DataFrame:
    """ATOP's rows with the rebuild's flags: any phase (`_any`), the latest phase (`_last`) and the latest phase of
    the alliances ATOP does not mark OBVARY (`_fixed`)."""
    out = atop_file
    for suffix, frame in (("_any", raw_data.flags(pairs, latest=False)),
                          ("_last", raw_data.flags(pairs, latest=True)),
                          ("_fixed", raw_data.flags(pairs[pairs.obvary != 1], latest=True))):
        out = out.merge(frame.rename(columns={k: k + suffix for k in OBLIGATIONS}), on=KEY, how="left")
    return out.fillna(0)


def test_foedus_flag_keys_are_the_plain_rebuild_of_the_member_file(world: World, pairs: pd.DataFrame) -> None:
    """Any phase both states belong to at a common moment of the year, obligor first: every kind, every year."""
    ccode = {s.id: s.ccode for s in world.states if s.ccode is not None}
    found = atop_flag_keys(load_atop(world.states), ccode)
    known = pairs.ccode1.isin(ccode.values()) & pairs.ccode2.isin(ccode.values())
    for kind, column in COLUMN.items():
        rows = pairs[known & (pairs[kind] == 1)]
        want = np.unique((rows.ccode1.to_numpy() * 1000 + rows.ccode2.to_numpy()) * 10_000 + rows.year.to_numpy())
        assert np.array_equal(found[FLAG_KIND[column]], want), column


def test_every_disagreement_is_an_obvary_alliance_or_a_phase_change(world: World, pairs: pd.DataFrame,
                                                                   atop_file: pd.DataFrame) -> None:
    """ATOP's file is the rebuild with two rules foedus does not follow: in a year in which an alliance changes
    phase it counts the later phase only, and in OBVARY alliances it owes an obligation to some partners only.
    Without the OBVARY alliances, the latest-phase rebuild is ATOP's file flag for flag; `foedus atop-check` puts
    exactly the rows the latest-phase rule removes in its phase-change class, and the rest in OBVARY."""
    rows = _explained(pairs, atop_file)
    report = {f["column"]: f for f in compare_atop_flags(world)["flags"]}
    for kind, column in COLUMN.items():
        ref, every, last, fixed = (rows[kind + s].astype(int) for s in ("", "_any", "_last", "_fixed"))
        assert not ((ref == 1) & (every == 0)).any(), column  # ATOP never flags what the rebuild does not
        assert ((fixed <= ref) & (ref <= last)).all(), column  # OBVARY alliances are the only excess
        phase = int(((every == 1) & (last == 0)).sum())
        obvary = int(((last == 1) & (ref == 0)).sum())
        classes = report[column]["classes"]
        assert classes.get(PHASE_CHANGE, 0) == phase and classes.get(OBVARY, 0) == obvary, (column, classes)
        assert report[column]["ours_only"] == phase + obvary and report[column]["theirs_only"] == 0


def test_rows_only_the_rebuild_lists_are_pairs_outside_foedus_or_the_cow_system(world: World, data_dir: Path,
                                                                               pairs: pd.DataFrame,
                                                                               atop_file: pd.DataFrame) -> None:
    listed = raw_data.flags(pairs, latest=False).merge(atop_file[KEY], on=KEY, how="left", indicator=True)
    extra = listed[listed["_merge"] == "left_only"]
    known = {s.ccode for s in world.states if s.ccode is not None}
    unknown = ~extra.ccode1.isin(known) | ~extra.ccode2.isin(known)
    rest = extra[~unknown]
    together = raw_data.coexisting(raw_data.cow_spells(data_dir), sorted(set(rest.year)))
    assert len(rest) and rest.merge(together, on=KEY, how="inner").empty  # never COW members at a common moment


def test_the_dyads_table_against_atops_file_1816_2018(data_dir: Path, pairs: pd.DataFrame, atop_file: pd.DataFrame,
                                                      table: pd.DataFrame) -> None:
    """`foedus dyads --from 1816 --to 2018 --no-covariates` row by row against ATOP's file: no flag on a row ATOP
    does not list; on shared rows, only the two classes above; ATOP's rows the table lacks are pairs that are not
    COW system members at a common moment of the year. The counts are docs/research.md's."""
    ref = _explained(pairs, atop_file[atop_file.year >= 1816])
    both = ref.merge(table, on=KEY, how="outer", suffixes=("", "_foedus"), indicator=True)
    only_foedus = both[both["_merge"] == "right_only"]
    assert not only_foedus[[k + "_foedus" for k in OBLIGATIONS]].any(axis=None)
    shared = both[both["_merge"] == "both"]
    counts = []
    for kind in OBLIGATIONS:
        ours, theirs = shared[kind + "_foedus"], shared[kind]
        assert (ours == shared[kind + "_any"]).all()
        counts.append(int((ours != theirs).sum()))
    missing = both[both["_merge"] == "left_only"][KEY]
    together = raw_data.coexisting(raw_data.cow_spells(data_dir), sorted(set(missing.year)))
    assert missing.merge(together, on=KEY, how="inner").empty
    members = _system_years(data_dir)
    none_in_system = sum((a, y) not in members and (b, y) not in members for a, b, y in missing.itertuples(index=False))
    text = " ".join((ROOT / "docs" / "research.md").read_text(encoding="utf-8").split())
    assert (f"of ATOP's {len(ref):,} rows of 1816–2018, {len(shared):,} are rows of the table" in text)
    assert f"({', '.join(map(str, counts))} for the five flags in the table's order)" in text
    assert f"the other {len(missing):,} rows ({none_in_system} of them with neither state a member)" in text


def test_foedus_alliance_keys_and_ids_are_the_plain_rebuild_of_the_member_file(world: World,
                                                                               pairs: pd.DataFrame) -> None:
    """`atopally` and `atopid` by the flags' rule (any phase both states belong to at a common moment of the year),
    whatever the alliance obliges: every directed dyad-year the rebuild lists, with the same ids."""
    from foedus.research.atop_flags import atop_keys

    ccode = {s.id: s.ccode for s in world.states if s.ccode is not None}
    found = atop_keys(load_atop(world.states), ccode)
    known = pairs[pairs.ccode1.isin(ccode.values()) & pairs.ccode2.isin(ccode.values())]
    rebuilt = raw_data.alliances(known)  # sorted by ccode1, ccode2, year: the keys' order
    want = (rebuilt.ccode1.to_numpy() * 1000 + rebuilt.ccode2.to_numpy()) * 10_000 + rebuilt.year.to_numpy()
    assert np.array_equal(found.ally, want)
    assert [";".join(map(str, found.id_sets[i])) for i in found.id_set] == rebuilt.atopid.tolist()
    for kind in FLAG_COLUMNS:  # every flag's key is an alliance's
        assert np.isin(found.flags[kind], found.ally).all(), kind


def test_atopally_and_atopid_of_the_dyads_table_are_atops_and_the_rebuilds(pairs: pd.DataFrame,
                                                                           atop_file: pd.DataFrame,
                                                                           table: pd.DataFrame) -> None:
    """On every row of `foedus dyads --from 1816 --to 2018`: `atopally` is 1 exactly where ATOP's dyad-year file
    lists the row (its `atopally`), so wherever a flag is 1 and on the protected side of a one-way guarantee, which
    has none (Djibouti toward France, ATOP 3790); `atopid` is the rebuild's ids, empty where the pair shares none."""
    rows = table.merge(atop_file[KEY], on=KEY, how="left", indicator=True)
    listed = (rows["_merge"] == "both").to_numpy()
    assert (rows.atopally.to_numpy() == listed.astype(int)).all()
    assert (rows.atopally >= rows[OBLIGATIONS].max(axis=1)).all()
    ids = rows[KEY].merge(raw_data.alliances(pairs), on=KEY, how="left").atopid.fillna("")
    assert (rows.atopid.to_numpy(dtype=object) == ids.to_numpy(dtype=object)).all()
    assert ((rows.atopid != "") == (rows.atopally == 1)).all()
    unbound = atop_file[(atop_file[OBLIGATIONS] == 0).all(axis=1)]  # by ATOP's flags; OBVARY rows among them
    protected = unbound.merge(table[(table[OBLIGATIONS] == 0).all(axis=1)], on=KEY, suffixes=("_atop", ""))
    assert len(protected) and (protected.atopally == 1).all()
    text = " ".join((ROOT / "docs" / "research.md").read_text(encoding="utf-8").split())
    assert f"`atopally` is 1 on the {len(protected)} of them that are rows of the table" in text
    assert f"`atopally` is 1 on exactly the {int(listed.sum()):,} rows of the table that ATOP's file lists" in text
    count = rows.atopid.str.count(";") + 1
    most = rows[count == count.max()]
    assert count.max() == 9 and set(most.year) == set(range(2007, 2013)) and set(most.ccode1) | set(most.ccode2) == {
        365, 704}  # "at most 9 ids, Russia–Uzbekistan 2007–2012"
    assert f"at most {count.max()} ids, Russia–Uzbekistan 2007–2012" in text
    djibouti = protected[(protected.ccode1 == 522) & (protected.ccode2 == 220)]
    assert sorted(djibouti.year) == list(range(1977, 2011))
    assert all("3790" in ids.split(";") for ids in djibouti.atopid)


def _system_years(data_dir: Path) -> set[tuple[int, int]]:
    """(ccode, year) of the COW members of each year (system2016.csv; 2016's states in 2017 and 2018)."""
    s = pd.read_csv(data_dir / "cow_states" / "system2016.csv")
    last = s[s.year == 2016].ccode
    return set(zip(s.ccode, s.year, strict=True)) | {(c, y) for c in last for y in (2017, 2018)}


def test_alliances_of_each_state_year_are_atops_state_year_file(world: World, data_dir: Path) -> None:
    """The ATOP ids of the imported treaties a state belongs to in a year (any day of it) are the state-year file's
    `atopid1`…`atopid59`, except the alliances with a member foedus does not know, which are not imported."""
    ours = set()
    for treaty in load_atop(world.states):
        atopid = int(treaty.id.split("_")[1])
        for m in treaty.members:
            code, first = world.states.get(m.state).ccode, m.joined or treaty.in_force
            assert code is not None and first is not None
            last = (m.left - dt.timedelta(days=1)).year if m.left else 2018  # `left` is the first day out
            ours.update((code, y, atopid) for y in range(first.year, last + 1))
    sy = pd.read_csv(data_dir / "atop" / "atop5_1sy.csv")
    ids = sy.melt(id_vars=["state", "year"], value_vars=[f"atopid{i}" for i in range(1, 60)]).dropna()
    theirs = {(int(s), int(y), int(i)) for s, y, i in ids[["state", "year", "value"]].itertuples(index=False) if i > 0}
    m = pd.read_csv(data_dir / "atop" / "atop5_1m.csv")
    known = {s.ccode for s in world.states}
    outside = set(m[~m.member.isin(known)].atopid)
    assert ours <= theirs
    assert outside and {i for _, _, i in theirs - ours} <= outside
