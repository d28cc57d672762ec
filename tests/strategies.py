"""Hypothesis strategies shared by test modules."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from hypothesis import strategies as st

Year = tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]


@st.composite
def similarity_years(draw: st.DrawFn, most: int) -> Year:
    """One year of alliance ties among 1 to `most` states (ATOP-like levels 0-3, 3 on the diagonal), with weights."""
    n = draw(st.integers(1, most))
    cells = draw(st.lists(st.integers(0, 3), min_size=n * n, max_size=n * n))
    t = np.array(cells, dtype=np.int64).reshape(n, n)
    np.fill_diagonal(t, 3)
    w = np.array(draw(st.lists(st.sampled_from([0.0, 0.1, 0.25, 1.0, 7.5]), min_size=n, max_size=n)))
    return t, w
