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
