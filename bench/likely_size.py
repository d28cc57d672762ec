"""War-size variants for bench/likely_experiments.py (issue #14): each war's expected joiners (the target of the
per-war shift) forecast from what is known on its first day instead of the training wars' mean, in ways built to
survive the change of era at 1945 that sank `war-size` (docs/likelihood-experiments.md, *What was tried*).

- `size-free`: a Poisson regression of a war's joiners on log(the five largest unshifted P(join), summed, divided by
  the war's number of candidates); the regressor clipped to the training wars' range, the forecast capped at their
  largest count.
- `size-hurdle`: P(the war has any joiner), from an L2-penalised logistic regression on five yes/no first-day war
  features (`HURDLE`), times the mean joiners of the training wars that had any.
- `size-shrink`: `size-free` with its slope times ω (0, 0.1, …, 1; the intercept refitted to the training mean, so
  ω = 0 is the shipped model), ω per horizon chosen by a 5-fold war-grouped inner cross-validation of the training
  wars (the held-out pairs' log likelihood of P(join)).

Every choice is made inside each training fold, per horizon.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, NamedTuple

import numpy as np

H = ("30", "365", "ever")
SIZE_VARIANTS = ("size-free", "size-hurdle", "size-shrink")
OMEGAS = np.round(np.arange(0.0, 1.001, 0.1), 1)
HURDLE = ("attackers_major", "targets_major", "war_intra", "any_unmet", "any_land_tie")
C_HURDLE = 1.0
Expected = Callable[[Any, Any, Any, str], float]
# variant -> (training wars, horizon, what was chosen or forecast) per fold, for the summary lines
CHOICES: dict[str, list[tuple[int, str, str, float]]] = {}
# variant -> (training wars, horizon, test war's name and year, forecast joiners, real joiners) per test war
FORECASTS: dict[str, list[tuple[int, str, str, float, int]]] = {}


def inner_folds(wars: np.ndarray, seed: int) -> np.ndarray:
    """Each row's inner fold (0–4): the training wars shuffled by `seed` and dealt out in turn (every in-fold choice of
    bench/likely_experiments.py and this module deals its inner cross-validation so)."""
    order = np.random.default_rng(seed).permutation(np.unique(wars))
    fold = dict(zip(order.tolist(), (np.arange(len(order)) % 5).tolist(), strict=True))
    return np.array([fold[w] for w in wars])


def scale_free(p: np.ndarray, k: int = 5) -> float:
    """log(the k largest of one war's unshifted P(join), summed, / the war's number of candidates).

    >>> round(scale_free(np.array([0.5, 0.1, 0.1, 0.1, 0.1, 0.1, 0.0, 0.0, 0.0, 0.0])), 6) == round(np.log(0.09), 6)
    True
    """
    return float(np.log(max(float(np.sort(p)[::-1][:k].sum()), 1e-12) / len(p)))


def poisson(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(a, b) of log E[y] = a + b·x, by Newton (maximum likelihood)."""
    design = np.column_stack([np.ones(len(x)), x])
    beta = np.array([np.log(max(float(y.mean()), 1e-3)), 0.0])
    for _ in range(60):
        mu = np.exp(np.clip(design @ beta, -30, 30))
        beta = beta + np.linalg.solve((design * mu[:, None]).T @ design + 1e-9 * np.eye(2), design.T @ (y - mu))
    return float(beta[0]), float(beta[1])


class SizeFit(NamedTuple):
    """A war's expected joiners, exp(a + b·x) with x clipped to the training wars' [lo, hi], capped at `cap`."""

    a: float
    b: float
    lo: float
    hi: float
    cap: float

    def forecast(self, x: float) -> float:
        """The expected joiners of a war whose regressor is `x`."""
        return float(min(np.exp(self.a + self.b * float(np.clip(x, self.lo, self.hi))), self.cap))

    def shrunk(self, omega: float, x: np.ndarray, counts: np.ndarray) -> SizeFit:
        """The slope times `omega`, the intercept refitted so the training wars' (`x`, `counts`) mean forecast is their
        mean count: at `omega` 0 every war gets the training mean."""
        b = omega * self.b
        a = float(np.log(max(float(counts.mean()), 1e-3)) - np.log(np.mean(np.exp(b * np.clip(x, self.lo, self.hi)))))
        return self._replace(a=a, b=b)


def fit_size(x: np.ndarray, counts: np.ndarray) -> SizeFit:
    """The Poisson war-size fit of the training wars (regressor `x`, joiners `counts`)."""
    a, b = poisson(x, counts)
    return SizeFit(a, b, float(x.min()), float(x.max()), float(counts.max()))


