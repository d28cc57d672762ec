"""bench/likely_side.py (issue #14, session 68, registered in docs/likelihood-experiments.md before any score): kappa of
the defence portfolios (`kappa-def`, `kappa-def-add`), the side model's own out-of-sample scores, and the known-side
diagnostic."""

from __future__ import annotations

from typing import Any

import pytest
from tests.test_bench import _load, _synthetic_wars


def _blocs() -> Any:
    """Six states: 0–2 one defence bloc, 3–4 another, 5 alone; every pair also holds a non-aggression tie (2)."""
    import numpy as np

    t = np.full((6, 6), 2, dtype=np.int64)
    for bloc in ((0, 1, 2), (3, 4)):
        t[np.ix_(bloc, bloc)] = 3
    np.fill_diagonal(t, 3)
    return t


def test_defence_kappa_reads_the_defence_blocs_and_not_the_ties_below_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """The system-wide non-aggression tie makes every portfolio alike in full kappa; the defence kappa sees the blocs:
    positive within one, negative across two, and the same as with the lesser ties taken away."""
    import numpy as np

    from foedus.research.similarity import similarity_matrices

    side = _load("likely_side", monkeypatch)
    t = _blocs()
    got = side.defence_kappa(t, 3)
    assert got[0, 1] > 0 > got[0, 3]
    assert np.allclose(got, side.defence_kappa(np.where(t == 3, 3, 0), 3))
    full = np.nan_to_num(similarity_matrices(t, np.ones(6))["kappa"], nan=0.0)
    assert full[0, 3] - full[0, 5] < got[0, 5] - got[0, 3]  # the defence portfolio separates more: bloc vs none
    assert side.highest(got, [0, 3], [1, 4]).tolist() == [got[0, 1], got[3, 4]]
    assert side.highest(got, [0], []).tolist() == [0.0]


def test_the_variants_change_only_the_side_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.likely.spec import SHIPPED

    side = _load("likely_side", monkeypatch)
    specs = side.side_specs(SHIPPED)
    assert specs["kappa-def"].side_diff == tuple("sim_kappa_def" if f == "sim_kappa" else f for f in SHIPPED.side_diff)
    assert specs["kappa-def-add"].side_diff == (*SHIPPED.side_diff, "sim_kappa_def")
    for spec in specs.values():
        assert (spec.join_side, spec.join_state, spec.side_state) == (SHIPPED.join_side, SHIPPED.join_state,
                                                                     SHIPPED.side_state)


def _dated() -> Any:
    import numpy as np

    frame = _synthetic_wars()
    frame["year"] = 1900 + 5 * frame["war"].to_numpy()  # wars 0–9 to 1945, 10–23 after, 18–23 from 1990
    frame["era"] = np.where(frame["year"].to_numpy() < 1945, "pre1945", "post1945")
    return frame


def test_side_scores_are_out_of_sample_on_the_joiners_of_each_scheme(monkeypatch: pytest.MonkeyPatch) -> None:
    """A side feature that marks the side taken scores far better than the training share; noise does not; and the
    test wars' outcomes never reach their own fit (changing them changes the score only through the rows scored)."""
    import numpy as np

    from foedus.likely.spec import Spec

    side = _load("likely_side", monkeypatch)
    frame = _dated()
    signal, noise = Spec("s", ("a",), (), ("a",)), Spec("n", ("a",), (), ("noise",))
    got, none = side.side_scores(frame, signal), side.side_scores(frame, noise)
    joined = frame["outcome_ever"].to_numpy() != "out"
    assert got["leave-one-war-out"]["joiners"] == joined.sum()
    assert got["forward-1989"]["joiners"] == (joined & (frame["year"].to_numpy() >= 1990)).sum()
    for scheme, s in got.items():
        assert s["log_loss"] < 0.8 * s["base_log_loss"] and s["right"] > 0.8, scheme
        assert none[scheme]["log_loss"] > s["log_loss"], scheme
    flipped = frame.copy()
    late = joined & (frame["year"].to_numpy() >= 1950)  # forward-1945's test joiners: flip the side they took
    took = frame["outcome_ever"].to_numpy()[late]
    flipped.loc[late, "outcome_ever"] = np.where(took == "attack", "defense", "attack")
    worse = side.side_scores(flipped, signal)["forward-1945"]
    assert worse["right"] == pytest.approx(1 - got["forward-1945"]["right"])  # same forecasts, opposite outcomes


def test_known_side_puts_each_test_joiner_on_the_side_it_took(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from foedus.likely.spec import Spec

    bench = _load("likely_experiments", monkeypatch)
    side = _load("likely_side", monkeypatch)
    frame = _dated()
    spec = Spec("t", ("a", "noise"), (), ("noise",))
    plain = bench._predict(spec, expected=_load("likely_horizon", monkeypatch).horizon_expected)
    known = side._known_side(plain)
    train, test = frame[frame["war"] != 3], frame[frame["war"] == 3]
    a, b = plain(train, test), known(train, test)
    took = test["outcome_ever"].to_numpy()
    assert (took != "out").any()
    for h in ("30", "365", "ever"):
        assert np.allclose(a[h][:, 0], b[h][:, 0], rtol=0, atol=1.0001e-4)  # the same P(join), the floor apart
        assert np.allclose(b[h][took == "attack", 2], 1e-4) and np.allclose(b[h][took == "defense", 1], 1e-4)
        assert np.allclose(a[h][took == "out"], b[h][took == "out"])
