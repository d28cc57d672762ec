"""CLI commands for research datasets: dyad-years, alliance similarity, and the ATOP flag check."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from foedus.errors import FoedusError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["atop_check", "dyads", "similarity"]

_OUT = "Output file: .parquet or .csv (refuses to overwrite an existing file)."


def _check_output(out: Path) -> None:
    """Refuse an existing or unknown-format output before any work is done."""
    if out.exists():
        raise FoedusError(f"{out} already exists; not overwriting it")
    if out.suffix not in (".parquet", ".csv"):
        raise FoedusError(f"{out}: unknown output format {out.suffix!r}; use .parquet or .csv")


def _write(frame: pd.DataFrame, out: Path) -> None:
    """Write a table by extension, atomically, never over an existing file."""
    _check_output(out)
    tmp = out.with_name(f".{out.name}.part")
    try:
        if out.suffix == ".parquet":
            frame.to_parquet(tmp, index=False)
        else:
            frame.to_csv(tmp, index=False)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FoedusError(f"cannot write {out}: {exc.strerror or exc}") from None
    typer.echo(f"wrote {len(frame):,} rows to {out}", err=True)


@contextlib.contextmanager
def working(label: str) -> Iterator[None]:
    """A spinner on stderr while something slow runs (only on a terminal: logs stay clean)."""
    if not sys.stderr.isatty():
        yield
        return
    from rich.console import Console

    with Console(stderr=True).status(label):
        yield


def _years(first: int, last: int) -> None:
    if not 1815 <= first <= last <= 2100:
        raise FoedusError(f"impossible year range {first}–{last} (need 1815 <= from <= to)")


def dyads(
    first: Annotated[int, typer.Option("--from", help="First year.")],
    last: Annotated[int, typer.Option("--to", help="Last year.")],
    out: Annotated[Path, typer.Option(help=_OUT)],
    directed: Annotated[bool, typer.Option("--directed/--undirected")] = True,
    system: Annotated[str, typer.Option(help="State system: cow | gw.")] = "cow",
    covariates: Annotated[bool, typer.Option("--covariates/--no-covariates", help="Cascade covariates.")] = True,
    depth: Annotated[bool, typer.Option("--depth", help="Add the depth of the deepest alliance the dyad shares.")]
    = False,
) -> None:
    """Dyad-years with ATOP flags, cascade covariates (defenders, their CINC, a major among them), optional depth."""
    from foedus.model.world import World
    from foedus.research.dyads import DyadOptions, build_dyads

    _years(first, last)
    if system not in ("cow", "gw"):
        raise FoedusError(f"unknown system {system!r}: choose cow or gw")
    options = DyadOptions(first, last, directed=directed, system=system, covariates=covariates,  # type: ignore[arg-type]
                          depth=depth)
    with working(f"dyad-years {first}–{last}"):
        frame = build_dyads(World.default(), options)
    _write(frame, out)


def similarity(
    first: Annotated[int, typer.Option("--from", help="First year.")],
    last: Annotated[int, typer.Option("--to", help="Last year.")],
    out: Annotated[Path, typer.Option(help=_OUT)],
) -> None:
    """Alliance similarity for every dyad-year: S (absolute, squared, CINC-weighted), kappa, pi, tau-b."""
    from foedus.model.world import World
    from foedus.research.similarity import similarity_frame
    from foedus.research.ties import yearly_portfolios

    _years(first, last)
    with working(f"alliance similarity {first}–{last}"):
        frame = similarity_frame(yearly_portfolios(World.default(), first, last))
    _write(frame, out)


def atop_check(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Compare the ATOP flags foedus derives with ATOP's own directed dyad-year file."""
    from foedus.model.world import World
    from foedus.research.atop_check import compare_atop_flags

    with working("comparing ATOP flags"):
        report = compare_atop_flags(World.default())
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
        return
    typer.echo(f"reference rows: {report['reference_rows']:,}")
    for f in report["flags"]:
        typer.echo(f"{f['column']:<14} agree {f['rate']:.4%}  foedus-only {f['ours_only']}  "
                   f"ATOP-only {f['theirs_only']}  {f['classes']}")
    typer.echo(f"dyad-years only foedus lists: {len(report['dyad_years_only_foedus_flags'])}; "
               f"reference rows with no obligation: {report['reference_rows_without_any_obligation']}")
