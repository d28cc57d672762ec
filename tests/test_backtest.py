"""The backtest: opening attacks of known wars, hand-checked metrics, the CLI's files and its refusal to overwrite."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from foedus.backtest.metrics import Counts, Pair, brier, brier_skill, calibration, reference_brier
from foedus.backtest.opening import opening_attack
from foedus.backtest.predict import Predicted, ReadingPrediction
from foedus.backtest.published import split
from foedus.backtest.scoring import Actual, pairs_of, score
from foedus.backtest.wars import DyadicStarts, Participation, War, load_dyadic, load_wars
from foedus.cli.backtest_cmd import OUTPUT_FILES, SIDECARS, foreign_entries
from samples import cli_line

D = dt.date


# --- opening attacks ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def openings():  # type: ignore[no-untyped-def]
    dyadic = load_dyadic()
    return {w.num: opening_attack(w, dyadic) for w in load_wars()}


@pytest.mark.needs_data
def test_the_war_file_has_95_wars(openings) -> None:  # type: ignore[no-untyped-def]
    assert len(openings) == 95
    assert all(o is not None for o in openings.values())


@pytest.mark.needs_data
@pytest.mark.parametrize(("num", "attackers", "targets", "day"), [
    (106, (300,), (345,), D(1914, 7, 29)),  # WWI: Austria-Hungary against Serbia (COW v4.0 dates it the 29th)
    (139, (255,), (290,), D(1939, 9, 1)),  # WWII: Germany against Poland
    (151, (731,), (732,), D(1950, 6, 24)),  # Korea: North against South
    (211, (645,), (690,), D(1990, 8, 2)),  # Gulf War: Iraq against Kuwait
    (227, (2, 200, 900), (645,), D(2003, 3, 19)),  # Invasion of Iraq: three initiators
])
def test_opening_attack_of_known_wars(openings, num, attackers, targets, day) -> None:  # type: ignore[no-untyped-def]
    o = openings[num]
    assert (o.attackers, o.targets, o.date, o.how) == (attackers, targets, day, "start-date")


@pytest.mark.needs_data
def test_dyadic_file_picks_who_was_attacked_first(openings) -> None:  # type: ignore[no-untyped-def]
    # Nomonhan 1939: Mongolia and the USSR both enter on 11 May; Japan fought Mongolia first (dyadic file)
    o = openings[136]
    assert (o.attackers, o.targets, o.how) == ((740,), (712,), "dyadic")


def _war(*rows: tuple[int, int, dt.date, bool]) -> War:
    return War(1, "Test", tuple(Participation(c, f"S{c}", side, start, ini) for c, side, start, ini in rows))


def test_opening_attack_without_initiator_is_none() -> None:
    war = _war((1, 1, D(1900, 1, 1), False), (2, 2, D(1900, 1, 1), False))
    assert opening_attack(war, DyadicStarts({})) is None


def test_opening_attack_falls_back_when_no_opponent_enters_on_day_one() -> None:
    war = _war((1, 1, D(1900, 1, 1), True), (2, 2, D(1900, 1, 5), False), (3, 2, D(1900, 1, 9), False))
    assert opening_attack(war, DyadicStarts({})).targets == (2,)  # type: ignore[union-attr]
    dyadic = DyadicStarts({1: {(1, 3): D(1900, 1, 2), (1, 2): D(1900, 1, 6)}})
    o = opening_attack(war, dyadic)
    assert o is not None and (o.targets, o.how) == ((3,), "dyadic-fallback")


def test_state_that_changed_sides_keeps_the_side_it_entered_on() -> None:
    war = _war((1, 1, D(1939, 9, 1), True), (2, 2, D(1939, 9, 1), False),
               (3, 1, D(1940, 6, 10), False), (3, 2, D(1943, 10, 18), False))
    assert war.first_side()[3].side == 1


@pytest.mark.needs_data
def test_unplaceable_states_are_skipped_with_a_reason(world) -> None:  # type: ignore[no-untyped-def]
    from foedus.backtest.placing import Placer

    placer = Placer(world.states)
    assert placer.place(9999, D(1950, 1, 1)) == (None, "COW code 9999 is not in the state registry")
    state, reason = placer.place(530, D(1939, 9, 1))  # Ethiopia, under Italian occupation
    assert state is None and "not a member of the state system on 1939-09-01" in reason
    assert placer.place(345, D(1914, 7, 29)) == ("SRB", "")


# --- metrics on a hand-made example ---------------------------------------------------------------------------


def _pred(state: str, side: str, unresolved: bool = False) -> Predicted:
    return Predicted(state, side, "defense", "t", "1", "S2", 1, unresolved)  # type: ignore[arg-type]


@pytest.fixture
def tiny() -> tuple[ReadingPrediction, Actual]:
    """X attacks Y. Real joiners: A, C, D with Y; B with X. Predicted: A, B, E, F with Y; C bound both ways."""
    pred = ReadingPrediction(
        variant="legal",
        joiners={"A": _pred("A", "defense"), "B": _pred("B", "defense"), "E": _pred("E", "defense"),
                 "F": _pred("F", "defense", unresolved=True)},
        conflicts=frozenset({"C"}),
        probabilities={"A": (0.0, 0.8), "B": (0.0, 0.5), "C": (0.3, 0.3), "E": (0.0, 0.4), "F": (0.0, 0.2)},
    )
    actual = Actual(war=1, attackers=("X",), targets=("Y",), joiners={"A": "defense", "B": "attack",
                                                                       "C": "defense", "D": "defense"})
    return pred, actual


def test_hits_and_misses_by_hand(tiny) -> None:  # type: ignore[no-untyped-def]
    s = score(*tiny)
    assert (s.hits, s.other_side, s.stayed_out, s.unobligated, s.conflicted, s.unresolved) == (
        ("A",), ("B",), ("E", "F"), ("D",), ("C",), ("F",))
    # tp = A; fp = B (wrong side) + E + F; fn = B + C + D
    assert s.counts == Counts(tp=1, fp=3, fn=3)
    assert (s.counts.precision, s.counts.recall, s.counts.f1) == (0.25, 0.25, 0.25)


def test_skipped_states_leave_both_sides_of_the_comparison(tiny) -> None:  # type: ignore[no-untyped-def]
    pred, actual = tiny
    s = score(pred, actual, skipped=frozenset({"B", "D"}))
    assert s.counts == Counts(tp=1, fp=2, fn=1)


def test_brier_and_calibration_by_hand(tiny) -> None:  # type: ignore[no-untyped-def]
    pred, actual = tiny
    pairs = pairs_of(pred, actual, members=["A", "B", "C", "D", "E", "F", "G", "X", "Y"])
    assert [p.state for p in pairs] == ["A", "B", "C", "D", "E", "F", "G"]  # the original parties are not pairs
    # forecast on the favoured side, outcome: A .8/1, B .5/0 (fought the other side), C .3/1 (tie: its side),
    # D 0/1, E .4/0, F .2/0, G 0/0
    assert [p.forecast for p in pairs] == [(0.8, 1), (0.5, 0), (0.3, 1), (0.0, 1), (0.4, 0), (0.2, 0), (0.0, 0)]
    squared = [0.04, 0.25, 0.49, 1.0, 0.16, 0.04, 0.0]
    assert brier(pairs) == pytest.approx(sum(squared) / 7)  # 0.282857...
    assert reference_brier(pairs) == pytest.approx(3 / 7 * 4 / 7)  # base rate 3/7
    assert brier_skill(pairs) == pytest.approx(1 - (1.98 / 7) / (12 / 49))
    bins = calibration(pairs)
    assert [b.n for b in bins] == [2, 0, 1, 1, 1, 1, 0, 0, 1, 0]
    assert (bins[0].mean_forecast, bins[0].observed) == (0.0, 0.5)
    assert (bins[8].mean_forecast, bins[8].observed) == (0.8, 1.0)


def test_counts_pool_over_wars() -> None:
    total = Counts.total([Counts(1, 3, 3), Counts(2, 0, 1), Counts()])
    assert total == Counts(3, 3, 4)
    assert total.precision == 0.5 and total.recall == pytest.approx(3 / 7)
    assert total.f1 == pytest.approx(2 * 0.5 * (3 / 7) / (0.5 + 3 / 7))
    assert Counts().precision is None and Counts(fp=2).f1 is None


def test_degenerate_scores_are_none() -> None:
    assert brier([]) is None and reference_brier([]) is None and brier_skill([]) is None
    never = [Pair(1, "A", 0.0, 0.0, None)]
    assert brier(never) == 0.0 and brier_skill(never) is None  # a base rate of 0 scores 0: skill undefined


def test_split_shares() -> None:
    got = split(["alongside"] * 27 + ["stayed_out"] * 61 + ["other_side"] * 12)
    assert got["n"] == 100 and got["shares"] == {"alongside": 0.27, "stayed_out": 0.61, "other_side": 0.12}
    assert split([])["shares"]["alongside"] is None


# --- the whole run and the CLI --------------------------------------------------------------------------------


@pytest.mark.needs_data
def test_backtest_of_the_first_world_war(world) -> None:  # type: ignore[no-untyped-def]
    from foedus.backtest.published import PUBLISHED
    from foedus.backtest.run import Settings, run_backtest
    from foedus.backtest.summary import summarize

    bt = run_backtest(world, Settings(first=1914, last=1914, draws=200, seed=1))
    assert [r.war.num for r in bt.records] == [106]
    r = bt.records[0]
    assert (r.actual.attackers, r.actual.targets) == (("COW300",), ("SRB",))
    assert r.actual.joiners["DEU"] == "attack" and r.actual.joiners["RUS"] == "defense"
    assert "GRC" in r.scores["legal"].hits  # Greece, bound to Serbia by the 1913 alliance, joined in 1917
    m = summarize(bt)
    assert m["wars"] == {"in_range": 1, "scored": 1, "skipped": 0, "pre1945": 1, "post1945": 0}
    assert m["precision_recall"]["legal"]["overall"]["tp"] >= 1
    assert 0 <= m["probabilistic"]["brier"] <= 1
    again = summarize(run_backtest(world, Settings(first=1914, last=1914, draws=200, seed=1)))
    assert again == m  # the same seed gives the same figures
    # a published figure is compared over the years its period and the run share, and says so
    periods = [(row["period"], row["published_period"]) for row in m["published"]]
    assert [published for _, published in periods] == [f"{p.first}–{p.last}" for p in PUBLISHED]
    assert [period for period, _ in periods] == ["none of the run's years" if p.first > 1914 else "1914–1914"
                                                 for p in PUBLISHED]
    assert m["sabrosky"]["period"] == "1914–1914"


@pytest.mark.needs_data
def test_a_war_the_engine_cannot_open_is_skipped_not_fatal(world) -> None:  # type: ignore[no-untyped-def]
    from foedus.backtest.run import Settings, run_backtest

    ghost = _war((9998, 1, D(1950, 1, 1), True), (2, 2, D(1950, 1, 1), False))
    bt = run_backtest(world, Settings(draws=10), wars=[ghost])
    assert bt.records == [] and bt.skipped_wars[0]["reason"] == "the engine cannot place the attackers"
    assert bt.skips[0].reason == "COW code 9998 is not in the state registry"


def test_report_and_figures_of_an_empty_backtest(tmp_path: Path) -> None:
    from foedus.backtest.figures import calibration_figure, precision_recall_figure
    from foedus.backtest.report import markdown
    from foedus.backtest.run import Backtest, Settings
    from foedus.backtest.summary import summarize, war_rows

    bt = Backtest(Settings(first=1900, last=1901), skipped_wars=[{"war": 1, "name": "T", "start": "1900-01-01",
                                                                 "reason": "why"}], wars_in_range=1)
    m = {"run": {"date": "2026-01-01", "foedus_version": "0", "command": "foedus backtest"}, **summarize(bt)}
    text = markdown(m, war_rows(bt))
    assert "precision n/a" in text and "* war 1 (T, 1900-01-01): why" in text
    calibration_figure(m, tmp_path)
    precision_recall_figure(m, tmp_path)
    assert len(list(tmp_path.iterdir())) == 4


@pytest.fixture(scope="module")
def gulf_war(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The report of a backtest of 1990-1991 (the Gulf War alone, 20 draws), and what it said on stderr."""
    out = tmp_path_factory.mktemp("gulf") / "bt"
    proc = cli_line(["backtest", "--from", "1990", "--to", "1991", "--out", str(out), "--draws", "20"])
    assert proc.returncode == 0, proc.stderr
    return out, proc.stderr


