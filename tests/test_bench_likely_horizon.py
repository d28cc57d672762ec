"""bench/likely_horizon.py (issue #14, session 65, registered in docs/likelihood-experiments.md before any score): the
expected joiners of the shorter horizons scaled by the era's share of ever-joiners (`horizon-era`), and the join models
fitted with a near-free intercept per era (`era-intercept`)."""

from __future__ import annotations

import pytest
from tests.test_bench import _load, _synthetic_wars


def _eras(frame: object) -> object:
    """The synthetic wars with an era: wars 0–11 before 1945, 12 on from 1945; from 1945 the 30-day joiners are
    only those of the even wars."""
    import numpy as np

    war = frame["war"].to_numpy()  # type: ignore[index]
    frame["era"] = np.where(war >= 12, "post1945", "pre1945")  # type: ignore[index]
    late = (war >= 12) & (war % 2 == 1)
    frame["outcome_30"] = np.where(late, "out", frame["outcome_ever"].to_numpy())  # type: ignore[index]
    return frame


def test_the_shorter_horizons_take_the_era_share_of_the_count_ever(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from foedus.likely.fit import expected_joiners, fit_two_stage
    from foedus.likely.spec import Spec

    horizon = _load("likely_horizon", monkeypatch)
    frame = _eras(_synthetic_wars())
    spec = Spec("t", ("a",), (), ("a",), ())
    model = fit_two_stage(frame, spec, ("30", "365", "ever"))
    post = frame[frame["era"] == "post1945"]
    share = horizon.horizon_share(post, "30")
    assert share is not None and 0 < share < 1
    got = horizon.horizon_expected(model, frame, post[post["war"] == 12], "30")
    assert got == pytest.approx(expected_joiners(frame, "ever") * share)
    assert got != pytest.approx(model.expected["30"])  # the era's share, not the pooled count
    assert horizon.horizon_expected(model, frame, post, "ever") == model.expected["ever"]
    assert horizon.horizon_expected(model, frame, post, "365") == pytest.approx(model.expected["365"])  # share 1
    few = frame[frame["war"].isin([0, 1, 2, 3, 12, 13, 14, 15, 16, 17])]  # 4 wars before 1945: the pooled count
    small = fit_two_stage(few, spec, ("30", "365", "ever"))
    assert horizon.horizon_expected(small, few, few[few["war"] == 0], "30") == small.expected["30"]
    assert np.isclose(horizon.horizon_expected(small, few, few[few["war"] == 12], "30"),
                      small.expected["ever"] * horizon.horizon_share(few[few["war"] >= 12], "30"))


def test_an_era_intercept_reads_the_weights_within_eras(monkeypatch: pytest.MonkeyPatch) -> None:
    """A feature that only marks the era where joining is common is weighted by the pooled fit and not by the fit with
    an era intercept; the variants are built from `make` as registered."""
    import numpy as np

    from foedus.likely.fit import fit_logit
    from foedus.likely.spec import SHIPPED

    horizon = _load("likely_horizon", monkeypatch)
    within = _load("likely_within", monkeypatch)
    rng = np.random.default_rng(4)
    era = np.repeat([0, 1], 1500)
    inside = (rng.random(len(era)) < 0.1) * 1.0
    y = (rng.random(len(era)) < 0.01 + 0.1 * era + 0.4 * inside).astype(np.int64)
    x = np.column_stack([era * 1.0, inside])
    pooled, by_era = fit_logit(x, y, 0.05), within.fit_within(x, y, era, 0.05)
    assert pooled.coef[0] > 0.3 and abs(by_era.coef[0]) < 0.2 * pooled.coef[0]
    assert by_era.coef[1] > 0.5
    built = horizon.horizon_variants(lambda s, **kw: (s, kw), SHIPPED)
    assert built["horizon-era"] == (SHIPPED, {"expected": horizon.horizon_expected})
    assert built["era-intercept"] == (SHIPPED, {"fit": horizon.era_intercept_model})


def test_the_losing_check_is_measured_by_era_and_split_pair_by_pair(monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """bench/likely_horizon_why.py: each era's share of ever-joiners within a horizon, and the Brier-skill gap
    against the base rate whose pairs' parts add up to the check's skill."""
    import numpy as np
    import pandas as pd

    why = _load("likely_horizon_why", monkeypatch)
    frame = pd.DataFrame({"era": ["pre1945"] * 3 + ["post1945"] * 4, "war": [1, 1, 2, 3, 3, 4, 4],
                          "outcome_30": ["attack", "out", "out", "out", "out", "defense", "out"],
                          "outcome_365": ["attack", "out", "defense", "out", "out", "defense", "out"],
                          "outcome_ever": ["attack", "out", "defense", "attack", "out", "defense", "out"],
                          "war_name": ["w"] * 7, "year": [1900] * 3 + [1960] * 4, "state": list("ABCDEFG")})
    lines = why.horizon_shares(frame)
    assert lines[0].startswith("pre1945: 2 wars, 3 pairs, 2 joined ever (1.000 a war); within 30 days 1 (50.0% of ever")
    assert "post1945: 2 wars, 4 pairs, 2 joined ever" in lines[1] and "within 365 days 1 (50.0% of ever" in lines[1]
    rng = np.random.default_rng(1)
    probs = rng.dirichlet([8, 1, 1], size=7)
    base = np.tile([0.9, 0.05, 0.05], (7, 1))
    rows = frame["era"].to_numpy() == "post1945"
    why.gap_report(frame, probs, base, rows, 2)
    head = capsys.readouterr().out.splitlines()[1]
    skill, parts = head.split("Brier skill ")[1].split(" (sum of the pairs' parts ")
    assert skill == parts[:7]  # the pairs' parts add up to the skill
