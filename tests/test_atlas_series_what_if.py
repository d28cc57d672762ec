"""`foedus atlas --from Y1 --to Y2` with what-if changes: refused until 2026-12-06 ("a what-if atlas is one date's").
Each year now runs in the world the changes make on its day (1 July), read as a one-date atlas reads them; a change that
cannot apply in a year (its treaty not in force, its state not in the state system or a party already, no party to
remove) leaves that year as encoded, and the notes name the change, the years and why. Every row's `what_if` cell names
the changes that applied in its year (`foedus.sweeps.atlas_years`)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from foedus.model.overlay import AddMember, DropTreaty, Overlay, RemoveMember
from foedus.model.world import World
from foedus.whatif_words import what_if_world
from samples import cli_line, error_line

pytestmark = pytest.mark.needs_data

NONE_APPLIED = "none (no change applies this year: the treaties as encoded)"
DROP = ["--drop-treaty", "rus_prk_2024"]


def _series(tmp_path: Path, name: str, *args: str) -> tuple[pd.DataFrame, list[str]]:
    out = tmp_path / name
    ran = cli_line(["atlas", "--from", "2024", "--to", "2025", "--reading", "legal", *args, "--out", str(out)])
    assert ran.returncode == 0, ran.stderr
    frame = pd.read_parquet(out) if out.is_dir() else pd.read_csv(out)
    if out.is_dir():
        return frame, []
    return frame, json.loads(Path(f"{out}-metadata.json").read_text(encoding="utf-8"))["foedus"]["notes"]


def test_a_change_applies_in_the_years_it_can_and_the_notes_say_the_others(tmp_path: Path) -> None:
    """The Russia–DPRK treaty of 2024 entered into force on 2024-12-04: dropping it changes 2025, not 2024."""
    from foedus.sweeps.atlas import AtlasOptions, atlas_frame

    changed, notes = _series(tmp_path, "w.csv", *DROP)
    plain, _ = _series(tmp_path, "p.csv")
    assert list(changed.columns) == [*plain.columns, "what_if"]
    assert list(changed["what_if"]) == [NONE_APPLIED, "drop_treaty rus_prk_2024"]
    assert changed.drop(columns="what_if").iloc[0].equals(plain.iloc[0])  # 2024 as encoded
    day = dt.date(2025, 7, 1)  # 2025 as the one-date what-if atlas of its day
    alone = atlas_frame(Overlay(changes=[DropTreaty(treaty="rus_prk_2024")]).apply(World.default(), day), day,
                        AtlasOptions(readings=("legal",)))
    assert changed["mean_size_legal"].iloc[1] == pytest.approx(alone["war_size_legal"].mean())
    assert changed["mean_size_legal"].iloc[1] != plain["mean_size_legal"].iloc[1]
    assert what_if_world(["drop_treaty rus_prk_2024"]) in notes
    assert ("--drop-treaty rus_prk_2024 does not apply in 2024: rus_prk_2024, the treaty dropped, is not in force on "
            "1 July (in-force basis), so that year's row is as encoded for it") in notes


def test_which_years_each_change_applies_in(world: World) -> None:
    """Ukraine is no state before 26 Dec 1991, NATO in force from 24 Aug 1949; Uzbekistan left the CSTO in 1999, was
    back from 2006 to 2012; a member added from a later `joined` is none before it (the Rio treaty: from 3 Dec 1948)."""
    from foedus.sweeps.atlas_years import series_what_if

    changes = [AddMember(treaty="nato_1949", state="UKR"), RemoveMember(treaty="csto_1992", state="UZB"),
               AddMember(treaty="tiar_1947", state="CAN", joined=dt.date(2000, 1, 1))]
    plan = series_what_if(changes, world, range(1948, 2016), "in-force")
    assert [y for y in range(1948, 2016) if 0 in plan.applied[y]] == list(range(1992, 2016))
    assert [y for y in range(1948, 2016) if 1 in plan.applied[y]] == [*range(1994, 1999), *range(2006, 2013)]
    assert [y for y in range(1948, 2016) if 2 in plan.applied[y]] == list(range(2000, 2016))
    assert plan.cell(1950) == NONE_APPLIED
    assert plan.cell(2010) == "add_member nato_1949:UKR, remove_member csto_1992:UZB and add_member tiar_1947:CAN"
    assert ("change 1 (add_member nato_1949:UKR) does not apply in 1950–1991: UKR is not a member of the state system "
            "on 1 July, so those years' rows are as encoded for it") in plan.notes
    assert ("change 1 (add_member nato_1949:UKR) does not apply in 1948–1949: nato_1949, the treaty changed, is not in "
            "force on 1 July (in-force basis), so those years' rows are as encoded for it") in plan.notes
    assert ("change 2 (remove_member csto_1992:UZB) does not apply in 1999–2005 and 2013–2015: UZB is no party of "
            "csto_1992 on 1 July, so those years' rows are as encoded for it") in plan.notes
    assert ("change 3 (add_member tiar_1947:CAN) does not apply in 1949–1999: CAN joins only from 2000-01-01, so those "
            "years' rows are as encoded for it") in plan.notes
    day = dt.date(2010, 7, 1)  # a year's world is the one-date what-if world of its day
    assert plan.world(world, 2010).treaty("csto_1992") == Overlay(changes=changes[1:2]).apply(world, day).treaty(
        "csto_1992")


@pytest.mark.parametrize(("years", "args", "said"), [
    # two changes that contradict each other contradict each other in every year, though each applies in other years
    ("2024", ["--add-member", "nato_1949:UKR", "--remove-member", "nato:Ukraine"],
     "--add-member nato_1949:UKR and --remove-member nato:Ukraine contradict each other: give one of them"),
    # a treaty that does not exist is refused, not said to apply in no year
    ("2024", ["--drop-treaty", "nato_1494"],
     "unknown treaty 'nato_1494'; did you mean nato_1949, atop_4948, atop_4945? (try `foedus treaties list`)"),
    # an article the treaty lacks, before any year runs (the Russia–DPRK treaty applies only in 2025, the last year)
    ("2024", ["--set-strength", "rus_prk_2024:55=S1"], "what-if: rus_prk_2024 has no article '55' (articles: 3, 4)"),
    # the Russia–DPRK treaty is in force in no year of 2000–2001: a change to one of its articles was only said not
    # to apply, its bad article never refused; it is checked against the treaty as encoded, as on one date
    ("2000", ["--set-strength", "rus_prk_2024:55=S1"], "what-if: rus_prk_2024 has no article '55' (articles: 3, 4)"),
    ("2000", ["--set-scope", "rus_prk_2024:Art. 4=territory:none"],
     "what-if: rus_prk_2024 has no article 'Art. 4' (articles: 3, 4); 'Art. 4' is article '4': write '4'"),
    ("2000", ["--set-strength", "rus_prk_2024:4=S1"], "--set-strength rus_prk_2024:4=S1 changes nothing: rus_prk_2024 "
                                                      "says so already"),
])
def test_a_what_if_series_is_refused_as_a_set_before_any_year(tmp_path: Path, years: str, args: list[str], said: str,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The changes are checked as a set, and each against its treaty as encoded, before any year of the series runs."""
    import foedus.sweeps.atlas as atlas

    def no_year(*_: object, **__: object) -> None:
        raise AssertionError("a year ran before the changes were refused")

    monkeypatch.setattr(atlas, "year_row", no_year)
    out = tmp_path / "s.csv"
    last = str(int(years) + 1)
    assert error_line(["atlas", "--from", years, "--to", last, *args, "--out", str(out)]) == said
    assert not out.exists()


