"""The model's arithmetic, in numpy only, shared by the fit and the run-time predictor.

Two stages, both logistic on standardised features. The *join* model ranks the candidates of a war by
side-free features (each side feature toward the closer side, i.e. the larger of its two values, plus the
state's own features); its linear predictor is then shifted by one constant per war so that the war's
expected number of joiners equals the training wars' mean (`expected`, per horizon). This is what makes
the model travel across eras: the system grew from 40 to 190 states and alliance blocs with it, while
the number of joiners per war did not (0.8 before 1945, 1.2 after). The *side* model gives P(attack side |
joins) from the differences of the side features (toward the attack side minus toward the defence side),
fitted on every state that joined at any time. Together: P(out) = 1 − p, P(attack) = p·q, P(defence) =
p·(1 − q). Every probability is at least `FLOOR`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["ERAS", "FLOOR", "GATE_FEATURES", "HORIZON_ORDER", "SHIPPED", "TREATY_ONLY", "Logit", "Spec", "TwoStage",
           "combine", "in_gate", "join_matrix", "shifted", "side_matrix", "war_eras"]

FLOOR = 1e-4  # no pair is ever given zero
HORIZON_ORDER = ("30", "365", "ever")
GATE_FEATURES = ("hops2", "tie_any", "legal", "unmet")
ERAS = ("pre1945", "post1945")  # the answer's era, by its first day (`foedus.likely.case.Case.era`)


@dataclass(frozen=True)
class Spec:
    """Which features enter the join and side models."""

    name: str
    join_side: tuple[str, ...]
    join_state: tuple[str, ...]
    side_diff: tuple[str, ...]
    side_state: tuple[str, ...] = ()

    @property
    def join_names(self) -> list[str]:
        """The join model's columns."""
        return [f"{f}_either" for f in self.join_side] + list(self.join_state)

    @property
    def side_names(self) -> list[str]:
        """The side model's columns."""
        return [f"{f}_diff" for f in self.side_diff] + list(self.side_state)


SHIPPED = Spec(
    "shipped",
    join_side=("legal", "unmet", "tie_defense", "land", "hops2", "region"),
    join_state=("major", "log_cinc", "wars_fought"),
    side_diff=("legal", "unmet", "tie_defense", "tie_any", "sim_kappa", "land", "hops2", "region", "enemy",
               "cobelligerent", "sim_kappa_def"),  # sim_kappa_def: `kappa-def-add`, adopted in session 68
    side_state=("balance",),
)
TREATY_ONLY = Spec("treaty-only", join_side=("legal", "strong", "unmet", "escalatory"), join_state=(),
                   side_diff=("legal", "strong", "unmet", "escalatory"))


def in_gate(values: Mapping[str, np.ndarray]) -> np.ndarray:
    """The relevance gate: within two contiguity steps of a belligerent, allied to one, bound in the legal
    reading (conditions read either way), or a major power."""
    inside = np.asarray(values["major"]) > 0
    for f in GATE_FEATURES:
        inside = inside | (np.asarray(values[f"{f}_attack"]) > 0) | (np.asarray(values[f"{f}_defense"]) > 0)
    return np.asarray(inside, dtype=bool)


def join_matrix(values: Mapping[str, np.ndarray], spec: Spec) -> np.ndarray:
    """The join model's design matrix (rows: candidates)."""
    cols = [np.maximum(values[f"{f}_attack"], values[f"{f}_defense"]) for f in spec.join_side]
    cols += [np.asarray(values[f], dtype=np.float64) for f in spec.join_state]
    return np.asarray(np.column_stack(cols), dtype=np.float64)


def side_matrix(values: Mapping[str, np.ndarray], spec: Spec) -> np.ndarray:
    """The side model's design matrix (rows: candidates)."""
    cols = [np.asarray(values[f"{f}_attack"]) - np.asarray(values[f"{f}_defense"]) for f in spec.side_diff]
    cols += [np.asarray(values[f], dtype=np.float64) for f in spec.side_state]
    return np.asarray(np.column_stack(cols), dtype=np.float64)


