"""Alliance-portfolio similarity for every dyad of a year: S, chance-corrected pi and kappa, and tau-b.

A year is an n×n integer matrix T over the system members, ties 0–3 (3 defence or offence, 2 neutrality
or consultation, 1 non-aggression only, 0 none; the diagonal is 3, the self-tie), plus CINC weights w.
Row i is state i's alliance portfolio x; row j is y; d_k = x_k − y_k; d_max = 3.

* ``s_unweighted`` — Signorino & Ritter (1999, ISQ 43(1)), absolute distance:
  S = 1 − 2·Σ|d_k| / (n·d_max).
* ``s_squared`` — Signorino & Ritter (1999), squared distance, normalised by its own maximum n·d_max²:
  S = 1 − 2·Σd_k² / (n·d_max²).
* ``s_weighted`` — Signorino & Ritter (1999), absolute distance weighted by capability:
  S = 1 − 2·Σ w_k|d_k| / (Σw_k · d_max); NaN when Σw = 0.
* ``kappa`` — Häge (2011, Political Analysis 19(3)), Cohen's kappa for valued ties with the squared
  distance: κ = 1 − D_o/D_e, D_o = Σd_k²/n, D_e = Σ_k Σ_l (x_k − y_l)²/n² (each portfolio's own marginal).
* ``pi`` — Häge (2011), Scott's pi, same D_o, D_e = mean of (z_k − z_l)² over all ordered pairs of the
  pooled 2n values z = (x, y) (one marginal for both portfolios, drawn with replacement).
  kappa and pi are NaN when D_e = 0, i.e. when both portfolios are one and the same constant vector.
* ``taub`` — Bueno de Mesquita (1975)'s measure, Kendall's tau-b on the ordinal ties (the semantics of
  ``scipy.stats.kendalltau``): τ_b = (C − D) / √((n₀ − n₁)(n₀ − n₂)), n₀ = n(n−1)/2, n₁ and n₂ the pairs
  tied in x and in y; NaN when either portfolio is constant (or n < 2).

Worked case (the brief): x = (3,3,0,1,2), y = (3,3,2,0,0), w = (.4,.3,.1,.1,.1). Σ|d| = 5 → S = 1 − 10/15;
Σd² = 9 → S_sq = 1 − 18/45; Σw|d| = .5 → S_w = 1 − 1/3; D_o = 1.8, D_e(κ) = 3.24, D_e(π) = 3.22; C = 6,
D = 2, n₁ = 1, n₂ = 2 → τ_b = 4/√72. (Absolute distance in κ and π would give .2857 and .2754, not these.)

>>> x, y = np.array([3, 3, 0, 1, 2]), np.array([3, 3, 2, 0, 0])
>>> {k: round(v, 4) for k, v in pair_similarity(x, y, np.array([.4, .3, .1, .1, .1])).items()}
{'s_unweighted': 0.3333, 's_squared': 0.6, 's_weighted': 0.6667, 'kappa': 0.4444, 'pi': 0.441, 'taub': 0.4714}

Fast path: with 0/1 indicators I_a[i, k] = [T_ik = a], the pair counts N_ab[i, j] = #{k: x_k = a, y_k = b}
are the blocks of one matrix product A·Aᵀ (A = the four I_a stacked). Every measure is a fixed linear or
quadratic form in those 16 counts (C − D = ½ Σ sgn(a'−a)·sgn(b'−b)·N_ab·N_a'b'), so a year costs a few
matrix products, exact in float64 (all counts and sums of counts are integers below 2⁵³).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from foedus.engine.fast.threads import in_engine_threads
from foedus.errors import FoedusError

__all__ = [
    "D_MAX",
    "FRAME_COLUMNS",
    "MEASURES",
    "AllPairs",
    "SimilarityInputError",
    "all_pairs",
    "cohen_kappa",
    "kendall_taub",
    "pair_similarity",
    "s_score",
    "scott_pi",
    "similarity_frame",
    "similarity_matrices",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

D_MAX = 3
LEVELS = np.arange(D_MAX + 1)
MEASURES = ("s_unweighted", "s_squared", "s_weighted", "kappa", "pi", "taub")
FRAME_COLUMNS = ("ccode1", "ccode2", "year", *MEASURES)

_DIFF = LEVELS[:, None] - LEVELS[None, :]
_ABS = np.abs(_DIFF).astype(np.float64)
_SQ = (_DIFF**2).astype(np.float64)
# Concordance kernel over the 16 (a, b) cells: sgn(a' − a)·sgn(b' − b).
_SGN = np.sign(_DIFF)
_CONCORD = np.einsum("ac,bd->abcd", _SGN, _SGN).reshape(16, 16).astype(np.float64)


class SimilarityInputError(FoedusError):
    """A tie matrix, weight vector or code list is malformed for the similarity measures."""


@dataclass(frozen=True)
class AllPairs:
    """The measures for the ordered pairs (i[p], j[p]) of one year, one float array per measure name."""

    i: npt.NDArray[np.intp]
    j: npt.NDArray[np.intp]
    measures: dict[str, FloatArray]


# --- direct per-pair definitions (the reference the fast path is tested against) -----------------------


def s_score(x: npt.ArrayLike, y: npt.ArrayLike, w: npt.ArrayLike | None = None, *, squared: bool = False) -> float:
    """Signorino–Ritter S for two portfolios (absolute or squared distance, optionally weighted)."""
    xa, ya = np.asarray(x, np.float64), np.asarray(y, np.float64)
    wa = np.ones_like(xa) if w is None else np.asarray(w, np.float64)
    dist = (xa - ya) ** 2 if squared else np.abs(xa - ya)
    dmax = D_MAX**2 if squared else D_MAX
    total = float(wa.sum())
    return float("nan") if total == 0 else 1.0 - 2.0 * float((wa * dist).sum()) / (total * dmax)


def cohen_kappa(x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    """Häge's kappa: 1 − observed/expected squared distance, expectation over each portfolio's own marginal."""
    xa, ya = np.asarray(x, np.float64), np.asarray(y, np.float64)
    observed = float(np.mean((xa - ya) ** 2))
    expected = float(np.mean((xa[:, None] - ya[None, :]) ** 2))
    return float("nan") if expected == 0 else 1.0 - observed / expected


def scott_pi(x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    """Häge's pi: 1 − observed/expected squared distance, expectation over the pooled marginal of both."""
    xa, ya = np.asarray(x, np.float64), np.asarray(y, np.float64)
    z = np.concatenate([xa, ya])
    observed = float(np.mean((xa - ya) ** 2))
    expected = float(np.mean((z[:, None] - z[None, :]) ** 2))
    return float("nan") if expected == 0 else 1.0 - observed / expected


