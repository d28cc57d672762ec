"""Likelihood-model experiments for issue #14's open targets: variants of the shipped two-stage model, each
scored out of sample exactly as `foedus likely report` scores the shipped one (leave one war out, the two
forward splits; each fold's model, scaling, expected joiners and base rate from its training wars).

Variants (the log, docs/likelihood-experiments.md, gives the figures and why; `horizon-era` ships since session 65,
`kappa-def-add` since session 68, none of the others):
- `shipped`: the shipped spec with the pooled counts per horizon (the model shipped until session 65), as the
  reference every variant was scored against; `horizon-era` is what `foedus likely report` now scores as shipped.
- `temper`: the join model's linear predictor multiplied by a factor t per horizon before the per-war shift,
  t chosen inside each training fold by a 5-fold war-grouped inner cross-validation (log likelihood of
  P(join)): a recalibration fitted within the training wars only.
- `war-size`: each war's expected joiners from a Poisson regression, fitted on the training wars, of the
  war's joiners on log(sum of its five largest unshifted P(join)), instead of the training mean.
- `era`: the join model with legal, defence tie and land border each interacted with "before 1945".
- `blend`: the forecast per class (1 − λ)·model + λ·(the training fold's base rate), λ per horizon from the grid
  0, 0.05, …, 0.5 chosen inside each training fold by a 5-fold war-grouped inner cross-validation (mean
  multi-class Brier score of the held-out wars); `blend-log` the same, chosen by inner log loss.
- `blend-0.2`: λ = 0.2 on every horizon, a reference only (chosen after seeing the results; not shippable).
- `colonial`, `colonial-bound` (opt-in, with `--colonial PATH`: the ICOW Colonial History 1.1 file
  coldata110.csv, Hensel 2018, which the project does not ship or fetch): the shipped spec plus three side
  features, in the join model (toward the closer side) and the side model (attack minus defence): the
  candidate's primary colonial ruler (`ColRuler`) is a state of the side (`col_ruler`); it shares its ruler with
  a state of the side (`col_sibling`); it is the ruler of a state of the side (`col_metro`). `colonial-bound`
  reads `col_ruler_bound` for `col_ruler`: the ruler is a state of the side or bound to it in the legal reading
  on the first day (the Dominions' ruler in 1939 was not a party on the first day, but bound to Poland).
- `tie2`, `tie2-bound`, `major-ally`, `major-ally-bound`: the shipped spec plus one side feature, in the join
  model (toward the closer side) and the side model (attack minus defence), from the ATOP defence (or offence) ties
  in force on the first day. `tie2`: a second-degree tie, the candidate allied to a state outside the side that is
  allied to a state of the side, and not allied to the side itself. `major-ally`: the candidate allied to a major
  power of the side (the coalition leader). The `-bound` variants read the side as its states plus the states the
  legal reading binds to it on the first day (`tie2_bound`, `major_ally_bound`).
- `size-free`, `size-hurdle`, `size-shrink`: each war's expected joiners forecast from its first day in ways built to
  survive the change of era (bench/likely_size.py says how).
- `size-no-unmet` (session 62, registered in the log before any score): `size-free` with each war's
  regressor read from the join linear predictor less its `unmet` term (bench/likely_nounmet.py).
- `share`, `size-share` (session 62, registered in the log before any score): the join model's `legal` and
  `unmet` each divided by how many states the same reading binds to that side on the first day; `size-free` on that
  join model (bench/likely_share.py).
- `war-effect`, `era-split`, `war-effect-era-split` (session 64, registered in the log before any score):
  the join models fitted with one near-free intercept per training war; the join model's `legal` and `unmet` each
  split into a before-1945 and a from-1945 column; both (bench/likely_within.py).
- `era-fused`, `era-fused-1` (session 64, registered in the log before any score): `era-split` with each
  era's weight a shared weight plus a penalised era deviation, its prior sd over the shared one's chosen in each
  training fold by an inner leave-one-war-out, or fixed at 1 (bench/likely_fused.py).
- `horizon-era`, `era-intercept` (session 65, registered in the log before any score): the expected joiners
  within 30 and 365 days the shipped count ever times the training wars' share within the horizon in the test war's
  era; the join models fitted with a near-free intercept per era, dropped at prediction (bench/likely_horizon.py).
- `size-parties`, `size-allies` (session 66, registered in the log before any score): `horizon-era` with
  each war's expected joiners ever from a ridge Poisson regression on first-day facts of its original belligerents
  (their number, a major power among them; `size-allies` adds the candidates with a defence tie to a side), the
  penalty chosen per training fold by an inner leave-one-war-out over the training wars (bench/likely_parties.py).
- `kappa-def`, `kappa-def-add` (session 68, registered in the log before any score): the side model's
  `sim_kappa` replaced by, or joined by, kappa of the defence portfolios only, `sim_kappa_def`; the side models'
  own out-of-sample scores and their UKR → RUS answers of 2024-12-05 follow the table (bench/likely_side.py).
- `tie2-chain-bound` (session 58): `tie2` with the chain's intermediate state required to be bound itself: the
  candidate allied to a state the legal reading binds to the side on the first day (not a party) that is allied to a
  party, the candidate neither a party nor bound, nor allied to a party (`tie2_chain_bound`).
- `tie2-bound-cv` (session 58): `tie2-bound` with its two penalties (join C, side C) chosen inside each training
  fold, jointly from `C_JOIN_GRID` × `C_SIDE_GRID` (written before any score was seen), by the 5-fold war-grouped
  inner cross-validation the blend uses (its seed `--inner-seed`), minimising the held-out wars' multi-class log
  loss summed over the three horizons (the shipped penalties were chosen by log loss). `shipped-cv`: the same for
  the shipped spec, a control for what the penalty alone does. `tie2-bound-cv-wide`, `shipped-cv-wide` (session 58,
  registered in the log before any score): the same with the join grid extended below its floor,
  `C_JOIN_WIDE` (join C 0.01, the floor, was chosen in 85 of 95 folds). `tie2-bound-cv-avg`, `shipped-cv-avg`
  (session 59, registered the same way): one choice per training fold from the inner loss averaged over the
  dealings `--inner-seeds` (bench/likely_avg.py).
- `era-count` (session 58, written before it was run): each war's expected joiners per horizon the mean over the
  training wars of its own era (the frame's `era`: before 1945, from 1945), instead of over every training war;
  all training wars where the fold has fewer than `ERA_MIN_WARS` of that era (forward-1945: none from 1945, so
  every test war gets the shipped mean). The count is modelled within era only, with nothing chosen by looking.
- `count/...`: war-level Poisson regressions (ridge, alpha 1) of the number of joiners on war features known
  on the first day; their out-of-sample Poisson deviance against the training mean's.

Run: FOEDUS_DATA_DIR=../shared/data .venv/bin/python bench/likely_experiments.py [--variants temper,era]
[--subsets] [--inner-seed 0] [--colonial coldata110.csv --variants shipped,colonial,colonial-bound]
[--variants shipped,tie2,tie2-bound,major-ally,major-ally-bound --subsets]
[--variants shipped,size-free,size-hurdle,size-shrink --subsets]
[--variants shipped,tie2-bound,tie2-chain-bound,tie2-bound-cv,shipped-cv --subsets]
[--variants shipped,era-count --subsets] [--variants size-cap --subsets] (bench/likely_cap.py)
[--variants size-recent --subsets] (bench/likely_recent.py)
[--variants shipped,size-no-unmet --subsets] (bench/likely_nounmet.py)
[--variants shipped,share,size-share --subsets] (bench/likely_share.py)
[--variants shipped,war-effect,era-split,war-effect-era-split --subsets] (bench/likely_within.py)
[--variants shipped,era-split,era-fused,era-fused-1 --subsets] (bench/likely_fused.py)
[--variants shipped,horizon-era,era-intercept --subsets] (bench/likely_horizon.py)
[--variants horizon-era,size-parties,size-allies --subsets] (bench/likely_parties.py)
[--variants horizon-era,kappa-def,kappa-def-add --subsets] (bench/likely_side.py)
[--variants shipped,tie2-bound-cv-wide,shipped-cv-wide --subsets --inner-seed 0]
[--variants shipped,tie2-bound-cv-avg --subsets --inner-seeds 0,1,2]
(needs `foedus[model]`; a few minutes on one core).
"""