def test_a_good_change_applying_in_no_year_is_still_only_noted(world: World) -> None:
    from foedus.model.overlay import SetStrength
    from foedus.sweeps.atlas_years import series_what_if

    plan = series_what_if([SetStrength(treaty="rus_prk_2024", article="4", strength="S2")], world, [2000], "in-force")
    assert plan.applied == {2000: ()}
    assert any("does not apply in 2000: rus_prk_2024, the treaty changed, is not in force" in n for n in plan.notes)


def test_a_change_to_an_added_treaty_in_force_in_no_year_is_checked_against_it(world: World, tmp_path: Path) -> None:
    """A treaty added from a file, in force from 2020: a change to an article it lacks is refused over 2000."""
    from foedus.errors import ScenarioError
    from foedus.model.overlay import AddTreaty, SetStrength
    from foedus.sweeps.atlas_years import series_what_if
    from samples import treaty_files

    (path,) = treaty_files(tmp_path, {"zz_2020": ("", "FRA DEU", "defense", "5", "S2", "verified")})
    with pytest.raises(ScenarioError, match=r"^what-if: zz_2020 has no article '9' \(articles: 5\)$"):
        series_what_if([AddTreaty(path=str(path)), SetStrength(treaty="zz_2020", article="9", strength="S1")], world,
                       [2000], "in-force")


@pytest.mark.slow
def test_a_what_if_series_on_a_local_dask_cluster_is_the_in_process_one(tmp_path: Path) -> None:
    """A real dask.distributed LocalCluster of two worker processes (the other Dask tests run an in-process stand-in):
    each worker builds its year's what-if world from the bundled one."""
    pytest.importorskip("distributed")
    here, _ = _series(tmp_path, "w.csv", *DROP)
    parts, _ = _series(tmp_path, "parts", *DROP, "--scheduler", "local", "--workers", "2")
    parts = parts.drop(columns="decade").sort_values("year").reset_index(drop=True)
    assert list(parts["what_if"]) == [NONE_APPLIED, "drop_treaty rus_prk_2024"]
    pd.testing.assert_frame_equal(parts, here[list(parts.columns)], check_dtype=False)
