"""Why `share` ranks better but scores worse in Brier (issue #14; session 62, a measurement, no new variant scored):
for the three checks `share` loses on Brier skill (forward-1945 at 365 days and ever, leave one war out at 30 days on
the wars from 1945), the difference in Brier skill, `share` less the shipped spec, split pair by pair.

Skill is 1 − ΣB / ΣB_base over the check's pairs, so the difference is Σ(B_shipped − B_share) / ΣB_base exactly: each
pair adds (B_shipped − B_share) / ΣB_base (above 0: `share` better there). The sums are given by candidate group (bound
in both readings, alone or with others; bound in the legal reading only; unbound; joined or stayed out), by war, and
for the pairs that move it most; each pair's Brier is also split into its out-class term, (P(join) − joined)², and
its two side terms. Measured and read in docs/likelihood-experiments.md (*What was tried*).

Run: FOEDUS_DATA_DIR=../shared/data python bench/likely_brier_why.py [--top 12]
(needs `foedus[model]`; under a minute on one core: the leave-one-war-out check refits both models 38 times).
"""

from __future__ import annotations

from typing import Any

import numpy as np

CHECKS = (("forward-1945", "365", "post1945"), ("forward-1945", "ever", "post1945"),
          ("leave-one-war-out", "30", "post1945"))  # forward-1945 tests the wars from 1946 only: its pairs are those
GROUPS = ("bound alone, both readings", "bound with others, both readings", "bound, legal only", "unbound")


def _either(frame: Any, f: str) -> np.ndarray:
    return np.asarray(np.maximum(frame[f"{f}_attack"].to_numpy(), frame[f"{f}_defense"].to_numpy()))


def groups(frame: Any) -> np.ndarray:
    """Each pair's group: bound toward either side in the reading with ATOP's unspecified conditions read as unmet
    (`unmet`), alone (its `unmet_share` 1: the reading binds no other state to that side) or with others; else bound
    in the legal reading only (`legal`); else unbound."""
    unmet, alone = _either(frame, "unmet") > 0, _either(frame, "unmet_share") >= 1
    return np.where(unmet & alone, GROUPS[0], np.where(unmet, GROUPS[1],
                                                       np.where(_either(frame, "legal") > 0, GROUPS[2], GROUPS[3])))


def bound_with(frame: Any) -> list[str]:
    """Per era and reading, how many pairs are bound with how many states bound to that side in all (B, from the
    share), and how many of them joined (ever): the pairs each share's weight is fitted on, and those it is read on."""
    lines = []
    for era in ("pre1945", "post1945"):
        g = frame[frame["era"].to_numpy() == era]
        joined = g["outcome_ever"].to_numpy() != "out"
        for f in ("unmet", "legal"):
            v = _either(g, f"{f}_share")
            b = np.round(1 / v[v > 0]).astype(int)
            j = joined[v > 0]
            lines.append(f"{era}, {f}: " + (", ".join(f"B {k}: {int((b == k).sum())} ({int(j[b == k].sum())} joined)"
                                                      for k in np.unique(b)) or "none"))
    return lines