@pytest.mark.needs_data
def test_every_backtest_table_carries_the_metadata_of_every_table(gulf_war: tuple[Path, str]) -> None:
    """docs/outputs.md: a Parquet file's metadata names the output, the foedus version, the datasets to cite and their
    versions. The backtest's tables named only the output ({'title': 'foedus backtest: per war'})."""
    import pyarrow.parquet as pq

    from foedus._version import __version__

    out, said = gulf_war
    assert "1 war scored (0 skipped, 0 states left out)" in said and "(1 war) to" in said  # not '1 wars'
    for stem in ("wars", "outcomes", "reliability"):
        meta = json.loads(pq.read_metadata(out / f"{stem}.parquet").metadata[b"foedus"])
        assert meta["title"].startswith("foedus backtest") and meta["foedus_version"] == __version__
        assert meta["datasets"] == ["cow_wars", "cow_states", "atop"]
        assert set(meta["dataset_versions"]) == set(meta["datasets"])
        assert "5.1" in meta["dataset_versions"]["atop"]


@pytest.mark.needs_data
def test_every_backtest_csv_and_stata_table_has_its_sidecar(gulf_war: tuple[Path, str]) -> None:
    """The backtest's CSV and Stata tables had no sidecar (docs/outputs.md: only their Parquet twins carried the
    metadata), where every other research table has one: each now has the Parquet file's metadata beside it, and
    --force replaces a report with its sidecars (they are the backtest's own files, not foreign ones)."""
    import pyarrow.parquet as pq

    out, said = gulf_war
    assert "in NAME-metadata.json" in said
    for stem in ("wars", "outcomes", "reliability"):
        inside = json.loads(pq.read_metadata(out / f"{stem}.parquet").metadata[b"foedus"])
        for suffix in (".csv", ".dta"):
            side = json.loads((out / f"{stem}{suffix}-metadata.json").read_text(encoding="utf-8"))
            assert side["url"] == f"{stem}{suffix}" and side["foedus"] == inside
            assert len(side["tableSchema"]["columns"]) == len(pd.read_parquet(out / f"{stem}.parquet").columns)
    assert {p.name for p in out.iterdir()} == set(OUTPUT_FILES)
    assert foreign_entries(out) is None


