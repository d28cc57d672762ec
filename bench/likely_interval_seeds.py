"""How much an interval end of the likelihood answer moves with the run-time draws' seed alone (issue #14; session 68):
one state's P(join, ever) interval and its side share's interval in a scenario, under the shipped seed and seeds
0 to N-1, for a model file, then the range each end takes over those seeds. A measurement of Monte Carlo noise (400
draws), no score.

Run: FOEDUS_DATA_DIR=../shared/data python bench/likely_interval_seeds.py [--model FILE] [--state PRK] [--seeds 8]
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
    parser.add_argument("--seeds", type=int, default=8, help="seeds 0 to N-1 besides the shipped one")
    args = parser.parse_args()
    world = World.default()
    scenario = build_scenario(world, attacker=["UKR"], target=["RUS"], date=dt.date(2024, 12, 5))
    case = case_of_scenario(world, scenario, ())
    values = case_features(world, case, bindings(readings(world, scenario))).values
    model, i = load_model(args.model), case.candidates.index(args.state)
    ends: list[tuple[float, float, float, float]] = []
    for seed in (fc._SEED, *range(args.seeds)):
        fc._SEED = seed
        f = fc.forecast(model, values)
        row = (100 * f.low["ever"][i, 0], 100 * f.high["ever"][i, 0], 100 * f.side[i, 1], 100 * f.side[i, 2])
        ends.append(row)
        print(f"seed {seed}: {args.state} P(join, ever) {100 * f.point['ever'][i, 1:].sum():.1f}% "
              f"({row[0]:.1f}–{row[1]:.1f}); P(attack side | joins) {100 * f.side[i, 0]:.1f}% "
              f"({row[2]:.1f}–{row[3]:.1f})")
    if args.seeds > 0:  # the spread over seeds 0 to N-1 (the first row, the shipped seed, left out)
        lo, hi = [min(e[k] for e in ends[1:]) for k in range(4)], [max(e[k] for e in ends[1:]) for k in range(4)]
        print(f"seeds 0-{args.seeds - 1}: join ever low end {lo[0]:.1f}–{hi[0]:.1f}, high end {lo[1]:.1f}–{hi[1]:.1f}; "
              f"side low end {lo[2]:.1f}–{hi[2]:.1f}, high end {lo[3]:.1f}–{hi[3]:.1f}")


if __name__ == "__main__":
    main()
