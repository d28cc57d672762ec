"""One thread for every BLAS and OpenMP pool the model's fits use (`foedus likely report` and `fit`; issue #14).

threadpoolctl's limit reaches only the pools already loaded when it is set. Scikit-learn loads scipy's OpenBLAS and
its own OpenMP runtime on import, so a limit set before that import left them one thread per core: on two cores shared
with other work, every gradient-boosting tree of the report's challenger then waited at an OpenMP barrier for a
descheduled thread (docs/likelihood-experiments.md, *The shipped model's runs*).
"""

from __future__ import annotations

from typing import Any

__all__ = ["one_thread"]


def one_thread() -> Any:
    """threadpoolctl's limit of one thread, set after scikit-learn (and with it scipy's OpenBLAS and its own OpenMP
    runtime) is loaded, so the limit reaches them; use it as a context manager."""
    import sklearn.linear_model  # noqa: F401  (loaded for its thread pools, before the limit)
    from threadpoolctl import threadpool_limits

    return threadpool_limits(1)