@pytest.mark.needs_data
def test_backtest_tables_write_flags_and_whole_numbers_as_every_table_does(gulf_war: tuple[Path, str]) -> None:
    """docs/outputs.md: a CSV writes flags as 0/1, never True/False; whole numbers stay integers. The backtest's CSVs
    had their own writer (joined_30 'False', met 'True'), and its Parquet and Stata files made a day count with
    missing values a float (days_to_entry 12.0)."""
    out, _ = gulf_war
    for stem, flags in (("outcomes", ["joined_30", "joined_365", "joined_ever"]), ("reliability", ["met", "honoured"])):
        text = pd.read_csv(out / f"{stem}.csv", dtype=str, keep_default_na=False)
        written = {value for flag in flags for value in text[flag]}
        assert written <= {"0", "1", ""} and {"0", "1"} <= written, (stem, written)
    outcomes = pd.read_parquet(out / "outcomes.parquet")
    assert str(outcomes["days_to_entry"].dtype) == "Int64" and outcomes["days_to_entry"].notna().any()
    assert str(outcomes["joined_30"].dtype) == "bool" and str(outcomes["ccode"].dtype) == "int64"
    text = pd.read_csv(out / "outcomes.csv", dtype=str, keep_default_na=False)
    assert not text["days_to_entry"].str.contains(r"\.").any()


