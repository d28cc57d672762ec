"""The joining model (issue #14): its arithmetic, its features, a fit on a slice of the wars, the shipped
coefficients file, and the likelihood beside a cascade result (API, CLI, JSON contract)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pytest
from typer.testing import CliRunner

import foedus
from foedus.errors import FoedusError, LikelyModelError
from foedus.likely.model import load_model
from foedus.likely.spec import FLOOR, SHIPPED, Logit, TwoStage, combine, shifted, side_matrix

pytestmark = pytest.mark.needs_data


# --- arithmetic -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("expected", [0.3, 1.0, 4.5])
def test_shift_gives_each_war_its_expected_joiners_and_keeps_the_order(expected: float) -> None:
    rng = np.random.default_rng(0)
    eta = rng.normal(-3, 2, size=(5, 40))
    p = shifted(eta, expected)
    assert np.allclose(p.sum(axis=1), expected, atol=1e-6)
    for row, e in zip(p, eta, strict=True):
        assert (np.argsort(row, kind="stable") == np.argsort(e, kind="stable")).all()


def test_three_outcomes_sum_to_one_and_never_reach_zero() -> None:
    p = combine(np.array([0.0, 0.3, 1.0]), np.array([0.5, 0.0, 1.0]))
    assert np.allclose(p.sum(axis=1), 1.0)
    assert (p[:, 1:] >= FLOOR).all()


def _two_stage(width_join: int, width_side: int, join_bias: dict[str, float]) -> TwoStage:
    def logit(width: int, bias: float) -> Logit:
        return Logit(np.zeros(width), np.ones(width), bias, np.linspace(0.5, 1.0, width))

    return TwoStage(SHIPPED, {h: logit(width_join, b) for h, b in join_bias.items()}, logit(width_side, 0.0),
                    {"30": 0.2, "365": 0.9, "ever": 0.5})


def test_horizons_nest_even_when_the_fitted_models_do_not() -> None:
    from foedus.likely.features import columns

    rng = np.random.default_rng(1)
    values = {c: rng.integers(0, 2, 30).astype(float) for c in columns()}
    model = _two_stage(len(SHIPPED.join_names), len(SHIPPED.side_names), {"30": 0.0, "365": 0.0, "ever": 0.0})
    joins = model.p_joins(values)
    assert (joins["365"] >= joins["30"] - 1e-12).all() and (joins["ever"] >= joins["365"] - 1e-12).all()
    assert joins["ever"].sum() > 0.5  # the ever model's own sum (0.5) was lifted by the 365-day one


def test_scores_match_the_backtests_definitions_and_sklearn() -> None:
    from sklearn.metrics import roc_auc_score

    from foedus.backtest.multiclass import brier3, log_loss3
    from foedus.likely.scores import auc, calibration, per_pair

    rng = np.random.default_rng(2)
    p_join = rng.uniform(0.001, 0.3, 4000)
    joined = (rng.uniform(size=4000) < p_join).astype(int)
    outcomes = np.where(joined == 1, np.where(rng.uniform(size=4000) < 0.4, "attack", "defense"), "out")
    probs = np.column_stack([1 - p_join, 0.4 * p_join, 0.6 * p_join])
    brier, loss = per_pair(probs, list(outcomes))
    assert brier[0] == pytest.approx(brier3(probs[0, 1], probs[0, 2], outcomes[0]))
    assert loss[7] == pytest.approx(log_loss3(probs[7, 1], probs[7, 2], outcomes[7]))
    assert auc(p_join, joined) == pytest.approx(roc_auc_score(joined, p_join))
    slope, intercept, large = calibration(p_join, joined)
    assert slope is not None and 0.8 < slope < 1.2  # drawn from its own forecast: calibrated
    assert abs(intercept or 0) < 0.5 and abs(large or 0) < 0.2
    slope_over, *_ = calibration(np.clip(p_join * 3, 0, 0.99), joined)
    assert slope_over is not None and slope_over < slope  # too extreme: a lower slope


# --- features ---------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def slice_data() -> Any:
    """Wars that started 1897–1920 (with the Monte Carlo baseline at a few draws)."""
    from foedus.likely.dataset import training_data

    return training_data(first=1897, last=1920, draws=50)


def test_training_rows_are_the_scored_pairs_with_labels(slice_data: Any) -> None:
    frame = slice_data.frame
    assert set(frame["role"]) <= {"joiner", "none"}
    assert {"outcome_30", "outcome_365", "outcome_ever", "mc_attack", "mc_defense"} <= set(frame.columns)
    wwi = frame[frame["war"] == 106].set_index("state")
    assert wwi.loc["GBR", "outcome_ever"] == "defense" and wwi.loc["DEU", "outcome_ever"] == "attack"
    assert wwi.loc["GRC", "legal_defense"] == 1.0  # the 1913 Greek–Serbian alliance binds on the first day
    assert wwi.loc["BGR", "land_defense"] == 1.0 and wwi.loc["BGR", "land_attack"] == 0.0  # borders Serbia only
    assert wwi.loc["USA", "near_defense"] == 0.0 and wwi.loc["USA", "major"] == 1.0


def test_history_uses_only_wars_begun_before_the_day() -> None:
    from foedus.backtest.cowdata import load_spells
    from foedus.likely.history import History

    day = dt.date(1914, 7, 28)
    hist = History(day)
    spells = [s for ss in load_spells().values() for s in ss]
    later = {s.ccode for s in spells if s.start >= day} - {s.ccode for s in spells if s.start < day}
    assert not later & set(hist.fought)  # no state counted for a war it entered on or after the day
    balkan = History(dt.date(1913, 6, 29), skip=103)  # the Second Balkan War, itself left out
    assert balkan.with_side(345, [355])[1] == 0.0  # Serbia and Bulgaria fought together in 1912, not against
    assert balkan.with_side(345, [355])[0] == 1.0


def test_ties_are_valued_as_foedus_similarity_values_them() -> None:
    """One coding for both (Signorino & Ritter's): a pair tied only by consultation is 1, only by non-aggression 2
    (the shipped model was once fitted with the two the other way round, from a copy of the rule of its own)."""
    import itertools

    import foedus.likely.ties as likely_ties
    from foedus.engine.table import leg_table
    from foedus.research.ties import TIE_VALUES

    assert likely_ties.TIE_VALUES is TIE_VALUES
    world, day = foedus.load_world(), dt.date(1939, 9, 1)
    kinds: dict[tuple[str, str], set[str]] = {}
    for treaty_id, members in leg_table(world, day).members.items():
        found = {p.kind.value for p in world.treaties[treaty_id].provisions if p.valid is None or p.valid.covers(day)}
        for pair in itertools.combinations(sorted(members), 2):
            kinds.setdefault(pair, set()).update(found)
    ties = likely_ties.Ties(world, day, sorted(world.states.members_on(day)))
    value = {pair: ties.t[ties.pos[pair[0]], ties.pos[pair[1]]] for pair in kinds if set(pair) <= set(ties.pos)}
    consult = [pair for pair in value if kinds[pair] == {"consultation"}]
    nonagg = [pair for pair in value if kinds[pair] == {"nonaggression"}]
    assert ("DEU", "FRA") in consult and len(nonagg) >= 5  # the Franco-German declaration of 6 December 1938
    assert all(value[pair] == 1 for pair in consult) and all(value[pair] == 2 for pair in nonagg)


# --- fitting ----------------------------------------------------------------------------------------------------

def test_a_fit_on_a_slice_round_trips_through_its_file(slice_data: Any, tmp_path: Path) -> None:
    from foedus.likely.build import build_model
    from foedus.likely.forecast import forecast

    model = build_model(slice_data.frame, replicates=3, seed=1, validate=False)
    path = tmp_path / "m.json"
    path.write_text(model.model_dump_json(), encoding="utf-8")
    again = load_model(path)
    assert again.version == model.version and again.training["first_year"] >= 1897
    values = {c: slice_data.frame[c].to_numpy()[:40] for c in slice_data.frame.columns}
    f = forecast(again, values)
    for h in ("30", "365", "ever"):
        assert np.allclose(f.point[h].sum(axis=1), 1.0)
        join = f.point[h][:, 1:].sum(axis=1)
        assert (f.low[h][:, 0] <= join + 1e-9).all() and (join <= f.high[h][:, 0] + 1e-9).all()
    assert {d.dataset for d in again.data} >= {"atop", "cow_wars", "cow_nmc", "cow_contiguity"}


def test_out_of_sample_forecasts_never_see_their_own_war(slice_data: Any) -> None:
    from foedus.likely.validate import forecasts

    frame = slice_data.frame
    got, tested = forecasts(frame, "leave-one-war-out", ("ever",))
    assert tested.all()
    shipped = got["ever"]["shipped"]
    for war in frame["war"].unique():  # each war's expected joiners are the other wars' mean, never its own
        rows = (frame["war"] == war).to_numpy()
        others = frame[~rows]
        expected = (others["outcome_ever"] != "out").sum() / others["war"].nunique()
        assert shipped[rows, 1:].sum() == pytest.approx(expected, rel=1e-3, abs=1e-3)


def test_the_diagnostics_read_the_test_wars_outcome_and_nothing_else(slice_data: Any) -> None:
    from foedus.likely.fit import fit_two_stage
    from foedus.likely.validate import _known_count, _known_side

    frame = slice_data.frame
    model = fit_two_stage(frame, SHIPPED, ("ever",))
    took = frame["outcome_ever"].to_numpy()
    known = _known_count(model, frame)["ever"]
    for war in frame["war"].unique():  # known-count: the shipped ranking, shifted to the war's real joiners
        rows = (frame["war"] == war).to_numpy()
        assert known[rows].sum() == pytest.approx(max(float((took[rows] != "out").sum()), 0.05), rel=1e-6)
    values = {c: frame[c].to_numpy() for c in frame.columns}
    p_join = model.p_joins(values, frame["war"].to_numpy())["ever"]
    p_attack = model.side.prob(side_matrix(values, SHIPPED))
    probs, joined = _known_side(p_join, p_attack, frame), took != "out"
    assert joined.any() and np.allclose(probs[~joined], combine(p_join, p_attack)[~joined])
    taken = np.where(took[joined] == "attack", 1, 2)  # known-side: each joiner on the side it took
    assert np.allclose(probs[joined, taken], p_join[joined]) and (probs[joined, 3 - taken] == FLOOR).all()


@pytest.mark.parametrize("broken", ["{", '{"format": 2}', ""])
def test_a_broken_model_file_is_refused_in_one_line(tmp_path: Path, broken: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(LikelyModelError, match=r"bad\.json"):
        load_model(path)
    with pytest.raises(LikelyModelError, match="no such"):
        load_model(tmp_path / "missing.json")


# --- the shipped model ------------------------------------------------------------------------------------------

def test_the_shipped_model_names_its_data_and_its_validation() -> None:
    from foedus.datasets.registry import find_file

    model = load_model()
    assert model.training["wars"] >= 90 and model.training["first_year"] < 1830
    for d in model.data:
        found = find_file(name=d.file.rsplit("/", 1)[-1])
        assert found is not None and found[1].sha256 == d.sha256, d.file  # fitted on the registry's versions
    schemes = {c.scheme for c in model.validation}
    assert schemes == {"leave-one-war-out", "forward-1945", "forward-1989"}
    assert {c.horizon for c in model.validation} == {"30", "365", "ever"}
    for era in ("pre1945", "post1945"):
        assert 0 <= model.honour[era]["S1"] <= 1 and model.honour[era]["S4"] == 0
    size = len(json.dumps(model.model_dump(mode="json")))
    assert size < 100_000  # coefficients only: no data, no per-row table


# --- in the product ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def poland_1939() -> Any:
    return foedus.cascade("DEU", "POL", "1939-09-01", likelihood=True)


@pytest.mark.slow
def test_the_shipped_coefficients_are_what_the_data_refit_gives() -> None:
    """The shipped file is a fit of the current features: a change to them (the engine, the treaties, the research
    code) that moves a coefficient must come with a refit (`foedus likely fit`) and a new model card."""
    from foedus.likely.dataset import training_data
    from foedus.likely.fit import fit_two_stage
    from foedus.likely.model import _shipped

    shipped = _shipped()
    horizons: tuple[Literal["30", "365", "ever"], ...] = ("30", "365", "ever")
    model = fit_two_stage(training_data(seed=shipped.bootstrap["seed"]).frame, SHIPPED, horizons)
    for h in horizons:
        got, want = model.join[h], shipped.join[h]
        assert np.allclose(got.coef, want.coef, rtol=1e-6, atol=1e-9), h
        assert got.intercept == pytest.approx(want.intercept, rel=1e-6)
        assert np.allclose(got.mean, want.mean) and np.allclose(got.scale, want.scale)
        assert model.expected[h] == pytest.approx(shipped.expected[h]["mean"])
    assert np.allclose(model.side.coef, shipped.side.coef, rtol=1e-6, atol=1e-9)


def test_likelihood_sits_beside_an_unchanged_legal_answer(poland_1939: Any) -> None:
    plain = foedus.cascade("DEU", "POL", "1939-09-01")
    assert plain.joiners == poland_1939.joiners and plain.likelihood is None
    lk = poland_1939.likelihood
    rows = {s.state: s for s in lk.states}
    assert rows["GBR"].legal == "defense" and rows["FRA"].legal == "defense"
    for s in lk.states:
        joins = [c.join for c in s.chances]
        assert joins == sorted(joins)  # 30 days <= 365 days <= ever
        for c in s.chances:
            assert c.join_low <= c.join + 1e-4 and c.join <= c.join_high + 1e-4
            assert c.out + c.attack + c.defense == pytest.approx(1.0, abs=1e-3)
    ever = [s.chances[-1].join for s in lk.states]
    assert ever == sorted(ever, reverse=True)
    assert lk.model.window.startswith("1823–2003") and any("deterrence" in w for w in lk.warnings)


def test_a_date_outside_training_is_flagged() -> None:
    r = foedus.cascade("RUS", "EST", "2025-06-01", likelihood=True)
    assert r.likelihood is not None
    assert any("outside the training wars" in w for w in r.likelihood.warnings)
    assert any("2016" in n for n in r.likelihood.notes)  # contiguity carried forward, and said


def test_empirical_honour_rates_drive_the_monte_carlo() -> None:
    model = load_model()
    r = foedus.cascade("DEU", "POL", "1939-09-01", draws=200, seed=3, honour="empirical")
    assert r.montecarlo is not None
    assert r.montecarlo.honour_model["era"]["pre1945"]["S1"] == pytest.approx(model.honour["pre1945"]["S1"])


def test_cli_likelihood_table_and_one_line_errors(tmp_path: Path) -> None:
    from foedus.cli.app import app

    runner = CliRunner()
    ok = runner.invoke(app, ["cascade", "-a", "DEU", "-t", "POL", "-d", "1939-09-01", "--likelihood"])
    assert ok.exit_code == 0, ok.output
    assert "How likely to join" in ok.output and "GBR" in ok.output
    bad = runner.invoke(app, ["cascade", "-a", "DEU", "-t", "POL", "-d", "1939-09-01", "--likelihood",
                              "--likely-model", str(tmp_path / "nope.json")])
    assert bad.exit_code != 0 and isinstance(bad.exception, FoedusError)
    (tmp_path / "taken.json").write_text("{}", encoding="utf-8")
    taken = runner.invoke(app, ["likely", "fit", "--out", str(tmp_path / "taken.json")])
    assert taken.exit_code != 0 and (tmp_path / "taken.json").read_text(encoding="utf-8") == "{}"
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep", encoding="utf-8")
    for extra in ([], ["--force"]):  # a folder with the user's own files is never replaced
        kept = runner.invoke(app, ["likely", "report", "--out", str(tmp_path / "mine"), *extra])
        assert kept.exit_code != 0 and (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep"


def test_a_users_fit_carries_its_own_label_and_says_when_validation_was_skipped(tmp_path: Path) -> None:
    """`likely fit` had labelled the user's model as the shipped one (shipped-1897-1920-…) and, with
    --no-validate, said '0 of 0 checks lose to the base rate'."""
    from foedus.cli.app import app

    out = tmp_path / "mine.json"
    done = CliRunner().invoke(app, ["likely", "fit", "--out", str(out), "--from", "1897", "--to", "1920",
                                    "--bootstrap", "0", "--no-validate"])
    assert done.exit_code == 0, done.output
    mine = load_model(out)
    assert mine.version.startswith("user-1897-1920-") and mine.spec.name == SHIPPED.name
    assert load_model().version.startswith(f"{SHIPPED.name}-")  # the shipped file keeps its own label
    assert f"wrote model {mine.version} (trained on 1897–1920" in done.output
    assert "validation skipped (--no-validate)" in done.output and "0 of 0" not in done.output


def test_fitting_without_the_model_extra_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from foedus.errors import OptionalDependencyError
    from foedus.likely.fit import require_model_extra

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "sklearn" else real(name, *a))
    with pytest.raises(OptionalDependencyError, match=r"foedus\[model\]"):
        require_model_extra()


@pytest.mark.slow
def test_report_on_a_slice_writes_markdown_metrics_and_figures(slice_data: Any, tmp_path: Path) -> None:
    from foedus.likely.build import build_model, checks_of
    from foedus.likely.evaluate import evaluate
    from foedus.likely.figures import reliability_figure, skill_figure
    from foedus.likely.report import markdown

    metrics = evaluate(slice_data.frame, challengers=True, replicates=5, seed=1)
    model = build_model(slice_data.frame, replicates=3, seed=1, validation=checks_of(metrics))
    text = markdown(metrics, model, "foedus likely report --out X")
    assert "## Headline" in text and "monte-carlo" in text and "boosting" in text
    assert reliability_figure(metrics, tmp_path) and skill_figure(metrics, tmp_path)
    assert (tmp_path / "reliability.png").stat().st_size > 0
    assert metrics["schemes"]["forward-1989"]["pairs"] == 0  # no war of the slice starts after 1989


@pytest.mark.needs_data
def test_a_bootstrap_sample_without_a_joiner_refits_without_a_side() -> None:
    """A war-clustered bootstrap of a few quiet wars can draw no joiner at all: its side model is even odds (the
    sample says nothing of sides), not a crash; a training table without a joiner is refused."""
    from foedus.errors import FoedusError
    from foedus.likely.dataset import training_data
    from foedus.likely.fit import bootstrap_params, fit_two_stage

    frame = training_data(first=1995, last=2003).frame
    model = fit_two_stage(frame, SHIPPED, ("30", "365", "ever"))
    quiet = frame[~frame.war.isin(frame.war[frame.outcome_ever != "out"].unique())]
    assert len(quiet) and (quiet.outcome_ever == "out").all()
    refit = fit_two_stage(quiet, SHIPPED, ("ever",), like=model)
    assert refit.side.intercept == 0.0 and not refit.side.coef.any() and refit.expected["ever"] == 0.0
    with pytest.raises(FoedusError, match="no state joined"):
        fit_two_stage(quiet, SHIPPED, ("ever",))
    draws = bootstrap_params(frame, model, 20, seed=3)
    assert np.isfinite(draws["side"]).all() and len(draws["side"]) == 20


@pytest.mark.needs_data
def test_a_date_before_the_capability_data_says_so() -> None:
    """A war in 1816 has no CINC for the year before (NMC begins in 1816): the answer says capabilities are read as
    0, and that the date lies before the training wars (not 'after the data's end')."""
    lk = foedus.cascade("FRA", "COW300", "1816-07-01", likelihood=True).likelihood
    assert lk is not None
    assert any(n.startswith("no CINC for 1815") for n in lk.notes)
    assert any("before the training wars" in w for w in lk.warnings)
    assert not any("after the data's end" in w for w in lk.warnings)
    later = foedus.cascade("DEU", "POL", "1939-09-01", likelihood=True).likelihood
    assert later is not None and not any("CINC" in n for n in later.notes)


def test_a_corrupt_data_file_stops_the_training_table_a_rejected_war_is_left_out(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An error of the run (a data file that failed its check) was taken as the engine rejecting each war: every war
    was left out for it, and `foedus likely fit` on a truncated atop5_1m.csv said 'fewer than 5 COW wars in that
    range'. It stops the table; a war the engine rejects is still left out with its reason."""
    import foedus.likely.dataset as dataset
    from foedus.errors import DataCorruptError, ScenarioError

    def corrupt(*args: object, **kwargs: object) -> object:
        raise DataCorruptError("atop5_1m.csv: corrupt")

    monkeypatch.setattr(dataset, "_war_rows", corrupt)
    with pytest.raises(DataCorruptError, match="corrupt"):
        dataset.training_data(first=1990, last=1991)

    def rejected(*args: object, **kwargs: object) -> object:
        raise ScenarioError("no such war")

    monkeypatch.setattr(dataset, "_war_rows", rejected)
    data = dataset.training_data(first=1990, last=1991)
    assert data.frame.empty and [s["reason"] for s in data.skipped] == ["the engine rejects the war: no such war"]
