"""How much an interval end of the likelihood answer moves with the run-time draws' seed alone (issue #14; session 68):
one state's P(join, ever) interval in a scenario, under the shipped seed and seeds 0–7, for a model file. A
measurement of Monte Carlo noise (400 draws), no score.

Run: FOEDUS_DATA_DIR=../shared/data python bench/likely_interval_seeds.py [--model FILE] [--state PRK]
(Ukraine attacking Russia on 2024-12-05; a few seconds).
"""

from __future__ import annotations

import argparse
import datetime as dt


def main() -> None:
    import foedus.likely.forecast as fc
    from foedus.engine.scenario import build_scenario
    from foedus.likely.case import case_of_scenario
    from foedus.likely.features import case_features
    from foedus.likely.model import load_model
    from foedus.likely.obligations import bindings, readings
    from foedus.model.world import World

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="a model file (default: the shipped one)")
    parser.add_argument("--state", default="PRK")
    args = parser.parse_args()
    world = World.default()
    scenario = build_scenario(world, attacker=["UKR"], target=["RUS"], date=dt.date(2024, 12, 5))
    case = case_of_scenario(world, scenario, ())
    values = case_features(world, case, bindings(readings(world, scenario))).values
    model, i = load_model(args.model), case.candidates.index(args.state)
    for seed in (fc._SEED, *range(8)):
        fc._SEED = seed
        f = fc.forecast(model, values)
        print(f"seed {seed}: {args.state} P(join, ever) {100 * f.point['ever'][i, 1:].sum():.1f}% "
              f"({100 * f.low['ever'][i, 0]:.1f}–{100 * f.high['ever'][i, 0]:.1f})")


if __name__ == "__main__":
    main()
