"""One thread for every BLAS and OpenMP pool bench/likely_experiments.py's fits use (issue #14).

threadpoolctl's limit reaches only the pools already loaded when it is set. Session 59's control `shipped-cv-avg`,
run alone, first imported scikit-learn inside the limit, so scipy's OpenBLAS and scikit-learn's OpenMP kept one
thread per core: each L-BFGS fit then cost about ten times the CPU on the shared cores (docs/likelihood-experiments.md).
The `tie2-bound` runs had fitted a model before the limit, which is why only the control was slow. The limit is
`foedus.likely.threads.one_thread`, the one `foedus likely report` and `likely fit` use since session 66.
"""

from __future__ import annotations

import argparse
import warnings
from typing import Any

from foedus.likely.threads import one_thread

__all__ = ["largest", "one_thread", "why_start"]


def why_start(doc: str | None, top: int, top_help: str) -> tuple[int, Any]:
    """The opening of a bench "why" script (bench/likely_brier_why.py, bench/likely_horizon_why.py): its `--top`
    (default `top`, described by `top_help`) parsed, with `doc` its help, warnings silenced, and the training frame
    (`foedus.likely.dataset.training_data`) loaded."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--top", type=int, default=top, help=top_help)
    args = parser.parse_args()
    from foedus.likely.dataset import training_data

    warnings.simplefilter("ignore")
    return args.top, training_data().frame


def largest(diff: Any, top: int) -> Any:
    """The indices of the `top` pairs whose contributions (`diff`) move a check most, largest first, ties in pair
    order: the rows of a "why" script's pair table."""
    import numpy as np

    return np.argsort(-np.abs(diff), kind="stable")[:top]
