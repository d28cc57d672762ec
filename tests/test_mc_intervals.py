"""Each Monte Carlo share comes with its 95% Wilson score interval over the draws (`probability_intervals`): the
simulation's error only, read by `foedus cascade --draws` (JSON and text) and by `foedus batch`'s mc_p_side_low and
mc_p_side_high. The interval here is computed from the draws' counts by the textbook formula, not by foedus."""

from __future__ import annotations

import json
import math

import foedus
from foedus.engine.fast.montecarlo import simulate
from foedus.engine.reliability import HonourModel
from foedus.engine.scenario import build_scenario
from foedus.model.world import World
from samples import cli_line

Z95 = 1.959963984540054  # the standard normal's 97.5th percentile


def _wilson(k: int, n: int) -> tuple[float, float]:
    p = k / n
    centre = (p + Z95**2 / (2 * n)) / (1 + Z95**2 / n)
    half = Z95 / (1 + Z95**2 / n) * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def test_each_share_s_interval_is_the_wilson_interval_of_its_draws_counts(world: World) -> None:
    """Every state in `probabilities` has, per side, the Wilson interval of the number of draws it is on that side;
    the share lies inside it, and a side no draw puts it on has [0, 1-ish) rather than nothing."""
    scenario = build_scenario(world, attacker="RUS", target="EST", date="2025-06-01")
    mc = simulate(world, scenario, 300, 11, HonourModel())
    shares, intervals = mc.probabilities(), mc.probability_intervals()
    assert set(intervals) == set(shares) and len(shares) > 10
    for state, sides in intervals.items():
        column = mc.sides[:, mc.states.index(state)]
        for side, code in (("attack", 1), ("defense", 2)):
            low, high = _wilson(int((column == code).sum()), 300)
            assert sides[side] == [round(low, 6), round(high, 6)], (state, side)
            assert sides[side][0] <= shares[state][side] <= sides[side][1]
    nor = intervals["NOR"]
    assert 0 < nor["defense"][0] < shares["NOR"]["defense"] < nor["defense"][1] < 1
    assert nor["attack"][0] == 0.0 and 0 < nor["attack"][1] < 0.02  # 0 of 300 draws: [0, 1.3%]


def test_the_interval_narrows_with_more_draws() -> None:
    """Ten times the draws make each interval of a share strictly between 0 and 1 about sqrt(10) times narrower."""
    few = foedus.cascade("RUS", "EST", "2025-06-01", draws=200, seed=5).to_dict()["probability_intervals"]
    many = foedus.cascade("RUS", "EST", "2025-06-01", draws=2000, seed=5).to_dict()["probability_intervals"]
    widths = [(few[s]["defense"][1] - few[s]["defense"][0], many[s]["defense"][1] - many[s]["defense"][0])
              for s in few if s in many and few[s]["defense"][0] > 0 and few[s]["defense"][1] < 1]
    assert len(widths) > 10
    assert all(2.5 < wide / narrow < 4 for wide, narrow in widths), widths


def test_the_cascade_says_the_interval_in_json_and_text() -> None:
    """`foedus cascade --draws --json` carries probability_intervals beside probabilities; the text table shows each
    share's interval in brackets and says it is the simulation's error only."""
    args = ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--draws", "300", "--seed", "11"]
    said = json.loads(cli_line([*args, "--json"]).stdout)
    assert set(said["probability_intervals"]) == set(said["probabilities"])
    state, share = max(((s, p["defense"]) for s, p in said["probabilities"].items() if p["defense"] < 1),
                       key=lambda t: t[1])  # among the 25 rows the table shows
    low, high = said["probability_intervals"][state]["defense"]
    text = cli_line(args).stdout
    assert 0 < low < share < high < 1
    assert f"{share:.1%} ({low:.1%}–{high:.1%})" in text, state
    assert "95% Wilson interval over the 300 draws" in " ".join(text.split())
    assert "not the honour rates' uncertainty" in " ".join(text.split())




def test_a_batch_joiner_no_draw_brings_in_reads_0_in_the_interval_of_none_in_n() -> None:
    """A legal joiner that no draw brings in (NATO and the EU's clause never honoured) has no share in the cascade's
    `probabilities`; the batch row reads 0 in [0, the Wilson high end of 0 draws in 400]."""
    from foedus.batch.table import batch_rows

    never = HonourModel(treaty={"nato_1949": 0.0, "eu_teu_42_7": 0.0})
    result = foedus.cascade("RUS", "EST", "2025-06-01", draws=400, seed=3, honour=never)
    assert result.montecarlo is not None
    drawn = result.montecarlo.probabilities
    rows = [r for r in batch_rows(1, result) if r["role"] == "joiner" and r["state"] not in drawn]
    assert rows
    assert {(r["mc_p_side"], r["mc_p_side_low"], r["mc_p_side_high"]) for r in rows} == {
        (0.0, 0.0, round(_wilson(0, 400)[1], 6))}
