"""The similarity measures of every dyad of every year, vectorised, with numpy alone (no pandas to import).

`similarity_columns` (all rows) and `similarity_batches` (year batches, for a writer working alongside) are what
`similarity_frame` and `foedus similarity` run; `year_matrices` gives one year's n×n matrices
(`foedus.research.similarity` defines the measures and holds the per-pair reference).

How a year is computed. With the tie indicators I_a[i, k] = [T_ik = a], the nine pair counts
N_ab[i, j] = #{k: T_ik = a, T_jk = b}, a, b ≥ 1, are the blocks of one float32 product B·Bᵀ (B the three
non-zero indicators stacked, 3n×n). One 14×9 product turns them into Σ min(a, b)·N_ab and Σ a·b·N_ab (so
Σ|x − y| and Σ(x − y)² from the rows' sums), tau-b's C − D within the nine cells, and the row sums of N from
which the cells with a zero follow in closed form (with each row's level counts, which also give kappa's and
pi's expected distances and tau-b's tied pairs). Every integer involved is below 36·n², exact in float32 up to
680 states (float64 beyond), so the results are bit for bit those of the former float64 algorithm
(tests/legacy/similarity.py, tests/test_similarity_fast.py). The CINC-weighted distance is the former's own
float64 product of the weighted indicators with |a − T_jk|, unchanged: its rounding is BLAS's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

import numpy as np
import numpy.typing as npt

from foedus.engine.fast.threads import engine_threads, in_engine_threads
from foedus.errors import FoedusError

__all__ = ["COLUMN_DTYPES", "D_MAX", "FRAME_COLUMNS", "LEVELS", "MEASURES", "SimilarityInputError", "check_year",
           "off_diagonal", "ratio", "similarity_batches", "similarity_columns", "year_matrices"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Years = Mapping[int, tuple[npt.ArrayLike, npt.ArrayLike, npt.ArrayLike]]

D_MAX = 3
LEVELS = np.arange(D_MAX + 1)
_LEVELS_F = LEVELS.astype(np.float64)
_FLOAT32_STATES = 680  # up to this many states the pair counts' integers (at most 36·n²) are exact in float32
MEASURES = ("s_unweighted", "s_squared", "s_weighted", "kappa", "pi", "taub")
FRAME_COLUMNS = ("ccode1", "ccode2", "year", *MEASURES)

_DIFF = LEVELS[:, None] - LEVELS[None, :]
_SQ = (_DIFF**2).astype(np.float64)
_SGN = np.sign(_DIFF)
# Over the nine cells (a, b), a, b >= 1, of a pair's counts: the rows of the concordance kernel
# sgn(a - a')·sgn(b - b'), then min(a, b), a·b, and the row sums Σ_b N_ab for a = 1, 2, 3 (see `_parts`).
_NONZERO = LEVELS[1:]
_KERNEL = np.vstack([np.einsum("ac,bd->abcd", _SGN[1:, 1:], _SGN[1:, 1:]).reshape(9, 9),
                     np.minimum.outer(_NONZERO, _NONZERO).reshape(1, 9), np.outer(_NONZERO, _NONZERO).reshape(1, 9),
                     np.kron(np.eye(3), np.ones((1, 3)))]).astype(np.float32)


class SimilarityInputError(FoedusError):
    """A tie matrix, weight vector or code list is malformed for the similarity measures."""


def check_year(ties: npt.ArrayLike, weights: npt.ArrayLike) -> tuple[IntArray, FloatArray]:
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
    return np.ascontiguousarray(t, dtype=np.int64), wf


def ratio(num: FloatArray, den: FloatArray) -> FloatArray:
    """num/den elementwise, NaN where den is 0 (the documented degenerate cases)."""
    out = np.full(num.shape, np.nan)
    np.divide(num, den, out=out, where=den != 0)
    return out


def _parts(t: IntArray, w: FloatArray) -> dict[str, FloatArray]:
    """One year's ingredients, n×n each: Σ|d|, Σd², Σw|d|, n²·D_e(kappa), (2n)²·D_e(pi), C − D, tau-b's
    denominator."""
    n = t.shape[0]
    exact = np.float32 if n <= _FLOAT32_STATES else np.float64  # every integer below stays under 36·n² < 2**24
    ind = t[:, None, :] == LEVELS[None, :, None]  # (n, 4, n): I_a[i, k] at [i, a, k]
    level_counts = ind.sum(axis=2).T  # (4, n): m_a(i), how often each tie value occurs in row i
    upper = ind[:, 1:, :].transpose(1, 0, 2).astype(exact, order="C").reshape(3 * n, n)
    cells = (upper @ upper.T).reshape(3, n, 3, n).transpose(0, 2, 1, 3).reshape(9, n * n)  # N_ab, a, b >= 1
    forms = _KERNEL.astype(exact) @ cells  # (14, n²): kernel times N, Σ min(a, b)·N_ab, Σ a·b·N_ab, Σ_b N_ab
    # C − D = ½ Σ K N N over the nine cells + Z + Zᵀ + n·Σ N_ab − U_i·U_j, where U_i = #{k: T_ik > 0} and
    # Z[i, j] = Σ_a ψ_i(a)·Σ_b N_ab, ψ_i(a) = Σ_a' sgn(a − a')·m_a'(i): the cells with a zero, in closed form.
    psi = (level_counts[1:].T @ _SGN[1:, 1:].T).astype(exact)  # (n, 3)
    rows = forms[11:].reshape(3, n, n)
    z = psi[:, 0, None] * rows[0]
    z += psi[:, 1, None] * rows[1]
    z += psi[:, 2, None] * rows[2]
    nonzero = (n - level_counts[0]).astype(exact)
    concord = np.einsum("pq,pq->q", cells, forms[:9]).reshape(n, n)
    concord *= 0.5
    concord += z
    concord += z.T
    concord += n * rows.sum(axis=0) - np.outer(nonzero, nonzero)
    # Σ|x_k − y_k| = Σx + Σy − 2 Σ min(x_k, y_k); Σ(x_k − y_k)² = Σx² + Σy² − 2 Σ x_k·y_k (exact integers)
    sums, squares = (LEVELS @ level_counts).astype(exact), (LEVELS**2 @ level_counts).astype(exact)
    abs_sum = sums[:, None] + sums[None, :] - 2 * forms[9].reshape(n, n)
    sq_sum = squares[:, None] + squares[None, :] - 2 * forms[10].reshape(n, n)
    # Weighted: Σ_k w_k |x_k − y_k| = Σ_a (I_a·w) @ (|a − T_j|)ᵀ, one product of n×4n by 4n×n (as before).
    far = np.subtract(_LEVELS_F[None, :, None], t.astype(np.float64)[:, None, :])
    np.abs(far, out=far)
    marg = level_counts.T.astype(np.float64)
    cross = marg @ _SQ @ marg.T  # n²·D_e(kappa) for every pair
    own = np.diagonal(cross)
    untied = n * (n - 1) / 2 - (marg * (marg - 1) / 2).sum(axis=1)
    return {"abs": abs_sum, "sq": sq_sum,  # exact integers, in float32 for up to _FLOAT32_STATES states
            "w_abs": (ind * w).reshape(n, 4 * n) @ far.reshape(n, 4 * n).T,
            "cross": cross, "pooled": own[:, None] + 2.0 * cross + own[None, :], "concord": concord.astype(np.float64),
            "tau_den": np.sqrt(np.outer(untied, untied))}


def _ratio_into(out: FloatArray, num: FloatArray, den: FloatArray) -> FloatArray:
    """`ratio(num, den)` written into `out` (a denominator here is never negative: one pass finds a zero)."""
    if den.size == 0 or den.min() > 0:
        return np.divide(num, den, out=out)
    out[...] = np.nan
    return np.divide(num, den, out=out, where=den != 0)


def _measures(parts: Mapping[str, FloatArray], n: int, w_total: float,
              out: Mapping[str, FloatArray] | None = None) -> dict[str, FloatArray]:
    """The six measures from a year's ingredients (any selection of pairs, all of the same shape), written into
    `out` when given: the same floating-point operations, in the same order, as the former formulas (whole-number
    distances may come as float32, which holds them exactly)."""
    shape = parts["abs"].shape
    got = dict(out) if out is not None else {name: np.empty(shape) for name in MEASURES}
    for name, dist, scale in (("s_unweighted", "abs", D_MAX), ("s_squared", "sq", D_MAX**2)):
        np.multiply(2.0, parts[dist], out=got[name])  # 1 − 2·Σ/(n·scale); 2·Σ is exact in either precision
        np.divide(got[name], n * scale, out=got[name])
    s_w = np.multiply(2.0, parts["w_abs"], out=got["s_weighted"])
    if w_total * D_MAX != 0:
        np.divide(s_w, np.float64(w_total * D_MAX), out=s_w)
    else:
        s_w[...] = np.nan
    _ratio_into(got["kappa"], np.multiply(n, parts["sq"]), parts["cross"])
    _ratio_into(got["pi"], np.multiply(4.0 * n, parts["sq"]), parts["pooled"])
    for name in ("s_unweighted", "s_squared", "s_weighted", "kappa", "pi"):
        np.subtract(1.0, got[name], out=got[name])
    _ratio_into(got["taub"], parts["concord"], parts["tau_den"])
    return got


def year_matrices(ties: npt.ArrayLike, weights: npt.ArrayLike) -> dict[str, FloatArray]:
    """All six measures as n×n matrices for one year."""
    t, w = check_year(ties, weights)
    return _measures(_parts(t, w), t.shape[0], w.sum())


def off_diagonal(m: np.ndarray) -> np.ndarray:
    """The off-diagonal entries of a square matrix in row-major order, as an (n − 1)×n view where possible."""
    n = m.shape[0]
    return np.ascontiguousarray(m).reshape(-1)[1:].reshape(n - 1, n + 1)[:, :n] if n else m.reshape(0, 0)


COLUMN_DTYPES = {col: np.dtype(np.int64 if col in FRAME_COLUMNS[:3] else np.float64) for col in FRAME_COLUMNS}


def _repeats(codes: np.ndarray) -> bool:
    """Whether a code occurs twice (a sort, not `np.unique`, which imports numpy.ma)."""
    ordered = np.sort(codes)
    return bool(np.any(ordered[1:] == ordered[:-1]))


def _order(years: Years) -> list[int]:
    """The years ascending; one that is not a whole number is refused in one line (a TypeError of `sorted`, or a
    year column of True, before)."""
    for year in years:
        if isinstance(year, bool) or not isinstance(year, int | np.integer):
            raise SimilarityInputError(f"{year!r}: a year must be a whole number")
    return sorted(years)


def _size(year: int, inputs: object) -> int:
    """The states of one year's tie matrix; inputs that are not the three (ccodes, ties, weights) are refused in one
    line (an IndexError, or an unpacking error, before)."""
    if not isinstance(inputs, tuple | list) or len(inputs) != 3:
        raise SimilarityInputError(f"{year}: expected (ccodes, ties, weights), got {type(inputs).__name__}")
    return int(np.shape(inputs[1])[0]) if np.ndim(inputs[1]) == 2 else 0


def _fill(year: int, inputs: tuple[npt.ArrayLike, npt.ArrayLike, npt.ArrayLike],
          data: Mapping[str, np.ndarray], start: int) -> int:
    """Write one year's directed dyads into the column arrays from row `start`; return the next free row."""
    ccodes, ties, weights = inputs
    codes = np.asarray(ccodes)
    if codes.ndim != 1 or not np.issubdtype(codes.dtype, np.integer) or _repeats(codes):
        raise SimilarityInputError(f"{year}: ccodes must be a 1-D array of distinct integers")
    t, w = check_year(ties, weights)
    n = int(t.shape[0])
    if codes.size != n:
        raise SimilarityInputError(f"{year}: {codes.size} ccodes for a {n}-state tie matrix")
    stop = start + n * (n - 1)
    if n > 1:
        parts = {name: off_diagonal(part) for name, part in _parts(t, w).items()}
        _measures(parts, n, w.sum(), {name: data[name][start:stop].reshape(n - 1, n) for name in MEASURES})
        data["ccode1"][start:stop] = np.repeat(codes, n - 1)
        data["ccode2"][start:stop] = off_diagonal(np.broadcast_to(codes, (n, n))).reshape(-1)
        data["year"][start:stop] = year
    return stop


