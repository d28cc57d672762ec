"""`kappa-def` and `kappa-def-add` for bench/likely_experiments.py (issue #14; session 68, registered in
docs/likelihood-experiments.md before any score of them was seen), and the side model's own out-of-sample scores.

Both keep the shipped `horizon-era` for everything but the side model, which reads one more first-day fact: Häge's
kappa (`foedus.research.similarity`, the measure `sim_kappa` uses) of the candidate's *defence* portfolio with each
side's states, the highest over the side, as `sim_kappa` is read. A defence portfolio is the day's tie matrix
(`foedus.likely.ties.Ties`) with every tie below defence or offence set to none: the pan-European non-aggression
entries (ATOP 3740 and 3755, 56 and 53 members) that give the USA, Poland or Belarus the same tie with Ukraine as
with Russia in 2024 then count for nothing, and the defence blocs (NATO, the CSTO) are what remain.

- `kappa-def`: the side model's `sim_kappa` replaced by `sim_kappa_def`.
- `kappa-def-add`: `sim_kappa_def` added beside `sim_kappa`. It met the registered rule and ships since session 68:
  the run time computes the feature in `foedus.likely.ties` (tests/test_likely_kappa_def.py checks it equals this
  module's, with which the variant was scored).

`side_scores` scores a side model alone, on the ever-joiners of each scheme's test wars, fitted on the training
wars' ever-joiners only (as `fit_two_stage` fits it): binary log loss (clipped at 0.001, as the backtest's),
Brier score, the share put on the side they took (P > 0.5), and log-loss skill against the training joiners' share
on the attack side.

Run: FOEDUS_DATA_DIR=../shared/data python bench/likely_experiments.py --variants horizon-era,kappa-def,kappa-def-add
--subsets (the side scores and each model's UKR → RUS answers for 2024-12-05 follow the table).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

SIDE_VARIANTS = ("kappa-def", "kappa-def-add", "known-side")
CLIP = 0.001  # the backtest's log-loss clip (`foedus.backtest.multiclass`)


def defence_kappa(t: np.ndarray, defence: int) -> np.ndarray:
    """Häge's kappa of every pair's defence portfolios: `t` (a `Ties` matrix, the diagonal defence) with every tie
    below `defence` set to 0; a pair whose kappa is undefined (a constant portfolio) reads 0, as `Ties` reads it.

    >>> t = np.array([[3, 3, 2], [3, 3, 0], [2, 0, 3]])
    >>> k = defence_kappa(t, 3)
    >>> bool(k[0, 1] > 0 > k[0, 2])
    True
    """
    from foedus.research.similarity import similarity_matrices

    only = np.where(t >= defence, defence, 0)
    return np.asarray(np.nan_to_num(similarity_matrices(only, np.ones(len(t)))["kappa"], nan=0.0), dtype=np.float64)


def highest(kappa: np.ndarray, rows: list[int], side: list[int]) -> np.ndarray:
    """Each row's highest kappa with a state of `side` (0 where the side has no state in the matrix)."""
    if not side or not rows:
        return np.zeros(len(rows))
    return np.asarray(kappa[np.ix_(np.asarray(rows, dtype=np.int64), np.asarray(side, dtype=np.int64))].max(axis=1),
                      dtype=np.float64)


def case_kappa_def(world: Any, case: Any) -> dict[str, np.ndarray]:
    """`sim_kappa_def_attack` and `_defense` of a case's candidates (`foedus.likely.case.Case`), the portfolios over
    the states `foedus.likely.features.case_features` builds its ties on."""
    from foedus.likely.ties import DEFENCE, Ties

    members = sorted(set(world.states.members_on(case.date)) | set(case.candidates) | set(case.belligerents))
    ties = Ties(world, case.date, members)
    kappa, rows = defence_kappa(ties.t, DEFENCE), [ties.pos[s] for s in case.candidates]
    return {f"sim_kappa_def_{side}": highest(kappa, rows, [ties.pos[s] for s in who if s in ties.pos])
            for side, who in (("attack", case.attackers), ("defense", case.targets))}


def add_kappa_def(frame: Any) -> None:
    """The `sim_kappa_def` columns (toward each side) of every row of the training frame, each war's sides and
    candidates as the model's case has them."""
    from foedus.backtest.outcomes import cow_wars
    from foedus.likely.case import case_of_war
    from foedus.model.world import World

    world = World.default()
    cols = {f"sim_kappa_def_{side}": np.zeros(len(frame)) for side in ("attack", "defense")}
    wars, states = frame["war"].to_numpy(), frame["state"].to_numpy()
    for cow in cow_wars(world)[0]:
        rows = np.flatnonzero(wars == cow.num)
        if not rows.size:
            continue
        case = replace(case_of_war(cow, []), candidates=tuple(str(s) for s in states[rows]))
        for k, v in case_kappa_def(world, case).items():
            cols[k][rows] = v
    for k, v in cols.items():
        frame[k] = v


def side_specs(shipped: Any) -> dict[str, Any]:
    """The two variants' specs: the shipped spec with the side model's `sim_kappa` replaced, or joined, by
    `sim_kappa_def`."""
    from foedus.likely.spec import Spec

    replaced = tuple("sim_kappa_def" if f == "sim_kappa" else f for f in shipped.side_diff)
    added = (*shipped.side_diff, "sim_kappa_def")
    return {"kappa-def": Spec("kappa-def", shipped.join_side, shipped.join_state, replaced, shipped.side_state),
            "kappa-def-add": Spec("kappa-def-add", shipped.join_side, shipped.join_state, added, shipped.side_state)}