from __future__ import annotations

import argparse
import csv
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from foedus.likely.validate import base_rate, frame_values
from likely_avg import AVG_VARIANTS, SEED_SETS, averaged_loss, best, seeds_arg
from likely_cap import CAP_VARIANTS, cap_variants
from likely_fused import FUSED_VARIANTS, fused_variants
from likely_fused import choices_line as fused_choices
from likely_horizon import horizon_variants
from likely_nounmet import NO_UNMET_VARIANTS, no_unmet_variants
from likely_parties import PARTIES_VARIANTS, parties_variants
from likely_recent import RECENT_VARIANTS, recent_variants
from likely_share import SHARE_VARIANTS, share_variants
from likely_side import SIDE_VARIANTS, scenario_sides, side_lines, side_scores, side_specs, side_variants
from likely_size import SIZE_VARIANTS, choices_line, inner_folds, size_variants
from likely_threads import one_thread
from likely_within import within_variants

H = ("30", "365", "ever")
GRID = np.round(np.arange(0.30, 1.51, 0.02), 2)
BLEND_GRID = np.round(np.arange(0.0, 0.501, 0.05), 2)
Predict = Callable[[Any, Any], dict[str, np.ndarray]]
COLONIAL = ("col_ruler", "col_ruler_bound", "col_sibling", "col_metro")
COLONIAL_VARIANTS = ("colonial", "colonial-bound")
TIES2 = ("tie2", "tie2_bound", "major_ally", "major_ally_bound", "tie2_chain_bound")
TIES2_VARIANTS = dict(zip(("tie2", "tie2-bound", "major-ally", "major-ally-bound", "tie2-chain-bound"), TIES2,
                          strict=True))
CV_VARIANTS = {"tie2-bound-cv": "tie2-bound", "shipped-cv": "shipped",  # variant -> the spec whose penalties it picks
               "tie2-bound-cv-wide": "tie2-bound", "shipped-cv-wide": "shipped", **AVG_VARIANTS}
C_JOIN_GRID = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0)  # the shipped join C is 0.05
C_JOIN_WIDE = (0.002, 0.005, *C_JOIN_GRID)  # the `-wide` variants' join grid, below the floor the others hit
CV_JOIN_GRIDS = {"tie2-bound-cv-wide": C_JOIN_WIDE, "shipped-cv-wide": C_JOIN_WIDE}  # others: C_JOIN_GRID
C_SIDE_GRID = (0.02, 0.05, 0.1, 0.2, 0.5, 1.0)  # the shipped side C is 0.1
ERA_MIN_WARS = 5  # as `foedus likely fit` asks of a training window
NO_COLONIAL = ("variant {name} skipped: it needs --colonial PATH, the ICOW Colonial History 1.1 file coldata110.csv "
               "(Hensel 2018, paulhensel.org/Data/colhist.zip), which the project does not ship")


def _joined(frame: Any, h: str) -> np.ndarray:
    return np.asarray(frame[f"outcome_{h}"].to_numpy() != "out", dtype=np.int64)