@dataclass(frozen=True)
class Logit:
    """A fitted logistic model on standardised columns: (x − mean) / scale, then intercept + coef·z."""

    mean: np.ndarray
    scale: np.ndarray
    intercept: float
    coef: np.ndarray

    def eta(self, x: np.ndarray) -> np.ndarray:
        """The linear predictor of each row."""
        return np.asarray(float(self.intercept) + ((x - self.mean) / self.scale) @ self.coef, dtype=np.float64)

    def eta_draws(self, x: np.ndarray, params: np.ndarray) -> np.ndarray:
        """The linear predictor under each parameter draw (rows of `params`: intercept, then coef)."""
        z = (x - self.mean) / self.scale
        return np.asarray(params[:, :1] + params[:, 1:] @ z.T, dtype=np.float64)  # (draws, rows)

    def prob(self, x: np.ndarray) -> np.ndarray:
        """P(y = 1) of each row."""
        return _sigmoid(self.eta(x))

    @property
    def params(self) -> np.ndarray:
        """Intercept, then the coefficients."""
        return np.concatenate([[self.intercept], self.coef])


def war_eras(values: Mapping[str, np.ndarray]) -> np.ndarray:
    """Each row's era: the training table's `era` column, else (at run time) the `post1945` feature.

    >>> war_eras({"post1945": np.array([0.0, 1.0])}).tolist()
    ['pre1945', 'post1945']
    """
    if "era" in values:
        return np.asarray(values["era"])
    return np.where(np.asarray(values["post1945"]) > 0, ERAS[1], ERAS[0])


