"""Why the side model leans as it does for chosen states of a scenario (issue #14; session 68): each term of the
shipped side model's linear predictor (coefficient times the standardised feature, attack minus defence), the
intercept, and the raw features toward each side. A measurement of the shipped model, no score.

Run: FOEDUS_DATA_DIR=../shared/data python bench/likely_side_why.py -a UKR -t RUS -d 2024-12-05
[--states USA,POL,GBR,FRA,DEU,NOR,BLR] (a few seconds).
"""

from __future__ import annotations

import argparse
import datetime as dt

import numpy as np


def main() -> None:
    from foedus.engine.scenario import build_scenario
    from foedus.likely.case import case_of_scenario
    from foedus.likely.features import case_features
    from foedus.likely.model import load_model
    from foedus.likely.obligations import bindings, readings
    from foedus.model.world import World

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-a", "--attacker", required=True)
    parser.add_argument("-t", "--target", required=True)
    parser.add_argument("-d", "--date", required=True, type=dt.date.fromisoformat)
    parser.add_argument("--states", default="USA,POL,GBR,FRA,DEU,NOR,BLR")
    args = parser.parse_args()
    world = World.default()
    scenario = build_scenario(world, attacker=[args.attacker], target=[args.target], date=args.date)
    case = case_of_scenario(world, scenario, ())
    values = case_features(world, case, bindings(readings(world, scenario))).values
    side = load_model().side
    cols = [np.asarray(values[n[:-5] + "_attack"]) - np.asarray(values[n[:-5] + "_defense"]) if n.endswith("_diff")
            else np.asarray(values[n], dtype=np.float64) for n in side.names]
    terms = (np.column_stack(cols) - np.array(side.mean)) / np.array(side.scale) * np.array(side.coef)
    print(f"side model: P({args.attacker}'s side | joins); intercept {side.intercept:+.3f}")
    print("| state | " + " | ".join(n.removesuffix("_diff") for n in side.names) + " | sum of terms | P |")
    print("|---" * (len(side.names) + 3) + "|")
    for s in args.states.split(","):
        i = case.candidates.index(s)
        eta = side.intercept + float(terms[i].sum())
        print(f"| {s} | " + " | ".join(f"{v:+.3f}" for v in terms[i]) + f" | {terms[i].sum():+.3f} | "
              f"{1 / (1 + np.exp(-eta)):.3f} |")
    print("\nraw features toward attack / defence, where either is not 0:")
    for s in args.states.split(","):
        i = case.candidates.index(s)
        raw = {k[:-7]: (float(values[k][i]), float(values[k[:-7] + "_defense"][i])) for k in values
               if k.endswith("_attack") and (values[k][i] or values[k[:-7] + "_defense"][i])}
        print(f"{s}: " + ", ".join(f"{k} {a:.3f} / {d:.3f}" for k, (a, d) in raw.items()))


if __name__ == "__main__":
    main()
