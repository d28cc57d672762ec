"""bench/likely_within.py (issue #14, session 64, registered in docs/likelihood-experiments.md before any score): the
join model fitted with one near-free intercept per training war (`war-effect`), and its legal features split by era
(`era-split`)."""

from __future__ import annotations

import pytest
from tests.test_bench import _load, _synthetic_wars


def test_a_war_level_effect_reads_the_weights_inside_wars_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A feature constant inside each war, high in the wars many joined, is weighted by the pooled fit and not by the
    within fit; a feature that marks who joins inside each war is weighted by both."""
    import numpy as np

    from foedus.likely.fit import fit_logit

    within = _load("likely_within", monkeypatch)
    rng = np.random.default_rng(3)
    wars = np.repeat(np.arange(30), 60)
    level = np.repeat(rng.random(30), 60)  # the war's own level: the same for every candidate of the war
    inside = (rng.random(len(wars)) < 0.1) * 1.0
    y = (rng.random(len(wars)) < 0.01 + 0.15 * level + 0.4 * inside).astype(np.int64)
    x = np.column_stack([level, inside])
    pooled, by_war = fit_logit(x, y, 0.05), within.fit_within(x, y, wars, 0.05)
    assert pooled.coef[0] > 0.3 and abs(by_war.coef[0]) < 0.2 * pooled.coef[0]
    assert by_war.coef[1] > 0.5 and pooled.coef[1] > 0.5
    assert within.war_dummies(np.array([7, 7, 9]), 1.0, 2.0).tolist() == [[2.0, 0.0], [2.0, 0.0], [0.0, 2.0]]
    flat = within.fit_within(x, np.zeros(len(wars), dtype=np.int64), wars, 0.05)  # no joiner: the constant model
    assert not flat.coef.any()


def test_the_era_split_reads_each_legal_feature_as_two_era_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from foedus.likely.fit import fit_two_stage
    from foedus.likely.spec import SHIPPED, Spec

    within = _load("likely_within", monkeypatch)
    split = within.split_spec(SHIPPED)
    assert split.join_names[:4] == ["legal_pre_either", "legal_post_either", "unmet_pre_either", "unmet_post_either"]
    assert split.join_names[4:] == SHIPPED.join_names[2:] and split.side_names == SHIPPED.side_names
    frame = _synthetic_wars()
    frame["post1945"] = (frame["war"] >= 12) * 1
    for f in ("legal", "unmet"):
        frame[f"{f}_attack"], frame[f"{f}_defense"] = frame["a_attack"], frame["a_defense"]
    untouched = frame.copy()
    built = within.within_variants(lambda s, fit=None: (s, fit), SHIPPED, frame, ["shipped", "war-effect"])
    assert frame.equals(untouched)  # no era split asked: no column added
    assert built["war-effect"] == (SHIPPED, within.within_model) and built["era-split"] == (split, None)
    within.within_variants(lambda s, fit=None: s, SHIPPED, frame, ["era-split"])
    post = frame["post1945"].to_numpy() > 0
    assert (frame["legal_pre_defense"] + frame["legal_post_defense"]).equals(frame["legal_defense"])
    assert not frame["unmet_post_attack"][~post].any() and not frame["unmet_pre_attack"][post].any()
    spec = Spec("t", ("a", "noise"), (), ("a", "noise"))
    model = within.within_model(spec, frame, ("ever",))
    assert np.array_equal(model.side.params, fit_two_stage(frame, spec, ("ever",)).side.params)
    assert model.join["ever"].coef[0] > 0
    assert np.isfinite(model.join["ever"].eta(np.zeros((1, 2)))).all()