@in_engine_threads  # small products: one BLAS thread is faster (bench/bench_speed.py)
def similarity_columns(years: Years, progress: Callable[[int], None] | None = None) -> dict[str, np.ndarray]:
    """Every directed dyad-year (i ≠ j, row-major within a year, years ascending) as the FRAME_COLUMNS arrays:
    ccode1, ccode2, year (int64) and the six measures (float64); `progress(k)` is told after each of k years."""
    order = _order(years)
    total = sum(n * (n - 1) for n in (_size(y, years[y]) for y in order))
    data = {col: np.empty(total, dtype) for col, dtype in COLUMN_DTYPES.items()}
    start = 0
    for k, year in enumerate(order, start=1):
        start = _fill(year, years[year], data, start)
        if progress is not None:
            progress(k)
    return data


def _groups(years: Years, order: list[int], rows: int) -> list[tuple[list[int], int]]:
    """Consecutive years in groups of about `rows` rows or more (at least one year each), with their row counts."""
    groups: list[tuple[list[int], int]] = []
    for year in order:
        n = _size(year, years[year])
        if not groups or groups[-1][1] >= rows:
            groups.append(([], 0))
        groups[-1][0].append(year)
        groups[-1] = (groups[-1][0], groups[-1][1] + n * (n - 1))
    return groups


