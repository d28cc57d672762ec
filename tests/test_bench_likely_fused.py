"""bench/likely_fused.py (issue #14, session 64, registered in docs/likelihood-experiments.md before any score): the
join model's legal features split by era with each era's weight a shared weight plus a penalised deviation
(`era-fused`)."""

from __future__ import annotations

from typing import Any

import pytest
from tests.test_bench import _load


def _eras(flip: bool, n_wars: int = 40, per_war: int = 60) -> Any:
    """Wars half before 1945, half after; `legal` marks joiners in both eras, or before 1945 only (`flip`)."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(11)
    n = n_wars * per_war
    war = np.repeat(np.arange(n_wars), per_war)
    post = (war >= n_wars // 2) * 1
    legal, unmet = rng.random(n) < 0.1, rng.random(n) < 0.05
    effect = np.where(post & flip, 0.0, 0.6)
    joined = rng.random(n) < 0.02 + effect * legal
    attack = joined & (rng.random(n) < 0.5)
    outcome = np.where(attack, "attack", np.where(joined, "defense", "out"))
    return pd.DataFrame({"war": war, "post1945": post, "legal_attack": legal * 1.0, "legal_defense": 0.0,
                         "unmet_attack": 0.0, "unmet_defense": unmet * 1.0, "noise_attack": rng.random(n),
                         "noise_defense": rng.random(n), **{f"outcome_{h}": outcome for h in ("30", "365", "ever")}})


def test_the_newton_fit_is_scikit_learns_optimum_and_one_step_leaves_a_war_out(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    fused = _load("likely_fused", monkeypatch)
    rng = np.random.default_rng(2)
    a = rng.normal(size=(1500, 4))
    y = (rng.random(1500) < 1 / (1 + np.exp(2.5 - a[:, 0] + 0.5 * a[:, 1]))) * 1.0
    beta = fused.ridge_logit(a, y, 0.05)
    sk = LogisticRegression(C=0.05, tol=1e-10, max_iter=10000).fit(a, y)
    assert np.allclose(beta, [sk.intercept_[0], *sk.coef_[0]], atol=1e-5)
    wars = np.repeat(np.arange(30), 50)
    left = fused.inner_loo(a, y, wars, 0.05, beta)
    for w in (0, 7, 29):
        exact = fused.ridge_logit(a[wars != w], y[wars != w], 0.05)
        assert np.abs(left[w] - exact).max() < 0.05 * np.abs(exact - beta).max()


def test_the_fused_model_pools_the_eras_at_s_0_and_reads_its_design(monkeypatch: pytest.MonkeyPatch) -> None:
    """At s = 0 the two eras' weights are one (the pooled fit's); at s > 0 the model of the split spec gives each war
    the fused design's linear predictor up to a constant of the war's era, which the per-war shift takes away."""
    import numpy as np

    from foedus.likely.fit import C_JOIN, fit_two_stage
    from foedus.likely.spec import Spec, join_matrix
    from foedus.likely.validate import frame_values

    fused = _load("likely_fused", monkeypatch)
    within = _load("likely_within", monkeypatch)
    spec, frame = Spec("t", ("legal", "unmet", "noise"), (), ("legal", "noise")), _eras(flip=True)
    within.add_era_split(frame)
    pooled = fit_two_stage(frame, spec, ("ever",)).join["ever"]
    flat = fused.fused_model(spec, frame, ("ever",), 0.0)
    assert flat.spec.join_names == ["legal_pre_either", "legal_post_either", "unmet_pre_either", "unmet_post_either",
                                    "noise_either"]
    w = flat.join["ever"].coef
    assert w[0] == w[1] and w[2] == w[3] and np.allclose(w[[0, 2, 4]], pooled.coef, atol=0.01)
    model = fused.fused_model(spec, frame, ("ever",), 2.0)
    assert model.join["ever"].coef[0] > model.join["ever"].coef[1] + 0.3  # legal marks joiners before 1945 only
    z, _, _ = fused._standardised(frame, spec)
    post = frame["post1945"].to_numpy() * 1.0
    y = (frame["outcome_ever"].to_numpy() != "out") * 1.0
    beta = fused.ridge_logit(fused.fused_design(z, post, [0, 1], 2.0), y, C_JOIN)
    design = beta[0] + fused.fused_design(z, post, [0, 1], 2.0) @ beta[1:]
    gap = model.join["ever"].eta(join_matrix(frame_values(frame), model.spec)) - design
    for era in (0, 1):
        assert np.ptp(gap[post == era]) < 1e-9
    assert np.array_equal(model.side.params, fit_two_stage(frame, spec, ("ever",)).side.params)


def test_the_pooling_is_chosen_by_the_inner_leave_one_war_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the legal weight flips between eras the inner loss picks a free deviation, where it does not the pooled
    weight; the choice is the least loss of the grid, kept for the run's report."""
    import numpy as np

    from foedus.likely.spec import Spec

    fused = _load("likely_fused", monkeypatch)
    spec = Spec("t", ("legal", "unmet", "noise"), (), ("legal", "noise"))
    grid = (0.0, 4.0)
    s_flip, loss_flip = fused.choose_s(_eras(flip=True), spec, 0.05, grid)
    s_same, loss_same = fused.choose_s(_eras(flip=False), spec, 0.05, grid)
    assert (s_flip, s_same) == (4.0, 0.0)
    assert s_flip == grid[int(np.argmin(loss_flip))] and s_same == grid[int(np.argmin(loss_same))]
    frame = _eras(flip=True)
    untouched = frame.copy()
    built = fused.fused_variants(lambda s, fit=None: (s, fit), spec, frame, ["shipped"])
    assert frame.equals(untouched)  # not asked: no column added
    fused.fused_variants(lambda s, fit=None: s, spec, frame, ["era-fused"])
    assert "unmet_post_defense" in frame
    monkeypatch.setattr(fused, "S_GRID", grid)
    model = built["era-fused"][1](spec, frame, ("ever",))
    assert model.spec == built["era-fused"][0] and fused.CHOSEN == [(40, 4.0)]
    assert fused.choices_line() == "era-fused: s leave one war out 4 in 1; "
    assert not fused.CHOSEN