def war_regressor(p: np.ndarray, wars: np.ndarray, joined: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each war's `scale_free` regressor from its rows' unshifted P(join), and its joiners (wars in sorted order)."""
    keys, inv = np.unique(wars, return_inverse=True)
    x = np.array([scale_free(p[inv == g]) for g in range(len(keys))])
    return x, np.bincount(inv, weights=joined, minlength=len(keys)).astype(np.float64)


def war_features(frame: Any) -> np.ndarray:
    """Each war's `HURDLE` features (rows: wars in sorted order), all yes/no: a major power among the attackers, among
    the targets; an intra-alliance war; some candidate bound with ATOP's unspecified conditions read as unmet; some
    candidate with a land border and a defence tie toward the same side."""
    keys, inv = np.unique(frame["war"].to_numpy(), return_inverse=True)

    def col(name: str) -> np.ndarray:
        return np.asarray(frame[name].to_numpy(), dtype=np.float64) > 0

    rows = {"attackers_major": col("attackers_major"), "targets_major": col("targets_major"),
            "war_intra": col("war_intra"), "any_unmet": col("unmet_attack") | col("unmet_defense"),
            "any_land_tie": (col("land_attack") & col("tie_defense_attack"))
            | (col("land_defense") & col("tie_defense_defense"))}
    return np.column_stack([np.bincount(inv, weights=rows[f], minlength=len(keys)) > 0 for f in HURDLE]).astype(
        np.float64)


def _joined(frame: Any, h: str) -> np.ndarray:
    return np.asarray(frame[f"outcome_{h}"].to_numpy() != "out", dtype=np.float64)


def _unshifted(model: Any, spec: Any, frame: Any, h: str) -> np.ndarray:
    from foedus.likely.spec import join_matrix
    from foedus.likely.validate import frame_values

    return np.asarray(model.join[h].prob(join_matrix(frame_values(frame), spec)))


def _size_fits(model: Any, spec: Any, train: Any) -> dict[str, tuple[SizeFit, np.ndarray, np.ndarray]]:
    """Per horizon the fold's `size-free` fit, with its training wars' regressor and joiners."""
    out = {}
    for h in H:
        x, counts = war_regressor(_unshifted(model, spec, train, h), train["war"].to_numpy(), _joined(train, h))
        out[h] = (fit_size(x, counts), x, counts)
    return out


def inner_omega(train: Any, spec: Any, seed: int = 0) -> dict[str, float]:
    """ω per horizon maximising the held-out pairs' log likelihood of P(join) over a 5-fold war-grouped inner
    cross-validation of the training wars."""
    from foedus.likely.fit import fit_two_stage
    from foedus.likely.spec import join_matrix, shifted
    from foedus.likely.validate import frame_values

    k_of = inner_folds(train["war"].to_numpy(), seed)
    ll = {h: np.zeros(len(OMEGAS)) for h in H}
    for k in range(5):
        inner_train, held = train[k_of != k], train[k_of == k]
        inner = fit_two_stage(inner_train, spec, H)
        fits = _size_fits(inner, spec, inner_train)
        xj, held_wars = join_matrix(frame_values(held), spec), held["war"].to_numpy()
        for h in H:
            fit, x_tr, y_tr = fits[h]
            shrunk = [fit.shrunk(float(om), x_tr, y_tr) for om in OMEGAS]
            eta, y = inner.join[h].eta(xj), _joined(held, h)
            for w in np.unique(held_wars):
                r = held_wars == w
                xw = scale_free(1 / (1 + np.exp(-eta[r])))
                lam = np.array([s.forecast(xw) for s in shrunk])
                p = np.clip(shifted(np.broadcast_to(eta[r], (len(OMEGAS), int(r.sum()))), lam), 1e-6, 1 - 1e-6)
                ll[h] += (y[r] * np.log(p) + (1 - y[r]) * np.log(1 - p)).sum(axis=1)
    return {h: float(OMEGAS[np.argmax(ll[h])]) for h in H}


def _per_fold(name: str, spec: Any, prepare: Callable[[Any, Any], dict[str, Callable[[Any], float]]]) -> Expected:
    """An `expected` callback for likely_experiments' `_predict`: `prepare(model, train)` once per fold (the fold's
    model kept, so a later model at the same address is never taken for it), then the test war's forecast."""
    held: dict[str, Any] = {}

    def expected(model: Any, train: Any, test_war: Any, h: str) -> float:
        if held.get("model") is not model:
            held.update(model=model, forecast=prepare(model, train), wars=len(np.unique(train["war"].to_numpy())))
        lam = float(held["forecast"][h](test_war))
        CHOICES.setdefault(name, []).append((held["wars"], h, "forecast", lam))
        label = f"{test_war['war_name'].iloc[0]} {test_war['year'].iloc[0]}"
        FORECASTS.setdefault(name, []).append((held["wars"], h, label, lam, int(_joined(test_war, h).sum())))
        return lam

    return expected