def _predict(spec: Any, temper: Callable[[Any], dict[str, float]] | None = None,
             expected: Callable[[Any, Any, Any, str], float] | None = None,
             blend: Callable[[Any], dict[str, float]] | None = None,
             penalty: Callable[[Any], tuple[float, float]] | None = None,
             fit: Callable[[Any, Any, tuple[str, ...]], Any] | None = None) -> Predict:
    from foedus.likely.fit import fit_two_stage
    from foedus.likely.spec import combine, join_matrix, shifted, side_matrix

    def predict(train: Any, test: Any) -> dict[str, np.ndarray]:
        model = fit(spec, train, H) if fit else fit_two_stage(train, spec, H, *(penalty(train) if penalty else ()))
        t = temper(train) if temper else dict.fromkeys(H, 1.0)
        values, wars = frame_values(test), test["war"].to_numpy()
        xj, q = join_matrix(values, spec), model.side.prob(side_matrix(values, spec))
        out, previous = {}, None
        for h in H:
            eta, p = t[h] * model.join[h].eta(xj), np.empty(len(test))
            for w in np.unique(wars):
                rows = wars == w
                lam = expected(model, train, test[rows], h) if expected else model.expected[h]
                p[rows] = shifted(eta[rows], lam)
            p = p if previous is None else np.maximum(p, previous)
            out[h], previous = combine(p, q), p
        if blend is not None:
            out = _blended(out, blend(train), {h: base_rate(train, h) for h in H})
        return out

    return predict


