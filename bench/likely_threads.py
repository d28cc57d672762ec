"""One thread for every BLAS and OpenMP pool bench/likely_experiments.py's fits use (issue #14).

threadpoolctl's limit reaches only the pools already loaded when it is set. Session 59's control `shipped-cv-avg`,
run alone, first imported scikit-learn inside the limit, so scipy's OpenBLAS and scikit-learn's OpenMP kept one
thread per core: each L-BFGS fit then cost about ten times the CPU on the shared cores (docs/likelihood.md). The
`tie2-bound` runs had fitted a model before the limit, which is why only the control was slow.
"""

from __future__ import annotations

from typing import Any


def one_thread() -> Any:
    """threadpoolctl's limit of one thread, set after scikit-learn (and with it scipy's OpenBLAS and its own
    OpenMP runtime) is loaded, so the limit reaches them; use it as a context manager."""
    import sklearn.linear_model  # noqa: F401  (loaded for its thread pools, before the limit)
    from threadpoolctl import threadpool_limits

    return threadpool_limits(1)