def _free_forecast(used: SizeFit, model: Any, spec: Any, h: str, test: Any) -> float:
    """`used`'s forecast for the test war, from its `scale_free` regressor under the fold's `model`."""
    return used.forecast(scale_free(_unshifted(model, spec, test, h)))


def _hurdle_forecast(logit: Any, size: float, test: Any) -> float:
    """P(the test war has any joiner) times the training wars' mean joiners given any."""
    return float(logit.prob(war_features(test))[0]) * size


def size_free(spec: Any, name: str = "size-free", omega: bool = False,
              cap: Callable[[np.ndarray], float] | None = None) -> Expected:
    """The `size-free` (or, with `omega`, `size-shrink`) callback; with `cap`, each forecast capped at `cap(training
    wars' counts)` instead of their largest (`size-cap`, bench/likely_cap.py)."""
    def prepare(model: Any, train: Any) -> dict[str, Callable[[Any], float]]:
        fits = _size_fits(model, spec, train)
        chosen = inner_omega(train, spec) if omega else dict.fromkeys(H, 1.0)
        wars = len(np.unique(train["war"].to_numpy()))
        out: dict[str, Callable[[Any], float]] = {}
        for h in H:
            fit, x, counts = fits[h]
            used = fit.shrunk(chosen[h], x, counts)
            CHOICES.setdefault(name, []).append((wars, h, "slope", used.b))
            if cap is not None:
                used = used._replace(cap=cap(counts))
                CHOICES[name].append((wars, h, "cap", used.cap))
            if omega:
                CHOICES[name].append((wars, h, "omega", chosen[h]))
            out[h] = partial(_free_forecast, used, model, spec, h)
        return out

    return _per_fold(name, spec, prepare)


def size_hurdle(spec: Any) -> Expected:
    """The `size-hurdle` callback."""
    from foedus.likely.fit import fit_logit

    def prepare(model: Any, train: Any) -> dict[str, Callable[[Any], float]]:
        x, wars = war_features(train), train["war"].to_numpy()
        out: dict[str, Callable[[Any], float]] = {}
        for h in H:
            counts = np.bincount(np.unique(wars, return_inverse=True)[1], weights=_joined(train, h))
            logit, size = fit_logit(x, (counts > 0).astype(np.int64), C_HURDLE), float(counts[counts > 0].mean())
            CHOICES.setdefault("size-hurdle", []).append((len(counts), h, "size given any", size))
            out[h] = partial(_hurdle_forecast, logit, size)
        return out

    return _per_fold("size-hurdle", spec, prepare)


def size_variants(make: Callable[..., Any], spec: Any) -> dict[str, Any]:
    """The variants' predictors, each `make(spec, expected=...)` (likely_experiments' `_predict`)."""
    return {"size-free": make(spec, expected=size_free(spec)), "size-hurdle": make(spec, expected=size_hurdle(spec)),
            "size-shrink": make(spec, expected=size_free(spec, "size-shrink", omega=True))}


def choices_line(name: str, frame: Any) -> str:
    """What the variant chose or forecast: per forward split and horizon, its choices and the total forecast joiners of
    the test wars against the real total; leave one war out, each choice's range and median."""
    got, years = CHOICES.pop(name, []), frame["year"].to_numpy()
    most = max((n for n, *_ in got), default=0)
    parts = []
    for n in sorted({n for n, *_ in got}, reverse=True):
        label = "leave one war out" if n == most else f"trained on {n} wars"
        test = years >= (1990 if n > 60 else 1946) if n < most else np.ones(len(frame), bool)
        for h in H:
            text = []
            for what in sorted({w for m, hh, w, _ in got if m == n and hh == h}):
                v = np.array([v for m, hh, w, v in got if m == n and hh == h and w == what])
                if what == "forecast" and n < most:
                    real = int(_joined(frame[test], h).sum())
                    text.append(f"forecast joiners {v.sum():.1f} (largest {v.max():.2f}) against {real} real")
                elif what == "forecast":
                    text.append(f"forecast joiners {v.min():.2f}–{v.max():.2f}")
                else:
                    text.append(f"{what} {v.min():+.3f}–{v.max():+.3f} (median {float(np.median(v)):+.3f})")
            parts.append(f"{label}, {h}: " + ", ".join(text))
    largest = sorted(((n, lam, war, real) for n, h, war, lam, real in FORECASTS.pop(name, [])
                      if n < most and h == "ever"), reverse=True)
    for n in sorted({n for n, *_ in largest}, reverse=True):
        top = [f"{war} {lam:.2f} ({real} joined)" for m, lam, war, real in largest if m == n][:4]
        parts.append(f"trained on {n} wars, ever, the largest forecasts: " + ", ".join(top))
    return f"{name}: " + "; ".join(parts)
