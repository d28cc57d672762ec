"""The targets of issue #14 for the joining model's out-of-sample scores, in one place: the validation report judges
every check by them (`foedus.likely.evaluate`), and the likelihood answer says which the model misses
(`foedus.code_words.likelihood_scores`). A module of its own so that the answer need not import the report's code."""

from __future__ import annotations

from typing import Any

__all__ = ["TARGETS"]

TARGETS: dict[str, Any] = {"log_skill": 0.10, "auc_lowo": 0.75, "auc_forward": 0.70, "slope": (0.8, 1.2),
                           "brier_skill": 0.05}
