"""bench/likely_why.py (issue #14, session 62): the war-size regressor of `size-free` split exactly into one part per
join feature, a remainder and −log n, so the parts a war's forecast is read from add up to the regressor it uses."""

from __future__ import annotations

import pytest
from tests.test_bench import _load, _synthetic_wars


def test_the_size_regressor_splits_into_each_features_part(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from foedus.likely.fit import fit_two_stage
    from foedus.likely.spec import Spec, join_matrix
    from foedus.likely.validate import frame_values

    why = _load("likely_why", monkeypatch)
    import likely_size  # the module likely_why reads, as the script imports it

    frame, spec = _synthetic_wars(), Spec("t", ("a", "noise"), (), ("a", "noise"))
    model = fit_two_stage(frame, spec, likely_size.H)
    for h in likely_size.H:
        keys, parts = why.all_parts(model, spec, frame, h)
        xs, _ = likely_size.war_regressor(likely_size._unshifted(model, spec, frame, h), frame["war"].to_numpy(),
                                          np.zeros(len(frame)))
        assert keys.tolist() == list(range(24))
        for part, x in zip(parts, xs, strict=True):
            assert part.x == pytest.approx(x)
            assert part.intercept + part.terms.sum() + part.rest - part.log_n == pytest.approx(x)
            assert part.log_n == pytest.approx(np.log(40))
        logit, rows = model.join[h], frame["war"].to_numpy() == 3
        xj = join_matrix(frame_values(frame[rows]), spec)
        top = np.argsort(-logit.eta(xj))[:5]
        want = logit.coef * ((xj[top] - logit.mean) / logit.scale).mean(axis=0)  # coefficient × the five's mean z
        assert np.allclose(parts[3].terms, want)


def test_the_war_size_without_unmet_drops_that_term_from_the_size_index_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """`size-no-unmet` (bench/likely_nounmet.py, registered in docs/likelihood-experiments.md before any score): each
    war's `size-free` regressor read from the join linear predictor less its `unmet_either` term (the join model not
    refitted), the Poisson fit on the training wars' regressor so read; the test war's outcomes are never read."""
    import dataclasses

    import numpy as np

    from foedus.likely.fit import fit_two_stage
    from foedus.likely.spec import Spec, join_matrix
    from foedus.likely.validate import frame_values

    nounmet = _load("likely_nounmet", monkeypatch)
    import likely_size  # the module likely_nounmet reads, as the script imports it

    assert nounmet.DROPPED == "unmet_either" and nounmet.NO_UNMET_VARIANTS == ("size-no-unmet",)
    frame = _synthetic_wars().rename(columns={"a_attack": "unmet_attack", "a_defense": "unmet_defense"})
    frame["war_name"], frame["year"] = frame["war"].astype(str), 1900
    spec = Spec("t", ("unmet", "noise"), (), ("unmet", "noise"))
    train = frame[frame["war"] < 18]
    model = fit_two_stage(train, spec, likely_size.H)
    callback = nounmet.no_unmet_variants(lambda s, expected: expected, spec)["size-no-unmet"]
    free = likely_size.size_free(spec)
    for h in likely_size.H:
        logit = model.join[h]
        without = dataclasses.replace(logit, coef=logit.coef * np.array([0.0, 1.0]))  # the unmet term zeroed
        p = without.prob(join_matrix(frame_values(frame), spec))
        assert np.allclose(nounmet.unshifted_without(model, spec, frame, h), p)
        xs, _ = likely_size.war_regressor(p, frame["war"].to_numpy(), np.zeros(len(frame)))
        counts = (train[f"outcome_{h}"] != "out").groupby(train["war"]).sum().to_numpy().astype(float)
        fit = likely_size.fit_size(xs[:18], counts)
        differs = 0
        for w in range(18, 24):
            test = frame[frame["war"] == w]
            got = callback(model, train, test, h)
            assert got == pytest.approx(fit.forecast(xs[w]))
            flipped = test.assign(**{f"outcome_{k}": "attack" for k in likely_size.H})
            assert callback(model, train, flipped, h) == pytest.approx(got)
            differs += got != pytest.approx(free(model, train, test, h))
        assert differs > 0  # the term is dropped from the size index: not size-free's forecast
