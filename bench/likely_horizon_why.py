"""Where the shipped spec's one losing check comes from (issue #14; session 65, a measurement, no new variant scored):
leave one war out, 30 days, the wars from 1945 (Brier skill −0.0009 against the training fold's base rate).

Prints, per era, how many of the ever-joiners joined within 30 and 365 days (the horizon's scaling, which the shipped
spec takes from every training war alike); then, for the check, the Brier-skill difference shipped less base rate
split exactly pair by pair (skill = 1 − ΣB / ΣB_base, so each pair adds (B_base − B_shipped) / ΣB_base): by outcome,
by war (with each war's forecast and real joiners within 30 days), and the pairs that move it most; and the forecast
joiners in all against the real ones (the level), beside the check's AUC (the ranking).

Run: FOEDUS_DATA_DIR=../shared/data python bench/likely_horizon_why.py [--top 10]
(needs `foedus[model]`; about a minute on one core: 38 leave-one-war-out folds).
"""

from __future__ import annotations

from typing import Any

import numpy as np

HORIZONS = ("30", "365")


def horizon_shares(frame: Any) -> list[str]:
    """Per era: wars, ever-joiners, and the share of them joined within each of `HORIZONS` (joiners per war too)."""
    lines = []
    for era in ("pre1945", "post1945"):
        g = frame[frame["era"].to_numpy() == era]
        n_wars, ever = len(np.unique(g["war"].to_numpy())), int((g["outcome_ever"].to_numpy() != "out").sum())
        parts = [f"{era}: {n_wars} wars, {len(g)} pairs, {ever} joined ever ({ever / n_wars:.3f} a war)"]
        for h in HORIZONS:
            k = int((g[f"outcome_{h}"].to_numpy() != "out").sum())
            parts.append(f"within {h} days {k} ({k / ever:.1%} of ever; {k / n_wars:.3f} a war)")
        lines.append("; ".join(parts))
    return lines


def gap_report(frame: Any, probs: np.ndarray, base: np.ndarray, rows: np.ndarray, top: int) -> None:
    """The check's Brier-skill difference, shipped less base rate, by outcome, by war and by pair (Markdown)."""
    from foedus.likely.scores import Scored, summary
    from likely_brier_why import brier_terms, split
    from likely_threads import largest

    y = frame["outcome_30"].to_numpy()[rows]
    out_s, side_s = brier_terms(probs[rows], y)
    out_b, side_b = brier_terms(base[rows], y)
    total = float((out_b + side_b).sum())
    diff = ((out_b + side_b) - (out_s + side_s)) / total
    joined = y != "out"
    pj, pb = 1 - probs[rows][:, 0], 1 - base[rows][:, 0]
    s = summary(Scored(probs[rows], base[rows], y, frame["war"].to_numpy()[rows]), np.ones(int(rows.sum()), bool))
    print(f"\n## leave one war out, 30 days, from 1945: {rows.sum()} pairs ({joined.sum()} joined); Brier skill "
          f"{s['brier_skill']:+.4f} (sum of the pairs' parts {diff.sum():+.4f}: out-class term "
          f"{((out_b - out_s) / total).sum():+.4f}, side terms {((side_b - side_s) / total).sum():+.4f}); AUC "
          f"{s['auc']:.3f}; ΣP(join) shipped {pj.sum():.2f}, base rate {pb.sum():.2f}, joined {joined.sum()}\n")
    print("| outcome | pairs | ΣP(join) shipped | ΣP(join) base | to Brier skill |\n|---|---:|---:|---:|---:|")
    for label, m in (("joined", joined), ("stayed out", ~joined)):
        print(f"| {label} | {m.sum()} | {pj[m].sum():.2f} | {pb[m].sum():.2f} | {diff[m].sum():+.4f} |")
    wars, names, years = (frame[c].to_numpy()[rows] for c in ("war", "war_name", "year"))
    by_war = split(diff, wars)
    ranked = sorted(by_war, key=lambda w: abs(by_war[w]), reverse=True)
    print("\n| war | pairs | joined in 30 days (ever) | ΣP(join) shipped | ΣP(join) base | contribution |\n"
          "|---|---:|---:|---:|---:|---:|")
    ever = frame["outcome_ever"].to_numpy()[rows] != "out"
    for w in ranked[:top]:
        k = wars == w
        i = int(np.flatnonzero(k)[0])
        print(f"| {names[i]} {years[i]} | {k.sum()} | {(joined & k).sum()} ({(ever & k).sum()}) | {pj[k].sum():.2f} | "
              f"{pb[k].sum():.2f} | {by_war[w]:+.4f} |")
    rest = ranked[top:]
    k = np.isin(wars, rest)
    print(f"| the other {len(rest)} wars | {k.sum()} | {(joined & k).sum()} ({(ever & k).sum()}) | {pj[k].sum():.2f} | "
          f"{pb[k].sum():.2f} | {sum(by_war[w] for w in rest):+.4f} |")
    states = frame["state"].to_numpy()[rows]
    print("\n| pair | outcome in 30 days (ever) | P(join) shipped | P(join) base | contribution |\n"
          "|---|---|---:|---:|---:|")
    ever_y = frame["outcome_ever"].to_numpy()[rows]
    for i in largest(diff, top):
        print(f"| {states[i]}, {names[i]} {years[i]} | {y[i]} ({ever_y[i]}) | {pj[i]:.3f} | {pb[i]:.4f} | "
              f"{diff[i]:+.4f} |")


def main() -> None:
    from foedus.likely.spec import SHIPPED
    from likely_brier_why import forecasts
    from likely_experiments import _predict
    from likely_threads import one_thread, why_start

    top, frame = why_start(__doc__, 10, "wars and pairs listed")
    print("Joiners by era and horizon:\n" + "\n".join(horizon_shares(frame)), flush=True)
    with one_thread():
        probs, base, tested = forecasts(frame, "leave-one-war-out", {"shipped": _predict(SHIPPED)})
    rows = tested & (frame["era"].to_numpy() == "post1945")
    gap_report(frame, probs["shipped"]["30"], base["30"], rows, top)


if __name__ == "__main__":
    main()
