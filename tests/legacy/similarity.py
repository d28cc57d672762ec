"""The similarity fast path and the yearly portfolios as they were before issue 15 (16 float64 count matrices per
year from one 4n×4n product; one dictionary split of the ATOP keys and one `np.maximum.at` per year), kept to
check that the faster ones give bit-identical results.

Every measure is a fixed linear or quadratic form in the 16 pair counts N_ab[i, j] = #{k: T_ik = a, T_jk = b},
the blocks of one matrix product A·Aᵀ (A the four indicators I_a stacked).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt
import pandas as pd

from foedus.engine.fast.threads import in_engine_threads
from foedus.model.world import World
from foedus.research.atop_flags import YEAR_SPAN, cached_flag_keys
from foedus.research.coexist import year_windows
from foedus.research.dyads import system_spells
from foedus.research.similarity import (  # unchanged by the work the legacy copy stands for
    D_MAX,
    FRAME_COLUMNS,
    MEASURES,
    SimilarityInputError,
)
from foedus.research.similarity_fast import check_year, ratio
from foedus.research.ties import TIE_VALUES
from foedus.sources.cow import capabilities

FloatArray = npt.NDArray[np.float64]

LEVELS = np.arange(D_MAX + 1)
_DIFF = LEVELS[:, None] - LEVELS[None, :]
_ABS = np.abs(_DIFF).astype(np.float64)
_SQ = (_DIFF**2).astype(np.float64)
_SGN = np.sign(_DIFF)
_CONCORD = np.einsum("ac,bd->abcd", _SGN, _SGN).reshape(16, 16).astype(np.float64)


@in_engine_threads  # as the former similarity_frame ran it: the weighted S depends on the BLAS threads
def similarity_matrices(ties: npt.ArrayLike, weights: npt.ArrayLike) -> dict[str, FloatArray]:
    """All six measures as n×n matrices for one year, from the 16 pair-count matrices (the former fast path)."""
    t, w = check_year(ties, weights)
    n = t.shape[0]
    ind = (t[None, :, :] == LEVELS[:, None, None]).astype(np.float64)  # (4, n, n): I_a[i, k]
    stacked = ind.reshape(4 * n, n)
    counts = (stacked @ stacked.T).reshape(4, n, 4, n).transpose(0, 2, 1, 3).reshape(16, n, n)  # N_ab[i, j]
    abs_sum = np.tensordot(_ABS.ravel(), counts, axes=1)
    sq_sum = np.tensordot(_SQ.ravel(), counts, axes=1)
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
        "s_weighted": 1.0 - ratio(2.0 * w_abs, np.full_like(w_abs, w.sum() * D_MAX)),
        "kappa": 1.0 - ratio(n * sq_sum, cross),
        "pi": 1.0 - ratio(4.0 * n * sq_sum, pooled),
        "taub": ratio(concord, np.sqrt(np.outer(untied, untied))),
    }


@in_engine_threads
def similarity_frame(years: Mapping[int, tuple[npt.ArrayLike, npt.ArrayLike, npt.ArrayLike]]) -> pd.DataFrame:
    """Directed dyad-year table (both (i, j) and (j, i)) of all six measures, years in ascending order."""
    order = sorted(years)
    sizes = [np.shape(years[y][1])[0] if np.ndim(years[y][1]) == 2 else 0 for y in order]
    total = sum(n * (n - 1) for n in sizes)
    data = {col: np.empty(total, np.int64 if col in FRAME_COLUMNS[:3] else np.float64) for col in FRAME_COLUMNS}
    start = 0
    for year in order:
        ccodes, ties, weights = years[year]
        codes = np.asarray(ccodes)
        if codes.ndim != 1 or not np.issubdtype(codes.dtype, np.integer) or np.unique(codes).size != codes.size:
            raise SimilarityInputError(f"{year}: ccodes must be a 1-D array of distinct integers")
        mats = similarity_matrices(ties, weights)
        n = mats["s_unweighted"].shape[0]
        if codes.size != n:
            raise SimilarityInputError(f"{year}: {codes.size} ccodes for a {n}-state tie matrix")
        i, j = np.nonzero(~np.eye(n, dtype=bool))
        rows = slice(start, start + i.size)
        data["ccode1"][rows], data["ccode2"][rows], data["year"][rows] = codes[i], codes[j], year
        for name in MEASURES:
            data[name][rows] = mats[name][i, j]
        start = rows.stop
    return pd.DataFrame(data, columns=list(FRAME_COLUMNS), copy=False)


def _tie_entries(world: World) -> dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """year -> (a, b, tie value) arrays, both directions, one entry per obligation kind that ties them."""
    found = cached_flag_keys(world)
    assert found is not None, "ATOP 5.1 is not in the data folder"
    keys = np.concatenate([found[kind] for kind in TIE_VALUES])
    values = np.concatenate([np.full(len(found[kind]), value, dtype=np.int64) for kind, value in TIE_VALUES.items()])
    pairs, years = keys // YEAR_SPAN, keys % YEAR_SPAN
    a, b = pairs // 1000, pairs % 1000
    a, b, years, values = np.concatenate([a, b]), np.concatenate([b, a]), np.tile(years, 2), np.tile(values, 2)
    order = np.argsort(years, kind="stable")
    a, b, years, values = a[order], b[order], years[order], values[order]
    cuts = np.flatnonzero(np.diff(years)) + 1
    return {int(ys[0]): (aa, bb, vv) for aa, bb, ys, vv in zip(np.split(a, cuts), np.split(b, cuts),
                                                                np.split(years, cuts), np.split(values, cuts),
                                                                strict=True) if len(ys)}


def yearly_portfolios(world: World, first: int, last: int) -> dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """year -> (ccodes, tie matrix, CINC-share weights) over that year's COW system members."""
    spells = system_spells(world, "cow")
    caps = capabilities()
    ties = _tie_entries(world)
    none = (np.zeros(0, np.int64),) * 3
    out: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    for year in range(first, last + 1):
        codes = np.array(sorted(year_windows(spells, year)), dtype=np.int64)
        t = np.zeros((len(codes), len(codes)), dtype=np.int64)
        np.fill_diagonal(t, 3)
        a, b, values = ties.get(year, none)
        if len(codes) and len(a):
            ia, ib = np.searchsorted(codes, a), np.searchsorted(codes, b)
            ia, ib = np.minimum(ia, len(codes) - 1), np.minimum(ib, len(codes) - 1)
            keep = (codes[ia] == a) & (codes[ib] == b)
            np.maximum.at(t, (ia[keep], ib[keep]), values[keep])  # the strongest tie, either direction
        cinc, _ = caps.cinc(year)
        w = np.array([cinc.get(int(c), 0.0) for c in codes])
        out[year] = (codes, t, w / w.sum() if w.sum() > 0 else w)
    return out