@pytest.mark.slow
@pytest.mark.needs_data
def test_cli_writes_every_file_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "bt"
    proc = cli_line(["backtest", "--from", "1939", "--to", "1950", "--out", str(out), "--draws", "200"])
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["report.md", "metrics.json", "wars.csv", "wars.parquet", "wars.dta", "calibration.png", "calibration.svg",
         "precision_recall.png", "precision_recall.svg", "outcomes.csv", "reliability.csv", "outcomes.parquet",
         "outcomes.dta", "reliability.parquet", "reliability.dta", *SIDECARS])
    outcomes = pd.read_csv(out / "outcomes.csv")
    assert len(pd.read_stata(out / "outcomes.dta")) == len(outcomes) == len(pd.read_parquet(out / "outcomes.parquet"))
    wars = pd.read_csv(out / "wars.csv")
    assert pd.read_stata(out / "wars.dta")["war"].tolist() == wars["war"].tolist()
    assert pd.read_parquet(out / "wars.parquet")["name"].tolist() == wars["name"].tolist()
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["settings"]["from"] == 1939 and metrics["wars"]["scored"] == metrics["wars"]["in_range"] > 3
    assert metrics["run"]["command"].startswith("foedus backtest --from 1939 --to 1950")
    assert {"legal", "escalatory", "legal-unmet"} <= set(metrics["precision_recall"])
    assert any(s["name"] == "Ethiopia" for s in metrics["skipped_states"])  # occupied on 1939-09-01
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "## Headline figures" in report and "| 139 | World War II | 1939-09-01 |" in report
    assert "## Replayed wars: the opening attack and the replay, side by side" in report
    replay = metrics["replay"]
    assert set(replay["deterministic"]["overall"]) == {"opening", "replay"}
    assert set(replay["probabilistic"]["overall"]["replay"]) == {"30", "365", "ever"}
    assert (out / "outcomes.csv").read_text(encoding="utf-8").startswith("war,war_name,war_start,era,state,")
    assert (out / "calibration.png").read_bytes()[:4] == b"\x89PNG"
    assert (out / "wars.csv").read_text(encoding="utf-8").startswith("war,name,start,")

    mine = out / "notes.txt"
    mine.write_text("mine", encoding="utf-8")
    before = (out / "report.md").read_text(encoding="utf-8")
    again = cli_line(["backtest", "--from", "1950", "--to", "1950", "--out", str(out), "--draws", "50"])
    assert again.returncode == 2
    assert again.stderr.strip().startswith("error: ") and "not empty" in again.stderr
    assert again.stderr.strip().count("\n") == 0
    assert (out / "report.md").read_text(encoding="utf-8") == before
    forced = cli_line(["backtest", "--from", "1950", "--to", "1950", "--out", str(out), "--draws", "50", "--force",
                       "--opening-only"])
    assert forced.returncode == 2 and "not replacing" in forced.stderr and "notes.txt" in forced.stderr
    assert mine.read_text(encoding="utf-8") == "mine"  # --force replaces an earlier report only, never your files
    assert (out / "report.md").read_text(encoding="utf-8") == before
    mine.unlink()
    forced = cli_line(["backtest", "--from", "1950", "--to", "1950", "--out", str(out), "--draws", "50", "--force",
                       "--opening-only"])
    assert forced.returncode == 0, forced.stderr
    again_metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert again_metrics["wars"]["scored"] == 1 and "replay" not in again_metrics  # the earlier backtest only
    assert not (out / "outcomes.csv").exists()  # the replaced report's replay files are not carried over
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bt"]  # no temporary left beside it


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "1950", "--to", "1940"], "impossible year range 1950–1940: --from 1950 is after --to 1940 (need --from "
     "<= --to)"),
    (["--draws", "0"], "--draws must be between 1 and 1,000,000 (got 0)"),
    (["--from", "1700"], "--from 1700 is outside 1816–2100 (COW's inter-state wars begin in 1816)"),
    pytest.param(["--from", "2010", "--to", "2020"], "no COW inter-state war starts in 2010–2020 (the data cover "
                 "1823–2003)", marks=pytest.mark.needs_data),
])
def test_cli_user_errors_are_one_line_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    proc = cli_line(["backtest", "--out", str(tmp_path / "x"), *args])
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"error: {message}"
    assert not (tmp_path / "x").exists()  # nothing created for a run that cannot start


