"""The `foedus backtest` command: run the backtest and write the report folder.

Imports only typer at module level (the CLI's start-up budget); the backtest itself loads on use.
It never writes into a non-empty folder without --force, and then replaces only its own files.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from foedus.backtest.errors import BacktestError

__all__ = ["OUTPUT_FILES", "backtest", "check_out_dir"]

OUTPUT_FILES = ("report.md", "metrics.json", "wars.csv", "calibration.png", "calibration.svg",
                "precision_recall.png", "precision_recall.svg")
MAX_DRAWS = 1_000_000


def check_out_dir(out: Path, force: bool) -> None:
    """Create `out`, or accept it when it is empty (or when `force` says its files may be replaced).

    Raises:
        BacktestError: `out` is a file, cannot be created, or is not empty and `force` is off.
    """
    if out.exists() and not out.is_dir():
        raise BacktestError(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise BacktestError(f"{out} is not empty; give a new or empty folder, or --force to replace the "
                          "backtest's files in it")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BacktestError(f"cannot create {out}: {exc.strerror or exc}") from None


def _check(first: int | None, last: int | None, draws: int) -> None:
    for name, year in (("--from", first), ("--to", last)):
        if year is not None and not 1816 <= year <= 2100:
            raise BacktestError(f"{name} {year} is outside 1816–2100")
    if first is not None and last is not None and first > last:
        raise BacktestError(f"impossible year range {first}–{last} (need --from <= --to)")
    if not 1 <= draws <= MAX_DRAWS:
        raise BacktestError(f"--draws must be between 1 and {MAX_DRAWS:,} (got {draws})")


def command_line(first: int | None, last: int | None, out: Path, draws: int, seed: int) -> str:
    """The canonical command that reproduces a run."""
    years = (f" --from {first}" if first is not None else "") + (f" --to {last}" if last is not None else "")
    return f"foedus backtest{years} --out {out} --draws {draws} --seed {seed}"


def _wars(settings: Any) -> list[Any]:
    from foedus.backtest.run import wars_in_range

    wars = wars_in_range(settings)
    if not wars:
        span = f"{settings.first or 'the start'}–{settings.last or 'the end'}"
        raise BacktestError(f"no COW inter-state war starts in {span} (the data cover 1823–2003)")
    return wars


def _run_with_progress(settings: Any, wars: list[Any]) -> Any:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from foedus.backtest.run import run_backtest
    from foedus.model.world import World

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True,
                  disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("loading treaties", total=len(wars))
        world = World.default()

        def step(war: Any) -> None:
            bar.update(task, advance=1, description=f"war {war.num} {war.name}"[:40])

        return run_backtest(world, settings, wars, on_war=step)


def backtest(
    out: Annotated[Path, typer.Option(help="Folder for report.md, metrics.json, wars.csv and the figures.")],
    first: Annotated[int | None, typer.Option("--from", help="First year (wars by start year).")] = None,
    last: Annotated[int | None, typer.Option("--to", help="Last year (wars by start year).")] = None,
    draws: Annotated[int, typer.Option(help="Monte Carlo draws per war (probabilistic mode).")] = 2000,
    seed: Annotated[int, typer.Option(help="Base random seed (war N uses seed + N).", min=0, max=2**62)] = 1815,
    force: Annotated[bool, typer.Option("--force", help="Write into a non-empty folder, replacing the "
                                                        "backtest's own files there.")] = False,
) -> None:
    """Replay every COW inter-state war's opening attack and compare the cascade with who really fought."""
    import datetime as dt

    from foedus._version import __version__
    from foedus.backtest.figures import calibration_figure, precision_recall_figure
    from foedus.backtest.report import markdown, metrics_json, wars_csv, write_text
    from foedus.backtest.run import Settings
    from foedus.backtest.summary import summarize, war_rows

    _check(first, last, draws)
    settings = Settings(first=first, last=last, draws=draws, seed=seed)
    wars = _wars(settings)
    check_out_dir(out, force)
    result = _run_with_progress(settings, wars)
    metrics = {"run": {"date": dt.date.today().isoformat(), "foedus_version": __version__,
                       "command": command_line(first, last, out, draws, seed)}, **summarize(result)}
    rows = war_rows(result)
    write_text(out / "metrics.json", metrics_json(metrics))
    write_text(out / "wars.csv", wars_csv(rows))
    calibration_figure(metrics, out)
    precision_recall_figure(metrics, out)
    write_text(out / "report.md", markdown(metrics, rows))
    legal = metrics["precision_recall"]["legal"]["overall"]
    skipped = len(metrics["skipped_wars"]), len(metrics["skipped_states"])
    typer.echo(f"{metrics['wars']['scored']} wars scored ({skipped[0]} skipped, {skipped[1]} states left out); "
               f"legal reading: precision {_pct(legal['precision'])}, recall {_pct(legal['recall'])}; "
               f"Brier {_num(metrics['probabilistic']['brier'])}", err=True)
    typer.echo(f"wrote {', '.join(OUTPUT_FILES)} to {out}", err=True)


def _num(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.4f}"


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"