def brier_terms(probs: np.ndarray, outcomes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each pair's multi-class Brier score split into its out-class term and its two side terms.

    >>> out, side = brier_terms(np.array([[0.5, 0.125, 0.375]]), np.array(["defense"]))
    >>> round(float(out[0]), 4), round(float(side[0]), 4)
    (0.25, 0.4062)
    """
    from foedus.backtest.multiclass import CLASSES

    onehot = (outcomes[:, None] == np.array(CLASSES)[None, :]).astype(np.float64)
    sq = (probs - onehot) ** 2
    return sq[:, 0], sq[:, 1:].sum(axis=1)


def split(diff: np.ndarray, keys: np.ndarray) -> dict[Any, float]:
    """The sum of `diff` over each key, keys in first-seen order.

    >>> split(np.array([1.0, 2.0, 3.0]), np.array(["a", "b", "a"]))
    {'a': 4.0, 'b': 2.0}
    """
    return {k: float(diff[keys == k].sum()) for k in dict.fromkeys(keys.tolist())}


def forecasts(frame: Any, scheme: str, predictors: dict[str, Any]) -> tuple[dict[str, dict[str, np.ndarray]],
                                                                               dict[str, np.ndarray], np.ndarray]:
    """Out-of-sample forecasts of each predictor and the training fold's base rate, per horizon, on the wars from
    1946 (the only folds of `scheme` the checks read); and which rows were tested."""
    from foedus.backtest.multiclass import CLASSES
    from foedus.likely.folds import folds

    wars, years = frame["war"].to_numpy(), frame["year"].to_numpy()
    post = frame["era"].to_numpy() == "post1945"
    probs = {n: {h: np.full((len(frame), 3), np.nan) for h in ("30", "365", "ever")} for n in predictors}
    base = {h: np.full((len(frame), 3), np.nan) for h in ("30", "365", "ever")}
    tested = np.zeros(len(frame), bool)
    for _, train, test in folds(scheme, wars, years):
        if not (test & post).any():
            continue
        for name, predict in predictors.items():
            got = predict(frame[train], frame[test])
            for h in base:
                probs[name][h][test] = got[h]
        for h in base:
            y = frame[f"outcome_{h}"].to_numpy()[train]
            base[h][test] = [(y == c).mean() for c in CLASSES]
        tested |= test
    return probs, base, tested


def report(frame: Any, check: tuple[str, str, str], probs: dict[str, dict[str, np.ndarray]],
           base: dict[str, np.ndarray], tested: np.ndarray, top: int) -> None:
    """One check's decomposition, printed as Markdown tables."""
    from foedus.likely.scores import per_pair
    from likely_threads import largest

    scheme, h, sub = check
    rows = tested & (frame["era"].to_numpy() == sub)
    y = frame[f"outcome_{h}"].to_numpy()[rows]
    out_base, side_base = brier_terms(base[h][rows], y)
    b_base = out_base + side_base
    out_ship, side_ship = brier_terms(probs["shipped"][h][rows], y)
    out_share, side_share = brier_terms(probs["share"][h][rows], y)
    total = float(b_base.sum())
    diff = (out_ship + side_ship - out_share - side_share) / total
    joined, group = y != "out", groups(frame)[rows]
    logs = {n: per_pair(p[h][rows], y.tolist())[1] for n, p in (*probs.items(), ("base", base))}
    log_diff = (logs["shipped"] - logs["share"]) / logs["base"].sum()
    pj_ship, pj_share = 1 - probs["shipped"][h][rows][:, 0], 1 - probs["share"][h][rows][:, 0]
    print(f"\n## {scheme}, {h}, {sub}: {rows.sum()} pairs ({joined.sum()} joined); Brier skill shipped "
          f"{1 - (out_ship + side_ship).sum() / total:+.4f}, share {1 - (out_share + side_share).sum() / total:+.4f}, "
          f"difference {diff.sum():+.4f} (out-class term {((out_ship - out_share) / total).sum():+.4f}, side terms "
          f"{((side_ship - side_share) / total).sum():+.4f}); log-loss skill difference {log_diff.sum():+.4f}\n")
    print("| group | outcome | pairs | ΣP(join) shipped | ΣP(join) share | to Brier skill | to log-loss skill |\n"
          "|---|---|---:|---:|---:|---:|---:|")
    for g in GROUPS:
        for label, m in (("joined", joined), ("stayed out", ~joined)):
            k = (group == g) & m
            print(f"| {g} | {label} | {k.sum()} | {pj_ship[k].sum():.2f} | {pj_share[k].sum():.2f} | "
                  f"{diff[k].sum():+.4f} | {log_diff[k].sum():+.4f} |")
    wars, names = frame["war"].to_numpy()[rows], frame["war_name"].to_numpy()[rows]
    years = frame["year"].to_numpy()[rows]
    by_war = split(diff, wars)
    print("\n| war | pairs | joined | bound pairs (joined) | ΣP(join) bound, shipped → share | ΣP(join) unbound, "
          "shipped → share | contribution |\n|---|---:|---:|---:|---:|---:|---:|")
    ranked = sorted(by_war, key=lambda w: abs(by_war[w]), reverse=True)
    for w in ranked[:top]:
        k, bound = wars == w, group != GROUPS[3]
        i = int(np.flatnonzero(k)[0])
        print(f"| {names[i]} {years[i]} | {k.sum()} | {(joined & k).sum()} | {(k & bound).sum()} "
              f"({(k & bound & joined).sum()}) | {pj_ship[k & bound].sum():.2f} → {pj_share[k & bound].sum():.2f} | "
              f"{pj_ship[k & ~bound].sum():.2f} → {pj_share[k & ~bound].sum():.2f} | {by_war[w]:+.4f} |")
    print(f"| the other {len(ranked[top:])} wars | | | | | | {sum(by_war[w] for w in ranked[top:]):+.4f} |")
    states = frame["state"].to_numpy()[rows]
    print("\n| pair | outcome | group | P(join) shipped | P(join) share | contribution |\n|---|---|---|---:|---:|---:|")
    for i in largest(diff, top):
        print(f"| {states[i]}, {names[i]} {years[i]} | {y[i]} | {group[i]} | {pj_ship[i]:.3f} | {pj_share[i]:.3f} | "
              f"{diff[i]:+.4f} |")


def main() -> None:
    from foedus.likely.spec import SHIPPED
    from likely_experiments import _predict
    from likely_share import add_shares, first_day_counts, share_spec
    from likely_threads import one_thread, why_start

    top, frame = why_start(__doc__, 12, "wars and pairs listed per check")
    add_shares(frame, first_day_counts(frame))
    print("Pairs bound, by the states bound to that side in all (B):\n" + "\n".join(bound_with(frame)), flush=True)
    predictors = {"shipped": _predict(SHIPPED), "share": _predict(share_spec(SHIPPED))}
    with one_thread():
        for scheme in dict.fromkeys(c[0] for c in CHECKS):
            got = forecasts(frame, scheme, predictors)
            for check in (c for c in CHECKS if c[0] == scheme):
                report(frame, check, *got, top)


if __name__ == "__main__":
    main()