def kendall_taub(x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    """Kendall's tau-b over all position pairs (scipy.stats.kendalltau semantics); NaN if either is constant."""
    xa, ya = np.asarray(x, np.float64), np.asarray(y, np.float64)
    n = xa.size
    sx = np.sign(xa[:, None] - xa[None, :])
    sy = np.sign(ya[:, None] - ya[None, :])
    n0 = n * (n - 1) / 2
    tied_x = (np.count_nonzero(sx == 0) - n) / 2
    tied_y = (np.count_nonzero(sy == 0) - n) / 2
    denom = (n0 - tied_x) * (n0 - tied_y)
    return float("nan") if denom <= 0 else float((sx * sy).sum() / 2) / float(np.sqrt(denom))


def pair_similarity(x: npt.ArrayLike, y: npt.ArrayLike, w: npt.ArrayLike) -> dict[str, float]:
    """All six measures for one pair of portfolios, straight from their definitions (slow; the reference)."""
    return {
        "s_unweighted": s_score(x, y),
        "s_squared": s_score(x, y, squared=True),
        "s_weighted": s_score(x, y, w),
        "kappa": cohen_kappa(x, y),
        "pi": scott_pi(x, y),
        "taub": kendall_taub(x, y),
    }


# --- vectorised all-pairs fast path ---------------------------------------------------------------------


def _check_year(ties: npt.ArrayLike, weights: npt.ArrayLike) -> tuple[IntArray, FloatArray]:
    """Validate one year's tie matrix and weights, so that bad input fails loudly rather than skews S."""
    t = np.asarray(ties)
    w = np.asarray(weights)
    if t.ndim != 2 or t.shape[0] != t.shape[1]:
        raise SimilarityInputError(f"tie matrix must be square, got shape {t.shape}")
    if t.size and not np.issubdtype(t.dtype, np.integer):
        raise SimilarityInputError(f"tie matrix must hold integers, got dtype {t.dtype}")
    if t.size and (t.min() < 0 or t.max() > D_MAX):
        raise SimilarityInputError(f"tie values must lie in 0..{D_MAX}, got {t.min()}..{t.max()}")
    if not np.all(np.diagonal(t) == D_MAX):
        raise SimilarityInputError(f"the diagonal (self-tie) must be {D_MAX} for every state")
    if w.shape != (t.shape[0],):
        raise SimilarityInputError(f"weights must have shape ({t.shape[0]},), got {w.shape}")
    wf = w.astype(np.float64)
    if not np.all(np.isfinite(wf)) or np.any(wf < 0):
        raise SimilarityInputError("weights must be finite and non-negative")
    return t.astype(np.int64), wf


def _ratio(num: FloatArray, den: FloatArray) -> FloatArray:
    """num/den elementwise, NaN where den is 0 (the documented degenerate cases)."""
    out = np.full(num.shape, np.nan)
    np.divide(num, den, out=out, where=den != 0)
    return out


def similarity_matrices(ties: npt.ArrayLike, weights: npt.ArrayLike) -> dict[str, FloatArray]:
    """All six measures as n×n matrices for one year, from the 16 pair-count matrices (the fast path)."""
    t, w = _check_year(ties, weights)
    n = t.shape[0]
    ind = (t[None, :, :] == LEVELS[:, None, None]).astype(np.float64)  # (4, n, n): I_a[i, k]
    stacked = ind.reshape(4 * n, n)
    counts = (stacked @ stacked.T).reshape(4, n, 4, n).transpose(0, 2, 1, 3).reshape(16, n, n)  # N_ab[i, j]
    abs_sum = np.tensordot(_ABS.ravel(), counts, axes=1)
    sq_sum = np.tensordot(_SQ.ravel(), counts, axes=1)
    # Weighted: Σ_k w_k |x_k − y_k| = Σ_a (I_a·w) @ (Σ_b |a − b| I_b)ᵀ, one product of n×4n by 4n×n.
    far = np.tensordot(_ABS, ind, axes=1)  # (4, n, n): Σ_b |a − b| I_b[j, k]
    w_abs = np.concatenate(list(ind * w), axis=1) @ np.concatenate(list(far), axis=1).T
    marg = ind.sum(axis=2).T  # (n, 4): how often each tie value occurs in each row
    cross = marg @ _SQ @ marg.T  # n²·D_e(kappa) for every pair
    own = np.diagonal(cross)
    pooled = own[:, None] + 2.0 * cross + own[None, :]  # (2n)²·D_e(pi)
    flat = counts.reshape(16, n * n)
    concord = 0.5 * np.einsum("pq,pq->q", flat, _CONCORD @ flat).reshape(n, n)
    untied = n * (n - 1) / 2 - (marg * (marg - 1) / 2).sum(axis=1)
    return {
        "s_unweighted": 1.0 - 2.0 * abs_sum / (n * D_MAX),
        "s_squared": 1.0 - 2.0 * sq_sum / (n * D_MAX**2),
        "s_weighted": 1.0 - _ratio(2.0 * w_abs, np.full_like(w_abs, w.sum() * D_MAX)),
        "kappa": 1.0 - _ratio(n * sq_sum, cross),
        "pi": 1.0 - _ratio(4.0 * n * sq_sum, pooled),
        "taub": _ratio(concord, np.sqrt(np.outer(untied, untied))),
    }


def all_pairs(ties: npt.ArrayLike, weights: npt.ArrayLike, *, upper: bool = False) -> AllPairs:
    """The measures for every ordered pair i≠j of one year (row-major), or only i<j when upper is set."""
    mats = similarity_matrices(ties, weights)
    n = mats["s_unweighted"].shape[0]
    i, j = np.triu_indices(n, k=1) if upper else np.nonzero(~np.eye(n, dtype=bool))
    return AllPairs(i=i, j=j, measures={name: mats[name][i, j] for name in MEASURES})


@in_engine_threads  # small products: one BLAS thread is faster (bench/bench_speed.py)
def similarity_frame(years: Mapping[int, tuple[npt.ArrayLike, npt.ArrayLike, npt.ArrayLike]],
                     progress: Callable[[int], None] | None = None) -> pd.DataFrame:
    """Directed dyad-year table (both (i, j) and (j, i)) of all six measures, years in ascending order
    (`progress(k)` is told after each of the k years)."""
    order = sorted(years)
    sizes = [np.shape(years[y][1])[0] if np.ndim(years[y][1]) == 2 else 0 for y in order]
    total = sum(n * (n - 1) for n in sizes)
    # Filled in place and handed to pandas uncopied: one copy of ~2M rows, not three (memory is the cost here).
    data = {col: np.empty(total, np.int64 if col in FRAME_COLUMNS[:3] else np.float64) for col in FRAME_COLUMNS}
    start = 0
    for k, year in enumerate(order, start=1):
        ccodes, ties, weights = years[year]
        codes = np.asarray(ccodes)
        if codes.ndim != 1 or not np.issubdtype(codes.dtype, np.integer) or np.unique(codes).size != codes.size:
            raise SimilarityInputError(f"{year}: ccodes must be a 1-D array of distinct integers")
        pairs = all_pairs(ties, weights)
        if codes.size != np.shape(ties)[0]:
            raise SimilarityInputError(f"{year}: {codes.size} ccodes for a {np.shape(ties)[0]}-state tie matrix")
        rows = slice(start, start + pairs.i.size)
        data["ccode1"][rows], data["ccode2"][rows], data["year"][rows] = codes[pairs.i], codes[pairs.j], year
        for name in MEASURES:
            data[name][rows] = pairs.measures[name]
        start = rows.stop
        if progress is not None:
            progress(k)
    return pd.DataFrame(data, columns=list(FRAME_COLUMNS), copy=False)
