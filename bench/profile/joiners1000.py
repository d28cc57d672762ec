"""Opcodes of a cascade whose reader reads its joiners: `run_cascade` (the reference engine's first pass, as
bench_speed.py times it) and then `len(result.joiners)`, over bench_speed.py's 1,000 dyads at DAY in its order, every
STEP-th traced (the rest run, and their joiners read, untraced between: each per-table store as warm as a reader
that reads every result's joiners has it). The band is the median band (cascades.band) by the two together. Where
the joiners are cited when first read (session 53: `CascadeResult.joiners` given as a `Later`), the citing counts
in the read; where the run cites them, the read is a few opcodes: the sum is what such a reader pays on either tree.

Run: python bench/profile/joiners1000.py DAY STEP"""

from __future__ import annotations

from cascades import arg, scenarios, two_reads

from foedus.engine.cascade import run_cascade


def main() -> None:
    """Print the median band's opcodes a dyad: the cascade, the joiners' read and the two together."""
    world, scen = scenarios(arg(1))
    n, traced, run, read = two_reads(scen, lambda s: lambda: run_cascade(world, s), lambda r: lambda: len(r.joiners),
                                     int(arg(2)), by_both=True)
    print(f"median band per dyad ({n} of {traced} traced): run_cascade {run}, joiners read {read}, "
          f"run_cascade + joiners read {run + read}")


if __name__ == "__main__":
    main()