def test_the_year_options_are_bounded_by_the_named_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """`backtest` and `likely` read their --from/--to bounds from the COW data's first day and foedus's last day
    (`foedus.model.states.COW_FIRST_DAY`, `foedus.model.days.LATEST`), not from literals of their own."""
    from foedus.cli.backtest_cmd import _check
    from foedus.cli.likely_cmd import _check_range
    from foedus.errors import FoedusError

    monkeypatch.setattr("foedus.model.states.COW_FIRST_DAY", dt.date(1820, 1, 1))
    monkeypatch.setattr("foedus.model.days.LATEST", dt.date(2050, 12, 31))
    for check in (lambda y: _check(y, None, 1), lambda y: _check_range(y, None, 0)):
        check(1820)
        with pytest.raises(FoedusError, match=r"^--from 1819 is outside 1820–2050 \(COW's inter-state wars begin in "
                                              r"1820\)$"):
            check(1819)
        with pytest.raises(FoedusError, match=r"^--from 2051 is outside 1820–2050 \(foedus reads no day after 2050\)$"):
            check(2051)


def test_malformed_war_file_is_a_one_line_error(tmp_path: Path) -> None:
    from foedus.backtest.errors import BacktestError

    bad = tmp_path / "wars.csv"
    bad.write_text("WarNum,WarName\n1,Test\n", encoding="utf-8")
    with pytest.raises(BacktestError, match=r"missing column\(s\) ccode, StateName"):
        load_wars(bad)


