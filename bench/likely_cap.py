"""`size-cap` for bench/likely_experiments.py (issue #14; session 60, registered in docs/likelihood-experiments.md
before any score of it was seen): `size-free`'s war-size forecast capped, per horizon, at the 90th percentile of the
training wars' counts of joiners (or their mean, where larger) instead of their largest count, so no war's forecast runs
to the few huge ones that sank `size-free` forward from 1945.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from likely_size import size_free

CAP_Q = 0.9  # the registered quantile: the lowest decile above the training mean on every horizon
CAP_VARIANTS = ("size-cap",)


def count_cap(counts: np.ndarray) -> float:
    """The cap of a war's forecast joiners: the `CAP_Q` quantile of the training wars' counts (numpy's linear
    interpolation), or their mean where that is larger."""
    return float(max(np.quantile(counts, CAP_Q), counts.mean()))


def cap_variants(make: Any, spec: Any) -> dict[str, Any]:
    """The variant's predictor, `make(spec, expected=...)` (likely_experiments' `_predict`)."""
    return {"size-cap": make(spec, expected=size_free(spec, "size-cap", cap=count_cap))}