def _sigmoid(eta: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(−clip(eta, −35, 35))) in a new array: `Logit.prob`'s, and the plain form whose bits `_sigmoid_into`
    keeps (tests/test_likely_shifted_exact.py reads it as the reference)."""
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(eta, -35, 35))))


def _sigmoid_into(z: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(−clip(z, −35, 35))), computed in place in `z` (a float64 array it may overwrite): the same
    operations in the same order as `_sigmoid`, so the same bits, without its four temporary arrays."""
    np.clip(z, -35, 35, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    np.add(z, 1.0, out=z)
    np.divide(1.0, z, out=z)
    return z


def _margin(n: int) -> float:
    """A relative margin above the rounding of a computed sum of n sigmoids (at most about (n + 6)·2⁻⁵³ of itself:
    each sigmoid within a few units in the last place, the sum's additions at most n − 1 more), 32 times over."""
    return 64 * (n + 16) * 2.0**-53


def _known_ends(eta2: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row of `eta2`, shifts a ≤ b such that the bisection's sum is below `target` at every shift ≤ a and not
    below it at every shift ≥ b, so its steps there need no sum: around Newton's root of log Σσ(eta + m) = log
    target, kept only where the sums at a and b miss the target by `_margin` (more than any rounding), else ∓inf.
    The bisection's answer stays the same bits; it only skips the sums whose comparison is already known."""
    m, margin = np.zeros(len(eta2)), _margin(eta2.shape[1])
    with np.errstate(all="ignore"):
        log_target = np.log(target)
        for _ in range(12):
            p = _sigmoid_into(eta2 + m[:, None])
            total = p.sum(axis=1)
            step = np.clip(np.nan_to_num((log_target - np.log(total)) * total / (p * (1 - p)).sum(axis=1)), -10, 10)
            m = np.clip(m + step, -60, 60)
            if not np.any(np.abs(step) > 1e-12 * np.maximum(1, np.abs(m))):
                break
        gap = 16 * margin * np.maximum(1, np.abs(m))
        a, b = m - gap, m + gap
        low_ok = _sigmoid_into(eta2 + a[:, None]).sum(axis=1) <= target * (1 - margin)
        high_ok = _sigmoid_into(eta2 + b[:, None]).sum(axis=1) >= target * (1 + margin)
    return np.where(low_ok, a, -np.inf), np.where(high_ok, b, np.inf)


def shifted(eta: np.ndarray, expected: np.ndarray | float) -> np.ndarray:
    """P(join) from linear predictors shifted by one constant (per row of a 2-D `eta`) so they sum to `expected`.

    >>> p = shifted(np.array([0.0, -1.0, -2.0]), 1.0)
    >>> round(float(p.sum()), 6), bool(p[0] > p[1] > p[2])
    (1.0, True)
    """
    eta2 = np.atleast_2d(eta)
    n = eta2.shape[1]
    target = np.clip(np.broadcast_to(np.asarray(expected, dtype=np.float64), eta2.shape[:1]), 1e-6, n - 1e-6)
    lo, hi = np.full(len(eta2), -60.0), np.full(len(eta2), 60.0)
    moving = np.arange(len(eta2))  # rows whose bracket still changes: one that stood still once stands still after
    known_below, known_above = _known_ends(eta2, target)
    for _ in range(80):
        if not moving.size:
            break
        lo_m, hi_m = lo[moving], hi[moving]
        mid = (lo_m + hi_m) / 2
        below = mid <= known_below[moving]
        unknown = ~below & (mid < known_above[moving])
        if unknown.any():
            rows = moving[unknown]
            below[unknown] = _sigmoid_into(eta2[rows] + mid[unknown][:, None]).sum(axis=1) < target[rows]
        new_lo, new_hi = np.where(below, mid, lo_m), np.where(below, hi_m, mid)
        lo[moving], hi[moving] = new_lo, new_hi
        moving = moving[(new_lo != lo_m) | (new_hi != hi_m)]
    out = _sigmoid_into(eta2 + ((lo + hi) / 2)[:, None])
    return out if np.ndim(eta) == 2 else out[0]


def combine(p_join: np.ndarray, p_attack: np.ndarray) -> np.ndarray:
    """The three-outcome forecast (out, attack, defence) from P(join) and P(attack | join), floored.

    >>> combine(np.array([0.5, 0.0]), np.array([0.25, 0.5])).round(4).tolist()
    [[0.5, 0.125, 0.375], [0.9998, 0.0001, 0.0001]]
    """
    att = np.maximum(p_join * p_attack, FLOOR)
    dfn = np.maximum(p_join * (1 - p_attack), FLOOR)
    return np.column_stack([1 - att - dfn, att, dfn])


@dataclass(frozen=True)
class TwoStage:
    """A fitted two-stage model: per horizon a join model and the expected joiners of a war; one side model; and per
    shorter horizon and era the share of the ever-joiners who joined within it (`shares`; an era without one takes
    the pooled count `expected`)."""

    spec: Spec
    join: dict[str, Logit]
    side: Logit
    expected: dict[str, float]
    shares: Mapping[str, Mapping[str, float]] = field(default_factory=dict)

    def joiners_of(self, horizon: str, era: str) -> float:
        """A war's expected joiners within `horizon` in `era`: the count ever times the era's share within the
        horizon where the model has one, else the pooled training mean (issue #14's `horizon-era`).

        >>> m = TwoStage(SHIPPED, {}, Logit(np.zeros(1), np.ones(1), 0.0, np.zeros(1)), {"30": 0.3, "ever": 1.0},
        ...              {"30": {"post1945": 0.2}})
        >>> m.joiners_of("30", "post1945"), m.joiners_of("30", "pre1945"), m.joiners_of("ever", "post1945")
        (0.2, 0.3, 1.0)
        """
        share = self.shares.get(horizon, {}).get(era)
        return float(self.expected[horizon]) if share is None else float(self.expected["ever"]) * share

    def p_joins(self, values: Mapping[str, np.ndarray], wars: np.ndarray | None = None,
                joiners: Mapping[str, Mapping[Any, float]] | None = None) -> dict[str, np.ndarray]:
        """P(joins either side) per candidate and horizon; `wars` groups the rows by war (default: one war), each
        shifted to its era's expected joiners (`joiners_of`; `joiners`: per horizon, per war, another number).

        Horizons nest, so each is at least the one before it (30 days, 365 days, ever).
        """
        xj = join_matrix(values, self.spec)
        keys, groups = (np.zeros(1, np.int64), np.zeros(len(xj), np.int64)) if wars is None else np.unique(
            wars, return_inverse=True)
        eras = war_eras(values) if self.shares else np.full(len(xj), ERAS[0])
        out: dict[str, np.ndarray] = {}
        previous: np.ndarray | None = None
        for h in sorted(self.join, key=HORIZON_ORDER.index):
            eta = self.join[h].eta(xj)
            p = np.empty(len(eta))
            for g, key in enumerate(keys):
                rows = groups == g
                era = str(eras[rows][0]) if rows.any() else ERAS[0]
                p[rows] = shifted(eta[rows], self.joiners_of(h, era) if joiners is None else joiners[h][key])
            out[h] = p if previous is None else np.maximum(p, previous)
            previous = out[h]
        return out

    def predict(self, values: Mapping[str, np.ndarray], horizon: str, wars: np.ndarray | None = None) -> np.ndarray:
        """(out, attack, defence) per candidate within `horizon` (`30`, `365` or `ever`)."""
        return combine(self.p_joins(values, wars)[horizon], self.side.prob(side_matrix(values, self.spec)))