def _blended(probs: dict[str, np.ndarray], lam: dict[str, float], base: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """(1 − λ)·model + λ·base per class and horizon; each side's chance nests across horizons."""
    out, previous = {}, None
    for h in H:
        b = (1 - lam[h]) * probs[h] + lam[h] * base[h][None, :]
        if previous is not None:
            b[:, 1:] = np.maximum(b[:, 1:], previous[:, 1:])
            b[:, 0] = 1 - b[:, 1:].sum(axis=1)
        out[h] = previous = b
    return out


CHOSEN: dict[str, list[tuple[int, dict[str, float]]]] = {}  # variant -> (training wars, λ per horizon) per fold


def _inner_blend(spec: Any, by: str = "brier", fixed: float | None = None,
                 seed: int = 0) -> Callable[[Any], dict[str, float]]:
    """λ per horizon minimising the inner cross-validated mean Brier score (or log loss) of the training wars."""
    from foedus.backtest.multiclass import CLASSES
    from foedus.likely.fit import fit_two_stage
    from foedus.likely.spec import combine, side_matrix

    def blend(train: Any) -> dict[str, float]:
        if fixed is not None:
            return dict.fromkeys(H, fixed)
        wars = train["war"].to_numpy()
        k_of = inner_folds(wars, seed)
        loss = {h: np.zeros(len(BLEND_GRID)) for h in H}
        for k in range(5):
            inner_train, held = train[k_of != k], train[k_of == k]
            inner = fit_two_stage(inner_train, spec, H)
            values = frame_values(held)
            joins = inner.p_joins(values, held["war"].to_numpy())
            q = inner.side.prob(side_matrix(values, spec))
            for h in H:
                model, base = combine(joins[h], q), base_rate(inner_train, h)
                onehot = (held[f"outcome_{h}"].to_numpy()[:, None] == np.array(CLASSES)[None, :]).astype(float)
                for i, lam in enumerate(BLEND_GRID):
                    p = (1 - lam) * model + lam * base[None, :]
                    if by == "brier":
                        loss[h][i] += ((p - onehot) ** 2).sum()
                    else:
                        loss[h][i] -= np.log(np.clip((p * onehot).sum(axis=1), 1e-3, 1)).sum()
        chosen = {h: float(BLEND_GRID[np.argmin(loss[h])]) for h in H}
        CHOSEN.setdefault(by, []).append((len(np.unique(wars)), chosen))
        return chosen

    return blend


def _lambdas(by: str) -> None:
    """The λ chosen per horizon: each forward split's, and their spread over the leave-one-war-out folds."""
    got = CHOSEN.pop(by, [])
    most = max((n for n, _ in got), default=0)  # leave one war out trains on all wars but one
    lowo = [c for n, c in got if n == most]
    forward = [(n, c) for n, c in got if n < most]
    text = "; ".join(f"trained on {n} wars: " + ", ".join(f"{h} {c[h]:.2f}" for h in H) for n, c in forward)
    spread = ", ".join(f"{h} {min(c[h] for c in lowo):.2f}–{max(c[h] for c in lowo):.2f} (median "
                       f"{float(np.median([c[h] for c in lowo])):.2f})" for h in H) if lowo else "none"
    print(f"blend by {by}: λ leave one war out {spread}; {text}", flush=True)


def _inner_penalty(spec: Any, seed: int = 0, label: str = "penalty", join_grid: tuple[float, ...] = C_JOIN_GRID,
                   seeds: tuple[int, ...] = ()) -> Callable[[Any], tuple[float, float]]:
    """(join C, side C) from `join_grid` × `C_SIDE_GRID` minimising the inner cross-validated multi-class log loss
    (bench/likely_avg.py) of the training wars, on the dealing `seed`, or averaged over the dealings `seeds`; each
    choice kept in `CHOSEN[label]`."""
    def penalty(train: Any) -> tuple[float, float]:
        loss = averaged_loss(spec, train, seeds or (seed,), join_grid, C_SIDE_GRID)
        chosen = best(loss, join_grid, C_SIDE_GRID)
        CHOSEN.setdefault(label, []).append((len(np.unique(train["war"].to_numpy())),
                                             {"join": chosen[0], "side": chosen[1]}))
        return chosen

    return penalty


def _penalties(label: str) -> None:
    """The penalties chosen: each forward split's, and their spread over the leave-one-war-out folds."""
    got = CHOSEN.pop(label, [])
    most = max((n for n, _ in got), default=0)
    lowo = [c for n, c in got if n == most]
    forward = "; ".join(f"trained on {n} wars: join C {c['join']:g}, side C {c['side']:g}" for n, c in got if n < most)
    spread = ", ".join(f"{m} C " + ", ".join(f"{v:g} in {sum(c[m] == v for c in lowo)}" for v in grid
                                             if any(c[m] == v for c in lowo))
                       for m, grid in (("join", CV_JOIN_GRIDS.get(label, C_JOIN_GRID)), ("side", C_SIDE_GRID)))
    print(f"{label}: penalties chosen leave one war out ({len(lowo)} folds): {spread}; {forward}", flush=True)


def _inner_temper(spec: Any) -> Callable[[Any], dict[str, float]]:
    from foedus.likely.fit import fit_two_stage
    from foedus.likely.spec import join_matrix, shifted

    def temper(train: Any) -> dict[str, float]:
        k_of = inner_folds(train["war"].to_numpy(), 0)
        ll = {h: np.zeros(len(GRID)) for h in H}
        for k in range(5):
            inner = fit_two_stage(train[k_of != k], spec, H)
            held = train[k_of == k]
            xj, held_wars = join_matrix(frame_values(held), spec), held["war"].to_numpy()
            for h in H:
                eta, y = inner.join[h].eta(xj), _joined(held, h)
                for w in np.unique(held_wars):
                    r = held_wars == w
                    p = np.clip(shifted(GRID[:, None] * eta[r][None, :], inner.expected[h]), 1e-6, 1 - 1e-6)
                    ll[h] += (y[r] * np.log(p) + (1 - y[r]) * np.log(1 - p)).sum(axis=1)
        return {h: float(GRID[np.argmax(ll[h])]) for h in H}

    return temper


def _poisson(x: np.ndarray, y: np.ndarray, ridge: float = 0.0) -> np.ndarray:
    """Poisson regression by Newton (intercept unpenalised)."""
    b = np.zeros(x.shape[1])
    b[0] = np.log(max(y.mean(), 1e-3))
    pen = np.full(x.shape[1], ridge)
    pen[0] = 0.0
    for _ in range(60):
        mu = np.exp(np.clip(x @ b, -30, 30))
        b = b + np.linalg.solve((x * mu[:, None]).T @ x + np.diag(pen), x.T @ (y - mu) - pen * b)
    return b


def _war_size(spec: Any) -> Callable[[Any, Any, Any, str], float]:
    from foedus.likely.spec import join_matrix

    cache: dict[str, np.ndarray] = {}
    fitted_for: list[Any] = [None]  # the model the cache holds fits of, kept so no later model is taken for it

    def top5(model: Any, frame: Any, h: str) -> float:
        p = model.join[h].prob(join_matrix(frame_values(frame), spec))
        return float(np.sort(p)[::-1][:5].sum())

    def expected(model: Any, train: Any, test_war: Any, h: str) -> float:
        if fitted_for[0] is not model:
            cache.clear()
            fitted_for[0] = model
        if h not in cache:
            wars = train["war"].to_numpy()
            groups = [train[wars == w] for w in np.unique(wars)]
            x = np.array([[1.0, np.log(top5(model, g, h))] for g in groups])
            cache[h] = _poisson(x, np.array([_joined(g, h).sum() for g in groups], dtype=float))
        b = cache[h]
        return float(np.exp(b[0] + b[1] * np.log(top5(model, test_war, h))))

    return expected


def era_expected(model: Any, train: Any, test_war: Any, h: str) -> float:
    """The mean joiners per war within `h` over the training wars of the test war's era (all training wars where
    fewer than `ERA_MIN_WARS` are of that era)."""
    from foedus.likely.fit import expected_joiners

    same = train[train["era"].to_numpy() == test_war["era"].to_numpy()[0]]
    return expected_joiners(same, h) if len(np.unique(same["war"].to_numpy())) >= ERA_MIN_WARS else model.expected[h]


def read_rulers(path: Path) -> dict[int, int]:
    """Each state's primary colonial ruler (COW codes; ICOW Colonial History 1.1's `State`, `ColRuler`), none (-9) left
    out."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as e:
        raise SystemExit(f"{path}: cannot be read ({e.strerror})") from None
    if not rows or not {"State", "ColRuler"} <= set(rows[0]):
        raise SystemExit(f"{path}: not the ICOW Colonial History file (it has no State and ColRuler columns)")
    return {int(r["State"]): int(r["ColRuler"]) for r in rows if int(r["ColRuler"]) > 0}


def colonial_ties(rulers: dict[int, int], candidates: list[int | None], side: list[int],
                  bound: set[int]) -> dict[str, np.ndarray]:
    """The colonial features of each candidate (COW codes) toward one side (its states' codes on the first day;
    `bound`: the candidates the legal reading binds to it that day)."""
    parties, ruler_of = set(side), [rulers.get(c) if c is not None else None for c in candidates]
    their_rulers = {rulers[s] for s in side if s in rulers}
    return {
        "col_ruler": np.array([float(r is not None and r in parties) for r in ruler_of]),
        "col_ruler_bound": np.array([float(r is not None and (r in parties or r in bound)) for r in ruler_of]),
        "col_sibling": np.array([float(r is not None and r in their_rulers) for r in ruler_of]),
        "col_metro": np.array([float(c is not None and c in their_rulers) for c in candidates]),
    }


def _add_colonial(frame: Any, rulers: dict[int, int]) -> None:
    """The colonial columns (`COLONIAL`, toward each side) of every row, the sides as the model's case has them."""
    from foedus.backtest.outcomes import cow_wars
    from foedus.likely.case import case_of_war
    from foedus.model.world import World

    world = World.default()
    code = {s: st.ccode for s, st in world.states.states.items()}
    cols = {f"{f}_{side}": np.zeros(len(frame)) for f in COLONIAL for side in ("attack", "defense")}
    wars = frame["war"].to_numpy()
    for cow in cow_wars(world)[0]:
        rows = np.flatnonzero(wars == cow.num)
        if not rows.size:
            continue
        case, cand = case_of_war(cow, []), [code.get(s) for s in frame["state"].to_numpy()[rows]]
        for side, who in (("attack", case.attackers), ("defense", case.targets)):
            bound = {c for c, b in zip(cand, frame[f"legal_{side}"].to_numpy()[rows], strict=True) if c and b > 0}
            got = colonial_ties(rulers, cand, [c for s in who if (c := code.get(s)) is not None], bound)
            for f, v in got.items():
                cols[f"{f}_{side}"][rows] = v
    for k, v in cols.items():
        frame[k] = v


def second_degree(defence: np.ndarray, rows: list[int], side: list[int]) -> np.ndarray:
    """Each row's second-degree tie toward `side` (indices into `defence`, the day's defence-tie matrix, no state
    tied to itself): allied to a state outside the side that is allied to a state of the side, not allied to the
    side itself, and not of it."""
    if not side or not rows:
        return np.zeros(len(rows))
    at = np.asarray(rows, dtype=np.int64)
    to_side: np.ndarray = np.asarray(defence[:, side].any(axis=1), dtype=bool)
    via = to_side.copy()
    via[side] = False
    reach = np.asarray(defence[np.ix_(at, np.flatnonzero(via))].any(axis=1), dtype=bool)
    return np.asarray(reach & ~to_side[at] & ~np.isin(at, side), dtype=np.float64)


def bound_chain(defence: np.ndarray, rows: list[int], parties: list[int], bound: list[int]) -> np.ndarray:
    """Each row's second-degree tie through a bound state (indices into `defence`, no state tied to itself): allied
    to a state of `bound` (bound to the side in the legal reading, not a party) that is allied to a state of
    `parties`; the row neither a party nor bound, nor allied to a party."""
    if not parties or not bound or not rows:
        return np.zeros(len(rows))
    at = np.asarray(rows, dtype=np.int64)
    to_party = np.asarray(defence[:, parties].any(axis=1), dtype=bool)
    via = np.zeros(len(defence), bool)
    via[bound] = True
    via &= to_party
    via[parties] = False
    reach = np.asarray(defence[np.ix_(at, np.flatnonzero(via))].any(axis=1), dtype=bool)
    return np.asarray(reach & ~to_party[at] & ~np.isin(at, parties) & ~np.isin(at, bound), dtype=np.float64)


def major_ally(defence: np.ndarray, rows: list[int], majors: list[int]) -> np.ndarray:
    """Each row allied to one of `majors` (the side's major powers; indices into `defence`)."""
    if not majors or not rows:
        return np.zeros(len(rows))
    return np.asarray(defence[np.ix_(np.asarray(rows, dtype=np.int64), np.asarray(majors, dtype=np.int64))].any(axis=1),
                      dtype=np.float64)


def _add_ties2(frame: Any) -> None:
    """The second-degree and major-ally columns (`TIES2`, toward each side) of every row: ties as the model's
    features read them (`foedus.likely.ties.Ties`, to the first day), the sides as the model's case has them, the
    states the legal reading binds on the first day as `foedus.likely.obligations` finds them."""
    from foedus.backtest.outcomes import cow_wars
    from foedus.engine.scenario import build_scenario
    from foedus.likely.case import case_of_war
    from foedus.likely.obligations import bindings, readings
    from foedus.likely.ties import DEFENCE, Ties
    from foedus.model.world import World

    world = World.default()
    cols = {f"{f}_{side}": np.zeros(len(frame)) for f in TIES2 for side in ("attack", "defense")}
    wars, states = frame["war"].to_numpy(), frame["state"].to_numpy()
    for cow in cow_wars(world)[0]:
        rows = np.flatnonzero(wars == cow.num)
        if not rows.size:
            continue
        case, cand = case_of_war(cow, []), [str(s) for s in states[rows]]
        scenario = build_scenario(world, attacker=list(case.attackers), target=list(case.targets), date=case.date)
        legal = bindings(readings(world, scenario)).legal
        ties = Ties(world, case.date, sorted(set(world.states.members_on(case.date)) | set(cand)
                                             | set(case.belligerents)))
        defence = ties.t == DEFENCE
        np.fill_diagonal(defence, False)
        at = [ties.pos[s] for s in cand]
        for side, who in (("attack", case.attackers), ("defense", case.targets)):
            parties = [ties.pos[s] for s in who if s in ties.pos]
            bound = sorted({ties.pos[s] for s, k in legal.items() if k == side and s in ties.pos} - set(parties))
            wider = sorted(set(parties) | set(bound))
            majors = {ties.states[i]: i for i in wider if world.states.is_major(ties.states[i], case.date)}
            got = {"tie2": second_degree(defence, at, parties), "tie2_bound": second_degree(defence, at, wider),
                   "major_ally": major_ally(defence, at, [majors[s] for s in who if s in majors]),
                   "major_ally_bound": major_ally(defence, at, list(majors.values())),
                   "tie2_chain_bound": bound_chain(defence, at, parties, bound)}
            for f, v in got.items():
                cols[f"{f}_{side}"][rows] = v
    for k, v in cols.items():
        frame[k] = v


def _colonial_counts(frame: Any, features: tuple[str, ...] = COLONIAL) -> None:
    """How many pairs, and joiners (ever), each feature marks toward either side; and toward the side they
    joined."""
    y, pre = frame["outcome_ever"].to_numpy(), frame["post1945"].to_numpy() == 0
    for f in features:
        a, d = frame[f"{f}_attack"].to_numpy() > 0, frame[f"{f}_defense"].to_numpy() > 0
        same = ((y == "attack") & a) | ((y == "defense") & d)
        print(f"{f}: {int((a | d).sum())} pairs toward either side, {int(((a | d) & (y != 'out')).sum())} of them "
              f"joined (ever), {int(same.sum())} on that side; before 1945 {int(((a | d) & pre).sum())} pairs, "
              f"{int(((a | d) & pre & (y != 'out')).sum())} joined, in {len(np.unique(frame['war'][(a | d) & pre]))} "
              "wars", flush=True)


def _marked_joiners(frame: Any, specs: dict[str, Any]) -> None:
    """Each joiner (ever) a colonial feature marks: its P(join, ever) and rank among its war's candidates, leave one
    war out, under each spec."""
    from foedus.likely.fit import fit_two_stage

    marked = np.zeros(len(frame), bool)
    for f in COLONIAL:
        marked |= (frame[f"{f}_attack"].to_numpy() > 0) | (frame[f"{f}_defense"].to_numpy() > 0)
    marked &= frame["outcome_ever"].to_numpy() != "out"
    wars = frame["war"].to_numpy()
    for w in np.unique(wars[marked]):
        test = wars == w
        got = {}
        for name, spec in specs.items():
            p = fit_two_stage(frame[~test], spec, ("ever",)).p_joins(frame_values(frame[test]))["ever"]
            got[name] = (p, (-p).argsort().argsort() + 1)
        for i in np.flatnonzero(marked[test]):
            row = frame[test].iloc[i]
            text = "; ".join(f"{n} {p[i]:.4f} (rank {r[i]} of {len(p)})" for n, (p, r) in got.items())
            print(f"{row['war_name']} {row['year']}, {row['state']} ({row['outcome_ever']}): {text}", flush=True)


def _colonial_weights(frame: Any, specs: dict[str, Any], prefix: str | tuple[str, ...] = "col_") -> None:
    """The colonial features' (or others', by `prefix`) standardised weights in the join model (ever), fitted on every
    war and on every war but the Second World War (the Dominions' war)."""
    from foedus.likely.fit import fit_two_stage

    for name, spec in specs.items():
        for label, rows in (("every war", np.ones(len(frame), bool)),
                            ("every war but World War II", frame["war_name"].to_numpy() != "World War II")):
            fitted = fit_two_stage(frame[rows], spec, ("ever",)).join["ever"].coef
            coef = dict(zip(spec.join_names, fitted, strict=True))
            text = ", ".join(f"{k} {v:+.3f}" for k, v in coef.items() if k.startswith(prefix))
            print(f"{name}, join model (ever), fitted on {label}: {text}", flush=True)


def _ties2_specs(frame: Any, names: list[str]) -> dict[str, Any]:
    """The second-degree and major-ally variants' specs (the shipped spec plus one side feature); when one is asked,
    their columns added to `frame`, with how many pairs each marks and its weight fitted on every war."""
    from foedus.likely.spec import SHIPPED, Spec

    specs = {name: Spec(name, (*SHIPPED.join_side, f), SHIPPED.join_state, (*SHIPPED.side_diff, f), SHIPPED.side_state)
             for name, f in TIES2_VARIANTS.items()}
    if set(names) & {*specs, *(n for n, of in CV_VARIANTS.items() if of in specs)}:
        _add_ties2(frame)
        _colonial_counts(frame, (*TIES2, "ally_bound"))
        _overlap(frame)
        asked = {n: specs[n] for n in names if n in specs}
        _colonial_weights(frame, asked or {"tie2-bound": specs["tie2-bound"]}, prefix=("tie2", "major_ally"))
    return specs


def _overlap(frame: Any) -> None:
    """How many of the pairs (and joiners, ever) each new tie feature marks toward a side the shipped spec's tie and
    binding features (`tie_defense`, `legal`, `unmet`) and `ally_bound` leave unmarked there."""
    y = frame["outcome_ever"].to_numpy() != "out"
    for f in TIES2:
        new = np.zeros(len(frame), bool)
        for side in ("attack", "defense"):
            old = np.zeros(len(frame), bool)
            for g in ("tie_defense", "legal", "unmet", "ally_bound"):
                old |= frame[f"{g}_{side}"].to_numpy() > 0
            new |= (frame[f"{f}_{side}"].to_numpy() > 0) & ~old
        print(f"{f}: marks {int(new.sum())} pairs ({int((new & y).sum())} joined, ever) toward a side where "
              "tie_defense, legal, unmet and ally_bound mark none", flush=True)


def _scores(frame: Any, predict: Predict, subsets: bool = False) -> dict[tuple[str, str, str], dict[str, Any]]:
    from foedus.backtest.multiclass import CLASSES
    from foedus.likely.build import subset_masks
    from foedus.likely.folds import SCHEMES, folds
    from foedus.likely.scores import Scored, summary

    wars, years = frame["war"].to_numpy(), frame["year"].to_numpy()
    out = {}
    for scheme in SCHEMES:
        probs = {h: np.full((len(frame), 3), np.nan) for h in H}
        base = {h: np.full((len(frame), 3), np.nan) for h in H}
        tested = np.zeros(len(frame), bool)
        for _, train, test in folds(scheme, wars, years):
            got = predict(frame[train], frame[test])
            for h in H:
                y = frame[f"outcome_{h}"].to_numpy()[train]
                probs[h][test], base[h][test] = got[h], [(y == c).mean() for c in CLASSES]
            tested |= test
        rows = np.flatnonzero(tested)
        masks = subset_masks(frame) if subsets else {"all": np.ones(len(frame), bool)}
        for h in H:
            s = Scored(probs[h][rows], base[h][rows], frame[f"outcome_{h}"].to_numpy()[rows], wars[rows])
            for sub, m in masks.items():
                if m[rows].any() and (sub == "all" or not m[rows].all()):  # as the model file's checks
                    out[(scheme, h, sub)] = summary(s, m[rows])
    return out


def _count_models(frame: Any) -> None:
    """War-level Poisson regressions of the number of joiners (ever), against the training mean."""
    either = {f: np.maximum(frame[f"{f}_attack"], frame[f"{f}_defense"]) for f in ("unmet", "tie_defense", "land")}
    table = frame.assign(**{f"{f}_e": v for f, v in either.items()},
                         major_tie=frame["major"] * np.maximum(frame["tie_any_attack"], frame["tie_any_defense"]),
                         joined=_joined(frame, "ever")).groupby("war").agg(
        joined=("joined", "sum"), year=("year", "first"), attackers_major=("attackers_major", "first"),
        targets_major=("targets_major", "first"), war_intra=("war_intra", "first"), unmet=("unmet_e", "sum"),
        tie_defense=("tie_defense_e", "sum"), land=("land_e", "sum"), major_tie=("major_tie", "sum"))
    y, years = table["joined"].to_numpy(dtype=float), table["year"].to_numpy()
    sets = {"majors": ["attackers_major", "targets_major"],
            "alliances": ["attackers_major", "targets_major", "war_intra", "unmet", "tie_defense", "land", "major_tie"]}

    def deviance(obs: np.ndarray, mu: np.ndarray) -> float:
        mu = np.maximum(mu, 1e-9)
        return float(2 * np.sum(np.where(obs > 0, obs * np.log(np.maximum(obs, 1e-12) / mu), 0.0) - (obs - mu)))

    for name, cols in sets.items():
        raw = np.column_stack([np.log1p(table[c].to_numpy(dtype=float)) for c in cols])

        def fit_predict(tr: np.ndarray, te: np.ndarray, raw: np.ndarray = raw) -> np.ndarray:
            mu, sd = raw[tr].mean(0), np.where(raw[tr].std(0) > 0, raw[tr].std(0), 1.0)
            design = np.column_stack([np.ones(len(raw)), (raw - mu) / sd])
            return np.asarray(np.exp(np.clip(design[te] @ _poisson(design[tr], y[tr], ridge=1.0 * tr.sum()), -30, 30)))

        lowo = np.array([fit_predict(np.arange(len(y)) != i, np.arange(len(y)) == i)[0] for i in range(len(y))])
        const = np.array([np.delete(y, i).mean() for i in range(len(y))])
        print(f"count/{name}: leave one war out deviance {deviance(y, lowo):.1f} vs training mean "
              f"{deviance(y, const):.1f}", end="")
        tr, te = years <= 1945, years >= 1946
        mean = np.full(te.sum(), y[tr].mean())
        print(f"; forward-1945 {deviance(y[te], fit_predict(tr, te)):.1f} vs {deviance(y[te], mean):.1f}")


def _colonial_args(names: list[str], path: Path | None) -> tuple[list[str], dict[int, int]]:
    """The variants to run and the colonial rulers: without the file, the colonial variants are skipped, said once
    each."""
    if path is not None:
        return names, read_rulers(path)
    for name in (n for n in names if n in COLONIAL_VARIANTS):
        print(NO_COLONIAL.format(name=name), flush=True)
    return [n for n in names if n not in COLONIAL_VARIANTS], {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--variants", default="shipped,temper,war-size,era,count")
    parser.add_argument("--subsets", action="store_true", help="also by era and without the World Wars (leave one "
                        "war out), as the model file's checks, and the targets met")
    parser.add_argument("--inner-seed", type=int, default=0, help="seed of the blend's inner folds of wars")
    parser.add_argument("--inner-seeds", type=seeds_arg, default=SEED_SETS[0], help="the dealings whose inner loss "
                        "the -avg variants average (default 0,1,2, the first registered set)")
    parser.add_argument("--colonial", type=Path, help="the ICOW Colonial History 1.1 file coldata110.csv, for the "
                        "variants colonial and colonial-bound (skipped without it)")
    args = parser.parse_args()
    names, rulers = _colonial_args(args.variants.split(","), args.colonial)
    if not names:
        return
    from foedus.likely.dataset import training_data
    from foedus.likely.spec import SHIPPED, Spec

    warnings.simplefilter("ignore")
    frame = training_data().frame
    pre = 1.0 - frame["post1945"].to_numpy()
    for f in ("legal", "tie_defense", "land"):
        for side in ("attack", "defense"):
            frame[f"{f}_pre_{side}"] = frame[f"{f}_{side}"] * pre
    if rulers:
        _add_colonial(frame, rulers)
        _colonial_counts(frame)
    colonial = {name: Spec(name, (*SHIPPED.join_side, ruler, "col_sibling", "col_metro"), SHIPPED.join_state,
                           (*SHIPPED.side_diff, ruler, "col_sibling", "col_metro"), SHIPPED.side_state)
                for name, ruler in zip(COLONIAL_VARIANTS, ("col_ruler", "col_ruler_bound"), strict=True)}
    era = Spec("era", (*SHIPPED.join_side, "legal_pre", "tie_defense_pre", "land_pre"), SHIPPED.join_state,
               SHIPPED.side_diff, SHIPPED.side_state)
    if rulers:
        _marked_joiners(frame, {"shipped": SHIPPED, **colonial})
        _colonial_weights(frame, colonial)
    ties2 = _ties2_specs(frame, names)
    variants: dict[str, Predict] = {"shipped": _predict(SHIPPED), "temper": _predict(SHIPPED, _inner_temper(SHIPPED)),
                                    "war-size": _predict(SHIPPED, expected=_war_size(SHIPPED)), "era": _predict(era),
                                    "blend": _predict(SHIPPED, blend=_inner_blend(SHIPPED, seed=args.inner_seed)),
                                    "blend-log": _predict(SHIPPED, blend=_inner_blend(SHIPPED, by="log",
                                                                                      seed=args.inner_seed)),
                                    "blend-0.2": _predict(SHIPPED, blend=_inner_blend(SHIPPED, fixed=0.2)),
                                    "era-count": _predict(SHIPPED, expected=era_expected),
                                    **{name: _predict(spec) for name, spec in (colonial | ties2).items()},
                                    **size_variants(_predict, SHIPPED), **cap_variants(_predict, SHIPPED),
                                    **recent_variants(_predict, SHIPPED, frame),
                                    **no_unmet_variants(_predict, SHIPPED),
                                    **share_variants(_predict, SHIPPED, frame, names),
                                    **within_variants(_predict, SHIPPED, frame, names),
                                    **fused_variants(_predict, SHIPPED, frame, names),
                                    **horizon_variants(_predict, SHIPPED), **parties_variants(_predict, SHIPPED),
                                    **side_variants(_predict, SHIPPED, frame, names)}
    for name, of in CV_VARIANTS.items():
        spec = SHIPPED if of == "shipped" else ties2[of]
        variants[name] = _predict(spec, penalty=_inner_penalty(
            spec, seed=args.inner_seed, label=name, join_grid=CV_JOIN_GRIDS.get(name, C_JOIN_GRID),
            seeds=args.inner_seeds if name in AVG_VARIANTS else ()))
    print("| variant | scheme | horizon | subset | Brier skill | log-loss skill | AUC | slope |\n"
          "|---|---|---|---|---|---|---|---|")
    with one_thread():
        for name in names:
            if name == "count":
                continue
            _report(name, _scores(frame, variants[name], subsets=args.subsets), args.subsets, frame)
        if "count" in names:
            _count_models(frame)
        if set(names) & set(SIDE_VARIANTS):
            _side_report(frame, {"horizon-era": SHIPPED, **side_specs(SHIPPED)})


def _side_report(frame: Any, specs: dict[str, Any]) -> None:
    """The side models alone, on each scheme's test ever-joiners (bench/likely_side.py), and what each, fitted on
    every war, gives the NATO states and Belarus with Ukraine attacking Russia on 2024-12-05."""
    print("\n| side model | scheme | joiners | log loss | log-loss skill | Brier | on the side taken |\n"
          "|---|---|---|---|---|---|---|")
    for name, spec in specs.items():
        print("\n".join(side_lines(name, side_scores(frame, spec))), flush=True)
    print("\n".join(scenario_sides(frame, specs, "UKR", "RUS", "2024-12-05",
                                   ("USA", "POL", "GBR", "FRA", "DEU", "NOR", "BLR", "KAZ", "PRK"))), flush=True)


def _report(name: str, got: dict[tuple[str, str, str], dict[str, Any]], subsets: bool, frame: Any) -> None:
    """One variant's rows of the table; with `subsets`, its verdict; the choices it made in the folds."""
    for (scheme, h, sub), s in got.items():
        slope = "n/a" if s["calibration_slope"] is None else f"{s['calibration_slope']:.2f}"
        print(f"| {name} | {scheme} | {h} | {sub} | {s['brier_skill']:+.4f} | {s['log_skill']:+.4f} | "
              f"{s['auc']:.3f} | {slope} |", flush=True)
    if subsets:
        _verdict(name, got)
    if name in ("blend", "blend-log"):
        _lambdas("brier" if name == "blend" else "log")
    if name in CV_VARIANTS:
        _penalties(name)
    if name in (*SIZE_VARIANTS, *CAP_VARIANTS, *RECENT_VARIANTS, *NO_UNMET_VARIANTS, *SHARE_VARIANTS[1:],
                *PARTIES_VARIANTS):
        print(choices_line(name, frame), flush=True)
    if name == FUSED_VARIANTS[0]:
        print(fused_choices(), flush=True)


def _verdict(name: str, got: dict[tuple[str, str, str], dict[str, Any]]) -> None:
    """The checks the model file carries (every scheme, horizon and subset) and the targets of issue #14."""
    from foedus.likely.evaluate import TARGETS

    losing = [k for k, s in got.items() if not (s["brier_skill"] > 0 and s["log_skill"] > 0)]
    overall = {k: s for k, s in got.items() if k[2] == "all"}
    lo, hi = TARGETS["slope"]
    log_ok = sum(s["log_skill"] >= TARGETS["log_skill"] for s in overall.values())
    auc_ok = sum(s["auc"] >= (TARGETS["auc_lowo"] if k[0] == "leave-one-war-out" else TARGETS["auc_forward"])
                 for k, s in overall.items())
    slope_ok = sum(s["calibration_slope"] is not None and lo <= s["calibration_slope"] <= hi for s in overall.values())
    brier_ok = sum(s["brier_skill"] >= TARGETS["brier_skill"] for s in overall.values())
    print(f"{name}: {len(got) - len(losing)} of {len(got)} checks beat the base rate on both scores "
          f"(losing: {', '.join('/'.join(k) for k in losing) or 'none'}); targets over {len(overall)}: log-loss "
          f"skill {log_ok}, AUC {auc_ok}, slope {slope_ok}, Brier skill {brier_ok}", flush=True)


if __name__ == "__main__":
    main()