def similarity_batches(years: Years, progress: Callable[[int], None] | None = None, rows: int = 1 << 18,
                       workers: int = 1) -> Iterator[dict[str, np.ndarray]]:
    """`similarity_columns` in batches of whole years (about `rows` rows or more each, in year order), computed by
    `workers` threads (numpy and BLAS release the GIL), so that a writer can take one batch while the next ones
    are computed and the whole table is never in memory at once. `progress(k)`: k years done."""
    import threading
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    lock, done = threading.Lock(), [0]

    def compute(group: list[int], count: int) -> dict[str, np.ndarray]:
        data = {col: np.empty(count, dtype) for col, dtype in COLUMN_DTYPES.items()}
        start = 0
        for year in group:
            start = _fill(year, years[year], data, start)
            with lock:
                done[0] += 1
                if progress is not None:
                    progress(done[0])
        return data

    groups = _groups(years, _order(years), rows)
    with engine_threads(), ThreadPoolExecutor(max(1, workers), thread_name_prefix="foedus-similarity") as pool:
        ahead = max(1, workers) + 1  # batches computed ahead of the one handed out
        pending = deque(pool.submit(compute, *g) for g in groups[:ahead])
        later = iter(groups[ahead:])
        while pending:
            batch = pending.popleft().result()
            following = next(later, None)
            if following is not None:
                pending.append(pool.submit(compute, *following))
            yield batch
