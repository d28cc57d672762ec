"""Alliance-similarity measures: the brief's worked case, the fast path against the definitions, edge cases."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest
from hypothesis import given, settings

from foedus.errors import FoedusError
from foedus.research.similarity import (
    FRAME_COLUMNS,
    MEASURES,
    SimilarityInputError,
    all_pairs,
    cohen_kappa,
    kendall_taub,
    pair_similarity,
    s_score,
    scott_pi,
    similarity_frame,
    similarity_matrices,
)
from strategies import similarity_years

X = np.array([3, 3, 0, 1, 2])
Y = np.array([3, 3, 2, 0, 0])
W = np.array([0.4, 0.3, 0.1, 0.1, 0.1])
EXPECTED = {"s_unweighted": 0.3333, "s_squared": 0.6000, "s_weighted": 0.6667, "kappa": 0.4444, "pi": 0.4410,
            "taub": 0.4714}


def _random_year(rng: np.random.Generator, n: int, symmetric: bool = True) -> tuple[npt.NDArray[np.int64],
                                                                                      npt.NDArray[np.float64]]:
    t = rng.choice(4, size=(n, n), p=[0.7, 0.1, 0.05, 0.15])
    if symmetric:
        t = np.triu(t, 1) + np.triu(t, 1).T
    np.fill_diagonal(t, 3)
    w = rng.dirichlet(np.ones(n))
    return t.astype(np.int64), w


def _direct_matrices(t: npt.NDArray[np.int64], w: npt.NDArray[np.float64]) -> dict[str, npt.NDArray[np.float64]]:
    n = t.shape[0]
    out = {m: np.empty((n, n)) for m in MEASURES}
    for i in range(n):
        for j in range(n):
            for m, v in pair_similarity(t[i], t[j], w).items():
                out[m][i, j] = v
    return out


def _assert_fast_equals_direct(t: npt.NDArray[np.int64], w: npt.NDArray[np.float64]) -> None:
    fast, direct = similarity_matrices(t, w), _direct_matrices(t, w)
    for m in MEASURES:
        np.testing.assert_allclose(fast[m], direct[m], rtol=1e-10, atol=1e-12, equal_nan=True, err_msg=m)


def test_worked_case_direct_definitions() -> None:
    got = pair_similarity(X, Y, W)
    assert {m: round(v, 4) for m, v in got.items()} == EXPECTED


def test_worked_case_exact_fractions() -> None:
    got = pair_similarity(X, Y, W)
    exact = {"s_unweighted": 1 / 3, "s_squared": 0.6, "s_weighted": 2 / 3, "kappa": 1 - 1.8 / 3.24,
             "pi": 1 - 1.8 / 3.22, "taub": 4 / math.sqrt(72)}
    for m, v in exact.items():
        assert got[m] == pytest.approx(v, abs=1e-12), m


def test_worked_case_fast_path() -> None:
    t = np.array([X, Y, [0, 2, 3, 1, 0], [1, 0, 1, 3, 0], [2, 0, 0, 0, 3]])
    mats = similarity_matrices(t, W)
    for m, v in EXPECTED.items():
        assert round(float(mats[m][0, 1]), 4) == v, m
        assert round(float(mats[m][1, 0]), 4) == v, m


def test_absolute_distance_would_not_reproduce_kappa_pi() -> None:
    # The brief's kappa/pi need Häge's squared distance; the absolute distance gives .2857 / .2754.
    d_obs = np.mean(np.abs(X - Y))
    kappa_abs = 1 - d_obs / np.mean(np.abs(X[:, None] - Y[None, :]))
    z = np.concatenate([X, Y])
    pi_abs = 1 - d_obs / np.mean(np.abs(z[:, None] - z[None, :]))
    assert (round(kappa_abs, 4), round(pi_abs, 4)) == (0.2857, 0.2754)
    assert (round(cohen_kappa(X, Y), 4), round(scott_pi(X, Y), 4)) == (0.4444, 0.4410)


@pytest.mark.parametrize(("x", "y", "tau"), [((1, 2, 3), (1, 2, 3), 1.0), ((1, 2, 3), (3, 2, 1), -1.0),
                                             ((0, 0, 1, 1), (0, 1, 0, 1), 0.0)])
def test_taub_known_values(x: tuple[int, ...], y: tuple[int, ...], tau: float) -> None:
    assert kendall_taub(x, y) == pytest.approx(tau)


def test_symmetry() -> None:
    t, w = _random_year(np.random.default_rng(1), 30, symmetric=False)
    for m, mat in similarity_matrices(t, w).items():
        np.testing.assert_allclose(mat, mat.T, rtol=1e-12, err_msg=m)
    assert pair_similarity(X, Y, W) == pytest.approx(pair_similarity(Y, X, W))


def test_identical_portfolios_score_one() -> None:
    t, w = _random_year(np.random.default_rng(2), 12)
    t[4, 5] = t[5, 4] = 3
    t[5] = t[4]  # row 5 copies row 4, self-ties included (both have 3 at columns 4 and 5)
    assert np.array_equal(t[4], t[5])
    mats = similarity_matrices(t, w)
    for m in MEASURES:
        assert mats[m][4, 5] == pytest.approx(1.0), m
        assert np.allclose(np.diagonal(mats[m])[~np.isnan(np.diagonal(mats[m]))], 1.0), m


@pytest.mark.parametrize(("seed", "n", "symmetric"), [(0, 2, True), (1, 3, False), (2, 17, True), (3, 40, False),
                                                      (4, 64, True)])
def test_fast_path_equals_direct_definitions(seed: int, n: int, symmetric: bool) -> None:
    t, w = _random_year(np.random.default_rng(seed), n, symmetric)
    if n > 3:
        t[1] = 3  # a constant portfolio (all 3): tau-b NaN with everyone, kappa/pi NaN with itself
        w[2] = 0.0
    _assert_fast_equals_direct(t, w)


@settings(max_examples=150, deadline=None)
@given(similarity_years(9))
def test_fast_path_equals_direct_definitions_hypothesis(year: tuple[npt.NDArray[np.int64],
                                                                   npt.NDArray[np.float64]]) -> None:
    _assert_fast_equals_direct(*year)


def test_degenerate_zero_weights_give_nan_weighted_s_only() -> None:
    t, _ = _random_year(np.random.default_rng(5), 8)
    mats = similarity_matrices(t, np.zeros(8))
    assert np.isnan(mats["s_weighted"]).all()
    assert not np.isnan(mats["s_unweighted"]).any()
    assert math.isnan(s_score(X, Y, np.zeros(5)))


def test_degenerate_constant_portfolios() -> None:
    all3 = np.full((4, 4), 3)
    mats = similarity_matrices(all3, np.ones(4))
    for m in ("kappa", "pi", "taub"):
        assert np.isnan(mats[m]).all(), m
    for m in ("s_unweighted", "s_squared", "s_weighted"):
        assert np.allclose(mats[m], 1.0), m
    # one constant portfolio: tau-b undefined, kappa/pi defined (no chance agreement to correct for)
    assert math.isnan(kendall_taub((3, 3, 3), (1, 2, 3)))
    assert cohen_kappa((3, 3, 3), (0, 0, 0)) == 0.0
    assert scott_pi((3, 3, 3), (0, 0, 0)) == -1.0
    assert math.isnan(cohen_kappa((2, 2), (2, 2))) and math.isnan(scott_pi((2, 2), (2, 2)))
    assert math.isnan(kendall_taub((3,), (3,)))


def test_all_pairs_ordered_and_upper() -> None:
    t, w = _random_year(np.random.default_rng(6), 7)
    full, upper = all_pairs(t, w), all_pairs(t, w, upper=True)
    assert full.i.size == 7 * 6 and not np.any(full.i == full.j)
    assert upper.i.size == 21 and np.all(upper.i < upper.j)
    mats = similarity_matrices(t, w)
    for m in MEASURES:
        assert np.array_equal(full.measures[m], mats[m][full.i, full.j], equal_nan=True)


def test_similarity_frame() -> None:
    rng = np.random.default_rng(7)
    t5, w5 = _random_year(rng, 5)
    t3, w3 = _random_year(rng, 3)
    frame = similarity_frame({1901: (np.array([2, 200, 220, 255, 365]), t5, w5), 1816: (np.array([2, 20, 200]), t3, w3),
                              1817: (np.array([2]), np.array([[3]]), np.array([1.0]))})
    assert tuple(frame.columns) == FRAME_COLUMNS
    assert len(frame) == 5 * 4 + 3 * 2
    assert frame["year"].tolist() == [1816] * 6 + [1901] * 20
    assert not frame[["ccode1", "ccode2", "year"]].duplicated().any()
    row = frame[(frame.year == 1901) & (frame.ccode1 == 200) & (frame.ccode2 == 365)].iloc[0]
    back = frame[(frame.year == 1901) & (frame.ccode1 == 365) & (frame.ccode2 == 200)].iloc[0]
    expected = pair_similarity(t5[1], t5[4], w5)
    for m in MEASURES:
        assert row[m] == pytest.approx(expected[m]) and back[m] == pytest.approx(expected[m])


def test_similarity_frame_empty() -> None:
    frame = similarity_frame({})
    assert tuple(frame.columns) == FRAME_COLUMNS and frame.empty
    assert pd.api.types.is_integer_dtype(frame["ccode1"]) and pd.api.types.is_float_dtype(frame["taub"])


@pytest.mark.parametrize(("ties", "weights"), [
    (np.full((3, 2), 3), np.ones(3)),              # not square
    (np.array([[3, 4], [0, 3]]), np.ones(2)),      # value out of range
    (np.array([[3, -1], [0, 3]]), np.ones(2)),     # negative tie
    (np.array([[2, 0], [0, 3]]), np.ones(2)),      # self-tie not 3
    (np.full((2, 2), 3.0), np.ones(2)),            # floats, not integers
    (np.full((2, 2), 3), np.ones(3)),              # weights of the wrong length
    (np.full((2, 2), 3), np.array([1.0, -1.0])),   # negative weight
    (np.full((2, 2), 3), np.array([1.0, np.nan])), # missing weight
])
def test_malformed_year_rejected(ties: npt.NDArray[np.generic], weights: npt.NDArray[np.float64]) -> None:
    with pytest.raises(SimilarityInputError):
        similarity_matrices(ties, weights)


def test_malformed_ccodes_rejected() -> None:
    t = np.full((2, 2), 3)
    with pytest.raises(FoedusError, match="distinct"):
        similarity_frame({1816: (np.array([2, 2]), t, np.ones(2))})
    with pytest.raises(SimilarityInputError, match="ccodes for a 2-state"):
        similarity_frame({1816: (np.array([2, 20, 200]), t, np.ones(2))})


def test_similarity_frame_single_state_needs_one_ccode() -> None:
    with pytest.raises(SimilarityInputError, match="0 ccodes for a 1-state"):
        similarity_frame({1816: (np.array([], dtype=np.int64), np.array([[3]]), np.ones(1))})


# --- a published worked example ----------------------------------------------------------------------------------
# Signorino & Ritter (1999, ISQ 43(1), Table 6): the alliance portfolios of Germany and Russia in 1914 over the 20
# European states, with each state's share of European capabilities. The rows below are that table as shipped
# in Steven V. Miller's R package fpsim 0.1.0 (data `gmyrus14`). The expected values are printed in fpsim's
# documentation: the examples of taub() and cohenk() (`levels = 0:3`), and its author's worked reproduction of
# Table 6 with srs() (absolute distances; unweighted and weighted by `syscap`):
#   taub 0.03031695; srs 0.4; srs weighted -0.46; cohenk -0.07758621.
# fpsim's spi() is Scott's *nominal* pi, which is not foedus's pi (Häge's squared-distance pi); that one is
# checked through the published kappa: both share D_o = mean(d^2), and D_e(pi) = D_e(kappa) - (mean x - mean y)^2/2.
GMYRUS14 = [  # state, syscap, gmy, rus
    ("GMY", .25, 3, 0), ("RUS", .21, 0, 3), ("UKG", .20, 0, 1), ("FRN", .08, 0, 3), ("AUH", .08, 3, 0),
    ("ITA", .05, 3, 1), ("BEL", .03, 0, 0), ("SPN", .03, 0, 0), ("TUR", .02, 0, 0), ("NTH", .01, 0, 0),
    ("SWD", .01, 0, 0), ("RUM", .01, 3, 0), ("POR", .01, 0, 0), ("SWZ", .01, 0, 0), ("GRC", 0, 0, 0),
    ("DEN", 0, 0, 0), ("YUG", 0, 0, 0), ("BUL", 0, 0, 0), ("NOR", 0, 0, 0), ("ALB", 0, 0, 0),
]
FPSIM_1914 = {"taub": 0.03031695, "s_unweighted": 0.4, "s_weighted": -0.46, "kappa": -0.07758621}


def test_signorino_ritter_1914_germany_russia_as_published_by_fpsim() -> None:
    w = np.array([r[1] for r in GMYRUS14])
    gmy, rus = np.array([r[2] for r in GMYRUS14]), np.array([r[3] for r in GMYRUS14])
    got = pair_similarity(gmy, rus, w)
    for measure, value in FPSIM_1914.items():
        assert got[measure] == pytest.approx(value, abs=5e-9), measure
    observed = float(np.mean((gmy - rus) ** 2))
    expected_kappa = observed / (1 - FPSIM_1914["kappa"])
    expected_pi = expected_kappa - (gmy.mean() - rus.mean()) ** 2 / 2
    assert got["pi"] == pytest.approx(1 - observed / expected_pi, abs=1e-7)
    # the fast all-pairs path gives the same numbers for this pair
    mats = similarity_matrices(_square(gmy, rus), w)
    for measure, value in FPSIM_1914.items():
        assert mats[measure][0, 1] == pytest.approx(value, abs=5e-9), measure


def _square(gmy: npt.NDArray[np.int64], rus: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """A 20x20 tie matrix whose rows 0 and 1 are Germany's and Russia's portfolios (others: self-ties only)."""
    t = np.zeros((20, 20), dtype=np.int64)
    np.fill_diagonal(t, 3)
    t[0], t[1] = gmy, rus
    return t
