"""Alliance-portfolio similarity for every dyad of a year: S, chance-corrected pi and kappa, and tau-b.

A year is an n×n integer matrix T over the system members, ties 0–3 (Signorino & Ritter's valued coding: 3 defence
or offence, 2 neutrality or non-aggression, 1 consultation only — COW's entente —, 0 none; the diagonal is 3, the
self-tie), plus CINC weights w.
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

Fast path (`foedus.research.similarity_fast`, numpy only): with 0/1 indicators I_a[i, k] = [T_ik = a], the pair
counts N_ab[i, j] = #{k: x_k = a, y_k = b} come from one matrix product of the non-zero indicators, and every
measure is a fixed linear or quadratic form in those counts and the rows' level counts
(C − D = ½ Σ sgn(a'−a)·sgn(b'−b)·N_ab·N_a'b'), so a year costs a few matrix products, exact (the integers
involved stay below 2²⁴, float32's limit, up to 680 states, float64 beyond; the weighted distance is one float64
product).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from foedus.engine.fast.threads import in_engine_threads
from foedus.research.similarity_fast import (
    D_MAX,
    FRAME_COLUMNS,
    MEASURES,
    SimilarityInputError,
    similarity_columns,
    year_matrices,
)

if TYPE_CHECKING:
    import pandas as pd

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


@dataclass(frozen=True)
class AllPairs:
    """The measures for the ordered pairs (i[p], j[p]) of one year, one float array per measure name."""

    i: npt.NDArray[np.intp]
    j: npt.NDArray[np.intp]
    measures: dict[str, FloatArray]


# --- direct per-pair definitions (the reference the fast path is tested against) -----------------------


def _portfolios(x: npt.ArrayLike, y: npt.ArrayLike, w: npt.ArrayLike | None = None) -> tuple[FloatArray, ...]:
    """Two portfolios (and weights) as float arrays, refused as `check_year` refuses a year's: not of one length
    (numpy's broadcast error, or weights of length 1 silently spread over every state), ties outside 0..D_MAX (an S
    outside [-1, 1]), a weight negative or not finite (S NaN or beyond its range), all without a word before."""
    try:
        xa, ya = np.asarray(x, np.float64), np.asarray(y, np.float64)
        wa = np.ones_like(xa) if w is None else np.asarray(w, np.float64)
    except (TypeError, ValueError) as exc:
        raise SimilarityInputError(f"portfolios and weights must be numbers ({exc})") from None
    if xa.ndim != 1 or xa.shape != ya.shape or wa.shape != xa.shape:
        raise SimilarityInputError(f"portfolios and weights must be 1-D and of one length, got shapes {xa.shape}, "
                                   f"{ya.shape}, {wa.shape}")
    if not (np.isfinite(xa).all() and np.isfinite(ya).all()) or xa.min(initial=0) < 0 or ya.min(initial=0) < 0 \
            or max(xa.max(initial=0), ya.max(initial=0)) > D_MAX:
        raise SimilarityInputError(f"tie values must lie in 0..{D_MAX}")
    if not np.isfinite(wa).all() or wa.min(initial=0) < 0:
        raise SimilarityInputError("weights must be finite and non-negative")
    return xa, ya, wa


def s_score(x: npt.ArrayLike, y: npt.ArrayLike, w: npt.ArrayLike | None = None, *, squared: bool = False) -> float:
    """Signorino–Ritter S for two portfolios (absolute or squared distance, optionally weighted)."""
    xa, ya, wa = _portfolios(x, y, w)
    dist = (xa - ya) ** 2 if squared else np.abs(xa - ya)
    dmax = D_MAX**2 if squared else D_MAX
    total = float(wa.sum())
    return float("nan") if total == 0 else 1.0 - 2.0 * float((wa * dist).sum()) / (total * dmax)


def cohen_kappa(x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    """Häge's kappa: 1 − observed/expected squared distance, expectation over each portfolio's own marginal."""
    xa, ya, _ = _portfolios(x, y)
    observed = float(np.mean((xa - ya) ** 2))
    expected = float(np.mean((xa[:, None] - ya[None, :]) ** 2))
    return float("nan") if expected == 0 else 1.0 - observed / expected


def scott_pi(x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    """Häge's pi: 1 − observed/expected squared distance, expectation over the pooled marginal of both."""
    xa, ya, _ = _portfolios(x, y)
    z = np.concatenate([xa, ya])
    observed = float(np.mean((xa - ya) ** 2))
    expected = float(np.mean((z[:, None] - z[None, :]) ** 2))
    return float("nan") if expected == 0 else 1.0 - observed / expected


def kendall_taub(x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    """Kendall's tau-b over all position pairs (scipy.stats.kendalltau semantics); NaN if either is constant."""
    xa, ya, _ = _portfolios(x, y)
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


# --- the vectorised fast path (foedus.research.similarity_fast) ---------------------------------------------


@in_engine_threads  # small products: one BLAS thread is faster (bench/bench_speed.py)
def similarity_matrices(ties: npt.ArrayLike, weights: npt.ArrayLike) -> dict[str, FloatArray]:
    """All six measures as n×n matrices for one year, from the pair counts (the fast path)."""
    return year_matrices(ties, weights)


def all_pairs(ties: npt.ArrayLike, weights: npt.ArrayLike, *, upper: bool = False) -> AllPairs:
    """The measures for every ordered pair i≠j of one year (row-major), or only i<j when upper is set."""
    mats = similarity_matrices(ties, weights)
    n = mats["s_unweighted"].shape[0]
    i, j = np.triu_indices(n, k=1) if upper else np.nonzero(~np.eye(n, dtype=bool))
    return AllPairs(i=i, j=j, measures={name: mats[name][i, j] for name in MEASURES})


def similarity_frame(years: Mapping[int, tuple[npt.ArrayLike, npt.ArrayLike, npt.ArrayLike]],
                     progress: Callable[[int], None] | None = None) -> pd.DataFrame:
    """Directed dyad-year table (both (i, j) and (j, i)) of all six measures, years in ascending order
    (`progress(k)` is told after each of the k years); `similarity_columns` gives the same without pandas."""
    import pandas as pd

    # The columns are handed to pandas uncopied: one copy of ~2M rows, not two (memory is the cost here).
    return pd.DataFrame(similarity_columns(years, progress), columns=list(FRAME_COLUMNS), copy=False)