def test_cli_without_the_war_data_says_how_to_get_it(tmp_path: Path) -> None:
    env = {**os.environ, "FOEDUS_DATA_DIR": str(tmp_path / "empty")}
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "backtest", "--out", str(tmp_path / "o")],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("error: cow_interstate_war/Inter-StateWarData_v4.0.csv is not in the data folder: "
                                   "run `foedus data fetch cow_wars`")
    assert not (tmp_path / "o").exists()


def test_cli_refuses_a_file_as_out(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("keep", encoding="utf-8")
    proc = cli_line(["backtest", "--out", str(target)])
    assert proc.returncode == 2  # the rule of every folder output (`foedus.outputs.check_folder_target`)
    assert proc.stderr == (f"error: {target} is a file, and this command writes a folder of output there: nothing "
                           "was changed; choose another path\n")  # no word of --force, which was not given
    assert target.read_text(encoding="utf-8") == "keep"


def test_cli_refuses_a_missing_parent_folder_like_every_writer(tmp_path: Path) -> None:
    """--out in a folder that does not exist is refused before any work, as atlas, likely report and the others
    refuse it; no folder is made."""
    out = tmp_path / "missing" / "deeper" / "bt"
    proc = cli_line(["backtest", "--out", str(out), "--from", "1950", "--to", "1950", "--opening-only"])
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"error: cannot write {out}: the folder {out.parent} does not exist"
    assert not (tmp_path / "missing").exists()


def test_force_refuses_a_folder_holding_more_than_a_report(tmp_path: Path) -> None:
    """--force replaces an earlier report, never the user's own files or sub-folders (no copy, no merge): a folder
    holding any is refused before any work, in one line naming them, and left exactly as it was."""
    out = tmp_path / "bt"
    (out / "drafts").mkdir(parents=True)
    (out / "drafts" / "d.txt").write_text("draft", encoding="utf-8")
    (out / "report.md").write_text("old report", encoding="utf-8")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    inode = (out / "drafts").stat().st_ino
    proc = cli_line(["backtest", "--out", str(out), "--from", "1950", "--to", "1950", "--opening-only", "--force"])
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert proc.stderr.startswith(f"error: not replacing {out}: it holds what the backtest does not write (drafts/, "
                                  "notes.txt)")
    assert (out / "drafts").stat().st_ino == inode and (out / "drafts" / "d.txt").read_text(encoding="utf-8") == "draft"
    assert (out / "report.md").read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bt"]
    help_text = " ".join(cli_line(["backtest", "--help"]).stdout.split())
    assert "refused, never emptied or merged" in help_text.replace("│ ", "")


@pytest.mark.needs_data
@pytest.mark.parametrize("start", ["absent", "empty"])
def test_a_report_another_run_publishes_meanwhile_is_not_replaced_without_force(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, start: str) -> None:
    """Whether --out may be replaced is decided before the work, not after it: a report another run (or the user)
    puts at a new or empty --out while this run works is kept, and this run fails in one line, keeping nothing."""
    import foedus.cli.backtest_cmd as command
    from foedus.errors import FoedusError

    out = tmp_path / "bt"
    if start == "empty":
        out.mkdir()
    real = command._run_with_progress

    def other_run_publishes(*args: object) -> object:
        result = real(*args)
        out.mkdir(exist_ok=True)
        (out / "report.md").write_text("the other run's report", encoding="utf-8")
        return result

    monkeypatch.setattr(command, "_run_with_progress", other_run_publishes)
    said = r"no longer empty|is a folder that is not empty|created by someone else"
    with pytest.raises(FoedusError, match=said) as caught:
        command.backtest(out=out, first=1950, last=1950, draws=10, seed=1815, force=False, opening_only=True)
    assert "\n" not in str(caught.value)
    assert sorted(p.name for p in out.iterdir()) == ["report.md"]
    assert (out / "report.md").read_text(encoding="utf-8") == "the other run's report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bt"]  # no temporary left beside it