def side_variants(make: Callable[..., Any], shipped: Any, frame: Any, names: list[str]) -> dict[str, Any]:
    """The two variants' predictors (`make`, likely_experiments' `_predict`), on `horizon-era`'s counts; the frame's
    `sim_kappa_def` columns are added when one of them is asked for."""
    from likely_horizon import horizon_expected

    if not set(names) & set(SIDE_VARIANTS):
        return {}
    add_kappa_def(frame)
    return {**{name: make(spec, expected=horizon_expected) for name, spec in side_specs(shipped).items()},
            "known-side": _known_side(make(shipped, expected=horizon_expected))}


def _known_side(predict: Callable[[Any, Any], dict[str, np.ndarray]]) -> Callable[[Any, Any], dict[str, np.ndarray]]:
    """The report's known-side diagnostic on `horizon-era` (`foedus.likely.validate`'s `_known_side`): its P(join),
    each test joiner put on the side it took (ever), the others split by the model's side. Not a forecast."""
    from foedus.likely.spec import combine

    def known(train: Any, test: Any) -> dict[str, np.ndarray]:
        got, took = predict(train, test), test["outcome_ever"].to_numpy()
        out = {}
        for h, probs in got.items():
            p_join = 1.0 - probs[:, 0]
            q = probs[:, 1] / np.maximum(probs[:, 1] + probs[:, 2], 1e-12)
            out[h] = combine(p_join, np.where(took == "attack", 1.0, np.where(took == "defense", 0.0, q)))
        return out

    return known


def side_scores(frame: Any, spec: Any) -> dict[str, dict[str, float]]:
    """The side model of `spec` scored on each scheme's test ever-joiners, fitted on its training ever-joiners."""
    from foedus.likely.fit import C_SIDE, fit_logit
    from foedus.likely.folds import SCHEMES, folds
    from foedus.likely.spec import side_matrix
    from foedus.likely.validate import frame_values

    took = frame["outcome_ever"].to_numpy()
    joined = took != "out"
    x, y = side_matrix(frame_values(frame), spec), (took == "attack").astype(np.float64)
    wars, years = frame["war"].to_numpy(), frame["year"].to_numpy()
    out = {}
    for scheme in SCHEMES:
        q, base = np.full(len(frame), np.nan), np.full(len(frame), np.nan)
        for _, train, test in folds(scheme, wars, years):
            fit_rows, rows = train & joined, test & joined
            if not rows.any():
                continue
            model = fit_logit(x[fit_rows], y[fit_rows].astype(np.int64), C_SIDE)
            q[rows], base[rows] = model.prob(x[rows]), y[fit_rows].mean()
        rows = joined & ~np.isnan(q)
        out[scheme] = {"joiners": float(rows.sum()), "log_loss": _log_loss(q[rows], y[rows]),
                       "base_log_loss": _log_loss(base[rows], y[rows]),
                       "brier": float(np.mean((q[rows] - y[rows]) ** 2)),
                       "right": float(np.mean((q[rows] > 0.5) == (y[rows] > 0.5)))}
    return out


def _log_loss(q: np.ndarray, y: np.ndarray) -> float:
    """Mean binary log loss, each probability clipped to [CLIP, 1 − CLIP]."""
    p = np.clip(q, CLIP, 1 - CLIP)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def side_lines(name: str, got: dict[str, dict[str, float]]) -> list[str]:
    """One variant's side-score rows: scheme, joiners, log loss (skill against the training share), Brier, right."""
    return [f"| {name} | {scheme} | {int(s['joiners'])} | {s['log_loss']:.4f} | "
            f"{1 - s['log_loss'] / s['base_log_loss']:+.4f} | {s['brier']:.4f} | {s['right']:.3f} |"
            for scheme, s in got.items()]


def scenario_sides(frame: Any, specs: dict[str, Any], attacker: str, target: str, day: str,
                   states: tuple[str, ...]) -> list[str]:
    """What each spec's side model, fitted on every war's ever-joiners, gives `states` (P(attack side | joins)) in
    the scenario `attacker` → `target` on `day`: the lines a reader sees, not a score."""
    import datetime as dt

    from foedus.engine.scenario import build_scenario
    from foedus.likely.case import case_of_scenario
    from foedus.likely.features import case_features
    from foedus.likely.fit import C_SIDE, fit_logit
    from foedus.likely.obligations import bindings, readings
    from foedus.likely.spec import side_matrix
    from foedus.likely.validate import frame_values
    from foedus.model.world import World

    world = World.default()
    scenario = build_scenario(world, attacker=[attacker], target=[target], date=dt.date.fromisoformat(day))
    case = case_of_scenario(world, scenario, ())
    values = {**case_features(world, case, bindings(readings(world, scenario))).values,
              **case_kappa_def(world, case)}
    took = frame["outcome_ever"].to_numpy()
    joined = took != "out"
    lines = []
    for name, spec in specs.items():
        x = side_matrix(frame_values(frame), spec)
        model = fit_logit(x[joined], (took[joined] == "attack").astype(np.int64), C_SIDE)
        q = model.prob(side_matrix(values, spec))
        lines.append(f"{name}: " + ", ".join(f"{s} {100 * q[case.candidates.index(s)]:.0f}%" for s in states
                                             if s in case.candidates) + f" on {attacker}'s side")
    return lines
