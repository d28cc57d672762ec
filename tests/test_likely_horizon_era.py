"""The shipped likelihood model reads its 30- and 365-day counts by era (issue #14, `horizon-era`, adopted in session
65 by the rule docs/likelihood-experiments.md registered): the count ever times the share of the ever-joiners who joined
within the horizon in the training wars of the answer's era. `foedus likely report` and `likely fit` score it in every
fold exactly as bench/likely_experiments.py scored the variant; the model file carries the shares and the run time reads
the era from the answer's date."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from tests.test_bench import _load, _synthetic_wars
from tests.test_bench_likely_horizon import _eras

import foedus
from foedus.errors import LikelyModelError
from foedus.likely.model import load_model
from foedus.likely.spec import Spec

SHIPPED_FILE = Path(foedus.__file__).parent / "data" / "likely_model.json"
SPEC = Spec("t", ("a",), (), ("a",), ())
KEYS = ("brier_skill", "log_skill", "auc", "calibration_slope")


def _frame() -> Any:
    """The synthetic wars with eras (0–11 before 1945, 12–23 from 1945, the later ones joining within 30 days less
    often) and start years 1900 + 4 × war, so each forward split has training wars and test wars."""
    frame = _eras(_synthetic_wars())
    frame["year"] = 1900 + 4 * frame["war"].to_numpy()
    return frame


def test_the_report_scores_the_shipped_model_as_the_experiment_scored_horizon_era(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every check of `foedus likely report` (and so of the model file's `validation`) equals bench's `horizon-era`
    row, scheme by scheme, horizon by horizon and subset by subset, to the last digit (the pooled count's differ)."""
    import foedus.likely.validate as validate
    from foedus.likely.evaluate import evaluate

    monkeypatch.setattr(validate, "SHIPPED", SPEC)
    monkeypatch.setattr(validate, "TREATY_ONLY", SPEC)
    bench = _load("likely_experiments", monkeypatch)
    horizon = _load("likely_horizon", monkeypatch)
    frame = _frame()
    metrics = evaluate(frame, challengers=False, replicates=0, seed=0)
    variant = bench._scores(frame, horizon.horizon_variants(bench._predict, SPEC)["horizon-era"], subsets=True)
    got = {(scheme, h, sub): s for scheme, body in metrics["schemes"].items() for h, models in body["horizons"].items()
           for sub, s in models["shipped"].items() if sub != "reliability"}
    assert set(got) == set(variant) and len(got) == 15  # no World War among the synthetic wars: 3 subsets, not 4
    for key, s in variant.items():
        assert [got[key][k] for k in KEYS] == [s[k] for k in KEYS], key


def test_the_fit_carries_each_eras_share_and_its_spread(monkeypatch: pytest.MonkeyPatch) -> None:
    """`build_model` writes per horizon and era the share of the ever-joiners within the horizon, and its bootstrap
    standard deviation; the file's model forecasts a war from 1945 with the era's count, not the pooled one."""
    import foedus.likely.build as build
    import foedus.likely.features as features
    from foedus.likely.fit import expected_joiners

    monkeypatch.setattr(build, "SHIPPED", SPEC)
    monkeypatch.setattr(features, "columns", lambda: ["a_attack", "a_defense"])  # the synthetic wars' feature
    monkeypatch.setattr(build, "data_versions", list)
    monkeypatch.setattr(build, "honour_rates", lambda *_: {e: dict.fromkeys(("S1", "S2", "S3", "S4", "S5"), 0.0)
                                                          for e in ("pre1945", "post1945")})
    frame = _frame()
    made = build.build_model(frame, replicates=20, seed=3, validate=False)
    post = frame[frame["era"] == "post1945"]
    share = (post["outcome_30"] != "out").sum() / (post["outcome_ever"] != "out").sum()
    assert made.share["30"]["post1945"]["mean"] == pytest.approx(share) and share < 0.9
    assert made.share["30"]["post1945"]["sd"] > 0 and made.share["365"]["pre1945"]["mean"] == 1.0
    two = made.two_stage()
    assert two.joiners_of("30", "post1945") == pytest.approx(expected_joiners(frame, "ever") * share)
    assert two.joiners_of("30", "post1945") < two.expected["30"]  # fewer than the pooled count, as the data say
    values = {c: post[post["war"] == 12][c].to_numpy() for c in post.columns}
    assert two.p_joins(values)["30"].sum() == pytest.approx(two.joiners_of("30", "post1945"), rel=1e-6)


def test_the_shipped_model_reads_the_era_from_the_answers_date() -> None:
    """The same candidates forecast before 1945 and from 1945 (the feature `post1945`, from the answer's date) are
    shifted to each era's count within 30 days; ever, the same count; the interval follows the era too."""
    from foedus.likely.forecast import forecast

    model = load_model()
    assert set(model.share) == {"30", "365"} and set(model.share["30"]) == {"pre1945", "post1945"}
    two = model.two_stage()
    n = 12
    values: dict[str, np.ndarray] = {c: np.zeros(n) for c in ("post1945", "major", "log_cinc", "wars_fought",
                                                               "balance")}
    for f in {*two.spec.join_side, *two.spec.side_diff}:
        values[f"{f}_attack"] = np.linspace(0, 1, n)
        values[f"{f}_defense"] = np.zeros(n)
    before = forecast(model, values)
    after = forecast(model, values | {"post1945": np.ones(n)})
    joined = {k: 1 - f.point["30"][:, 0] for k, f in (("pre", before), ("post", after))}
    assert joined["pre"].sum() == pytest.approx(two.joiners_of("30", "pre1945"), rel=1e-3)
    assert joined["post"].sum() == pytest.approx(two.joiners_of("30", "post1945"), rel=1e-3)
    assert two.joiners_of("30", "post1945") < two.expected["30"] < two.joiners_of("30", "pre1945")
    assert after.high["30"][:, 0].sum() < before.high["30"][:, 0].sum()


def test_a_model_file_without_shares_is_read_with_the_pooled_counts(tmp_path: Path) -> None:
    """A file fitted before the shares were written (no `share`) still reads: every era takes the pooled count."""
    data = json.loads(SHIPPED_FILE.read_text(encoding="utf-8"))
    del data["share"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    two = load_model(path).two_stage()
    assert two.joiners_of("30", "post1945") == two.expected["30"] == two.joiners_of("30", "pre1945")


@pytest.mark.parametrize(("value", "problem"), [
    ({"mean": 1.5, "sd": 0.1}, "share.30.post1945: expected a share from 0 to 1 and a standard deviation of zero or "
                               "more"),
    ({"mean": 0.2, "sd": -0.1}, "share.30.post1945: expected a share from 0 to 1"),
    ({"mean": 0.2}, "share.30.post1945: expected a mean and an sd"),
])
def test_a_share_no_fit_can_have_is_refused_in_one_line(tmp_path: Path, value: dict[str, float],
                                                        problem: str) -> None:
    data = json.loads(SHIPPED_FILE.read_text(encoding="utf-8"))
    data["share"]["30"]["post1945"] = value
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LikelyModelError, match=f"^{re.escape(f'{path}: {problem}')}") as caught:
        load_model(path)
    assert "\n" not in str(caught.value)
