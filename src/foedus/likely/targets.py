"""The targets of issue #14 for the joining model's out-of-sample scores, in one place: the validation report judges
every check by them (`foedus.likely.evaluate`), and the likelihood answer says which a check misses (the CLI's scores
line, `foedus.code_words.likelihood_scores`, and each check's `misses` in the JSON the web reads). A module of its own
so that the answer need not import the report's code."""

from __future__ import annotations

from typing import Any

__all__ = ["TARGETS", "judged", "missed"]

TARGETS: dict[str, Any] = {"log_skill": 0.10, "auc_lowo": 0.75, "auc_forward": 0.70, "slope": (0.8, 1.2),
                           "brier_skill": 0.05}


def _auc_target(scheme: str) -> float:
    """AUC's target: 0.75 leaving one war out, 0.70 on the forward splits (issue #14)."""
    return float(TARGETS["auc_lowo"] if scheme == "leave-one-war-out" else TARGETS["auc_forward"])


def judged(scheme: str, *, auc: float | None, log_skill: float | None, brier_skill: float | None,
           slope: float | None) -> dict[str, bool]:
    """Whether one check (its scheme and scores) meets each target; a score the check lacks meets none."""
    lo, hi = TARGETS["slope"]
    return {"auc": (auc or 0) >= _auc_target(scheme), "log_skill": (log_skill or 0) >= TARGETS["log_skill"],
            "brier_skill": (brier_skill or 0) >= TARGETS["brier_skill"],
            "calibration_slope": slope is not None and lo <= slope <= hi}


def missed(scheme: str, *, auc: float | None, log_skill: float | None, brier_skill: float | None,
           slope: float | None) -> tuple[str, ...]:
    """The targets one check misses, each named with its target as the answer says it ("Brier skill (+0.05)").

    >>> missed("leave-one-war-out", auc=0.773, log_skill=0.107, brier_skill=0.028, slope=0.81)
    ('Brier skill (+0.05)',)
    >>> missed("forward-1945", auc=0.72, log_skill=0.05, brier_skill=0.06, slope=0.7)
    ('log-loss skill (+0.10)', 'calibration slope (0.8–1.2)')
    """
    lo, hi = TARGETS["slope"]
    said = {"auc": f"AUC ({_auc_target(scheme):.2f})", "log_skill": f"log-loss skill ({TARGETS['log_skill']:+.2f})",
            "brier_skill": f"Brier skill ({TARGETS['brier_skill']:+.2f})",
            "calibration_slope": f"calibration slope ({lo}–{hi})"}
    met = judged(scheme, auc=auc, log_skill=log_skill, brier_skill=brier_skill, slope=slope)
    return tuple(said[k] for k, ok in met.items() if not ok)
