"""`foedus batch SCENARIOS --out PATH`: many scenarios from one file (CSV or JSON lines, each row a scenario file's
question: `foedus.batch.rows`), each run as `foedus cascade` runs it, in the world it reads (built once), written as
one table (`foedus.batch.table`; docs/outputs.md, "foedus batch"). A bad row refuses the whole batch before any
scenario runs, naming the row: nothing is written; with `--skip-bad ERRORS` it is skipped, and tabled in ERRORS.
The typer command is here; its body, `foedus.cli.batch_run.run_batch`, the fast reader (`foedus.cli.fast`) runs
without typer."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from foedus.cli.writing import FORMATS_HELP, Force

__all__ = ["batch"]


def batch(
    ctx: typer.Context,
    scenarios: Annotated[Path, typer.Argument(help="The scenarios: a CSV file (.csv) with a header of scenario file "
                                              "keys (attacker, target, date, place, reading, ongoing_since, ...), or "
                                              "JSON lines (.jsonl, .ndjson), one scenario file's keys a line.")],
    out: Annotated[Path, typer.Option(help=FORMATS_HELP)],
    force: Force = False,
    skip_bad: Annotated[Path | None, typer.Option(help="Run the good rows, and write each bad one (its number and "
                                                  "why) to this table (.csv, .parquet or .dta) instead of refusing "
                                                  "the batch.")] = None,
    draws: Annotated[int | None, typer.Option(help="Monte Carlo draws for each row that gives none (as foedus cascade "
                                              "--draws): the table's mc_ columns.")] = None,
    seed: Annotated[int | None, typer.Option(help="The draws' seed for each row that gives none (with --draws, or "
                                             "rows' draws).")] = None,
    likelihood: Annotated[bool, typer.Option("--likelihood", help="The likelihood model's chances for each row that "
                                             "gives none (as foedus cascade --likelihood): the table's lk_ columns, "
                                             "and a rated row for each state it lists that has no row.")] = False,
    likely_model: Annotated[Path | None, typer.Option("--likely-model", help="Coefficients file from `foedus likely "
                                                      "fit` for every row's likelihood (default: the shipped "
                                                      "model).")] = None,
) -> None:
    """Run every scenario of a file as `foedus cascade` does, and write one table of their parties and findings."""
    from foedus.cli.batch_run import run_batch as run  # read at the call: `fast_gen` replaces it to find defaults
    from foedus.cli.helpers import given_names

    run({}, scenarios=scenarios, out=out, force=force, skip_bad=skip_bad,  # as the fast reader hands them
        draws=draws, seed=seed, likelihood=likelihood, likely_model=likely_model, given=given_names(ctx))
