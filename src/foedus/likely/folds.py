"""The validation schemes: leave one war out, and two forward splits by the war's start year.

Each fold is (name, training wars, test wars); a model is fitted on the training wars only (its scaling,
penalty fit and base rate included) and forecasts the test wars' pairs.
"""

from __future__ import annotations

import numpy as np

__all__ = ["FORWARD", "SCHEMES", "folds"]

FORWARD = {"forward-1945": (1945, 1946), "forward-1989": (1989, 1990)}  # train to year, test from year
SCHEMES = ("leave-one-war-out", *FORWARD)

Fold = tuple[str, np.ndarray, np.ndarray]  # name, training-row mask, test-row mask


def folds(scheme: str, wars: np.ndarray, years: np.ndarray) -> list[Fold]:
    """The folds of `scheme` over rows with these war numbers and war start years.

    >>> f = folds("forward-1945", np.array([1, 1, 2, 3]), np.array([1914, 1914, 1950, 1990]))
    >>> [(n, tr.tolist(), te.tolist()) for n, tr, te in f]
    [('forward-1945', [True, True, False, False], [False, False, True, True])]
    """
    if scheme == "leave-one-war-out":
        return [(str(w), wars != w, wars == w) for w in np.unique(wars)]
    last, first = FORWARD[scheme]
    return [(scheme, years <= last, years >= first)]