def test_a_text_column_with_a_gap_keeps_the_gap() -> None:
    """`table_frame` casts a text column to pandas' "str" only when nothing is missing: pandas 2 (pyproject allows
    pandas>=2.1) casts None to the text 'None', which a CSV then shows as a value (pandas 3, this lock's, gives NaN);
    the column is checked to be left uncast, which fails under either pandas with the cast."""
    from foedus.backtest.report import table_frame

    frame = table_frame([{"name": "x", "flag": True}, {"name": None, "flag": False}])
    assert frame["name"].iloc[0] == "x" and pd.isna(frame["name"].iloc[1])
    assert frame["name"].dtype == object  # left as pandas made it, not cast to "str" (pandas 3: NaN; 2: 'None')
    assert str(frame["flag"].dtype) == "bool"


@pytest.mark.needs_data
def test_a_corrupt_data_file_stops_the_backtest_not_each_war(tmp_path: Path) -> None:
    """A truncated ATOP file (caught by its SHA-256 when the engine first reads the alliances' history) was taken as
    the engine rejecting each war's opening attack: every war was skipped for it, and the run then crashed writing a
    table of no rows ('internal error (IndexError: list index out of range)'). It stops the run in one line."""
    source = Path(os.environ["FOEDUS_DATA_DIR"])
    data = tmp_path / "data"
    shutil.copytree(source, data)
    atop = data / "atop" / "atop5_1m.csv"
    atop.chmod(0o644)
    atop.write_bytes((source / "atop" / "atop5_1m.csv").read_bytes()[:100_000])
    env = {**os.environ, "FOEDUS_DATA_DIR": str(data), "FOEDUS_CACHE_DIR": str(tmp_path / "cache")}
    out = tmp_path / "bt"
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "backtest", "--from", "1990", "--to", "1991",
                           "--draws", "10", "--opening-only", "--out", str(out)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith(f"error: {atop}: corrupt, truncated or not atop 5.1") and "\n" not in proc.stderr[:-1]
    assert not out.exists()


@pytest.mark.needs_data
def test_a_run_that_scores_no_war_is_refused_before_anything_is_written(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """When the engine rejected every war in range, the report was written until its Stata table of no rows, which
    crashed (IndexError in pandas' to_stata): an internal error, and nothing said why no war was scored."""
    from typer.testing import CliRunner

    import foedus.backtest.run as run
    from foedus.backtest.errors import BacktestError
    from foedus.cli.app import app
    from foedus.errors import ScenarioError

    def rejected(*args: object, **kwargs: object) -> object:
        raise ScenarioError("no such opening")

    monkeypatch.setattr(run, "predict", rejected)
    out = tmp_path / "bt"
    done = CliRunner().invoke(app, ["backtest", "--from", "1990", "--to", "1991", "--draws", "10", "--opening-only",
                                    "--out", str(out)])
    assert isinstance(done.exception, BacktestError), done.exception
    assert str(done.exception) == ("no war in range could be scored (1 war skipped: war 211 (Gulf War): the engine "
                                   "rejects the opening attack: no such opening); nothing was written")
    assert not out.exists()


def test_a_published_figure_whose_years_the_run_does_not_reach_is_said_to_be_outside_it() -> None:
    """`foedus backtest --from 1990 --to 2003`'s headline read "n/a of 0 over none of the run's years (Leeds, Long &
    Mitchell: 74.5%)" and "Allies of war participants, none of the run's years: n/a fought alongside, ...": a figure
    of foedus's that is none; it says the published period lies outside the run."""
    from foedus.backtest.report import markdown
    from foedus.backtest.run import Backtest, Settings
    from foedus.backtest.summary import summarize, war_rows

    bt = Backtest(Settings(first=1990, last=2003), wars_in_range=0)
    m = {"run": {"date": "2026-01-01", "foedus_version": "0", "command": "foedus backtest"}, **summarize(bt)}
    text = markdown(m, war_rows(bt))
    assert ("(legal): n/a of 0 over 1990–2003 (Berkemeier & Fuhrmann: 50%); Leeds, Long & Mitchell's years "
            "(1816–1944; 74.5%) are outside the run.") in text
    assert "* **Allies of war participants:** Sabrosky's years (1816–1965; 27%, 61%, 12%) are outside the run." in text
    assert "over none of the run's years" not in text and "Allies of war participants, none" not in text
