"""Opcodes of the path a reader that shows everything takes: `foedus.api.cascade(...)` (what the CLI calls) then the
result's full JSON (`to_dict()`), over bench_speed.py's 1,000 dyads at DAY in its order, every STEP-th traced (the
rest run untraced between, as phfun1000.py runs them, so each per-table store is as warm as bench_speed.py's first
pass has it). The band is the median band (cascades.band) by the opcodes of `api.cascade`; a change that only moves
work from the cascade into its readers shows as a rise of the JSON's opcodes and no fall of the sum.

Run: python bench/profile/json1000.py DAY STEP"""

from __future__ import annotations

from functools import partial

from cascades import arg, scenarios, two_reads

from foedus.api import cascade


def main() -> None:
    """Print the median band's opcodes a dyad: `api.cascade` (first pass), `to_dict()` and the two together."""
    world, scen = scenarios(arg(1))
    n, traced, api, js = two_reads(
        scen, lambda s: partial(cascade, s.attackers[0], s.targets[0], s.date, world=world, reading="escalatory"),
        lambda r: r.to_dict, int(arg(2)), by_both=False)
    print(f"median band per dyad ({n} of {traced} traced): api.cascade {api}, to_dict {js}, "
          f"api.cascade + to_dict {api + js}")


if __name__ == "__main__":
    main()
