"""Opcodes of a cascade whose reader reads its joiners: `run_cascade` (the reference engine's first pass, as
bench_speed.py times it) and then `len(result.joiners)`, over bench_speed.py's 1,000 dyads at DAY in its order, every
STEP-th traced (the rest run, and their joiners read, untraced between: each per-table store as warm as a reader
that reads every result's joiners has it). The band is the median band (cascades.band) by the two together. Where
the joiners are cited when first read (session 53: `CascadeResult.joiners` given as a `Later`), the citing counts
in the read; where the run cites them, the read is a few opcodes: the sum is what such a reader pays on either tree.

Run: python bench/profile/joiners1000.py DAY STEP"""

from __future__ import annotations

from types import FrameType

from cascades import arg, band, scenarios, traced_call

from foedus.engine.cascade import run_cascade


def main() -> None:
    """Print the median band's opcodes a dyad: the cascade, the joiners' read and the two together."""
    step = int(arg(2))
    world, scen = scenarios(arg(1))
    count = [0]

    def hit(_frame: FrameType) -> None:
        count[0] += 1

    rows = []
    for j, s in enumerate(scen):
        if j % step:
            len(run_cascade(world, s).joiners)
            continue
        count[0] = 0
        result = traced_call(lambda s=s: run_cascade(world, s), hit)
        run = count[0]
        count[0] = 0
        traced_call(lambda r=result: len(r.joiners), hit)
        rows.append((run + count[0], run, count[0]))
    rows.sort(key=lambda r: r[0])
    mid = band(rows)
    n = len(mid)
    both, run, read = (sum(r[i] for r in mid) // n for i in range(3))
    print(f"median band per dyad ({n} of {len(rows)} traced): run_cascade {run}, joiners read {read}, "
          f"run_cascade + joiners read {both}")


if __name__ == "__main__":
    main()
