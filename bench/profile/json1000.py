"""Opcodes of the path a reader that shows everything takes: `foedus.api.cascade(...)` (what the CLI calls) then the
result's full JSON (`to_dict()`), over bench_speed.py's 1,000 dyads at DAY in its order, every STEP-th traced (the
rest run untraced between, as phfun1000.py runs them, so each per-table store is as warm as bench_speed.py's first
pass has it). The band is the median band (cascades.band) by the opcodes of `api.cascade`; a change that only moves
work from the cascade into its readers shows as a rise of the JSON's opcodes and no fall of the sum.

Run: python bench/profile/json1000.py DAY STEP"""

from __future__ import annotations

from functools import partial
from types import FrameType

from cascades import arg, band, scenarios, traced_call

from foedus.api import cascade


def main() -> None:
    """Print the median band's opcodes a dyad: `api.cascade` (first pass), `to_dict()` and the two together."""
    step = int(arg(2))
    world, scen = scenarios(arg(1))
    count = [0]

    def hit(_frame: FrameType) -> None:
        count[0] += 1

    rows = []
    for j, s in enumerate(scen):
        attacker, target = s.attackers[0], s.targets[0]
        if j % step:
            cascade(attacker, target, s.date, world=world, reading="escalatory").to_dict()
            continue
        count[0] = 0
        result = traced_call(partial(cascade, attacker, target, s.date, world=world, reading="escalatory"), hit)
        api = count[0]
        count[0] = 0
        traced_call(result.to_dict, hit)
        rows.append((api, count[0]))
    rows.sort(key=lambda r: r[0])
    mid = band(rows)
    n = len(mid)
    api, js = (sum(r[i] for r in mid) // n for i in range(2))
    print(f"median band per dyad ({n} of {len(rows)} traced): api.cascade {api}, to_dict {js}, "
          f"api.cascade + to_dict {api + js}")


if __name__ == "__main__":
    main()
